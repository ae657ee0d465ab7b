import { test } from "node:test";
import assert from "node:assert/strict";
import { BinaryReader, BinaryWriter, WireError, WireType, DEFAULT_SKIP_DEPTH, MAX_FIELD_NUMBER, VIEW_BYTES_FROM } from "../../src/wire/index.js";
import { varint } from "./reference-varint.js";

// ---------------------------------------------------------------------------------------------
// Helpers (independent of BinaryWriter, so that reader tests do not rely on the writer)

function bytes(h: string): Uint8Array {
  const parts = h.trim().split(/\s+/).filter((p) => p.length > 0);
  return Uint8Array.from(parts, (p) => {
    assert.match(p, /^[0-9a-f]{2}$/, `bad hex byte ${p}`);
    return parseInt(p, 16);
  });
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
}


function reader(h: string | Uint8Array | number[]): BinaryReader {
  const b = typeof h === "string" ? bytes(h) : h instanceof Uint8Array ? h : Uint8Array.from(h);
  return new BinaryReader(b);
}

/** Asserts that fn throws a WireError (exactly that class) with the given offset, and optionally a message match. */
function throwsWire(fn: () => unknown, offset: number, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof WireError, `expected WireError, got ${String(e)}`);
    assert.equal(e.constructor, WireError);
    assert.equal(e.offset, offset, `offset of "${e.message}"`);
    if (message) assert.match(e.message, message);
    return true;
  });
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

// ---------------------------------------------------------------------------------------------
// Construction and ranges

test("a new reader starts at `start` and ends at `end`; done tracks the range", () => {
  const r = new BinaryReader(bytes("01 02 03 04 05"), 1, 3);
  assert.equal(r.pos, 1);
  assert.equal(r.end, 3);
  assert.equal(r.done, false);
  assert.equal(r.uint32(), 2);
  assert.equal(r.uint32(), 3);
  assert.equal(r.done, true);
  throwsWire(() => r.uint32(), 3, /truncated varint/);
  const empty = new BinaryReader(new Uint8Array(0));
  assert.equal(empty.done, true);
  assert.equal(empty.pos, 0);
  assert.equal(empty.end, 0);
});

test("reads respect `end` even when more bytes follow in the buffer", () => {
  // fixed32 needs 4 bytes; only 3 are in range although the buffer has 5.
  throwsWire(() => new BinaryReader(bytes("01 02 03 04 05"), 0, 3).fixed32(), 0, /truncated/);
  // A continuation byte at the end of the range: the varint is truncated at the range end.
  throwsWire(() => new BinaryReader(bytes("96 01"), 0, 1).uint32(), 0, /truncated varint/);
  throwsWire(() => new BinaryReader(bytes("96 01"), 0, 1).uint64(), 0, /truncated varint/);
  throwsWire(() => new BinaryReader(bytes("96 01"), 0, 1).bool(), 0, /truncated varint/);
  // A length that fits the buffer but not the range.
  throwsWire(() => new BinaryReader(bytes("03 61 62 63"), 0, 3).string(), 0, /length 3 exceeds the 2 bytes left/);
  // Fast path for single-byte varints must also respect the end.
  throwsWire(() => new BinaryReader(bytes("05"), 0, 0).uint32(), 0, /truncated varint/);
  throwsWire(() => new BinaryReader(bytes("05"), 0, 0).bool(), 0, /truncated varint/);
});

// ---------------------------------------------------------------------------------------------
// Varints

test("uint32: small and multi-byte values", () => {
  assert.equal(reader("00").uint32(), 0);
  assert.equal(reader("01").uint32(), 1);
  assert.equal(reader("7f").uint32(), 127);
  assert.equal(reader("80 01").uint32(), 128);
  assert.equal(reader("ac 02").uint32(), 300);
  assert.equal(reader("96 01").uint32(), 150);
  assert.equal(reader("ff 7f").uint32(), 16383);
  assert.equal(reader("80 80 01").uint32(), 16384);
  assert.equal(reader("ff ff ff 7f").uint32(), 0x0fffffff);
  assert.equal(reader("80 80 80 80 01").uint32(), 0x10000000);
  assert.equal(reader("ff ff ff ff 07").uint32(), 0x7fffffff);
  assert.equal(reader("80 80 80 80 08").uint32(), 0x80000000);
});

test("uint32 max 0xFFFFFFFF is ff ff ff ff 0f and reads as an unsigned number", () => {
  const r = reader("ff ff ff ff 0f");
  assert.equal(r.uint32(), 4294967295);
  assert.equal(r.pos, 5);
  assert.equal(reader("ff ff ff ff 0f").int32(), -1);
  assert.equal(reader("ff ff ff ff 0f").uint64(), 4294967295n);
  assert.equal(reader("ff ff ff ff 0f").int64(), 4294967295n);
});

test("uint64 max 2^64-1 is ten bytes ending 0x01", () => {
  const r = reader("ff ff ff ff ff ff ff ff ff 01");
  assert.equal(r.uint64(), UINT64_MAX);
  assert.equal(r.pos, 10);
  assert.equal(reader("ff ff ff ff ff ff ff ff ff 01").int64(), -1n);
  assert.equal(reader("ff ff ff ff ff ff ff ff ff 01").sint64(), INT64_MIN);
});

test("uint64 values around 32-bit and 2^63 boundaries", () => {
  const values = [
    0n,
    1n,
    127n,
    128n,
    0xffffffffn,
    0x100000000n,
    0x7ffffffffn,
    0x800000000n,
    (1n << 56n) - 1n,
    1n << 56n,
    (1n << 63n) - 1n,
    1n << 63n,
    (1n << 63n) + 1n,
    UINT64_MAX - 1n,
    UINT64_MAX,
    0x123456789abcdef0n,
  ];
  for (const v of values) {
    const enc = varint(v);
    const r = reader(enc);
    assert.equal(r.uint64(), v, `uint64 ${v}`);
    assert.equal(r.pos, enc.length);
    assert.equal(reader(enc).int64(), BigInt.asIntN(64, v), `int64 ${v}`);
    // varint32 keeps the low 32 bits.
    assert.equal(reader(enc).uint32(), Number(v & 0xffffffffn), `uint32 ${v}`);
    assert.equal(reader(enc).int32(), Number(BigInt.asIntN(32, v)), `int32 ${v}`);
  }
});

test("int64 min and max", () => {
  assert.equal(reader("ff ff ff ff ff ff ff ff 7f").int64(), INT64_MAX);
  assert.equal(reader("ff ff ff ff ff ff ff ff 7f").uint64(), INT64_MAX);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 01").int64(), INT64_MIN);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 01").uint64(), 1n << 63n);
  assert.equal(reader("ff ff ff ff ff ff ff ff ff 01").int64(), -1n);
  assert.equal(reader("fe ff ff ff ff ff ff ff ff 01").int64(), -2n);
});

