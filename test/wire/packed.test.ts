// Packed repeated values: the writer's and reader's packed* methods against the single-value
// methods (same bytes, same values, same errors at the same offsets).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BinaryReader, BinaryWriter, WireError } from "../../src/wire/index.js";

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const U64_MAX = (1n << 64n) - 1n;

type Kind = "double" | "float" | "fixed32" | "sfixed32" | "fixed64" | "sfixed64" | "bool" | "int32" | "uint32" | "sint32" | "int64" | "uint64" | "sint64";
const cap = (k: Kind) => `packed${k[0]!.toUpperCase()}${k.slice(1)}`;

const samples: Record<Kind, unknown[]> = {
  double: [0, -0, 1.5, -Math.PI, Number.MAX_VALUE, 5e-324, Infinity, -Infinity, NaN],
  float: [0, -0, 1.5, -3.25, 3.4028234663852886e38, Infinity, NaN],
  fixed32: [0, 1, 0x7fffffff, 0x80000000, 0xffffffff],
  sfixed32: [0, -1, 2147483647, -2147483648, 42],
  fixed64: [0n, 1n, 4294967296n, U64_MAX, 9007199254740993n],
  sfixed64: [0n, -1n, I64_MIN, I64_MAX, -4294967296n],
  bool: [true, false, true],
  int32: [0, 1, -1, 127, 128, -128, 2147483647, -2147483648, 300],
  uint32: [0, 1, 127, 128, 16383, 16384, 0xffffffff],
  sint32: [0, -1, 1, -64, 64, 2147483647, -2147483648],
  int64: [0n, 1n, 127n, 128n, -1n, I64_MIN, I64_MAX, 9007199254740993n],
  uint64: [0n, 1n, 127n, 128n, U64_MAX, 1n << 63n],
  sint64: [0n, -1n, 1n, -64n, 63n, 64n, I64_MIN, I64_MAX],
};
const kinds = Object.keys(samples) as Kind[];

/** The bytes of a packed value written one value at a time, with fork()/join(). */
function oneByOne(kind: Kind, values: unknown[]): Uint8Array {
  const w = new BinaryWriter();
  const one = w as unknown as Record<string, (v: unknown) => void>;
  w.fork();
  for (const v of values) one[kind]!.call(w, v);
  w.join();
  return w.finish();
}

function packed(kind: Kind, values: unknown[]): Uint8Array {
  const w = new BinaryWriter() as unknown as Record<string, (v: unknown) => void> & BinaryWriter;
  w[cap(kind)]!(values);
  return w.finish();
}

function readPacked(kind: Kind, bytes: Uint8Array, end = bytes.length): unknown[] {
  const r = new BinaryReader(bytes, 0, end) as unknown as Record<string, (list: unknown[]) => void> & BinaryReader;
  const list: unknown[] = [];
  r[cap(kind)]!(list);
  assert.equal(r.pos, end);
  assert.equal(r.end, end, "the reader's end is restored");
  return list;
}

/** Reads one value at a time, as the decoders did before packed methods. */
function readOneByOne(kind: Kind, bytes: Uint8Array): unknown[] {
  const r = new BinaryReader(bytes) as unknown as Record<string, () => unknown> & BinaryReader;
  const len = r.length();
  const e = r.pos + len;
  r.end = e;
  const list: unknown[] = [];
  while (r.pos < e) list.push(r[kind]!());
  return list;
}

for (const kind of kinds) {
  test(`${cap(kind)}: the same bytes as one value at a time, read back exactly`, () => {
    for (const values of [[], samples[kind], Array.from({ length: 700 }, (_, i) => samples[kind][i % samples[kind].length])]) {
      const bytes = packed(kind, values);
      assert.deepEqual(bytes, oneByOne(kind, values), `${values.length} values`);
      const back = readPacked(kind, bytes);
      assert.equal(back.length, values.length);
      for (let i = 0; i < values.length; i++) assert.ok(Object.is(back[i], values[i]), `${kind}[${i}]: ${String(back[i])} vs ${String(values[i])}`);
    }
  });

  test(`${cap(kind)}: after other bytes, into a buffer that must grow, with a multi-byte length`, () => {
    const w = new BinaryWriter(16) as unknown as Record<string, (v: unknown) => void> & BinaryWriter;
    w.uint32(99);
    const many = Array.from({ length: 300 }, (_, i) => samples[kind][i % samples[kind].length]);
    w[cap(kind)]!(many);
    w.uint32(7);
    const bytes = w.finish();
    const r = new BinaryReader(bytes) as unknown as Record<string, (list: unknown[]) => void> & BinaryReader;
    assert.equal(r.uint32(), 99);
    const list: unknown[] = [];
    r[cap(kind)]!(list);
    assert.equal(r.uint32(), 7);
    assert.equal(list.length, 300);
    assert.deepEqual(readOneByOne(kind, bytes.subarray(1, bytes.length - 1)), list);
  });

  test(`${cap(kind)}: a cut last value fails as the single-value reader fails, at the same offset`, () => {
    const bytes = packed(kind, samples[kind]);
    const r = new BinaryReader(bytes);
    const body = bytes.subarray(bytes.length - r.length());
    for (const cut of [1, 2, 3]) {
      // The same values with the last `cut` bytes gone, under a length prefix that says so.
      const input = new BinaryWriter().bytes(body.subarray(0, body.length - cut)).finish();
      let expected: unknown;
      try {
        readOneByOne(kind, input);
      } catch (e) {
        expected = e;
      }
      if (!(expected instanceof WireError)) {
        // Cutting varint bytes can leave valid shorter values: then both read the same.
        assert.equal(expected, undefined);
        assert.deepEqual(readPacked(kind, input), readOneByOne(kind, input));
        continue;
      }
      const want = expected;
      assert.throws(() => readPacked(kind, input), (e: unknown) => {
        assert.ok(e instanceof WireError);
        assert.deepEqual([e.message, e.offset, e.code], [want.message, want.offset, want.code]);
        return true;
      });
    }
  });
}

test("packed varints: an over-long varint and a length past the end fail as in the single-value reader", () => {
  const eleven = Uint8Array.from([11, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  for (const kind of ["int32", "uint32", "sint32", "int64", "uint64", "sint64", "bool"] as Kind[]) {
    assert.throws(() => readPacked(kind, eleven), { name: "WireError", message: "varint is longer than 10 bytes at byte 1", offset: 1 }, kind);
  }
  for (const kind of kinds) {
    assert.throws(() => readPacked(kind, Uint8Array.from([5, 1, 2])), { name: "WireError", message: "length 5 exceeds the 2 bytes left at byte 0", code: "invalid-length", offset: 0 }, kind);
  }
});

test("packed writers reject values their type cannot hold, naming type and value", () => {
  const bad: [Kind, unknown][] = [
    ["int32", 2147483648], ["int32", 1.5], ["uint32", -1], ["sint32", 2 ** 31], ["fixed32", -1], ["sfixed32", 0xffffffff],
    ["int64", I64_MAX + 1n], ["int64", 5], ["uint64", -1n], ["sint64", I64_MIN - 1n], ["fixed64", U64_MAX + 1n], ["sfixed64", I64_MAX + 1n],
  ];
  for (const [kind, value] of bad) {
    const shown = typeof value === "bigint" ? `${value}n` : String(value);
    assert.throws(() => packed(kind, [samples[kind][0], value]), { name: "WireError", message: `invalid ${kind} value ${shown}`, code: "invalid-value" }, kind);
  }
});
