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

  /** Appends a code point as protoc does (AppendUTF8): UTF-8 for up to 0x10ffff, surrogates included; above that, the escape as text. */
  pushCodePoint(cp: number): void {
    if (cp < 0x80) this.push(cp);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6));
      this.push(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.push(0xe0 | (cp >> 12));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    } else if (cp <= 0x10ffff) {
      this.push(0xf0 | (cp >> 18));
      this.push(0x80 | ((cp >> 12) & 0x3f));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    } else {
      for (const c of "\\U" + cp.toString(16).padStart(8, "0")) this.push(c.charCodeAt(0));
    }
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** How a string literal is read: where errors go, and whether protoc's leniency applies. */
export interface StringLiteralContext {
  /** Reports an error at a 0-based position; may throw (to stop) or return (to go on, as protoc's tokenizer does). */
  error(reason: string, line: number, column: number): void;
  /**
   * Accept what protoc accepts beyond the spec: \u escapes naming surrogates (a pair of them makes
   * one character, a lone one is encoded as its three bytes) and \U escapes above 0x10ffff (kept
   * as written). When false, these are errors.
   */
  readonly lenient: boolean;
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
 * including the closing quote, and returns its bytes (raw bytes as they are, escapes decoded).
 * Errors are reported where protoc's tokenizer reports them, and reading goes on as it does: a
 * newline or the end of the input ends the literal, a bad escape is skipped.
 */
export function scanStringLiteral(cur: Cursor, delimiter: number, ctx: StringLiteralContext): Uint8Array {
  const out = new ByteBuilder();
  for (;;) {
    const c = cur.char;
    if (c <= 0) {
      ctx.error("Unexpected end of string.", cur.line, cur.column);
      return out.finish();
    }
    if (c === 0x0a) {
      ctx.error('Multiline strings are not allowed. Did you miss a "?.', cur.line, cur.column);
      return out.finish();
    }
    cur.advance();
    if (c === delimiter) return out.finish();
    if (c === 0x5c) readEscape(cur, out, ctx);
    else out.push(c);
  }
}

/** Reads what follows a backslash. */
function readEscape(cur: Cursor, out: ByteBuilder, ctx: StringLiteralContext): void {
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
    let v = 0;
    if (!isHexDigit(cur.char)) ctx.error("Expected hex digits for escape sequence.", cur.line, cur.column);
    for (let n = 0; n < 2 && isHexDigit(cur.char); n++) {
      v = v * 16 + hexValue(cur.char);
      cur.advance();
    }
    out.push(v);
    return;
  }
  if (e === 0x75 || e === 0x55) {
    readUnicodeEscape(cur, out, ctx);
    return;
  }
  ctx.error("Invalid escape sequence in string literal.", cur.line, cur.column);
}

/** Reads \uXXXX or \UXXXXXXXX (the u or U is current) and appends the code point as protoc does. */
function readUnicodeEscape(cur: Cursor, out: ByteBuilder, ctx: StringLiteralContext): void {
  const line = cur.line;
  const column = cur.column;
  const long = cur.char === 0x55;
  cur.advance();
  const cp = readCodePointDigits(cur, long, ctx);
  if (cp === undefined) return;
  if (!ctx.lenient) {
    if (cp > 0x10ffff) return ctx.error("Expected eight hex digits up to 10ffff for \\U escape sequence", line, column);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      return ctx.error(`Unicode escape names a surrogate code point (0x${cp.toString(16)}), which is not a character.`, line, column);
    }
    return out.pushCodePoint(cp);
  }
  // A head surrogate directly followed by a \u escape of a trail surrogate makes one code point.
  if (cp >= 0xd800 && cp < 0xdc00 && cur.char === 0x5c && cur.nextChar === 0x75) {
    const trail = peekHex4(cur.bytes, cur.pos + 2);
    if (trail !== undefined && trail >= 0xdc00 && trail < 0xe000) {
      for (let i = 0; i < 6; i++) cur.advance();
      return out.pushCodePoint(0x10000 + (((cp - 0xd800) << 10) | (trail - 0xdc00)));
    }
  }
  out.pushCodePoint(cp);
}

/** The hex digits of \u (four) or \U ("00", then 0 or 1, then five more), or undefined after reporting protoc's error where they stop. */
function readCodePointDigits(cur: Cursor, long: boolean, ctx: StringLiteralContext): number | undefined {
  let cp = 0;
  for (let i = 0; i < (long ? 8 : 4); i++) {
    const c = cur.char;
    const ok = long && i < 3 ? c === 0x30 || (i === 2 && c === 0x31) : isHexDigit(c);
    if (!ok) {
      ctx.error(long ? "Expected eight hex digits up to 10ffff for \\U escape sequence" : "Expected four hex digits for \\u escape sequence.", cur.line, cur.column);
      return undefined;
    }
    cp = cp * 16 + hexValue(c);
    cur.advance();
  }
  return cp;
}

function peekHex4(bytes: Uint8Array, at: number): number | undefined {
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = i < bytes.length ? bytes[i]! : -1;
    if (!isHexDigit(c)) return undefined;
    v = v * 16 + hexValue(c);
  }
  return v;
}