test("negative int32 as a 10-byte varint reads back; int32 keeps the low 32 bits", () => {
  const minus1 = "ff ff ff ff ff ff ff ff ff 01";
  const r = reader(minus1);
  assert.equal(r.int32(), -1);
  assert.equal(r.pos, 10);
  assert.equal(reader(minus1).uint32(), 0xffffffff);
  assert.equal(reader("80 80 80 80 f8 ff ff ff ff 01").int32(), -2147483648);
  assert.equal(reader("80 80 80 80 f8 ff ff ff ff 01").uint32(), 0x80000000);
  assert.equal(reader("ff ff ff ff f7 ff ff ff ff 01").int32(), 2147483647);
  assert.equal(reader("ce b7 f8 ff ff ff ff ff ff 01").int32(), -123954);
  // A 10-byte varint whose high bits are set but whose low 32 bits are 5.
  assert.equal(reader(varint((1n << 40n) + 5n)).int32(), 5);
  assert.equal(reader(varint((0xdeadn << 32n) | 0x87654321n)).int32(), 0x87654321 | 0);
  assert.equal(reader(varint((0xdeadn << 32n) | 0x87654321n)).uint32(), 0x87654321);
  // Some encoders write negative int32 in 5 bytes: still the low 32 bits.
  assert.equal(reader("ff ff ff ff 0f").int32(), -1);
  assert.equal(reader("80 80 80 80 08").int32(), -2147483648);
});

test("sint32 extremes", () => {
  assert.equal(reader("00").sint32(), 0);
  assert.equal(reader("01").sint32(), -1);
  assert.equal(reader("02").sint32(), 1);
  assert.equal(reader("03").sint32(), -2);
  assert.equal(reader("fe ff ff ff 0f").sint32(), 2147483647);
  assert.equal(reader("ff ff ff ff 0f").sint32(), -2147483648);
  assert.ok(Object.is(reader("00").sint32(), 0));
});

test("sint64 extremes", () => {
  assert.equal(reader("00").sint64(), 0n);
  assert.equal(reader("01").sint64(), -1n);
  assert.equal(reader("02").sint64(), 1n);
  assert.equal(reader("fe ff ff ff ff ff ff ff ff 01").sint64(), INT64_MAX);
  assert.equal(reader("ff ff ff ff ff ff ff ff ff 01").sint64(), INT64_MIN);
  assert.equal(reader("fe ff ff ff 0f").sint64(), 2147483647n);
  assert.equal(reader("ff ff ff ff 0f").sint64(), -2147483648n);
  assert.equal(reader("80 80 80 80 10").sint64(), 2147483648n);
  assert.equal(reader("81 80 80 80 10").sint64(), -2147483649n);
});

test("bool: zero is false, any non-zero varint is true", () => {
  assert.equal(reader("00").bool(), false);
  assert.equal(reader("01").bool(), true);
  assert.equal(reader("02").bool(), true);
  assert.equal(reader("7f").bool(), true);
  assert.equal(reader("80 01").bool(), true);
  assert.equal(reader("80 00").bool(), false);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 00").bool(), false);
  // Only bits above 32 are set: still true.
  assert.equal(reader("80 80 80 80 10").bool(), true);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 01").bool(), true);
  const r = reader("80 80 80 80 10 01");
  assert.equal(r.bool(), true);
  assert.equal(r.pos, 5);
});

test("over-long (non-canonical) varints are accepted", () => {
  for (const h of ["80 00", "80 80 00", "80 80 80 80 00", "80 80 80 80 80 80 80 80 80 00"]) {
    const n = h.split(" ").length;
    let r = reader(h);
    assert.equal(r.uint32(), 0, h);
    assert.equal(r.pos, n);
    r = reader(h);
    assert.equal(r.uint64(), 0n, h);
    assert.equal(r.pos, n);
    assert.equal(reader(h).int32(), 0, h);
    assert.equal(reader(h).int64(), 0n, h);
    assert.equal(reader(h).sint32(), 0, h);
    assert.equal(reader(h).sint64(), 0n, h);
  }
  assert.equal(reader("81 80 80 80 80 80 80 80 80 00").uint32(), 1);
  assert.equal(reader("81 80 80 80 80 80 80 80 80 00").uint64(), 1n);
  assert.equal(reader("ac 82 80 00").uint32(), 300);
});

test("a 10-byte varint whose last byte is up to 0x7f is accepted (bits beyond 64 are dropped)", () => {
  for (const last of [0x00, 0x01, 0x02, 0x7e, 0x7f]) {
    const b = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, last];
    const expected64 = last & 1 ? UINT64_MAX : UINT64_MAX >> 1n;
    let r = reader(b);
    assert.equal(r.uint64(), expected64, `last ${last}`);
    assert.equal(r.pos, 10);
    r = reader(b);
    assert.equal(r.uint32(), 0xffffffff, `last ${last}`);
    assert.equal(r.pos, 10);
    assert.equal(reader(b).int32(), -1);
    assert.equal(reader(b).bool(), true);
    r = reader([0x08, ...b]);
    r.tag();
    assert.equal(hex(r.skip()), hex(Uint8Array.from(b)));
  }
  assert.equal(reader("80 80 80 80 80 80 80 80 80 7f").uint64(), 1n << 63n);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 7e").uint64(), 0n);
  assert.equal(reader("80 80 80 80 80 80 80 80 80 7e").bool(), false);
});

test("varint32 ignores bits 32..34 of the fifth byte; varint64 keeps them", () => {
  assert.equal(reader("ff ff ff ff 7f").uint32(), 0xffffffff);
  assert.equal(reader("ff ff ff ff 7f").uint64(), 0x7ffffffffn);
  assert.equal(reader("80 80 80 80 70").uint32(), 0);
  assert.equal(reader("80 80 80 80 70").uint64(), 0x700000000n);
});

