import { test } from "node:test";
import assert from "node:assert/strict";
import { BinaryWriter, BinaryReader, WireError, WireType, MAX_FIELD_NUMBER, varintSize32 } from "../../src/wire/index.js";
import { varint, varint64 } from "./reference-varint.js";

// ---------------------------------------------------------------------------------------------
// Helpers: a reference encoder written independently of BinaryWriter

function hex(b: Uint8Array | number[]): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
}


/** A field: tag, then for length-delimited content its length prefix. */
function ld(fieldNo: number, content: number[] | Uint8Array): number[] {
  return [...varint(fieldNo * 8 + 2), ...varint(content.length), ...content];
}

/** A deterministic byte pattern that differs at every position of a long run. */
function pattern(n: number, seed = 0): Uint8Array {
  const b = new Uint8Array(n);
  let x = (seed * 2654435761 + 12345) >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = (x >>> 16) & 0xff;
  }
  return b;
}

function written(f: (w: BinaryWriter) => unknown, capacity?: number): string {
  const w = new BinaryWriter(capacity);
  f(w);
  return hex(w.finish());
}

function throwsWire(fn: () => unknown, offset: number, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof WireError, `expected WireError, got ${String(e)}`);
    assert.equal(e.offset, offset);
    if (message) assert.match(e.message, message);
    return true;
  });
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const TEN_FF_01 = "ff ff ff ff ff ff ff ff ff 01";

// ---------------------------------------------------------------------------------------------
// Varints

test("uint32: exact bytes", () => {
  const cases: [number, string][] = [
    [0, "00"],
    [1, "01"],
    [127, "7f"],
    [128, "80 01"],
    [150, "96 01"],
    [300, "ac 02"],
    [16383, "ff 7f"],
    [16384, "80 80 01"],
    [0x1fffff, "ff ff 7f"],
    [0x200000, "80 80 80 01"],
    [0x0fffffff, "ff ff ff 7f"],
    [0x10000000, "80 80 80 80 01"],
    [0x7fffffff, "ff ff ff ff 07"],
    [0x80000000, "80 80 80 80 08"],
    [0xffffffff, "ff ff ff ff 0f"],
  ];
  for (const [v, h] of cases) {
    assert.equal(written((w) => w.uint32(v)), h, `uint32 ${v}`);
    assert.equal(varintSize32(v), h.split(" ").length, `varintSize32 ${v}`);
  }
});

test("uint32 rejects values outside 0..2^32-1", () => {
  for (const v of [-1, 2 ** 32, 2 ** 32 + 5, 1.5, NaN]) assert.throws(() => written((w) => w.uint32(v)), /invalid uint32 value/);
  assert.equal(varintSize32(-1), 5);
});

test("int32: non-negative values as uint32, negative values as ten bytes", () => {
  assert.equal(written((w) => w.int32(0)), "00");
  assert.equal(written((w) => w.int32(1)), "01");
  assert.equal(written((w) => w.int32(300)), "ac 02");
  assert.equal(written((w) => w.int32(2147483647)), "ff ff ff ff 07");
  assert.equal(written((w) => w.int32(-1)), TEN_FF_01);
  assert.equal(written((w) => w.int32(-2)), "fe ff ff ff ff ff ff ff ff 01");
  assert.equal(written((w) => w.int32(-128)), "80 ff ff ff ff ff ff ff ff 01");
  assert.equal(written((w) => w.int32(-2147483648)), "80 80 80 80 f8 ff ff ff ff 01");
  // Values outside int32 are rejected rather than wrapped.
  assert.throws(() => written((w) => w.int32(2147483648)), /invalid int32 value 2147483648/);
});

test("negative int32 written as 10 bytes reads back", () => {
  for (const v of [-1, -2, -127, -128, -300, -65536, -2147483647, -2147483648]) {
    const w = new BinaryWriter();
    w.int32(v);
    const b = w.finish();
    assert.equal(b.length, 10, `int32 ${v}`);
    assert.equal(b[9], 0x01);
    const r = new BinaryReader(b);
    assert.equal(r.int32(), v);
    assert.equal(r.done, true);
    assert.equal(new BinaryReader(b).int64(), BigInt(v));
  }
});

test("sint32 extremes", () => {
  assert.equal(written((w) => w.sint32(0)), "00");
  assert.equal(written((w) => w.sint32(-1)), "01");
  assert.equal(written((w) => w.sint32(1)), "02");
  assert.equal(written((w) => w.sint32(-64)), "7f");
  assert.equal(written((w) => w.sint32(64)), "80 01");
  assert.equal(written((w) => w.sint32(2147483647)), "fe ff ff ff 0f");
  assert.equal(written((w) => w.sint32(-2147483648)), "ff ff ff ff 0f");
});

test("uint64: exact bytes including 2^64-1 (ten bytes ending 0x01)", () => {
  const cases: [bigint, string][] = [
    [0n, "00"],
    [1n, "01"],
    [127n, "7f"],
    [128n, "80 01"],
    [0xffffffffn, "ff ff ff ff 0f"],
    [0x100000000n, "80 80 80 80 10"],
    [0x7ffffffffn, "ff ff ff ff 7f"],
    [0x800000000n, "80 80 80 80 80 01"],
    [(1n << 56n) - 1n, "ff ff ff ff ff ff ff 7f"],
    [1n << 56n, "80 80 80 80 80 80 80 80 01"],
    [INT64_MAX, "ff ff ff ff ff ff ff ff 7f"],
    [1n << 63n, "80 80 80 80 80 80 80 80 80 01"],
    [UINT64_MAX, TEN_FF_01],
  ];
  for (const [v, h] of cases) {
    assert.equal(written((w) => w.uint64(v)), h, `uint64 ${v}`);
  }
  assert.equal(written((w) => w.uint64(UINT64_MAX)).split(" ").length, 10);
});

