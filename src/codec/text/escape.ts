import { utf8Encode, utf8EncodeEscaped } from "../../wire/utf8.js";

/**
 * Escapes bytes as protoc's text printer does (absl::CEscape): \n \r \t \" \' \\ by name, every
 * other byte below 0x20 or from 0x7f up as a three-digit octal escape (so UTF-8 is escaped byte by byte).
 */
export function escapeBytes(bytes: Uint8Array): string {
  let out = "";
  let runStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const e = escapeOf(b);
    if (e === undefined) continue;
    if (i > runStart) out += asciiRun(bytes, runStart, i);
    out += e;
    runStart = i + 1;
  }
  if (runStart < bytes.length) out += asciiRun(bytes, runStart, bytes.length);
  return out;
}

/**
 * Escapes a string field's value: its UTF-8 bytes, escaped as escapeBytes does. `escaped`: the
 * string may hold bytes that were not valid UTF-8 (see utf8DecodeEscaped), printed as those bytes.
 */
export function escapeString(s: string, escaped = false): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x27 || c === 0x5c) return escapeBytes(escaped ? utf8EncodeEscaped(s) : utf8Encode(s));
  }
  return s;
}

function escapeOf(b: number): string | undefined {
  switch (b) {
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x22: return '\\"';
    case 0x27: return "\\'";
    case 0x5c: return "\\\\";
  }
  if (b >= 0x20 && b < 0x7f) return undefined;
  return "\\" + (b >> 6).toString() + ((b >> 3) & 7).toString() + (b & 7).toString();
}

function asciiRun(bytes: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
