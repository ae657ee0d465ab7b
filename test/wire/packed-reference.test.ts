import { test } from "node:test";
import assert from "node:assert/strict";
import { BinaryReader, BinaryWriter, WireError } from "../../src/wire/index.js";
import { varint64 as varint } from "./reference-varint.js";

// Packed repeated values, checked against reference encoders made with bigint arithmetic
// (independent of the writer's word-by-word code), for every packed type, at list lengths around
// the points where the writer and reader change strategy (runs of wide values, chunks of varints).

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function littleEndian(v: bigint, bytes: number): number[] {
  let x = BigInt.asUintN(bytes * 8, v);
  const out: number[] = [];
  for (let i = 0; i < bytes; i++, x >>= 8n) out.push(Number(x & 0xffn));
  return out;
}

const zigzag = (v: bigint): bigint => (v >= 0n ? v << 1n : (-v << 1n) - 1n);

/** A length prefix, then the bytes of every value. */
function packed<T>(values: readonly T[], encode: (v: T) => number[]): Uint8Array {
  const body = values.flatMap(encode);
  return Uint8Array.from([...varint(BigInt(body.length)), ...body]);
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` 64-bit values of every magnitude (each bit length 0..64 in turn), signed or not. */
function values64(n: number, signed: boolean, seed: number): bigint[] {
  const r = rng(seed);
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const bits = BigInt(i % 65);
    const raw = ((BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32))) & ((1n << bits) - 1n);
    out.push(signed ? BigInt.asIntN(64, raw | (i % 3 === 0 ? 1n << 63n : 0n)) : raw);
  }
  if (n > 2) out.splice(1, 2, signed ? INT64_MIN : 0n, signed ? INT64_MAX : UINT64_MAX);
  return out;
}

function values32(n: number, signed: boolean, seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = Math.floor(r() * 2 ** 32) >>> (i % 32);
    out.push(signed ? (i % 2 === 0 ? v | 0 : -(v >>> 1) | 0) : v >>> 0);
  }
  return out;
}

const LENGTHS = [0, 1, 2, 5, 6, 7, 16, 63, 64, 65, 129, 300];

type Case<T> = {
  name: "packedInt32" | "packedUint32" | "packedSint32" | "packedFixed32" | "packedSfixed32" | "packedInt64" | "packedUint64" | "packedSint64" | "packedFixed64" | "packedSfixed64";
  values: (n: number, seed: number) => T[];
  encode: (v: T) => number[];
};

const cases: Case<number | bigint>[] = [
  { name: "packedInt32", values: (n, s) => values32(n, true, s), encode: (v) => varint(BigInt(v)) },
  { name: "packedUint32", values: (n, s) => values32(n, false, s), encode: (v) => varint(BigInt(v)) },
  { name: "packedSint32", values: (n, s) => values32(n, true, s), encode: (v) => varint(zigzag(BigInt(v))) },
  { name: "packedFixed32", values: (n, s) => values32(n, false, s), encode: (v) => littleEndian(BigInt(v), 4) },
  { name: "packedSfixed32", values: (n, s) => values32(n, true, s), encode: (v) => littleEndian(BigInt(v), 4) },
  { name: "packedInt64", values: (n, s) => values64(n, true, s), encode: (v) => varint(v as bigint) },
  { name: "packedUint64", values: (n, s) => values64(n, false, s), encode: (v) => varint(v as bigint) },
  { name: "packedSint64", values: (n, s) => values64(n, true, s), encode: (v) => varint(zigzag(v as bigint)) },
  { name: "packedFixed64", values: (n, s) => values64(n, false, s), encode: (v) => littleEndian(v as bigint, 8) },
  { name: "packedSfixed64", values: (n, s) => values64(n, true, s), encode: (v) => littleEndian(v as bigint, 8) },
];

type PackedWriter = (values: readonly (number | bigint)[]) => BinaryWriter;
type PackedReader = (list: (number | bigint)[]) => void;

test("packed writers write exactly the reference bytes, and the readers read the values back, at every list length", () => {
  for (const c of cases) {
    for (const n of LENGTHS) {
      const values = c.values(n, n + 1);
      const expected = packed(values, c.encode);
      const w = new BinaryWriter(1); // growing while it writes
      (w[c.name] as PackedWriter).call(w, values);
      const bytes = w.finish();
      assert.deepEqual(Array.from(bytes), Array.from(expected), `${c.name} of ${n}`);
      // At every alignment of the input: the reader's runs of 64-bit values are copied to an aligned buffer.
      for (const offset of [0, 1, 3, 7]) {
        const input = new Uint8Array(offset + bytes.length + 2);
        input.set(bytes, offset);
        const r = new BinaryReader(input, offset, offset + bytes.length);
        const list: (number | bigint)[] = [];
        (r[c.name] as PackedReader).call(r, list);
        assert.deepEqual(list, values, `${c.name} of ${n} at offset ${offset}`);
        assert.equal(r.pos, offset + bytes.length);
      }
    }
  }
});

test("packed readers append to the list they are given", () => {
  const bytes = packed([5n, INT64_MIN, 6n, 7n, 8n, 9n, 10n], (v) => littleEndian(v, 8));
  const list = [1n];
  new BinaryReader(bytes).packedSfixed64(list);
  assert.deepEqual(list, [1n, 5n, INT64_MIN, 6n, 7n, 8n, 9n, 10n]);
});

test("a packed fixed64 value cut short is an error at the start of the cut value, after every whole one", () => {
  for (const n of [1, 6, 70]) {
    const values = values64(n, false, n);
    const whole = Array.from(packed(values, (v) => littleEndian(v, 8)).subarray(varint(BigInt(8 * n)).length));
    for (const cut of [1, 7]) {
      const body = [...whole, ...new Array<number>(cut).fill(0xab)];
      const bytes = Uint8Array.from([...varint(BigInt(body.length)), ...body]);
      const list: bigint[] = [];
      const r = new BinaryReader(bytes);
      assert.throws(
        () => r.packedFixed64(list),
        (e: unknown) => e instanceof WireError && e.code === "truncated" && e.offset === bytes.length - cut,
        `${n} values and ${cut} bytes`,
      );
      assert.deepEqual(list, values);
    }
  }
});

test("packed 64-bit writers reject a value out of range or not a bigint, wherever it is in the list", () => {
  const bad: [string, (w: BinaryWriter, v: bigint[]) => unknown, unknown][] = [
    ["int64", (w, v) => w.packedInt64(v), INT64_MAX + 1n],
    ["sint64", (w, v) => w.packedSint64(v), INT64_MIN - 1n],
    ["uint64", (w, v) => w.packedUint64(v), -1n],
    ["fixed64", (w, v) => w.packedFixed64(v), UINT64_MAX + 1n],
    ["sfixed64", (w, v) => w.packedSfixed64(v), 5],
  ];
  for (const [type, write, value] of bad) {
    for (const at of [0, 3, 69]) {
      const list = new Array<unknown>(70).fill(1n);
      list[at] = value;
      assert.throws(() => write(new BinaryWriter(), list as bigint[]), new RegExp(`^WireError: invalid ${type} value ${typeof value === "bigint" ? `${value}n` : value}$`));
    }
  }
});

test("negative int32 values are ten-byte varints, in single values and packed", () => {
  for (const v of [-1, -2, -127, -128, -129, -(2 ** 28), -(2 ** 28) - 1, -(2 ** 31)]) {
    const expected = varint(BigInt(v));
    assert.equal(expected.length, 10);
    assert.deepEqual(Array.from(new BinaryWriter().int32(v).finish()), expected, `int32 ${v}`);
    assert.deepEqual(Array.from(new BinaryWriter().packedInt32([v, 1]).finish()), [11, ...expected, 1], `packedInt32 ${v}`);
  }
});