test("uint64 rejects values outside 0..2^64-1", () => {
  for (const v of [-1n, 1n << 64n, (1n << 64n) + 300n]) assert.throws(() => written((w) => w.uint64(v)), /invalid uint64 value/);
  assert.equal(written((w) => w.uint64((1n << 64n) - 1n)), TEN_FF_01);
});

test("every 64-bit writer takes its range's ends and rejects one past them, and what is not a bigint", () => {
  const ranges: [string, (w: BinaryWriter, v: bigint) => unknown, bigint, bigint][] = [
    ["int64", (w, v) => w.int64(v), INT64_MIN, INT64_MAX],
    ["sint64", (w, v) => w.sint64(v), INT64_MIN, INT64_MAX],
    ["sfixed64", (w, v) => w.sfixed64(v), INT64_MIN, INT64_MAX],
    ["uint64", (w, v) => w.uint64(v), 0n, UINT64_MAX],
    ["fixed64", (w, v) => w.fixed64(v), 0n, UINT64_MAX],
  ];
  for (const [type, write, min, max] of ranges) {
    for (const v of [min, max, 0n]) written((w) => write(w, v));
    for (const v of [min - 1n, max + 1n, max + (1n << 64n)]) {
      assert.throws(() => written((w) => write(w, v)), new RegExp(`invalid ${type} value ${v}n`), `${type} ${v}`);
    }
    assert.throws(() => written((w) => write(w, 1 as unknown as bigint)), new RegExp(`invalid ${type} value 1$`), type);
  }
});

test("int64 min and max", () => {
  assert.equal(written((w) => w.int64(INT64_MAX)), "ff ff ff ff ff ff ff ff 7f");
  assert.equal(written((w) => w.int64(INT64_MIN)), "80 80 80 80 80 80 80 80 80 01");
  assert.equal(written((w) => w.int64(-1n)), TEN_FF_01);
  assert.equal(written((w) => w.int64(-2n)), "fe ff ff ff ff ff ff ff ff 01");
  assert.equal(written((w) => w.int64(-2147483648n)), "80 80 80 80 f8 ff ff ff ff 01");
  assert.equal(written((w) => w.int64(0n)), "00");
});

test("sint64 extremes", () => {
  assert.equal(written((w) => w.sint64(0n)), "00");
  assert.equal(written((w) => w.sint64(-1n)), "01");
  assert.equal(written((w) => w.sint64(1n)), "02");
  assert.equal(written((w) => w.sint64(2147483647n)), "fe ff ff ff 0f");
  assert.equal(written((w) => w.sint64(-2147483648n)), "ff ff ff ff 0f");
  assert.equal(written((w) => w.sint64(2147483648n)), "80 80 80 80 10");
  assert.equal(written((w) => w.sint64(INT64_MAX)), "fe ff ff ff ff ff ff ff ff 01");
  assert.equal(written((w) => w.sint64(INT64_MIN)), TEN_FF_01);
  // Values outside int64 are rejected rather than wrapped.
  assert.throws(() => written((w) => w.sint64(1n << 63n)), /invalid sint64 value/);
});

test("bool", () => {
  assert.equal(written((w) => w.bool(false)), "00");
  assert.equal(written((w) => w.bool(true)), "01");
});

test("tag", () => {
  assert.equal(written((w) => w.tag(1, WireType.Varint)), "08");
  assert.equal(written((w) => w.tag(1, WireType.LengthDelimited)), "0a");
  assert.equal(written((w) => w.tag(2, WireType.Bit64)), "11");
  assert.equal(written((w) => w.tag(3, WireType.StartGroup)), "1b");
  assert.equal(written((w) => w.tag(3, WireType.EndGroup)), "1c");
  assert.equal(written((w) => w.tag(15, WireType.Bit32)), "7d");
  assert.equal(written((w) => w.tag(16, WireType.Varint)), "80 01");
  assert.equal(written((w) => w.tag(MAX_FIELD_NUMBER, WireType.Varint)), "f8 ff ff ff 0f");
  assert.equal(written((w) => w.tag(MAX_FIELD_NUMBER, WireType.Bit32)), "fd ff ff ff 0f");
});

// ---------------------------------------------------------------------------------------------
// Fixed-size values

test("fixed32 / sfixed32 extremes", () => {
  assert.equal(written((w) => w.fixed32(0)), "00 00 00 00");
  assert.equal(written((w) => w.fixed32(0x12345678)), "78 56 34 12");
  assert.equal(written((w) => w.fixed32(0xffffffff)), "ff ff ff ff");
  assert.equal(written((w) => w.fixed32(0x80000000)), "00 00 00 80");
  assert.equal(written((w) => w.sfixed32(-1)), "ff ff ff ff");
  assert.equal(written((w) => w.sfixed32(-2147483648)), "00 00 00 80");
  assert.equal(written((w) => w.sfixed32(2147483647)), "ff ff ff 7f");
  assert.equal(written((w) => w.sfixed32(-2)), "fe ff ff ff");
});

test("fixed64 / sfixed64 extremes", () => {
  assert.equal(written((w) => w.fixed64(0n)), "00 00 00 00 00 00 00 00");
  assert.equal(written((w) => w.fixed64(0x123456789abcdef0n)), "f0 de bc 9a 78 56 34 12");
  assert.equal(written((w) => w.fixed64(0xffffffffn)), "ff ff ff ff 00 00 00 00");
  assert.equal(written((w) => w.fixed64(0x100000000n)), "00 00 00 00 01 00 00 00");
  assert.equal(written((w) => w.fixed64(UINT64_MAX)), "ff ff ff ff ff ff ff ff");
  assert.equal(written((w) => w.sfixed64(-1n)), "ff ff ff ff ff ff ff ff");
  assert.equal(written((w) => w.sfixed64(INT64_MIN)), "00 00 00 00 00 00 00 80");
  assert.equal(written((w) => w.sfixed64(INT64_MAX)), "ff ff ff ff ff ff ff 7f");
  assert.equal(written((w) => w.sfixed64(-2n)), "fe ff ff ff ff ff ff ff");
});