test("an 11-byte varint is an error at the varint's start", () => {
  const eleven = "ff ff ff ff ff ff ff ff ff ff 01";
  throwsWire(() => reader(eleven).uint32(), 0, /longer than 10 bytes/);
  throwsWire(() => reader(eleven).int32(), 0, /longer than 10 bytes/);
  throwsWire(() => reader(eleven).uint64(), 0, /longer than 10 bytes/);
  throwsWire(() => reader(eleven).int64(), 0, /longer than 10 bytes/);
  throwsWire(() => reader(eleven).sint64(), 0, /longer than 10 bytes/);
  throwsWire(() => reader(eleven).bool(), 0, /longer than 10 bytes/);
  throwsWire(() => reader("80 80 80 80 80 80 80 80 80 80 00").uint32(), 0, /longer than 10 bytes/);
  // Not at offset 0: the offset is where the varint starts.
  const r = reader("01 02 " + eleven);
  r.uint32();
  r.uint32();
  throwsWire(() => r.uint64(), 2, /longer than 10 bytes/);
  const r2 = reader("2a " + eleven);
  assert.equal(r2.tag(), 5);
  throwsWire(() => r2.uint32(), 1, /longer than 10 bytes/);
  // skip() too.
  const r3 = reader("07 08 " + eleven);
  r3.pos = 1;
  r3.tag();
  throwsWire(() => r3.skip(), 2, /longer than 10 bytes/);
  // A tag varint that is too long.
  throwsWire(() => reader("00 " + eleven).tag(), 0, /invalid field number 0/);
  const r4 = reader("00 " + eleven);
  r4.pos = 1;
  throwsWire(() => r4.tag(), 1, /longer than 10 bytes/);
});

test("truncated varints are errors at the varint's start", () => {
  for (const h of ["80", "ff ff", "80 80 80 80", "ff ff ff ff ff ff ff ff ff"]) {
    throwsWire(() => reader(h).uint32(), 0, /truncated varint/);
    throwsWire(() => reader(h).int32(), 0, /truncated varint/);
    throwsWire(() => reader(h).uint64(), 0, /truncated varint/);
    throwsWire(() => reader(h).bool(), 0, /truncated varint/);
    throwsWire(() => reader(h).tag(), 0, /truncated varint/);
    const r = reader("08 " + h);
    r.tag();
    throwsWire(() => r.skip(), 1, /truncated varint/);
  }
  throwsWire(() => reader("").uint32(), 0, /truncated varint/);
  throwsWire(() => reader("").uint64(), 0, /truncated varint/);
  throwsWire(() => reader("").tag(), 0, /truncated varint/);
});

// ---------------------------------------------------------------------------------------------
// Fixed-size values

test("fixed32 / sfixed32 extremes", () => {
  assert.equal(reader("00 00 00 00").fixed32(), 0);
  assert.equal(reader("78 56 34 12").fixed32(), 0x12345678);
  assert.equal(reader("ff ff ff ff").fixed32(), 0xffffffff);
  assert.equal(reader("00 00 00 80").fixed32(), 0x80000000);
  assert.equal(reader("ff ff ff ff").sfixed32(), -1);
  assert.equal(reader("00 00 00 80").sfixed32(), -2147483648);
  assert.equal(reader("ff ff ff 7f").sfixed32(), 2147483647);
  const r = reader("01 00 00 00 02 00 00 00");
  assert.equal(r.fixed32(), 1);
  assert.equal(r.pos, 4);
  assert.equal(r.fixed32(), 2);
  assert.equal(r.done, true);
});

test("fixed64 / sfixed64 extremes", () => {
  assert.equal(reader("00 00 00 00 00 00 00 00").fixed64(), 0n);
  assert.equal(reader("f0 de bc 9a 78 56 34 12").fixed64(), 0x123456789abcdef0n);
  assert.equal(reader("ff ff ff ff 00 00 00 00").fixed64(), 0xffffffffn);
  assert.equal(reader("00 00 00 00 01 00 00 00").fixed64(), 0x100000000n);
  assert.equal(reader("ff ff ff ff ff ff ff ff").fixed64(), UINT64_MAX);
  assert.equal(reader("ff ff ff ff ff ff ff ff").sfixed64(), -1n);
  assert.equal(reader("00 00 00 00 00 00 00 80").sfixed64(), INT64_MIN);
  assert.equal(reader("00 00 00 00 00 00 00 80").fixed64(), 1n << 63n);
  assert.equal(reader("ff ff ff ff ff ff ff 7f").sfixed64(), INT64_MAX);
  const r = reader("01 00 00 00 00 00 00 00 ff");
  assert.equal(r.fixed64(), 1n);
  assert.equal(r.pos, 8);
});

test("float: exact values and specials", () => {
  assert.equal(reader("00 00 80 3f").float(), 1);
  assert.equal(reader("00 00 c0 3f").float(), 1.5);
  assert.equal(reader("00 00 c0 bf").float(), -1.5);
  assert.equal(reader("cd cc cc 3d").float(), Math.fround(0.1));
  assert.equal(reader("cd cc cc 3d").float(), 0.10000000149011612);
  assert.equal(reader("00 00 80 4b").float(), 16777216);
  assert.equal(reader("01 00 80 4b").float(), 16777218);
  assert.equal(reader("ff ff 7f 7f").float(), 3.4028234663852886e38);
  assert.equal(reader("ff ff 7f ff").float(), -3.4028234663852886e38);
  assert.equal(reader("00 00 80 7f").float(), Infinity);
  assert.equal(reader("00 00 80 ff").float(), -Infinity);
  assert.ok(Number.isNaN(reader("00 00 c0 7f").float()));
  assert.ok(Number.isNaN(reader("01 00 80 7f").float())); // signalling NaN
  assert.ok(Number.isNaN(reader("ff ff ff ff").float())); // negative NaN with full payload
  assert.ok(Object.is(reader("00 00 00 00").float(), 0));
  assert.ok(Object.is(reader("00 00 00 80").float(), -0));
  // Subnormals.
  assert.equal(reader("01 00 00 00").float(), 1.401298464324817e-45);
  assert.equal(reader("01 00 00 80").float(), -1.401298464324817e-45);
  assert.equal(reader("ff ff 7f 00").float(), 1.1754942106924411e-38);
  assert.equal(reader("00 00 80 00").float(), 1.1754943508222875e-38);
  const r = reader("00 00 80 3f 00 00 00 40");
  assert.equal(r.float(), 1);
  assert.equal(r.float(), 2);
  assert.equal(r.pos, 8);
});

