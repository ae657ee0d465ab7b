/** Base64 (RFC 4648) encoding and decoding without platform helpers, so it runs in any JavaScript engine. */

const STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// Decoding accepts both alphabets.
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  DECODE[STD.charCodeAt(i)] = i;
  DECODE[URL.charCodeAt(i)] = i;
}

/** Encodes bytes as base64; `url` selects the URL-safe alphabet without padding. */
export function base64Encode(bytes: Uint8Array, url = false): string {
  const table = url ? URL : STD;
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += table[n >> 18]! + table[(n >> 12) & 63]! + table[(n >> 6) & 63]! + table[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += table[n >> 18]! + table[(n >> 12) & 63]! + (url ? "" : "==");
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += table[n >> 18]! + table[(n >> 12) & 63]! + table[(n >> 6) & 63]! + (url ? "" : "=");
  }
  return out;
}

/**
 * Decodes base64 in the standard or URL-safe alphabet, padded or not. Returns undefined for
 * anything else: characters outside the alphabets, misplaced padding, or a dangling single character.
 */
export function base64Decode(s: string): Uint8Array | undefined {
  let len = s.length;
  let pad = 0;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) {
    len--;
    pad++;
  }
  if (pad > 2 || (pad > 0 && (len + pad) % 4 !== 0)) return undefined;
  if (len % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
