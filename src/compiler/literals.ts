/**
 * Values of number and string tokens, computed the way protoc's io::Tokenizer helpers compute
 * them (ParseInteger, TryParseFloat, ParseStringAppend). Token texts are Latin-1 strings: one char per byte.
 */

/** The largest unsigned 64-bit value. */
export const UINT64_MAX = 0xffffffffffffffffn;
/** The largest signed 32-bit value. */
export const INT32_MAX = 0x7fffffff;

/**
 * The value of an integer token (decimal, octal with a leading 0, or hex with 0x), or undefined
 * when it has a digit invalid for its base (like `08`) or exceeds `max` (at most 2^64-1).
 */
export function parseInteger(text: string, max: bigint): bigint | undefined {
  let base = 10;
  let i = 0;
  if (text.charCodeAt(0) === 48 /* 0 */) {
    const x = text.charCodeAt(1);
    if (x === 120 || x === 88) {
      base = 16;
      i = 2;
    } else {
      base = 8;
    }
  }
  // Short decimal numbers are the common case (field numbers); they fit a double exactly.
  if (base === 10 && text.length <= 15) {
    let n = 0;
    for (; i < text.length; i++) {
      const d = digitValue(text.charCodeAt(i));
      if (d >= 10) return undefined;
      n = n * 10 + d;
    }
    const v = BigInt(n);
    return v > max ? undefined : v;
  }
  let v = 0n;
  const b = BigInt(base);
  for (; i < text.length; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= base) return undefined;
    v = v * b + BigInt(d);
    if (v > UINT64_MAX) return undefined;
  }
  return v > max ? undefined : v;
}

/** The value of a digit in bases up to 36, or 36 for any other character. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 36;
}

const FLOAT_PREFIX = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;

/**
 * The value of a float token, or of a decimal integer too large for 64 bits. Like protoc, a
 * dangling exponent (`1e`, `1e+`, already reported by the lexer) is ignored; overflow gives infinity.
 */
export function parseFloatText(text: string): number {
  const m = FLOAT_PREFIX.exec(text);
  return m === null ? 0 : Number(m[0]);
}

/** True when `s` is a valid identifier: a letter or `_`, then letters, digits and `_`. */
export function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

/** Appends the bytes of one string token (quotes included) to `out`, interpreting escapes as protoc does. */
export function appendStringToken(text: string, out: number[]): void {
  const n = text.length;
  if (n === 0) return;
  const quote = text.charCodeAt(0);
  // at(i) returns 0 past the end, like the NUL terminator protoc's code relies on.
  const at = (i: number): number => (i < n ? text.charCodeAt(i) : 0);
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */ && i + 1 < n) {
      const e = text.charCodeAt(++i);
      if (e >= 48 && e <= 55) {
        let code = e - 48;
        if (isOctal(at(i + 1))) code = code * 8 + (text.charCodeAt(++i) - 48);
        if (isOctal(at(i + 1))) code = code * 8 + (text.charCodeAt(++i) - 48);
        out.push(code & 0xff);
      } else if (e === 120 || e === 88) {
        let code = 0;
        if (isHex(at(i + 1))) code = digitValue(text.charCodeAt(++i));
        if (isHex(at(i + 1))) code = code * 16 + digitValue(text.charCodeAt(++i));
        out.push(code);
      } else if (e === 117 || e === 85) {
        const end = fetchUnicodePoint(text, i, out);
        if (end === i) out.push(e);
        else i = end - 1;
      } else {
        out.push(translateEscape(e));
      }
    } else if (c === quote && i + 1 === n) {
      // the closing quote
    } else {
      out.push(c);
    }
  }
}

/** The text between the quotes of a string token without escapes (each char one byte), or undefined. */
export function plainStringToken(text: string): string | undefined {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== text.charCodeAt(0) || text.indexOf("\\") !== -1) return undefined;
  return text.slice(1, n - 1);
}

/** The bytes of adjacent string tokens, concatenated as protoc's parser does. */
export function stringTokensValue(texts: readonly string[]): Uint8Array {
  const plain = texts.length === 1 ? plainStringToken(texts[0]!) : undefined;
  if (plain !== undefined) {
    const bytes = new Uint8Array(plain.length);
    for (let i = 0; i < plain.length; i++) bytes[i] = plain.charCodeAt(i);
    return bytes;
  }
  const out: number[] = [];
  for (const t of texts) appendStringToken(t, out);
  return Uint8Array.from(out);
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function translateEscape(c: number): number {
  switch (c) {
    case 97: return 7; // \a
    case 98: return 8; // \b
    case 102: return 12; // \f
    case 110: return 10; // \n
    case 114: return 13; // \r
    case 116: return 9; // \t
    case 118: return 11; // \v
    case 92: return 92;
    case 63: return 63; // \?
    case 39: return 39;
    case 34: return 34;
    default: return 63; // invalid escapes were reported by the lexer; protoc yields '?'
  }
}

/** Reads `len` hex digits at `i` (no validity check, as in protoc); undefined when the text ends first. */
function readHexDigits(text: string, i: number, len: number): number | undefined {
  let v = 0;
  for (let k = 0; k < len; k++) {
    if (i + k >= text.length) return undefined;
    v = v * 16 + digitValue(text.charCodeAt(i + k));
  }
  return v;
}

/**
 * Decodes the \u or \U escape whose letter is at `i`, appending its UTF-8 to `out`; returns the
 * index just past it, or `i` when it could not be read. A \u head surrogate followed by a \u
 * trail surrogate combines into one code point.
 */
function fetchUnicodePoint(text: string, i: number, out: number[]): number {
  const len = text.charCodeAt(i) === 117 ? 4 : 8;
  let cp = readHexDigits(text, i + 1, len);
  if (cp === undefined) return i;
  let p = i + 1 + len;
  if (cp >= 0xd800 && cp < 0xdc00 && text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === 117) {
    const trail = readHexDigits(text, p + 2, 4);
    if (trail !== undefined && trail >= 0xdc00 && trail < 0xe000) {
      cp = 0x10000 + (((cp - 0xd800) << 10) | (trail - 0xdc00));
      p += 6;
    }
  }
  appendUtf8(cp, out);
  return p;
}

/** Appends a code point as UTF-8 (surrogates included, as protoc does); beyond 0x10FFFF writes `\Uxxxxxxxx`. */
function appendUtf8(cp: number, out: number[]): void {
  if (cp <= 0x7f) out.push(cp);
  else if (cp <= 0x7ff) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp <= 0xffff) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else if (cp <= 0x10ffff) {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    const s = "\\U" + cp.toString(16).padStart(8, "0");
    for (let k = 0; k < s.length; k++) out.push(s.charCodeAt(k));
  }
}