test("double: exact values and specials", () => {
  assert.equal(reader("00 00 00 00 00 00 f0 3f").double(), 1);
  assert.equal(reader("9a 99 99 99 99 99 b9 3f").double(), 0.1);
  assert.equal(reader("ff ff ff ff ff ff ef 7f").double(), Number.MAX_VALUE);
  assert.equal(reader("ff ff ff ff ff ff ef ff").double(), -Number.MAX_VALUE);
  assert.equal(reader("00 00 00 00 00 00 f0 7f").double(), Infinity);
  assert.equal(reader("00 00 00 00 00 00 f0 ff").double(), -Infinity);
  assert.ok(Number.isNaN(reader("00 00 00 00 00 00 f8 7f").double()));
  assert.ok(Number.isNaN(reader("01 00 00 00 00 00 f0 7f").double()));
  assert.ok(Number.isNaN(reader("ff ff ff ff ff ff ff ff").double()));
  assert.ok(Object.is(reader("00 00 00 00 00 00 00 00").double(), 0));
  assert.ok(Object.is(reader("00 00 00 00 00 00 00 80").double(), -0));
  assert.equal(reader("01 00 00 00 00 00 00 00").double(), 5e-324);
  assert.equal(reader("01 00 00 00 00 00 00 80").double(), -5e-324);
  assert.equal(reader("ff ff ff ff ff ff 0f 00").double(), 2.225073858507201e-308);
  assert.equal(reader("00 00 00 00 00 00 10 00").double(), 2.2250738585072014e-308);
  assert.equal(reader("01 00 00 00 00 00 40 43").double(), 2 ** 53 + 2);
});

test("truncated fixed-size values are errors at the value's start", () => {
  for (let n = 0; n < 4; n++) {
    const h = "aa ".repeat(n);
    throwsWire(() => reader(h).fixed32(), 0, new RegExp(`truncated: need 4 bytes, ${n} left`));
    throwsWire(() => reader(h).sfixed32(), 0, /truncated/);
    throwsWire(() => reader(h).float(), 0, /truncated/);
  }
  for (let n = 0; n < 8; n++) {
    const h = "aa ".repeat(n);
    throwsWire(() => reader(h).fixed64(), 0, /truncated/);
    throwsWire(() => reader(h).sfixed64(), 0, /truncated/);
    throwsWire(() => reader(h).double(), 0, new RegExp(`truncated: need 8 bytes, ${n} left`));
  }
  // fixed64 with 4..7 bytes: the error names the start of the value, not its second half.
  throwsWire(() => reader("01 02 03 04 05").fixed64(), 0, /truncated/);
  const r = reader("0d 01 02 03");
  r.tag();
  throwsWire(() => r.fixed32(), 1, /need 4 bytes, 3 left/);
  const r2 = reader("11 01 02 03 04 05 06 07");
  r2.tag();
  throwsWire(() => r2.skip(), 1, /need 8 bytes, 7 left/);
});

test("a failed fixed64 does not move the position", () => {
  const r = reader("01 02 03 04 05");
  throwsWire(() => r.fixed64(), 0);
  assert.equal(r.pos, 0);
  const r2 = reader("01 02 03");
  throwsWire(() => r2.double(), 0);
  assert.equal(r2.pos, 0);
});

// ---------------------------------------------------------------------------------------------
// Length-delimited values

test("bytes, bytesView and string read length-delimited values", () => {
  const buf = bytes("03 61 62 63 00 02 ff 00 05 68 c3 a9 6c 6f");
  const r = new BinaryReader(buf);
  assert.equal(r.string(), "abc");
  assert.equal(r.pos, 4);
  assert.equal(r.string(), "");
  const view = r.bytesView();
  assert.equal(hex(view), "ff 00");
  // A view shares the buffer.
  assert.equal(view.buffer, buf.buffer);
  assert.equal(view.byteOffset, 6);
  assert.equal(r.string(), "h\u00e9lo");
  assert.equal(r.done, true);

  const r2 = new BinaryReader(buf);
  r2.pos = 5;
  const copy = r2.bytes();
  assert.equal(hex(copy), "ff 00");
  // A copy does not share the buffer.
  copy[0] = 1;
  assert.equal(buf[6], 0xff);
  buf[7] = 9;
  assert.equal(copy[1], 0);
});

test("length(): exact fit is fine, one more byte than available is an error at the length's offset", () => {
  const r = reader("03 01 02 03");
  assert.equal(r.length(), 3);
  assert.equal(r.pos, 1);
  throwsWire(() => reader("04 01 02 03").length(), 0, /length 4 exceeds the 3 bytes left/);
  throwsWire(() => reader("01").bytes(), 0, /length 1 exceeds the 0 bytes left/);
  const r2 = reader("0a 04 01 02 03");
  r2.tag();
  throwsWire(() => r2.bytes(), 1, /length 4 exceeds the 3 bytes left/);
  throwsWire(() => reader("80 01" + " 00".repeat(127)).bytesView(), 0, /length 128 exceeds the 127 bytes left/);
  assert.equal(reader("80 01" + " 00".repeat(128)).bytesView().length, 128);
});

test("a huge length prefix is an error and does not allocate", () => {
  // Tag (field 1, length-delimited), length 0x7fffffff, then only 3 bytes.
  const h = "0a ff ff ff ff 07 01 02 03";
  const before = process.memoryUsage().arrayBuffers;
  for (const read of [
    (r: BinaryReader) => r.bytes(),
    (r: BinaryReader) => r.bytesView(),
    (r: BinaryReader) => r.string(),
    (r: BinaryReader) => r.string(false),
    (r: BinaryReader) => r.skip(),
    (r: BinaryReader) => r.length(),
  ]) {
    const r = reader(h);
    assert.equal(r.tag(), 1);
    throwsWire(() => read(r), 1, /length 2147483647 exceeds the 3 bytes left/);
  }
  const after = process.memoryUsage().arrayBuffers;
  assert.ok(after - before < 1 << 20, `array buffer memory grew by ${after - before} bytes`);

  // Lengths of 2 GiB and more are invalid, and so is a negative (10-byte) length.
  throwsWire(() => reader("ff ff ff ff 0f 01 02").bytes(), 0, /exceeds/);
  throwsWire(() => reader("80 80 80 80 08 01 02").bytes(), 0, /exceeds/);
  throwsWire(() => reader("ff ff ff ff ff ff ff ff ff 01 01 02").bytes(), 0, /exceeds/);
  throwsWire(() => reader("ff ff ff ff ff ff ff ff ff 01 01 02").string(), 0, /exceeds/);
});

test("a length whose varint has bits above 32 is an error, not truncated to its low bits", () => {
  // 2^32 + 3: varint32 would keep 3, which fits the three bytes that follow.
  const h = "0a " + hex(Uint8Array.from(varint((1n << 32n) + 3n))) + " 61 62 63";
  for (const read of [
    (r: BinaryReader) => r.bytes(),
    (r: BinaryReader) => r.string(),
    (r: BinaryReader) => r.skip(),
    (r: BinaryReader) => r.length(),
  ]) {
    const r = reader(h);
    r.tag();
    throwsWire(() => read(r), 1, /length/);
  }
  // 2^63 + 2 as a 10-byte varint.
  throwsWire(() => reader(Uint8Array.from([...varint((1n << 63n) + 2n), 0x61, 0x62])).bytes(), 0, /length/);
  // An over-long encoding of a small length is still fine.
  const r = reader("83 80 80 80 80 00 61 62 63");
  assert.equal(r.string(), "abc");
  assert.equal(r.done, true);
});