test("float: exact bytes, specials, subnormals and rounding", () => {
  const cases: [number, string][] = [
    [0, "00 00 00 00"],
    [-0, "00 00 00 80"],
    [1, "00 00 80 3f"],
    [1.5, "00 00 c0 3f"],
    [-1.5, "00 00 c0 bf"],
    [Infinity, "00 00 80 7f"],
    [-Infinity, "00 00 80 ff"],
    [NaN, "00 00 c0 7f"],
    [3.4028234663852886e38, "ff ff 7f 7f"], // largest float
    [-3.4028234663852886e38, "ff ff 7f ff"],
    [1.401298464324817e-45, "01 00 00 00"], // smallest subnormal
    [-1.401298464324817e-45, "01 00 00 80"],
    [1.1754942106924411e-38, "ff ff 7f 00"], // largest subnormal
    [1.1754943508222875e-38, "00 00 80 00"], // smallest normal
    // Rounding of doubles that are not floats.
    [0.1, "cd cc cc 3d"],
    [16777217, "00 00 80 4b"], // ties to even: down to 2^24
    [16777219, "02 00 80 4b"], // ties to even: up to 2^24+4
    [3.4028235677973366e38, "00 00 80 7f"], // rounds to Infinity
    [3.4028235677973362e38, "ff ff 7f 7f"], // rounds down to the largest float
    [1e39, "00 00 80 7f"],
    [-1e39, "00 00 80 ff"],
    [7.1e-46, "01 00 00 00"], // rounds up to the smallest subnormal
    [7e-46, "00 00 00 00"], // rounds down to zero
    [-7e-46, "00 00 00 80"], // to -0
    [1e-40, "c2 16 01 00"],
  ];
  for (const [v, h] of cases) {
    assert.equal(written((w) => w.float(v)), h, `float ${v}`);
    const back = new BinaryReader(new BinaryWriter().float(v).finish()).float();
    if (Number.isNaN(v)) assert.ok(Number.isNaN(back));
    else assert.ok(Object.is(back, Math.fround(v)), `float ${v} read back as ${back}`);
  }
});

test("double: exact bytes, specials and subnormals", () => {
  const cases: [number, string][] = [
    [0, "00 00 00 00 00 00 00 00"],
    [-0, "00 00 00 00 00 00 00 80"],
    [1, "00 00 00 00 00 00 f0 3f"],
    [0.1, "9a 99 99 99 99 99 b9 3f"],
    [Infinity, "00 00 00 00 00 00 f0 7f"],
    [-Infinity, "00 00 00 00 00 00 f0 ff"],
    [NaN, "00 00 00 00 00 00 f8 7f"],
    [Number.MAX_VALUE, "ff ff ff ff ff ff ef 7f"],
    [-Number.MAX_VALUE, "ff ff ff ff ff ff ef ff"],
    [5e-324, "01 00 00 00 00 00 00 00"],
    [-5e-324, "01 00 00 00 00 00 00 80"],
    [2.225073858507201e-308, "ff ff ff ff ff ff 0f 00"],
    [2.2250738585072014e-308, "00 00 00 00 00 00 10 00"],
    [2 ** 53 + 2, "01 00 00 00 00 00 40 43"],
  ];
  for (const [v, h] of cases) {
    assert.equal(written((w) => w.double(v)), h, `double ${v}`);
    const back = new BinaryReader(new BinaryWriter().double(v).finish()).double();
    if (Number.isNaN(v)) assert.ok(Number.isNaN(back));
    else assert.ok(Object.is(back, v), `double ${v} read back as ${back}`);
  }
});

// ---------------------------------------------------------------------------------------------
// Length-delimited values

test("bytes and raw", () => {
  assert.equal(written((w) => w.bytes(new Uint8Array(0))), "00");
  assert.equal(written((w) => w.bytes(Uint8Array.of(1, 2, 3))), "03 01 02 03");
  assert.equal(written((w) => w.raw(Uint8Array.of(1, 2, 3))), "01 02 03");
  assert.equal(written((w) => w.raw(new Uint8Array(0))), "");
  const p = pattern(200, 1);
  assert.equal(written((w) => w.bytes(p)), hex([0xc8, 0x01, ...p]));
  // A subarray view writes only its own bytes.
  const big = pattern(50, 2);
  assert.equal(written((w) => w.bytes(big.subarray(10, 13))), hex([3, ...big.subarray(10, 13)]));
});

function stringBytes(s: string): string {
  const enc = new TextEncoder().encode(s);
  return hex([...varint(enc.length), ...enc]);
}

