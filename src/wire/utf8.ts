/** UTF-8 encoding and decoding, with a validating decoder for fields whose features require valid UTF-8. */

import { asciiString, MAX_SHORT_STRING, unitsString } from "./short-strings.js";

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

type NodeSlice = (this: Uint8Array, start: number, end: number) => string;
const nodeBuffer = (globalThis as { Buffer?: { prototype: { utf8Slice?: NodeSlice; ucs2Slice?: NodeSlice } } }).Buffer?.prototype;
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Node's Buffer#utf8Slice, where the platform has it (it works on any Uint8Array). */
const nodeUtf8Slice = nodeBuffer?.utf8Slice;
/** Node's Buffer#ucs2Slice (UTF-16LE bytes to a string), used where code units are stored little-endian. */
const nodeUcs2Slice = littleEndianHost ? nodeBuffer?.ucs2Slice : undefined;

/** Encodes a string as UTF-8. Lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * The number of bytes `s` takes in UTF-8 (a lone surrogate as U+FFFD, or, with `escaped`, one of
 * U+DC80–U+DCFF as the single byte it stands for: see utf8DecodeEscaped).
 */
export function utf8Length(s: string, escaped = false): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += escaped && c >= 0xdc80 && c <= 0xdcff ? 1 : 3;
  }
  return n;
}

/**
 * Writes `s` as UTF-8 into `buf` at `pos`, which must have room for utf8Length(s, escaped) bytes;
 * returns the bytes written. A lone surrogate becomes U+FFFD, or, with `escaped`, one of
 * U+DC80–U+DCFF the single byte it stands for (see utf8DecodeEscaped).
 */
export function utf8Write(s: string, buf: Uint8Array, pos: number, escaped = false): number {
  if (s.length > 64 && (!escaped || isWellFormedString(s))) {
    return encoder.encodeInto(s, buf.subarray(pos)).written;
  }
  return utf8WriteFrom(s, 0, buf, pos, escaped) - pos;
}

/**
 * Writes `s` from its UTF-16 unit `from` on as utf8Write does, in JavaScript whatever its length,
 * and returns the position after it: for a writer that has written the ASCII start of `s` itself.
 */
export function utf8WriteFrom(s: string, from: number, buf: Uint8Array, pos: number, escaped: boolean): number {
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[pos++] = 0xf0 | (c >> 18);
          buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
          buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
          buf[pos++] = 0x80 | (c & 0x3f);
          continue;
        }
        if (escaped && c >= 0xdc80 && c <= 0xdcff) {
          buf[pos++] = c & 0xff;
          continue;
        }
        c = 0xfffd; // a lone surrogate cannot be encoded
      }
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/** Encodes a string as utf8Write does with `escaped`: the inverse of utf8DecodeEscaped. */
export function utf8EncodeEscaped(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s, true));
  utf8Write(s, out, 0, true);
  return out;
}

/**
 * Decodes UTF-8 that need not be valid (a string field that does not require valid UTF-8) without
 * losing a byte: each byte that is not part of a valid sequence becomes the lone surrogate
 * U+DC00 + byte (U+DC80–U+DCFF; valid UTF-8 never decodes to a lone surrogate), which utf8Write
 * and utf8Length with `escaped` turn back into that byte. Valid UTF-8 decodes as utf8Decode does.
 */
export function utf8DecodeEscaped(buf: Uint8Array, start: number, end: number): string {
  return utf8Decode(buf, start, end, true) ?? decodeEscaping(buf, start, end);
}

/** utf8DecodeEscaped() without trying asciiString() first (see utf8DecodeOther). */
export function utf8DecodeEscapedOther(buf: Uint8Array, start: number, end: number): string {
  return utf8DecodeOther(buf, start, end, true) ?? decodeEscaping(buf, start, end);
}