test("a truncated length prefix is an error at the length's offset", () => {
  const r = reader("0a 80");
  r.tag();
  throwsWire(() => r.bytes(), 1, /truncated varint/);
  throwsWire(() => reader("").string(), 0, /truncated varint/);
});

test("string(): valid UTF-8 and validation", () => {
  assert.equal(reader("00").string(), "");
  assert.equal(reader("02 c3 a9").string(), "\u00e9");
  assert.equal(reader("04 f0 9f 98 80").string(), "\u{1F600}");
  assert.equal(reader("03 e2 82 ac").string(true), "\u20ac");
  const long = "x".repeat(100) + "\u00e9\u{1F600}";
  const enc = new TextEncoder().encode(long);
  assert.equal(reader([...varint(BigInt(enc.length)), ...enc]).string(), long);

  const invalid = ["02 c0 80", "01 c3", "02 e2 82", "03 ed a0 80", "01 f5", "04 f4 90 80 80", "01 80", "01 ff"];
  for (const h of invalid) {
    throwsWire(() => reader(h).string(), 0, /invalid UTF-8/);
    throwsWire(() => reader(h).string(true), 0, /invalid UTF-8/);
    // Without validation, every byte of an invalid sequence is kept as U+DC00 + byte.
    const bytes = h.split(" ").slice(1).map((x) => Number.parseInt(x, 16));
    assert.equal(reader(h).string(false), String.fromCharCode(...bytes.map((b) => 0xdc00 | b)), h);
    const w = new BinaryWriter();
    w.stringEscaped(reader(h).string(false));
    assert.deepEqual([...w.finish()], [bytes.length, ...bytes], `${h} written back`);
  }
  assert.equal(reader("02 c0 80").string(false), "\udcc0\udc80");
  assert.equal(reader("03 ed a0 80").string(false), "\udced\udca0\udc80");
  assert.equal(reader("02 e2 82").string(false), "\udce2\udc82");
  assert.equal(reader("03 41 ff 42").string(false), "A\udcffB");
  // Valid sequences around invalid bytes decode as usual.
  assert.equal(reader("06 c3 a9 ff e2 82 ac").string(false), "\u00e9\udcff\u20ac");
  // Offset is the start of the length prefix, after the tag.
  const r = reader("08 01 12 02 c0 80");
  r.tag();
  r.uint32();
  r.tag();
  throwsWire(() => r.string(), 3, /invalid UTF-8/);
  // Long invalid string (slow path).
  const bad = [...new TextEncoder().encode("y".repeat(40)), 0xed, 0xa0, 0x80];
  throwsWire(() => reader([...varint(BigInt(bad.length)), ...bad]).string(), 0, /invalid UTF-8/);
  assert.equal(reader([...varint(BigInt(bad.length)), ...bad]).string(false), "y".repeat(40) + "\udced\udca0\udc80");
});

// ---------------------------------------------------------------------------------------------
// Tags

test("tag(): field number and wire type", () => {
  const r = reader("08 11 1a 23 2c 35");
  const expected: [number, number][] = [
    [1, WireType.Varint],
    [2, WireType.Bit64],
    [3, WireType.LengthDelimited],
    [4, WireType.StartGroup],
    [5, WireType.EndGroup],
    [6, WireType.Bit32],
  ];
  for (const [no, wt] of expected) {
    assert.equal(r.tag(), no);
    assert.equal(r.fieldNo, no);
    assert.equal(r.wireType, wt);
  }
  assert.equal(reader("80 01").tag(), 16);
  assert.equal(reader("f8 ff ff ff 0f").tag(), MAX_FIELD_NUMBER);
  const r2 = reader("fd ff ff ff 0f");
  assert.equal(r2.tag(), MAX_FIELD_NUMBER);
  assert.equal(r2.wireType, WireType.Bit32);
  assert.equal(r2.pos, 5);
  // Over-long tag encodings of small field numbers are accepted.
  const r3 = reader("88 80 80 80 00");
  assert.equal(r3.tag(), 1);
  assert.equal(r3.wireType, WireType.Varint);
});

test("tag(): invalid wire types 6 and 7 are errors at the tag's offset", () => {
  throwsWire(() => reader("0e").tag(), 0, /invalid wire type 6/);
  throwsWire(() => reader("0f").tag(), 0, /invalid wire type 7/);
  throwsWire(() => reader("fe ff ff ff 0f").tag(), 0, /invalid wire type 6/);
  const r = reader("08 01 16");
  r.tag();
  r.uint32();
  throwsWire(() => r.tag(), 2, /invalid wire type 6/);
  const r2 = reader("08 01 87 01");
  r2.tag();
  r2.uint32();
  throwsWire(() => r2.tag(), 2, /invalid wire type 7/);
});

test("tag(): field number 0 is an error at the tag's offset", () => {
  for (let wt = 0; wt < 8; wt++) {
    throwsWire(() => reader([wt]).tag(), 0, /invalid field number 0/);
  }
  throwsWire(() => reader("80 00").tag(), 0, /invalid field number 0/);
  const r = reader("08 01 02");
  r.tag();
  r.uint32();
  throwsWire(() => r.tag(), 2, /invalid field number 0/);
});

test("tag(): five-byte tags keep their low 32 bits and longer ones are errors, as in protoc", () => {
  // protoc --decode_raw prints "1: 1" for 88 80 80 80 10 01: the bits above 32 are dropped.
  const r = reader("08 01 88 80 80 80 10 01");
  r.tag();
  r.uint32();
  assert.equal(r.tag(), 1);
  // f8 ff ff ff 6a: field 369098751 (protoc prints "369098751: 1").
  assert.equal(reader("f8 ff ff ff 6a 01").tag(), 369098751);
  // Field 2^29 (tag 2^32) keeps low bits 0: field number 0.
  throwsWire(() => reader("80 80 80 80 10").tag(), 0, /invalid field number 0/);
  // Six bytes and more: protoc fails to parse.
  throwsWire(() => reader("88 80 80 80 80 00").tag(), 0, /tag is longer than 5 bytes/);
  throwsWire(() => reader("88 80 80 80 80 80 80 80 80 01").tag(), 0, /tag is longer than 5 bytes/);
  // Inside a skipped group.
  const r2 = reader("0b 88 80 80 80 80 00 01 0c");
  r2.tag();
  throwsWire(() => r2.skip(), 1, /tag is longer than 5 bytes/);
});