test("string: short and long, ASCII and not, with lone surrogates", () => {
  assert.equal(written((w) => w.string("")), "00");
  assert.equal(written((w) => w.string("abc")), "03 61 62 63");
  assert.equal(written((w) => w.string("\u00e9")), "02 c3 a9");
  assert.equal(written((w) => w.string("\u20ac")), "03 e2 82 ac");
  assert.equal(written((w) => w.string("\u{1F600}")), "04 f0 9f 98 80");
  assert.equal(written((w) => w.string("\ud800")), "03 ef bf bd");
  assert.equal(written((w) => w.string("a\udc00")), "04 61 ef bf bd");
  assert.equal(written((w) => w.string("\ud83d\ude00\ud83d")), "07 f0 9f 98 80 ef bf bd");
  const strings = [
    "x".repeat(63),
    "x".repeat(64),
    "x".repeat(65),
    "x".repeat(127),
    "x".repeat(128), // length prefix of two bytes
    "x".repeat(129),
    "x".repeat(1000),
    "x".repeat(20000), // three-byte length prefix
    "\u00e9".repeat(63), // 126 bytes
    "\u00e9".repeat(64), // 128 bytes: the byte length, not the string length, sets the prefix
    "\u00e9".repeat(65),
    "\u00e9".repeat(127),
    "a".repeat(100) + "\u00e9",
    "\u{1F600}".repeat(16),
    "\u{1F600}".repeat(33),
    "a".repeat(70) + "\ud800", // lone surrogate in a long string
    "a".repeat(70) + "\udc00b\ud800",
    "\ud800".repeat(100),
    "日本語".repeat(30),
    "a".repeat(127) + "\u00e9",
    "\u65e5".repeat(6000), // 18,000 bytes: the prefix takes three bytes where 6,000 units would take two
    "x".repeat(70000) + "\u00e9\u{1F600}", // measured before it is written
  ];
  for (const s of strings) {
    assert.equal(written((w) => w.string(s)), stringBytes(s), `string of length ${s.length}`);
    // With a tiny writer the string forces growth.
    assert.equal(written((w) => w.string(s), 1), stringBytes(s), `string of length ${s.length} (tiny writer)`);
    // After other bytes, at an odd offset.
    assert.equal(written((w) => w.uint32(300).string(s).uint32(1)), "ac 02 " + stringBytes(s) + " 01");
  }
});

test("strings read back through the reader", () => {
  const strings = ["", "abc", "\u00e9\u20ac\u{1F600}", "x".repeat(65), "\u00e9".repeat(300), "mixed \u00e9 \u{1F600} ".repeat(40)];
  const w = new BinaryWriter(1);
  strings.forEach((s, i) => w.tag(i + 1, WireType.LengthDelimited).string(s));
  const r = new BinaryReader(w.finish());
  for (let i = 0; i < strings.length; i++) {
    assert.equal(r.tag(), i + 1);
    assert.equal(r.wireType, WireType.LengthDelimited);
    assert.equal(r.string(), strings[i]);
  }
  assert.equal(r.done, true);
});

test("taggedString: the tag's varint, then what string() writes, for every kind of string", () => {
  const strings = ["", "abc", "\u00e9", "\u{1F600}", "\ud800", "x".repeat(42), "\u00e9".repeat(42), "\u65e5".repeat(42), "x".repeat(43), "x".repeat(200), "\u00e9".repeat(64), "x".repeat(70000) + "\u00e9"];
  for (const tag of [10, 0x7f, 0x80, 130, 16383, 16384, 0xffffffff]) {
    for (const s of strings) {
      const expected = hex(varint(tag)) + " " + stringBytes(s);
      for (const capacity of [undefined, 1]) {
        assert.equal(written((w) => w.taggedString(tag, s), capacity), expected, `tag ${tag}, string of length ${s.length}`);
        assert.equal(written((w) => w.uint32(300).taggedString(tag, s).uint32(1), capacity), `ac 02 ${expected} 01`);
      }
    }
  }
});

test("taggedStringEscaped: the tag, then what stringEscaped() writes", () => {
  for (const s of ["", "a\udc80b", "\udcff".repeat(42), "\udcff".repeat(43), "\u00e9\udc9f", "x".repeat(100) + "\udc80"]) {
    const plain = written((w) => w.stringEscaped(s));
    assert.equal(written((w) => w.taggedStringEscaped(18, s)), `12 ${plain}`);
    assert.equal(written((w) => w.taggedStringEscaped(16386, s), 1), `82 80 01 ${plain}`);
  }
  assert.equal(written((w) => w.taggedStringEscaped(10, "a\udc80")), "0a 02 61 80");
  assert.equal(written((w) => w.taggedString(10, "a\udc80")), "0a 04 61 ef bf bd");
});

test("taggedString and tagByte refuse what is not a tag of their size, writing nothing", () => {
  for (const tag of [-1, 1.5, 2 ** 32, NaN]) {
    const w = new BinaryWriter();
    throwsWire(() => w.taggedString(tag, "a"), -1, /invalid tag/);
    throwsWire(() => w.taggedStringEscaped(tag, "a"), -1, /invalid tag/);
    throwsWire(() => w.beginDelimited(tag), -1, /invalid tag/);
    assert.equal(w.length, 0);
  }
  assert.equal(written((w) => w.tagByte(10).tagByte(0x7f).tagByte(0)), "0a 7f 00");
  for (const tag of [0x80, 130, -1, 1.5, NaN]) {
    const w = new BinaryWriter();
    throwsWire(() => w.tagByte(tag), -1, /invalid one-byte tag/);
    assert.equal(w.length, 0);
  }
});