function decodeEscaping(buf: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let out = "";
  let i = start;
  while (i < end) {
    const n = validSequenceLength(buf, i, end);
    if (n === 0) {
      units.push(0xdc00 | buf[i]!);
      i++;
    } else {
      const c = buf[i]!;
      let cp: number;
      if (n === 1) cp = c;
      else if (n === 2) cp = ((c & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
      else if (n === 3) cp = ((c & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
      else cp = ((c & 0x07) << 18) | ((buf[i + 1]! & 0x3f) << 12) | ((buf[i + 2]! & 0x3f) << 6) | (buf[i + 3]! & 0x3f);
      if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 | (cp & 0x3ff));
      else units.push(cp);
      i += n;
    }
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/** The length of the valid UTF-8 sequence at `buf[i]` (RFC 3629), or 0 when there is none. */
function validSequenceLength(buf: Uint8Array, i: number, end: number): number {
  const c = buf[i]!;
  if (c < 0x80) return 1;
  // The sequence's length and the range its second byte must be in (no overlong forms, no
  // surrogates, nothing above U+10FFFF); later bytes are any continuation byte.
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > end) return 0;
  const c1 = buf[i + 1]!;
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
}

/** How many leading bytes decide, for a longer string, between the native decoder (ASCII) and transcode(). */
const PROBE = 32;
/** Longer non-ASCII strings go to the native decoder, so that the scratch buffer stays small. */
const MAX_TRANSCODE = 64 * 1024;

/**
 * Decodes UTF-8 bytes `buf[start..end)`. With `validate`, invalid UTF-8 returns undefined;
 * without, invalid sequences become U+FFFD.
 */
export function utf8Decode(buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  // Short ASCII (valid UTF-8 as it is) here; everything else in utf8DecodeOther(). Small enough
  // for the optimizing compiler to inline into the decoders.
  if (end - start <= MAX_SHORT_STRING) {
    const ascii = asciiString(buf, start, end - start);
    if (ascii !== undefined) return ascii;
  }
  return utf8DecodeOther(buf, start, end, validate);
}

/**
 * utf8Decode() without its first step, for callers that have tried asciiString() on short input
 * already: it decodes any UTF-8 (short ASCII too, only more slowly).
 */
export function utf8DecodeOther(buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  if (end - start <= MAX_SHORT_STRING) {
    // Other short text is transcoded here, without a native call.
    const n = transcode(buf, start, end);
    return n >= 0 ? unitsString(units, n) : decodeSlow(buf, start, end, validate);
  }
  if (nodeUtf8Slice === undefined) return decodeSlow(buf, start, end, validate);
  // Text that starts with non-ASCII is likely to go on so: transcode() decodes it twice as fast as
  // V8. Mostly-ASCII text goes to Node's decoder, which is fastest there.
  const probeEnd = Math.min(end, start + PROBE);
  for (let i = start; i < probeEnd; i++) if (buf[i]! >= 0x80) return decodeNonAscii(buf, start, end, validate);
  return decodeNative(nodeUtf8Slice, buf, start, end, validate);
}

function decodeNonAscii(buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  if (nodeUcs2Slice !== undefined && end - start <= MAX_TRANSCODE) {
    const n = transcode(buf, start, end);
    if (n >= 0) return nodeUcs2Slice.call(unitBytes, 0, 2 * n);
  } else if (nodeUtf8Slice !== undefined) {
    return decodeNative(nodeUtf8Slice, buf, start, end, validate);
  }
  // Invalid UTF-8: the platform's decoder rejects it, or replaces what is invalid.
  return decodeSlow(buf, start, end, validate);
}

/**
 * Node's decoder replaces invalid sequences with U+FFFD, so only a string holding U+FFFD needs
 * checking (a one-byte string cannot hold it: that check is immediate).
 */
function decodeNative(slice: NodeSlice, buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  const s = slice.call(buf, start, end);
  if (validate && s.indexOf("\uFFFD") !== -1) return decodeSlow(buf, start, end, true);
  return s;
}

function decodeSlow(buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  const view = buf.subarray(start, end);
  if (!validate) return lenientDecoder.decode(view);
  try {
    return strictDecoder.decode(view);
  } catch {
    return undefined;
  }
}

let units = new Uint16Array(256);
let unitBytes = new Uint8Array(units.buffer);

/**
 * Decodes valid UTF-8 into UTF-16 code units in the scratch buffer `units` and returns how many;
 * -1, having decoded nothing usable, at the first invalid sequence (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF). Node turns the units into a string with `ucs2Slice`
 * (little-endian code units); short ones become strings with unitsString().
 */
function transcode(buf: Uint8Array, start: number, end: number): number {
  if (units.length < end - start) {
    units = new Uint16Array(Math.max(end - start, units.length * 2));
    unitBytes = new Uint8Array(units.buffer);
  }
  const out = units;
  let n = 0;
  let i = start;
  while (i < end) {
    const c = buf[i]!;
    if (c < 0x80) {
      out[n++] = c;
      i++;
    } else if (c < 0xe0) {
      if (c < 0xc2 || i + 1 >= end) return -1;
      const c1 = buf[i + 1]!;
      if ((c1 & 0xc0) !== 0x80) return -1;
      out[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      if (i + 2 >= end) return -1;
      const c1 = buf[i + 1]!, c2 = buf[i + 2]!;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
      out[n++] = cp;
      i += 3;
    } else {
      if (c > 0xf4 || i + 3 >= end) return -1;
      const c1 = buf[i + 1]!, c2 = buf[i + 2]!, c3 = buf[i + 3]!;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return -1;
      out[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[n++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return n;
}

const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when `s` has no lone surrogates, so that it encodes to UTF-8 without loss. */
export function isWellFormedString(s: string): boolean {
  if (nativeIsWellFormed !== undefined) return nativeIsWellFormed.call(s);
  return isWellFormedLoop(s);
}

/** isWellFormedString where the platform has no String#isWellFormed. */
export function isWellFormedLoop(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c > 0xdbff || i + 1 >= s.length) return false;
      const d = s.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) return false;
      i++;
    }
  }
  return true;
}