test("rawTag(): tags of one to five bytes, at the very end and with bytes after them; longer ones and cut ones are errors", () => {
  for (const fieldNo of [1, 15, 16, 2047, 2048, 262143, 262144, MAX_FIELD_NUMBER]) {
    for (const wt of [0, 2, 5]) {
      const tag = fieldNo * 8 + wt;
      const enc = varint(BigInt(tag));
      for (let extra = 0; extra < 7; extra++) {
        const r = reader([...enc, ...new Array<number>(extra).fill(0x01)]);
        assert.equal(r.rawTag(), tag, `tag ${tag}, ${extra} bytes after`);
        assert.equal(r.pos, enc.length);
      }
      // Cut before its last byte: the reader's end excludes the rest.
      if (enc.length > 1) throwsWire(() => new BinaryReader(Uint8Array.from(enc), 0, enc.length - 1).rawTag(), 0, /truncated varint/);
    }
  }
  throwsWire(() => reader("88 80 80 80 80 00").rawTag(), 0, /tag is longer than 5 bytes/);
  throwsWire(() => reader("").rawTag(), 0, /truncated varint/);
});


// ---------------------------------------------------------------------------------------------
// skip()

test("skip() each wire type returns the raw value bytes and moves past them", () => {
  const cases: [string, string][] = [
    ["08 96 01", "96 01"],
    ["08 00", "00"],
    ["08 ff ff ff ff ff ff ff ff ff 01", "ff ff ff ff ff ff ff ff ff 01"],
    ["11 01 02 03 04 05 06 07 08", "01 02 03 04 05 06 07 08"],
    ["1a 03 61 62 63", "03 61 62 63"],
    ["1a 00", "00"],
    ["1b 08 01 1c", "08 01 1c"],
    ["1b 1c", "1c"],
    ["25 01 02 03 04", "01 02 03 04"],
  ];
  for (const [h, raw] of cases) {
    const r = reader(h + " 78 01");
    const no = r.tag();
    const skipped = r.skip();
    assert.equal(hex(skipped), raw, h);
    assert.equal(r.pos, bytes(h).length, h);
    // Reading continues with the next field.
    assert.equal(r.tag(), 15);
    assert.equal(r.uint32(), 1);
    assert.equal(r.done, true);
    assert.ok(no > 0);
  }
});

test("skip() with explicit wire type and field number", () => {
  const r = reader("96 01 01 02 03 04 02 61 62 08 05 24");
  assert.equal(hex(r.skip(WireType.Varint, 1)), "96 01");
  assert.equal(hex(r.skip(WireType.Bit32, 1)), "01 02 03 04");
  assert.equal(hex(r.skip(WireType.LengthDelimited, 1)), "02 61 62");
  assert.equal(hex(r.skip(WireType.StartGroup, 4)), "08 05 24");
  assert.equal(r.done, true);
});

test("skip() leaves fieldNo and wireType of the skipped field", () => {
  const r = reader("1b 08 01 13 14 1c");
  r.tag();
  r.skip();
  assert.equal(r.fieldNo, 3);
  assert.equal(r.wireType, WireType.StartGroup);
  assert.equal(r.done, true);
});

test("skip() groups nested several deep, with every wire type inside", () => {
  // group 1 { varint, group 2 { fixed64, group 3 { string, group 4 { fixed32 } } varint } }
  const h =
    "0b" +
    " 08 96 01" +
    " 13" +
    " 19 01 02 03 04 05 06 07 08" +
    " 1b" +
    " 22 02 68 69" +
    " 23 2d 01 02 03 04 24" +
    " 1c" +
    " 30 7f" +
    " 14" +
    " 0c";
  const r = reader(h + " 08 05");
  assert.equal(r.tag(), 1);
  const raw = r.skip();
  assert.equal(hex(raw), hex(bytes(h).subarray(1)));
  assert.equal(r.tag(), 1);
  assert.equal(r.wireType, WireType.Varint);
  assert.equal(r.uint32(), 5);
  assert.equal(r.done, true);
  // A group containing a group of the same field number.
  const same = reader("0b 0b 0b 0c 0c 0c");
  same.tag();
  assert.equal(hex(same.skip()), "0b 0b 0c 0c 0c");
  assert.equal(same.done, true);
});

test("skip(): end of group with a different field number is an error at the end tag", () => {
  const r = reader("1b 08 01 24");
  r.tag();
  throwsWire(() => r.skip(), 3, /end of group 4 does not match start of group 3/);
  const r2 = reader("0b 13 08 01 0c 14");
  r2.tag();
  throwsWire(() => r2.skip(), 4, /end of group 1 does not match start of group 2/);
  // Explicit field number that does not match.
  throwsWire(() => reader("08 01 1c").skip(WireType.StartGroup, 2), 2, /end of group 3 does not match start of group 2/);
});

test("skip(): an end-group tag with no start is an error", () => {
  const r = reader("1c");
  assert.equal(r.tag(), 3);
  assert.equal(r.wireType, WireType.EndGroup);
  throwsWire(() => r.skip(), 1, /unexpected end of group 3/);
  const r2 = reader("08 01 2c 08 02");
  r2.tag();
  r2.skip();
  r2.tag();
  throwsWire(() => r2.skip(), 3, /unexpected end of group 5/);
});

test("skip(): a group without its end is an error", () => {
  const r = reader("1b 08 01");
  r.tag();
  throwsWire(() => r.skip(), 3, /missing end of group 3/);
  const r2 = reader("1b");
  r2.tag();
  throwsWire(() => r2.skip(), 1, /missing end of group 3/);
  // Nested: the inner group is closed but not the outer one.
  const r3 = reader("1b 23 24 08 01");
  r3.tag();
  throwsWire(() => r3.skip(), 5, /missing end of group 3/);
  // The group's end exists in the buffer, but beyond the reader's end.
  const r4 = new BinaryReader(bytes("1b 08 01 1c"), 0, 3);
  r4.tag();
  throwsWire(() => r4.skip(), 3, /missing end of group 3/);
  // The group ends with a truncated value.
  const r5 = reader("1b 08 96");
  r5.tag();
  throwsWire(() => r5.skip(), 2, /truncated varint/);
  const r6 = reader("1b 12 05 61");
  r6.tag();
  throwsWire(() => r6.skip(), 2, /length 5 exceeds the 1 bytes left/);
});

/** `depth` nested start-group tags of field 1, then their end tags. */
function nestedGroups(depth: number, closed = true): Uint8Array {
  const b = new Uint8Array(closed ? depth * 2 : depth);
  b.fill(0x0b, 0, depth);
  if (closed) b.fill(0x0c, depth);
  return b;
}

