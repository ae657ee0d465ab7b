/**
 * 64-bit integers as two unsigned 32-bit halves, converted through one 8-byte scratch buffer:
 * storing a bigint into a BigInt64Array and reading a BigUint64Array element are single native
 * conversions, where BigInt arithmetic (`& mask`, `>> 32n`, `Number()`) allocates at every step.
 */

const i64 = new BigInt64Array(1);
const u64 = new BigUint64Array(i64.buffer);
const u32 = new Uint32Array(i64.buffer);
/** The index of the low half in `u32`: the element order follows the host's byte order. */
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** The low and high halves of the last value split by splitInt64. */
export const parts = { lo: 0, hi: 0 };

/** Splits `v` (taken modulo 2^64, two's complement) into parts.lo and parts.hi, both unsigned. */
export function splitInt64(v: bigint): void {
  i64[0] = v;
  parts.lo = u32[LO]!;
  parts.hi = u32[HI]!;
}

/** Splits `v` (a signed 64-bit value) as splitInt64 does, ZigZag-encoded (sint64): parts.lo and parts.hi. */
export function splitZigzag64(v: bigint): void {
  i64[0] = v;
  const lo = u32[LO]!;
  const hi = u32[HI]!;
  // Shift left by one, and invert everything for negative values.
  const sign = hi >> 31;
  parts.lo = ((lo << 1) ^ sign) >>> 0;
  parts.hi = (((hi << 1) | (lo >>> 31)) ^ sign) >>> 0;
}

/** The signed 64-bit value of the ZigZag-encoded halves (lo, hi) (sint64). */
export function joinZigzag64(lo: number, hi: number): bigint {
  // Shift right by one, then invert everything when the low bit was set.
  const sign = -(lo & 1);
  return joinInt64(((lo >>> 1) | (hi << 31)) ^ sign, (hi >>> 1) ^ sign);
}

/** The unsigned 64-bit value of (hi, lo). */
export function joinUint64(lo: number, hi: number): bigint {
  u32[LO] = lo;
  u32[HI] = hi;
  return u64[0]!;
}

/** The signed (two's complement) 64-bit value of (hi, lo). */
export function joinInt64(lo: number, hi: number): bigint {
  u32[LO] = lo;
  u32[HI] = hi;
  return i64[0]!;
}
