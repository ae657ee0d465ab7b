import { type Cursor, hexValue, isHexDigit, isOctalDigit } from "./cursor.js";

/** Accumulates bytes in a growable buffer. */
class ByteBuilder {
  private buf = new Uint8Array(32);
  length = 0;

  push(b: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = b;
  }

  /** Appends the UTF-8 encoding of a code point (at most 0x10ffff). */
  pushCodePoint(cp: number): void {
    if (cp < 0x80) this.push(cp);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6));
      this.push(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.push(0xe0 | (cp >> 12));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    } else {
      this.push(0xf0 | (cp >> 18));
      this.push(0x80 | ((cp >> 12) & 0x3f));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    }
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** The simple escapes of the text format (as in C): \a \b \f \n \r \t \v \\ \? \' \". */
function simpleEscape(c: number): number {
  switch (c) {
    case 0x61: return 0x07; // a
    case 0x62: return 0x08; // b
    case 0x66: return 0x0c; // f
    case 0x6e: return 0x0a; // n
    case 0x72: return 0x0d; // r
    case 0x74: return 0x09; // t
    case 0x76: return 0x0b; // v
    case 0x5c: // \
    case 0x3f: // ?
    case 0x27: // '
    case 0x22: // "
      return c;
    default:
      return -1;
  }
}

/**
 * Reads a quoted string literal whose opening quote `delimiter` has just been consumed, up to and
 * including the closing quote, and returns its bytes (raw characters as UTF-8, escapes decoded).
 * Errors name the character where the problem was found, as protoc's tokenizer does.
 * Beyond protoc, \u and \U escapes must name a Unicode scalar value: surrogates and code points
 * above 0x10ffff are rejected (the text format spec and the conformance suite require this).
 */
export function scanStringLiteral(cur: Cursor, delimiter: number): Uint8Array {
  const out = new ByteBuilder();
  for (;;) {
    const c = cur.char;
    if (c < 0 || c === 0) cur.fail("Unexpected end of string.");
    if (c === 0x0a) cur.fail('Multiline strings are not allowed. Did you miss a "?.');
    if (c === delimiter) {
      cur.advance();
      return out.finish();
    }
    if (c !== 0x5c) {
      if (c < 0x80) out.push(c);
      else out.pushCodePoint(cur.text.codePointAt(cur.pos)!);
      if (c >= 0xd800 && c <= 0xdfff) fixLoneSurrogate(cur, out);
      cur.advance();
      continue;
    }
    cur.advance(); // the backslash
    readEscape(cur, out);
  }
}

/** A lone surrogate cannot be encoded in UTF-8; like TextEncoder, write U+FFFD instead. */
function fixLoneSurrogate(cur: Cursor, out: ByteBuilder): void {
  const cp = cur.text.codePointAt(cur.pos)!;
  if (cp >= 0x10000) return;
  out.length -= 3;
  out.pushCodePoint(0xfffd);
}

function readEscape(cur: Cursor, out: ByteBuilder): void {
  const e = cur.char;
  const simple = e < 0 ? -1 : simpleEscape(e);
  if (simple >= 0) {
    cur.advance();
    out.push(simple);
    return;
  }
  if (isOctalDigit(e)) {
    let v = 0;
    for (let n = 0; n < 3 && isOctalDigit(cur.char); n++) {
      v = v * 8 + (cur.char - 0x30);
      cur.advance();
    }
    out.push(v & 0xff);
    return;
  }
  if (e === 0x78 || e === 0x58) {
    // \x: one or two hex digits
    cur.advance();
    if (!isHexDigit(cur.char)) cur.fail("Expected hex digits for escape sequence.");
    let v = hexValue(cur.char);
    cur.advance();
    if (isHexDigit(cur.char)) {
      v = v * 16 + hexValue(cur.char);
      cur.advance();
    }
    out.push(v);
    return;
  }
  if (e === 0x75 || e === 0x55) {
    readUnicodeEscape(cur, out, e === 0x75 ? 4 : 8);
    return;
  }
  cur.fail("Invalid escape sequence in string literal.");
}

/** Reads \uXXXX or \UXXXXXXXX (the u or U is current) and appends the code point as UTF-8. */
function readUnicodeEscape(cur: Cursor, out: ByteBuilder, digits: number): void {
  const at = { line: cur.line, column: cur.column };
  cur.advance();
  let cp = 0;
  for (let i = 0; i < digits; i++) {
    // protoc wants \U followed by "00", then 0 or 1, then five hex digits.
    const c = cur.char;
    const bad = digits === 8 && ((i < 2 && c !== 0x30) || (i === 2 && c !== 0x30 && c !== 0x31));
    if (bad || !isHexDigit(c)) {
      cur.fail(digits === 4 ? "Expected four hex digits for \\u escape sequence." : "Expected eight hex digits up to 10ffff for \\U escape sequence");
    }
    cp = cp * 16 + hexValue(cur.char);
    cur.advance();
  }
  if (cp > 0x10ffff) failAt(cur, at, "Expected eight hex digits up to 10ffff for \\U escape sequence");
  if (cp >= 0xd800 && cp <= 0xdfff) failAt(cur, at, `Unicode escape names a surrogate code point (0x${cp.toString(16)}), which is not a character.`);
  out.pushCodePoint(cp);
}

function failAt(cur: Cursor, at: { line: number; column: number }, reason: string): never {
  cur.line = at.line;
  cur.column = at.column;
  return cur.fail(reason);
}