test("skip(): groups nested up to the depth limit are fine", () => {
  assert.equal(DEFAULT_SKIP_DEPTH, 100);
  const b = nestedGroups(DEFAULT_SKIP_DEPTH);
  const r = new BinaryReader(b);
  r.tag();
  assert.equal(r.skip().length, b.length - 1);
  assert.equal(r.done, true);
});

test("skip(): groups nested deeper than the depth limit are an error, not a stack overflow", () => {
  const b = nestedGroups(DEFAULT_SKIP_DEPTH + 1);
  const r = new BinaryReader(b);
  r.tag();
  throwsWire(() => r.skip(), DEFAULT_SKIP_DEPTH + 1, /nested too deeply/);

  for (const depth of [1000, 100_000, 1_000_000]) {
    for (const closed of [true, false]) {
      const r2 = new BinaryReader(nestedGroups(depth, closed));
      r2.tag();
      throwsWire(() => r2.skip(), DEFAULT_SKIP_DEPTH + 1, /nested too deeply/);
    }
  }
});

test("skip(): an explicit depth limit", () => {
  const b = nestedGroups(3);
  const ok = new BinaryReader(b);
  ok.tag();
  assert.equal(ok.skip(WireType.StartGroup, 1, 3).length, 5);
  const bad = new BinaryReader(b);
  bad.tag();
  throwsWire(() => bad.skip(WireType.StartGroup, 1, 2), 3, /nested too deeply/);
  const zero = new BinaryReader(b);
  zero.tag();
  throwsWire(() => zero.skip(WireType.StartGroup, 1, 0), 1, /nested too deeply/);
});

// ---------------------------------------------------------------------------------------------
// Truncation at every byte position

/** A sample message: one field of every wire type, including a group with nested fields and a nested group. */
const SAMPLE = bytes(
  [
    "08 ac 02", // 1: varint 300
    "15 78 56 34 12", // 2: fixed32 0x12345678
    "19 f0 de bc 9a 78 56 34 12", // 3: fixed64
    "22 05 68 65 6c 6c 6f", // 4: string "hello"
    "2b", // 5: start group
    "  08 96 01", //   1: varint 150
    "  12 02 68 69", //   2: string "hi"
    "  33", //   6: start group
    "    0d 01 02 03 04", //     1: fixed32
    "    11 01 02 03 04 05 06 07 08", //     2: fixed64
    "  34", //   6: end group
    "  18 ff ff ff ff ff ff ff ff ff 01", //   3: varint -1 (10 bytes)
    "2c", // 5: end group
    "30 01", // 6: varint 1
    "3a 00", // 7: empty bytes
    "40 ff ff ff ff ff ff ff ff ff 01", // 8: sint64 min
    "49 00 00 00 00 00 00 f0 3f", // 9: double 1
    "55 00 00 c0 7f", // 10: float NaN
    "5a 03 ff 00 01", // 11: bytes
  ].join(" "),
);

type Summary = (string | number | bigint | boolean)[];

/** Reads every field with the typed readers, reading the group by hand (its inner group with skip()). */
function readTyped(r: BinaryReader, boundaries?: number[]): Summary {
  const out: Summary = [];
  while (!r.done) {
    const no = r.tag();
    switch (no) {
      case 1:
        out.push(r.uint32());
        break;
      case 2:
        out.push(r.fixed32());
        break;
      case 3:
        out.push(r.fixed64());
        break;
      case 4:
        out.push(r.string());
        break;
      case 5: {
        if (r.wireType !== WireType.StartGroup) throw new Error("field 5 is not a group");
        for (;;) {
          const inner = r.tag();
          if ((r.wireType as WireType) === WireType.EndGroup) {
            if (inner !== 5) throw new Error("wrong end group");
            break;
          }
          if (inner === 1) out.push(r.int32());
          else if (inner === 2) out.push(r.string());
          else if (inner === 6) out.push(hexOf(r.skip()));
          else if (inner === 3) out.push(r.int64());
          else throw new Error(`unexpected field ${inner}`);
        }
        break;
      }
      case 6:
        out.push(r.bool());
        break;
      case 7:
        out.push(hexOf(r.bytes()));
        break;
      case 8:
        out.push(r.sint64());
        break;
      case 9:
        out.push(r.double());
        break;
      case 10:
        out.push(String(r.float()));
        break;
      case 11:
        out.push(hexOf(r.bytesView()));
        break;
      default:
        throw new Error(`unexpected field ${no}`);
    }
    boundaries?.push(r.pos);
  }
  return out;
}

function hexOf(b: Uint8Array): string {
  return hex(b);
}

/** Skips every field. */
function readSkipping(r: BinaryReader, boundaries?: number[]): number {
  let n = 0;
  while (!r.done) {
    r.tag();
    r.skip();
    n++;
    boundaries?.push(r.pos);
  }
  return n;
}

test("the sample message reads completely", () => {
  const boundaries: number[] = [];
  const summary = readTyped(new BinaryReader(SAMPLE), boundaries);
  assert.deepEqual(summary, [
    300,
    0x12345678,
    0x123456789abcdef0n,
    "hello",
    150,
    "hi",
    "0d 01 02 03 04 11 01 02 03 04 05 06 07 08 34",
    -1n,
    true,
    "",
    INT64_MIN,
    1,
    "NaN",
    "ff 00 01",
  ]);
  assert.deepEqual(boundaries, [3, 8, 17, 24, 60, 62, 64, 75, 84, 89, 94]);
  const skipBoundaries: number[] = [];
  assert.equal(readSkipping(new BinaryReader(SAMPLE), skipBoundaries), 11);
  assert.deepEqual(skipBoundaries, boundaries);
  assert.equal(SAMPLE.length, 94);
});