test("taggedInt32/Uint32/Int64/Uint64/Bool: the tag byte, then exactly the reference varint, at the buffer's edge too", () => {
  const I64_MIN = -(2n ** 63n);
  const cases: [string, (w: BinaryWriter, tag: number, v: never) => unknown, (number | bigint | boolean)[], (v: never) => number[]][] = [
    ["taggedInt32", (w, t, v) => w.taggedInt32(t, v), [0, 1, 127, 128, 300, 2147483647, -1, -128, -129, -(2 ** 28) - 1, -2147483648], (v: number) => varint64(v)],
    ["taggedUint32", (w, t, v) => w.taggedUint32(t, v), [0, 1, 127, 128, 16384, 2 ** 28, 4294967295], (v: number) => varint(v)],
    ["taggedInt64", (w, t, v) => w.taggedInt64(t, v), [0n, 1n, 127n, 128n, 2n ** 32n, 2n ** 35n - 1n, 2n ** 63n - 1n, -1n, -(2n ** 32n), I64_MIN], (v: bigint) => varint64(v)],
    ["taggedUint64", (w, t, v) => w.taggedUint64(t, v), [0n, 127n, 128n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 35n, 2n ** 64n - 1n], (v: bigint) => varint(v)],
    ["taggedBool", (w, t, v) => w.taggedBool(t, v), [false, true], (v: boolean) => [v ? 1 : 0]],
  ];
  for (const [name, write, values, ref] of cases) {
    for (const v of values) {
      for (const tag of [0, 8, 0x7f]) {
        // Capacity 1: every write grows the buffer.
        for (const capacity of [undefined, 1]) {
          assert.equal(written((w) => write(w, tag, v as never), capacity), hex([tag, ...ref(v as never)]), `${name}(${tag}, ${String(v)})`);
        }
      }
    }
  }
});

