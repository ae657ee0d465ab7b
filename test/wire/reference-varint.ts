// Reference varint encoders for the wire tests, written with bigint arithmetic, independently of
// the writer's word-by-word code.

/** The varint of non-negative `v`, of any size (longer than ten bytes too). */
export function varint(v: bigint | number): number[] {
  let x = BigInt(v);
  if (x < 0n) throw new RangeError(`varint(): ${x} is negative: use varint64()`);
  const out: number[] = [];
  while (x > 0x7fn) {
    out.push(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  out.push(Number(x));
  return out;
}

/** The varint of `v` taken modulo 2^64 (a negative value as its two's complement): a 64-bit field's. */
export function varint64(v: bigint | number): number[] {
  return varint(BigInt.asUintN(64, BigInt(v)));
}
