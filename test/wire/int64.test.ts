import { test } from "node:test";
import assert from "node:assert/strict";
import { BinaryReader, BinaryWriter } from "../../src/wire/index.js";
import { seededRandom } from "../support/random-message.js";
import { varint64 } from "./reference-varint.js";

const MASK64 = (1n << 64n) - 1n;

/** The reference encoding of fixed64: plain BigInt arithmetic. */
function referenceFixed(v: bigint): number[] {
  const u = v & MASK64;
  return Array.from({ length: 8 }, (_, i) => Number((u >> BigInt(8 * i)) & 0xffn));
}

function samples(): bigint[] {
  const rnd = seededRandom(64);
  const out = [0n, 1n, -1n, 2n ** 31n, -(2n ** 31n), 2n ** 32n - 1n, 2n ** 32n, -(2n ** 32n), 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), -(2n ** 53n) + 1n, 2n ** 63n - 1n, -(2n ** 63n)];
  for (let i = 0; i < 2000; i++) {
    const bits = BigInt(Math.floor(rnd() * 64));
    const mag = BigInt(Math.floor(rnd() * 2 ** 31)) * BigInt(Math.floor(rnd() * 2 ** 31)) * BigInt(Math.floor(rnd() * 4) + 1);
    const v = BigInt.asIntN(64, mag % (1n << (bits + 1n)));
    out.push(rnd() < 0.5 ? v : -v);
  }
  return out.map((v) => BigInt.asIntN(64, v));
}

test("64-bit values: bytes as the BigInt reference writes them, values read back exactly", () => {
  for (const v of samples()) {
    const u = BigInt.asUintN(64, v);
    const zz = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    const w = new BinaryWriter(8);
    w.int64(v).uint64(u).sint64(v).fixed64(u).sfixed64(v);
    const expected = [...varint64(v), ...varint64(u), ...varint64(zz), ...referenceFixed(u), ...referenceFixed(v)];
    const bytes = w.finish();
    assert.deepEqual([...bytes], expected, `bytes of ${v}`);
    const r = new BinaryReader(bytes);
    assert.equal(r.int64(), v);
    assert.equal(r.uint64(), u);
    assert.equal(r.sint64(), v);
    assert.equal(r.fixed64(), u);
    assert.equal(r.sfixed64(), v);
    assert.ok(r.done);
  }
});

test("values a type cannot hold are rejected, not wrapped", () => {
  const w = new BinaryWriter();
  const bad: [() => unknown, RegExp][] = [
    [() => w.uint64(2n ** 64n), /invalid uint64 value 18446744073709551616n/],
    [() => w.uint64(-1n), /invalid uint64 value -1n/],
    [() => w.fixed64(-1n), /invalid fixed64/],
    [() => w.int64(2n ** 63n), /invalid int64 value 9223372036854775808n/],
    [() => w.sint64(-(2n ** 63n) - 1n), /invalid sint64/],
    [() => w.sfixed64(2n ** 63n), /invalid sfixed64/],
    [() => w.int32(2 ** 31), /invalid int32 value 2147483648/],
    [() => w.int32(1.5), /invalid int32 value 1.5/],
    [() => w.uint32(-1), /invalid uint32 value -1/],
    [() => w.sint32(NaN), /invalid sint32 value NaN/],
    [() => w.fixed32(2 ** 32), /invalid fixed32/],
    [() => w.sfixed32(-(2 ** 31) - 1), /invalid sfixed32/],
    [() => w.int64(5 as unknown as bigint), /invalid int64 value 5/],
  ];
  for (const [f, re] of bad) assert.throws(f, (e: unknown) => (e as { code?: string }).code === "invalid-value" && re.test((e as Error).message));
  assert.equal(w.length, 0, "nothing was written");
});