test("the tagged varint writers refuse a value of the wrong type or range, and a tag of more than one byte, writing nothing", () => {
  const bad: [string, (w: BinaryWriter, tag: number, v: never) => unknown, unknown[], RegExp][] = [
    ["taggedInt32", (w, t, v) => w.taggedInt32(t, v), [1.5, 2 ** 31, "1", 1n, null], /invalid int32 value/],
    ["taggedUint32", (w, t, v) => w.taggedUint32(t, v), [-1, 2 ** 32, 0.5, "1"], /invalid uint32 value/],
    ["taggedInt64", (w, t, v) => w.taggedInt64(t, v), [2n ** 63n, -(2n ** 63n) - 1n, 1, "1"], /invalid int64 value/],
    ["taggedUint64", (w, t, v) => w.taggedUint64(t, v), [-1n, 2n ** 64n, 1, "1"], /invalid uint64 value/],
    ["taggedBool", (w, t, v) => w.taggedBool(t, v), [1, 0, "true", null], /invalid bool value/],
  ];
  for (const [name, write, values, message] of bad) {
    for (const v of values) {
      const w = new BinaryWriter();
      throwsWire(() => write(w, 8, v as never), -1, message);
      assert.equal(w.length, 0, `${name}(8, ${String(v)})`);
    }
    const good = name === "taggedBool" ? true : name.endsWith("64") ? 1n : 1;
    for (const tag of [0x80, 300, -1, 1.5, NaN]) {
      const w = new BinaryWriter();
      throwsWire(() => write(w, tag, good as never), -1, /invalid one-byte tag/);
      assert.equal(w.length, 0, `${name}(${tag})`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// fork() / join()

const FORK_SIZES = [0, 1, 127, 128, 129, 16383, 16384, 16385, 300000];

test("fork/join: payloads of 0, 127, 128, 16383, 16384 and 300000 bytes", () => {
  for (const n of FORK_SIZES) {
    const payload = pattern(n, n);
    for (const capacity of [undefined, 1, 1 << 20]) {
      const w = new BinaryWriter(capacity);
      w.uint32(1234); // something before the fork
      w.tag(5, WireType.LengthDelimited);
      w.fork();
      w.raw(payload);
      w.join();
      w.uint32(77); // something after the join
      const out = w.finish();
      const expected = Uint8Array.from([0xd2, 0x09, 0x2a, ...varint(n), ...payload, 77]);
      assert.equal(out.length, expected.length, `size ${n}`);
      assert.deepEqual(out, expected, `size ${n}, capacity ${capacity}`);
      // The prefix is canonical: exactly varintSize32(n) bytes.
      const r = new BinaryReader(out);
      assert.equal(r.uint32(), 1234);
      assert.equal(r.tag(), 5);
      const at = r.pos;
      const view = r.bytesView();
      assert.equal(view.byteOffset - at, varintSize32(n));
      assert.deepEqual(view, payload);
      assert.equal(r.uint32(), 77);
      assert.equal(r.done, true);
    }
  }
});

test("fork/join: payload written in small pieces while the buffer grows", () => {
  for (const n of [127, 128, 16383, 16384, 300000]) {
    const w = new BinaryWriter(1);
    w.fork();
    for (let i = 0; i < n; i++) w.uint32(i & 0x7f);
    w.join();
    const out = w.finish();
    const len = varint(n);
    assert.equal(out.length, len.length + n);
    assert.deepEqual(Array.from(out.subarray(0, len.length)), len);
    for (let i = 0; i < n; i++) {
      if (out[len.length + i] !== (i & 0x7f)) assert.fail(`size ${n}: byte ${i} is ${out[len.length + i]}`);
    }
  }
});

test("fork/join: join when the buffer is exactly full must grow it", () => {
  // Capacity 16 grows 16 -> 32 -> ... -> 256. fork (1 byte) + 255 bytes fills 256 exactly.
  const w = new BinaryWriter(16);
  w.fork();
  const p = pattern(255, 9);
  w.raw(p);
  assert.equal(w.length, 256);
  w.join();
  assert.equal(w.length, 257);
  assert.deepEqual(w.finish(), Uint8Array.from([0xff, 0x01, ...p]));
});

test("fork/join: nested forks", () => {
  const inner = pattern(200, 3);
  const w = new BinaryWriter(1);
  w.tag(1, WireType.LengthDelimited).fork(); // outer
  w.tag(2, WireType.Varint).uint32(150);
  w.tag(3, WireType.LengthDelimited).fork(); // middle
  w.tag(4, WireType.LengthDelimited).fork().raw(inner).join(); // inner: 200 bytes, two-byte prefix
  w.tag(5, WireType.LengthDelimited).fork().join(); // empty
  w.join(); // middle
  w.tag(6, WireType.LengthDelimited).fork().raw(Uint8Array.of(9, 9, 9)).join();
  w.join(); // outer
  w.tag(7, WireType.Varint).uint32(1);

  const middle = [...ld(4, inner), ...ld(5, [])];
  const outer = [0x10, 0x96, 0x01, ...ld(3, middle), ...ld(6, [9, 9, 9])];
  const expected = [...ld(1, outer), 0x38, 0x01];
  assert.equal(hex(w.finish()), hex(expected));
});

test("fork/join: many levels, each crossing a prefix-size boundary", () => {
  // Reference: content of level k is [k marker byte, ...ld(1, level k+1)], innermost is a large payload.
  const depth = 40;
  const innermost = pattern(300000, 4);
  const w = new BinaryWriter(1);
  for (let k = 0; k < depth; k++) {
    w.fork();
    w.uint32(k);
    w.tag(1, WireType.LengthDelimited);
  }
  w.fork().raw(innermost).join();
  for (let k = 0; k < depth; k++) w.join();
  const out = w.finish();

  let expected: Uint8Array = Uint8Array.from([...varint(innermost.length), ...innermost]);
  for (let k = depth - 1; k >= 0; k--) {
    const content = Uint8Array.from([...varint(k), 0x0a, ...expected]);
    expected = Uint8Array.from([...varint(content.length), ...content]);
  }
  assert.equal(out.length, expected.length);
  assert.deepEqual(out, expected);
});

test("fork/join: the sizes around one-byte prefix boundaries in a nested message", () => {
  for (const n of FORK_SIZES) {
    const w = new BinaryWriter();
    w.fork(); // outer
    w.fork().raw(pattern(n, 5)).join();
    w.join();
    const inner = [...varint(n), ...pattern(n, 5)];
    const expected = Uint8Array.from([...varint(inner.length), ...inner]);
    assert.deepEqual(w.finish(), expected, `size ${n}`);
  }
});

test("beginDelimited/endDelimited: the tag, then payloads around every prefix size, while the buffer grows", () => {
  for (const n of FORK_SIZES) {
    const payload = pattern(n, n);
    for (const capacity of [undefined, 1, 1 << 20]) {
      for (const tag of [42, 130]) {
        const w = new BinaryWriter(capacity);
        w.uint32(1234);
        const mark = w.beginDelimited(tag);
        w.raw(payload);
        w.endDelimited(mark);
        w.uint32(77);
        const expected = Uint8Array.from([0xd2, 0x09, ...varint(tag), ...varint(n), ...payload, 77]);
        assert.deepEqual(w.finish(), expected, `size ${n}, capacity ${capacity}, tag ${tag}`);
      }
    }
  }
});

test("beginDelimited/endDelimited: nested, mixed with fork/join, after values handed out by finishShared()", () => {
  const inner = pattern(200, 3);
  const big = pattern(100000, 4);
  const expected = hex(ld(1, [...ld(2, inner), ...ld(3, [...ld(4, big), 0x28, 0x01])]));
  const w = new BinaryWriter(16);
  for (let round = 0; round < 3; round++) {
    const outer = w.beginDelimited(10);
    const m2 = w.beginDelimited(18);
    w.raw(inner);
    w.endDelimited(m2);
    w.tag(3, WireType.LengthDelimited).fork();
    const m4 = w.beginDelimited(34);
    w.raw(big); // grows the buffer: the open values move to a new one
    w.endDelimited(m4);
    w.tagByte(40).uint32(1);
    w.join();
    w.endDelimited(outer);
    assert.equal(hex(w.finishShared()), expected, `round ${round}`);
    assert.equal(hex(w.uint32(5).finishShared()), "05"); // a small value: the next one starts after it
  }
});

test("endDelimited() with a mark that no value was begun at is an error", () => {
  const w = new BinaryWriter();
  w.uint32(1);
  const mark = w.beginDelimited(10);
  for (const bad of [-1, mark + 5, 1.5, NaN]) throwsWire(() => w.endDelimited(bad), -1, /no value was begun at/);
  w.endDelimited(mark);
  assert.equal(hex(w.finish()), "01 0a 00");
});

test("join() without fork() is an error", () => {
  const w = new BinaryWriter();
  throwsWire(() => w.join(), -1, /join\(\) without fork\(\)/);
  w.fork().uint32(1).join();
  throwsWire(() => w.join(), -1, /join\(\) without fork\(\)/);
  assert.equal(hex(w.finish()), "01 01");
});

test("finish() with an unjoined fork() is an error", () => {
  const w = new BinaryWriter();
  w.uint32(1).fork().uint32(2);
  throwsWire(() => w.finish(), -1, /unjoined fork/);
  w.join();
  assert.equal(hex(w.finish()), "01 01 02");
});

// ---------------------------------------------------------------------------------------------
// finish(), length, growth

test("finish() returns a copy and resets the writer", () => {
  const w = new BinaryWriter(16);
  assert.equal(w.length, 0);
  w.uint32(300).fixed32(1);
  assert.equal(w.length, 6);
  const first = w.finish();
  assert.equal(hex(first), "ac 02 01 00 00 00");
  assert.equal(w.length, 0);
  assert.equal(hex(w.finish()), "");
  // Writing again overwrites the old buffer, not the returned copy.
  w.uint32(5).uint32(6);
  assert.equal(w.length, 2);
  const second = w.finish();
  assert.equal(hex(second), "05 06");
  assert.equal(hex(first), "ac 02 01 00 00 00");
  // Forks work after a reset.
  w.fork().raw(pattern(200, 6)).join();
  assert.deepEqual(w.finish(), Uint8Array.from([0xc8, 0x01, ...pattern(200, 6)]));
  assert.equal(w.length, 0);
});

test("finish() returns a Uint8Array that owns exactly its bytes", () => {
  const w = new BinaryWriter(1024);
  w.uint32(1);
  const out = w.finish();
  assert.equal(out.byteLength, 1);
  assert.equal(out.buffer.byteLength, 1);
  assert.equal(out.byteOffset, 0);
});

test("methods chain: every writer method returns the writer", () => {
  const w = new BinaryWriter();
  const same = w
    .tag(1, WireType.Varint)
    .uint32(1)
    .int32(-1)
    .sint32(-1)
    .uint64(1n)
    .int64(-1n)
    .sint64(-1n)
    .bool(true)
    .fixed32(1)
    .sfixed32(-1)
    .fixed64(1n)
    .sfixed64(-1n)
    .float(1)
    .double(1)
    .bytes(Uint8Array.of(1))
    .string("a")
    .raw(Uint8Array.of(2))
    .fork()
    .join();
  assert.equal(same, w);
  assert.equal(w.finish().length, 1 + 1 + 10 + 1 + 1 + 10 + 1 + 1 + 4 + 4 + 8 + 8 + 4 + 8 + 2 + 2 + 1 + 1);
});

test("writer growth from a tiny initial capacity", () => {
  for (const capacity of [0, 1, 2, 16, 17]) {
    const w = new BinaryWriter(capacity);
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = (i * 2654435761) >>> (i % 32);
      w.uint32(v);
      expected.push(...varint(v >>> 0));
      if (i % 7 === 0) {
        w.int32(-i);
        expected.push(...(i === 0 ? [0] : varint(BigInt.asUintN(64, BigInt(-i)))));
      }
      if (i % 11 === 0) {
        w.fixed64(BigInt(i) << 40n);
        const b = new Uint8Array(8);
        new DataView(b.buffer).setBigUint64(0, BigInt(i) << 40n, true);
        expected.push(...b);
      }
      if (i % 13 === 0) {
        w.double(i / 3);
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, i / 3, true);
        expected.push(...b);
      }
    }
    assert.equal(w.length, expected.length, `capacity ${capacity}`);
    assert.deepEqual(w.finish(), Uint8Array.from(expected), `capacity ${capacity}`);
  }
});

test("writer growth: a single write much larger than the capacity", () => {
  for (const n of [17, 31, 32, 33, 1000, 1 << 20]) {
    const p = pattern(n, n);
    const w = new BinaryWriter(1);
    w.uint32(1);
    w.raw(p);
    w.uint32(2);
    const out = w.finish();
    assert.equal(out.length, n + 2);
    assert.equal(out[0], 1);
    assert.deepEqual(out.subarray(1, n + 1), p);
    assert.equal(out[n + 1], 2);
  }
});

test("every fixed-size and varint write grows the buffer at its edge", () => {
  // Fill a 16-byte buffer to each possible position, then write a value that straddles the end.
  const writes: [string, (w: BinaryWriter) => unknown, number[]][] = [
    ["uint32", (w) => w.uint32(0xffffffff), [0xff, 0xff, 0xff, 0xff, 0x0f]],
    ["int32", (w) => w.int32(-1), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    ["uint64", (w) => w.uint64(UINT64_MAX), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    ["fixed32", (w) => w.fixed32(0x01020304), [4, 3, 2, 1]],
    ["fixed64", (w) => w.fixed64(0x0102030405060708n), [8, 7, 6, 5, 4, 3, 2, 1]],
    ["float", (w) => w.float(1), [0, 0, 0x80, 0x3f]],
    ["double", (w) => w.double(1), [0, 0, 0, 0, 0, 0, 0xf0, 0x3f]],
    ["bool", (w) => w.bool(true), [1]],
    ["string", (w) => w.string("\u00e9\u00e9\u00e9"), [6, 0xc3, 0xa9, 0xc3, 0xa9, 0xc3, 0xa9]],
    ["bytes", (w) => w.bytes(Uint8Array.of(1, 2, 3)), [3, 1, 2, 3]],
  ];
  for (const [name, write, bytes] of writes) {
    for (let fill = 0; fill <= 16; fill++) {
      const w = new BinaryWriter(16);
      for (let i = 0; i < fill; i++) w.uint32(0x55);
      write(w);
      w.uint32(0x66);
      const expected = [...new Array<number>(fill).fill(0x55), ...bytes, 0x66];
      assert.deepEqual(Array.from(w.finish()), expected, `${name} after ${fill} bytes`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Round trip through the reader

test("round trip: random values of every type through writer and reader", () => {
  const r = rng(42);
  const u32 = () => Math.floor(r() * 2 ** 32);
  const i32 = () => u32() | 0;
  const u64 = () => (BigInt(u32()) << 32n) | BigInt(u32());
  const i64 = () => BigInt.asIntN(64, u64());
  type Value = { kind: string; value: number | bigint | boolean | string | Uint8Array };
  const values: Value[] = [];
  const w = new BinaryWriter(1);
  for (let i = 0; i < 3000; i++) {
    const kind = Math.floor(r() * 13);
    const shift = Math.floor(r() * 64);
    const fieldNo = 1 + Math.floor(r() * MAX_FIELD_NUMBER);
    switch (kind) {
      case 0: {
        const v = u32() >>> (shift % 32);
        w.tag(fieldNo, WireType.Varint).uint32(v);
        values.push({ kind: "uint32", value: v });
        break;
      }
      case 1: {
        const v = i32() >> (shift % 32);
        w.tag(fieldNo, WireType.Varint).int32(v);
        values.push({ kind: "int32", value: v });
        break;
      }
      case 2: {
        const v = i32() >> (shift % 32);
        w.tag(fieldNo, WireType.Varint).sint32(v);
        values.push({ kind: "sint32", value: v });
        break;
      }
      case 3: {
        const v = u64() >> BigInt(shift);
        w.tag(fieldNo, WireType.Varint).uint64(v);
        values.push({ kind: "uint64", value: v });
        break;
      }
      case 4: {
        const v = i64() >> BigInt(shift);
        w.tag(fieldNo, WireType.Varint).int64(v);
        values.push({ kind: "int64", value: v });
        break;
      }
      case 5: {
        const v = i64() >> BigInt(shift);
        w.tag(fieldNo, WireType.Varint).sint64(v);
        values.push({ kind: "sint64", value: v });
        break;
      }
      case 6: {
        const v = r() < 0.5;
        w.tag(fieldNo, WireType.Varint).bool(v);
        values.push({ kind: "bool", value: v });
        break;
      }
      case 7: {
        const v = i32();
        w.tag(fieldNo, WireType.Bit32).sfixed32(v);
        values.push({ kind: "sfixed32", value: v });
        break;
      }
      case 8: {
        const v = u64();
        w.tag(fieldNo, WireType.Bit64).fixed64(v);
        values.push({ kind: "fixed64", value: v });
        break;
      }
      case 9: {
        const v = i64();
        w.tag(fieldNo, WireType.Bit64).sfixed64(v);
        values.push({ kind: "sfixed64", value: v });
        break;
      }
      case 10: {
        const b = new Uint8Array(8);
        for (let k = 0; k < 8; k++) b[k] = Math.floor(r() * 256);
        const v = new DataView(b.buffer).getFloat64(0, true);
        w.tag(fieldNo, WireType.Bit64).double(v);
        values.push({ kind: "double", value: v });
        break;
      }
      case 11: {
        const v = Math.fround((r() - 0.5) * 10 ** Math.floor(r() * 80 - 40));
        w.tag(fieldNo, WireType.Bit32).float(v);
        values.push({ kind: "float", value: v });
        break;
      }
      case 12: {
        const v = pattern(Math.floor(r() * 300), i);
        w.tag(fieldNo, WireType.LengthDelimited).bytes(v);
        values.push({ kind: "bytes", value: v });
        break;
      }
    }
  }
  const reader = new BinaryReader(w.finish());
  for (const { kind, value } of values) {
    reader.tag();
    let got: unknown;
    switch (kind) {
      case "uint32":
        got = reader.uint32();
        break;
      case "int32":
        got = reader.int32();
        break;
      case "sint32":
        got = reader.sint32();
        break;
      case "uint64":
        got = reader.uint64();
        break;
      case "int64":
        got = reader.int64();
        break;
      case "sint64":
        got = reader.sint64();
        break;
      case "bool":
        got = reader.bool();
        break;
      case "sfixed32":
        got = reader.sfixed32();
        break;
      case "fixed64":
        got = reader.fixed64();
        break;
      case "sfixed64":
        got = reader.sfixed64();
        break;
      case "double":
        got = reader.double();
        break;
      case "float":
        got = reader.float();
        break;
      case "bytes":
        got = reader.bytes();
        break;
    }
    if (typeof value === "number" && Number.isNaN(value)) assert.ok(Number.isNaN(got), kind);
    else assert.deepEqual(got, value, kind);
  }
  assert.equal(reader.done, true);
});

test("the scalar writers refuse values of another type instead of writing something else", () => {
  const w = new BinaryWriter();
  const bad: [string, () => unknown][] = [
    ["bool", () => w.bool(1 as unknown as boolean)],
    ["float", () => w.float("1" as unknown as number)],
    ["double", () => w.double(1n as unknown as number)],
    ["bytes", () => w.bytes("ab" as unknown as Uint8Array)],
    ["bytes", () => w.bytes([1, 2] as unknown as Uint8Array)],
    ["string", () => w.string(5 as unknown as string)],
    ["string", () => w.taggedString(10, 5 as unknown as string)],
    ["string", () => w.taggedStringEscaped(10, null as unknown as string)],
    ["string", () => w.taggedString(130, 5 as unknown as string)],
    ["bool", () => w.packedBool([true, 1 as unknown as boolean])],
    ["double", () => w.packedDouble([1, "2" as unknown as number])],
    ["float", () => w.packedFloat(["x" as unknown as number])],
    // A bigint where a number belongs: a WireError like any other value, not the TypeError of `1n | 0`.
    ["int32", () => w.int32(1n as unknown as number)],
    ["uint32", () => w.uint32(1n as unknown as number)],
    ["sint32", () => w.sint32(1n as unknown as number)],
    ["fixed32", () => w.fixed32(1n as unknown as number)],
    ["sfixed32", () => w.sfixed32(1n as unknown as number)],
    ["int32", () => w.packedInt32([1, 2n as unknown as number])],
    ["uint32", () => w.packedUint32([1, 2n as unknown as number])],
    ["sint32", () => w.packedSint32([1, 2n as unknown as number])],
    ["fixed32", () => w.packedFixed32([1, 2n as unknown as number])],
    ["sfixed32", () => w.packedSfixed32([1, 2n as unknown as number])],
  ];
  for (const [type, fn] of bad) {
    assert.throws(fn, (e: unknown) => e instanceof WireError && e.code === "invalid-value" && e.message.startsWith(`invalid ${type} value`), type);
    w.reset();
  }
  assert.throws(() => w.taggedString(10, { length: 2 } as unknown as string), /invalid string value/, "like a string, but not one");
  w.reset();
  assert.equal(hex(w.bool(false).float(-0).double(0.5).bytes(new Uint8Array([7])).finish()), "00 00 00 00 80 00 00 00 00 00 00 e0 3f 01 07");
});
