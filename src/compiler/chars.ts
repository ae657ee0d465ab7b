/** Byte classes for the tokenizer, and byte-string helpers. */
import { utf8Decode } from "../wire/index.js";

// Character classes, as bit flags per byte (protoc's absl::CharSets).
/** Whitespace: space \t \n \v \f \r. */
export const WS = 1;
/** Whitespace other than \n. */
export const WS_NO_NL = 2;
/** 0-9. */
export const DIGIT = 4;
/** 0-7. */
export const OCTAL = 8;
/** 0-9 a-f A-F. */
export const HEX = 16;
/** a-z A-Z _. */
export const LETTER = 32;
/** Characters of simple escapes: a b f n r t v \ ? ' ". */
export const ESCAPE = 64;
/** Bytes 1..31 (protoc's "unprintable"). */
export const CONTROL = 128;

/** The class bits of each byte. */
export const CLASS = (() => {
  const t = new Uint8Array(256);
  for (const c of [32, 9, 10, 11, 12, 13]) t[c]! |= c === 10 ? WS : WS | WS_NO_NL;
  for (let c = 48; c <= 57; c++) t[c]! |= DIGIT | HEX | (c <= 55 ? OCTAL : 0);
  for (let c = 97; c <= 122; c++) t[c]! |= LETTER | (c <= 102 ? HEX : 0);
  for (let c = 65; c <= 90; c++) t[c]! |= LETTER | (c <= 70 ? HEX : 0);
  t[95]! |= LETTER;
  for (const ch of "abfnrtv\\?'\"") t[ch.charCodeAt(0)]! |= ESCAPE;
  for (let c = 1; c < 32; c++) t[c]! |= CONTROL;
  return t;
})();

/** WHATWG "latin1" is windows-1252: right for every byte except 0x80-0x9F, which are checked for. */
const windows1252 = new TextDecoder("latin1");
const NOT_LATIN1 = /[^\x00-\xff]/;
/** Matches any non-ASCII char. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes `buf[start..end)` as a Latin-1 string, one char per byte. */
export function latin1(buf: Uint8Array, start: number, end: number): string {
  const view = buf.subarray(start, end);
  const fast = windows1252.decode(view);
  if (!NOT_LATIN1.test(fast)) return fast;
  let s = "";
  for (let i = 0; i < view.length; i += 8192) {
    s += String.fromCharCode.apply(null, view.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/** Reinterprets a Latin-1 string of bytes (such as a token's text) as UTF-8. */
export function latin1ToUtf8(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return utf8Decode(bytes, 0, bytes.length, false)!;
}
