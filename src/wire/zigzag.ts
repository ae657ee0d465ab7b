/** ZigZag encoding maps signed integers to unsigned ones so that small magnitudes stay small (sint32/sint64). */

export function zigzagEncode32(n: number): number {
  return ((n << 1) ^ (n >> 31)) >>> 0;
}

export function zigzagDecode32(n: number): number {
  return (n >>> 1) ^ -(n & 1);
}

const MASK64 = (1n << 64n) - 1n;

/** Takes a signed 64-bit value and returns the unsigned 64-bit zigzag value. */
export function zigzagEncode64(n: bigint): bigint {
  return ((n << 1n) ^ (n >> 63n)) & MASK64;
}

/** Takes an unsigned 64-bit zigzag value and returns the signed 64-bit value. */
export function zigzagDecode64(n: bigint): bigint {
  return (n >> 1n) ^ -(n & 1n);
}