test("truncation at every byte position throws a WireError, except on field boundaries", { timeout: 20_000 }, () => {
  const boundaries = new Set<number>([0]);
  const list: number[] = [];
  readTyped(new BinaryReader(SAMPLE), list);
  for (const b of list) boundaries.add(b);

  for (let cut = 0; cut <= SAMPLE.length; cut++) {
    const makeReaders = () => [
      // The bytes after `cut` exist in the buffer: the reader must stop at `end`.
      new BinaryReader(SAMPLE, 0, cut),
      // The buffer itself ends at `cut`.
      new BinaryReader(SAMPLE.slice(0, cut)),
      // The message starts in the middle of a buffer.
      new BinaryReader(Uint8Array.from([0xff, 0xff, ...SAMPLE.subarray(0, cut), 0x08, 0x01]), 2, 2 + cut),
    ];
    const base = [0, 0, 2];
    for (const mode of ["typed", "skip"] as const) {
      makeReaders().forEach((r, i) => {
        const read = () => (mode === "typed" ? readTyped(r) : readSkipping(r));
        if (boundaries.has(cut)) {
          assert.doesNotThrow(read, `cut ${cut} (${mode}, reader ${i})`);
          assert.equal(r.pos, base[i]! + cut);
        } else {
          assert.throws(
            read,
            (e: unknown) => {
              assert.ok(e instanceof WireError, `cut ${cut} (${mode}, reader ${i}): ${String(e)}`);
              // The error names a byte inside the readable range.
              assert.ok(e.offset >= base[i]! && e.offset <= base[i]! + cut, `offset ${e.offset} for cut ${cut}`);
              return true;
            },
            `cut ${cut} (${mode}, reader ${i})`,
          );
        }
      });
    }
  }
});

test("truncation errors name the exact offset of the truncated item", () => {
  // Cut inside field 1's varint (ac | 02): truncated varint at 1.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 2)), 1, /truncated varint/);
  // Cut inside field 2's fixed32 value.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 6)), 4, /need 4 bytes, 2 left/);
  // Cut inside field 3's fixed64.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 16)), 9, /need 8 bytes, 7 left/);
  // Cut inside field 4's string.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 23)), 18, /length 5 exceeds the 4 bytes left/);
  // Cut right after field 5's start-group tag.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 25)), 25, /missing end of group 5/);
  // Cut just before field 5's end-group tag.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 59)), 59, /missing end of group 5/);
  // Cut inside the nested group 6, just before its end tag.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 47)), 47, /missing end of group 6/);
  // Cut inside the nested group's fixed64.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 46)), 39, /need 8 bytes, 7 left/);
  // Cut right after field 7's tag: the length is missing.
  throwsWire(() => readSkipping(new BinaryReader(SAMPLE, 0, 63)), 63, /truncated varint/);
});

test("bytes(): copies below viewBytesFrom (4096 by default), views from there on; 0 and Infinity make all views or all copies", () => {
  assert.equal(VIEW_BYTES_FROM, 4096);
  for (const n of [0, 5, 4095, 4096, 70000]) {
    const value = Uint8Array.from({ length: n }, (_, i) => (i * 7) & 0xff);
    const w = new BinaryWriter();
    w.uint32(1).bytes(value).uint32(2);
    const input = Buffer.from(w.finish());
    const read = (viewFrom?: number) => {
      const r = new BinaryReader(input);
      if (viewFrom !== undefined) r.viewBytesFrom = viewFrom;
      r.uint32();
      const got = r.bytes();
      assert.equal(r.uint32(), 2);
      assert.deepEqual(got, value);
      assert.equal(got.constructor, Uint8Array, "a plain Uint8Array, also from a Buffer");
      return got;
    };
    const byDefault = read();
    const copy = read(Infinity);
    const view = read(0);
    assert.notEqual(copy.buffer, input.buffer);
    assert.equal(view.buffer, input.buffer);
    assert.equal(view.byteOffset, input.byteOffset + 1 + (n < 128 ? 1 : n < 16384 ? 2 : 3));
    if (n >= 4096) assert.equal(byDefault.buffer, input.buffer);
    else assert.notEqual(byDefault.buffer, input.buffer);
    input.fill(0xee);
    assert.deepEqual(copy, value, "the copy does not change with the input");
    if (n < 4096) assert.deepEqual(byDefault, value);
    if (n > 0) assert.equal(view[0], 0xee, "the view does");
  }
});

test("varints of every length read the same with ten or more bytes left (no bounds checks) and at the very end", () => {
  const values: bigint[] = [0n, 1n, 127n, 128n, 16383n, 16384n, (1n << 21n) - 1n, 1n << 21n, (1n << 28n) - 1n, 1n << 28n, (1n << 32n) - 1n, 1n << 32n, (1n << 35n) + 5n, 1n << 42n, 1n << 49n, 1n << 56n, (1n << 63n) + 12345n, (1n << 64n) - 1n];
  for (const v of values) {
    const w = new BinaryWriter();
    w.uint64(v);
    const alone = w.finish();
    // Every amount of slack after the varint: the readers take other paths with fewer than five
    // and fewer than ten bytes left.
    const inputs = Array.from({ length: 13 }, (_, extra) => {
      const b = new Uint8Array(alone.length + extra);
      b.set(alone);
      return b;
    });
    for (const input of inputs) {
      assert.equal(new BinaryReader(input).uint64(), v, `uint64 ${v}`);
      assert.equal(new BinaryReader(input).int64(), BigInt.asIntN(64, v), `int64 ${v}`);
      assert.equal(new BinaryReader(input).uint32(), Number(v & 0xffffffffn), `uint32 ${v}`);
      assert.equal(new BinaryReader(input).int32(), Number(BigInt.asIntN(32, v)), `int32 ${v}`);
      const r = new BinaryReader(input);
      r.varint32();
      assert.equal(r.pos, alone.length, `position after ${v}`);
    }
  }
  // Eleven bytes: too long, whether ten more bytes follow the first or not.
  const eleven = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
  for (const input of [Uint8Array.from(eleven), Uint8Array.from([...eleven, 0, 0, 0, 0])]) {
    throwsWire(() => new BinaryReader(input).uint32(), 0, /longer than 10 bytes/);
    throwsWire(() => new BinaryReader(input).int64(), 0, /longer than 10 bytes/);
    throwsWire(() => new BinaryReader(input).uint64(), 0, /longer than 10 bytes/);
  }
  // Cut: the last byte still has its continuation bit.
  throwsWire(() => new BinaryReader(Uint8Array.from([0x80, 0x80, 0x80])).uint32(), 0, /truncated varint/);
  // A negative int32 (ten bytes) cut after each of its first nine bytes, with bytes after the cut
  // in the buffer that the reader's end excludes.
  const negative = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
  for (let cut = 1; cut < 10; cut++) {
    const input = Uint8Array.from([0x00, ...negative, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const rc = new BinaryReader(input, 1, 1 + cut);
    throwsWire(() => rc.int32(), 1, /truncated varint/);
    assert.equal(new BinaryReader(input, 1, 11).int32(), -1);
  }
  throwsWire(() => new BinaryReader(Uint8Array.from([0x80, 0x80, 0x80])).int64(), 0, /truncated varint/);
  // A reader whose end is before the buffer's end stops there, however many bytes follow.
  const r = new BinaryReader(Uint8Array.from([0x80, 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0, 2);
  throwsWire(() => r.uint32(), 0, /truncated varint/);
});
