/** UTF-8 encoding and decoding, with a validating decoder for fields whose features require valid UTF-8. */

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Node's Buffer#utf8Slice, where the platform has it (it works on any Uint8Array). */
const nodeUtf8Slice = (globalThis as { Buffer?: { prototype: { utf8Slice?: (this: Uint8Array, start: number, end: number) => string } } }).Buffer?.prototype.utf8Slice;

/** Encodes a string as UTF-8. Lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The number of bytes `s` takes in UTF-8. */
export function utf8Length(s: string): number {
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
    } else n += 3;
  }
  return n;
}

/** Writes `s` as UTF-8 into `buf` at `pos`, which must have room for utf8Length(s) bytes; returns the bytes written. */
export function utf8Write(s: string, buf: Uint8Array, pos: number): number {
  const start = pos;
  if (s.length > 64) {
    return encoder.encodeInto(s, buf.subarray(pos)).written;
  }
  for (let i = 0; i < s.length; i++) {
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
        c = 0xfffd; // a lone surrogate cannot be encoded
      }
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos - start;
}

/**
 * Decodes UTF-8 bytes `buf[start..end)`. With `validate`, invalid UTF-8 returns undefined;
 * without, invalid sequences become U+FFFD.
 */
export function utf8Decode(buf: Uint8Array, start: number, end: number, validate: boolean): string | undefined {
  if (nodeUtf8Slice !== undefined) {
    // Node's decoder is the fastest at every length; it replaces invalid sequences with U+FFFD,
    // so only a string holding U+FFFD needs checking.
    const s = nodeUtf8Slice.call(buf, start, end);
    if (validate && s.indexOf("\uFFFD") !== -1) return decodeSlow(buf, start, end, true);
    return s;
  }
  const len = end - start;
  if (len < 16) {
    // Short ASCII strings are common: decoding them by hand avoids TextDecoder's call overhead.
    let s = "";
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return decodeSlow(buf, start, end, validate);
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decodeSlow(buf, start, end, validate);
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

/** True when `s` has no lone surrogates, so that it encodes to UTF-8 without loss. */
export function isWellFormedString(s: string): boolean {
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
