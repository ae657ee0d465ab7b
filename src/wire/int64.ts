/**
 * 64-bit integers as two unsigned 32-bit halves. BigInt arithmetic allocates, so values that fit
 * in a double exactly (|v| < 2^53, nearly all of them in practice) take a Number path.
 */

const TWO_32 = 4294967296;
const MAX_SAFE = 0x1fffffffffffffn;
const MASK64 = (1n << 64n) - 1n;

/** The low and high halves of the last value split by splitInt64. */
export const parts = { lo: 0, hi: 0 };

/** Splits `v` (taken modulo 2^64, two's complement) into parts.lo and parts.hi, both unsigned. */
export function splitInt64(v: bigint): void {
  if (v >= -MAX_SAFE && v <= MAX_SAFE) {
    const n = Number(v);
    if (n >= 0) {
      parts.lo = n >>> 0;
      parts.hi = Math.floor(n / TWO_32) >>> 0;
    } else {
      const m = -n;
      const lo = m >>> 0;
      const hi = Math.floor(m / TWO_32) >>> 0;
      // Two's complement of (hi, lo): invert and add one.
      parts.lo = (~lo + 1) >>> 0;
      parts.hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
    }
    return;
  }
  const u = v & MASK64;
  parts.lo = Number(u & 0xffffffffn);
  parts.hi = Number(u >> 32n);
}

/** The unsigned 64-bit value of (hi, lo). */
export function joinUint64(lo: number, hi: number): bigint {
  lo >>>= 0;
  hi >>>= 0;
  if (hi < 0x200000) return BigInt(hi * TWO_32 + lo);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** The signed (two's complement) 64-bit value of (hi, lo). */
export function joinInt64(lo: number, hi: number): bigint {
  lo >>>= 0;
  hi >>>= 0;
  if (hi < 0x200000) return BigInt(hi * TWO_32 + lo);
  if (hi >= 0xffe00000) return BigInt((hi - TWO_32) * TWO_32 + lo);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}
