// Singular scalar fields: values decoded from protoc's encoding, written back byte for byte;
// implicit vs explicit presence.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fromHex, payload } from "../../fixtures/load.js";
import { create, createEmpty, fromBinary, isFieldSet, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

// The values in payloads/p2_scalars.txtpb and p3_scalars.txtpb.
const full = {
  fDouble: 1.5,
  fFloat: -2.5,
  fInt64: -9223372036854775808n,
  fUint64: 18446744073709551615n,
  fInt32: -1,
  fFixed64: 18446744073709551615n,
  fFixed32: 4294967295,
  fBool: true,
  fString: "h\u00e9llo \u{1f600}",
  fBytes: new Uint8Array([0x00, 0xff, 0x80, 0x61, 0x62, 0x63]),
  fUint32: 4294967295,
  fSfixed32: -2147483648,
  fSfixed64: -9223372036854775808n,
  fSint32: -2147483648,
  fSint64: -9223372036854775808n,
};

for (const v of codecVariants) {
  test(`${v.name}: proto2 scalars decode to protoc's values and re-encode identically`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    const bytes = payload("p2_scalars");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p2.Scalars",
      ...full,
      fEnum: -1,
      fMsg: { $typeName: "fx.p2.Sub", a: 1, b: "x", c: [1, 2], child: { $typeName: "fx.p2.Sub", a: 2, c: [] } },
    });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: proto3 scalars decode to protoc's values and re-encode identically`, () => {
    const desc = v.msg("p3", "fx.p3.Scalars");
    const bytes = payload("p3_scalars");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p3.Scalars",
      ...full,
      fEnum: 77, // an open enum keeps an unknown number
      fMsg: { $typeName: "fx.p3.Sub", a: 1, b: "x", c: [1, 2], child: { $typeName: "fx.p3.Sub", a: 2, b: "", c: [] } },
    });
    assertBytes(toBinary(desc, m), bytes);
    // The same message built with create() encodes the same.
    assertBytes(toBinary(desc, create(desc, { ...full, fEnum: 77, fMsg: { a: 1, b: "x", c: [1, 2], child: { a: 2 } } })), bytes);
  });

  test(`${v.name}: explicit presence (proto2): zero values are set and written`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    const bytes = payload("p2_scalars_zero");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p2.Scalars",
      fDouble: 0, fFloat: 0, fInt64: 0n, fUint64: 0n, fInt32: 0, fFixed64: 0n, fFixed32: 0, fBool: false, fString: "",
      fMsg: { $typeName: "fx.p2.Sub", c: [] },
      fBytes: new Uint8Array(0), fUint32: 0, fEnum: 1, fSfixed32: 0, fSfixed64: 0n, fSint32: 0, fSint64: 0n,
    });
    for (const f of desc.fields) assert.equal(isFieldSet(m, f), true, f.name);
    assertBytes(toBinary(desc, m), bytes);
    // Unset fields are not written.
    assert.deepEqual(fromBinary(desc, new Uint8Array(0)), { $typeName: "fx.p2.Scalars" });
    assert.equal(toBinary(desc, createEmpty(desc)).length, 0);
  });

  test(`${v.name}: implicit presence (proto3): zero values are not written`, () => {
    const desc = v.msg("p3", "fx.p3.Scalars");
    const bytes = payload("p3_scalars_zero");
    // protoc wrote only the (explicit-presence) message field.
    assertBytes(bytes, fromHex("5a 00"));
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p3.Scalars",
      fDouble: 0, fFloat: 0, fInt64: 0n, fUint64: 0n, fInt32: 0, fFixed64: 0n, fFixed32: 0, fBool: false, fString: "",
      fMsg: { $typeName: "fx.p3.Sub", a: 0, b: "", c: [] },
      fBytes: new Uint8Array(0), fUint32: 0, fEnum: 0, fSfixed32: 0, fSfixed64: 0n, fSint32: 0, fSint64: 0n,
    });
    assertBytes(toBinary(desc, m), bytes);
    assert.equal(toBinary(desc, createEmpty(desc)).length, 0);
    // Zero values present on the wire read as zero and are dropped when written back.
    const z = fromBinary<M>(desc, fromHex("09 00 00 00 00 00 00 00 00 15 00 00 00 00 18 00 20 00 28 00 31 00 00 00 00 00 00 00 00 3d 00 00 00 00 40 00 4a 00 62 00 68 00 70 00 7d 00 00 00 00 81 01 00 00 00 00 00 00 00 00 88 01 00 90 01 00"));
    assert.equal(z.$unknown, undefined);
    assert.equal(toBinary(desc, z).length, 0);
  });

  test(`${v.name}: -0.0 is not the zero value: written even with implicit presence`, () => {
    const desc = v.msg("p3", "fx.p3.Scalars");
    const bytes = payload("p3_neg_zero");
    assertBytes(bytes, fromHex("09 00 00 00 00 00 00 00 80 15 00 00 00 80"));
    const m = fromBinary<M>(desc, bytes);
    assert.ok(Object.is(m.fDouble, -0));
    assert.ok(Object.is(m.fFloat, -0));
    assertBytes(toBinary(desc, m), bytes);
    assertBytes(toBinary(desc, create(desc, { fDouble: -0, fFloat: -0 })), bytes);
  });

  test(`${v.name}: proto3 optional: explicit presence, zero values written`, () => {
    const desc = v.msg("p3", "fx.p3.Optionals");
    const bytes = payload("p3_optionals_zero");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p3.Optionals",
      fDouble: 0, fFloat: 0, fInt64: 0n, fUint64: 0n, fInt32: 0, fFixed64: 0n, fFixed32: 0, fBool: false, fString: "",
      fMsg: { $typeName: "fx.p3.Sub", a: 0, b: "", c: [] },
      fBytes: new Uint8Array(0), fUint32: 0, fEnum: 0, fSfixed32: 0, fSfixed64: 0n, fSint32: 0, fSint64: 0n,
      real: { case: "realA", value: 0 },
    });
    assertBytes(toBinary(desc, m), bytes);
    assert.deepEqual(fromBinary(desc, new Uint8Array(0)), { $typeName: "fx.p3.Optionals", real: { case: undefined } });
  });

  test(`${v.name}: editions explicit and implicit presence`, () => {
    const d23 = v.msg("e23", "fx.e23.Defaults");
    const b23 = payload("e23_defaults_zero");
    const m23 = fromBinary<M>(d23, b23);
    assert.deepEqual(m23, { $typeName: "fx.e23.Defaults", i: 0, s: "", r: [], e: 0, withDefault: 0 });
    assertBytes(toBinary(d23, m23), b23);

    const d24 = v.msg("e24", "fx.e24.Main");
    const b24 = payload("e24_zero");
    // protoc wrote only the explicit and required fields: closed = 2, required = 0, explicit_int = 0.
    assertBytes(b24, fromHex("48 02 58 00 68 00"));
    const m24 = fromBinary<M>(d24, b24);
    assert.deepEqual(m24, {
      $typeName: "fx.e24.Main",
      implicitInt: 0, implicitStr: "", delimitedList: [], mapMsg: new Map(), packed: [], expanded: [],
      closed: 2, open: 0, required: 0, unchecked: "", explicitInt: 0,
    });
    assertBytes(toBinary(d24, m24), b24);
  });

  test(`${v.name}: a later value of a singular field wins; messages merge`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    // f_int32 = 1, f_int32 = 2, f_msg { a: 1 }, f_msg { b: "x" }, f_string "a", f_string "b"
    const m = fromBinary<M>(desc, fromHex("28 01 28 02 5a 02 08 01 5a 03 12 01 78 4a 01 61 4a 01 62"));
    assert.equal(m.fInt32, 2);
    assert.equal(m.fString, "b");
    assert.deepEqual(m.fMsg, { $typeName: "fx.p2.Sub", a: 1, b: "x", c: [] });
    assertBytes(toBinary(desc, m), fromHex("28 02 4a 01 62 5a 05 08 01 12 01 78"));
  });

  test(`${v.name}: varints: over-long encodings, sign extension, bool of any non-zero value`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    // int32 -1 as a 10-byte varint; uint32 written as 5 bytes with high bits set (truncated to 32 bits);
    // bool as a 2-byte varint 0x80 0x01 (= 128: true); int64 1 as a padded varint.
    const m = fromBinary<M>(desc, fromHex("28 ff ff ff ff ff ff ff ff ff 01 68 ff ff ff ff 1f 40 80 01 18 81 80 80 80 00"));
    assert.equal(m.fInt32, -1);
    assert.equal(m.fUint32, 4294967295);
    assert.equal(m.fBool, true);
    assert.equal(m.fInt64, 1n);
    // int32 from a 64-bit varint keeps the low 32 bits (as protoc does).
    const t = fromBinary<M>(desc, fromHex("28 80 80 80 80 10"));
    assert.equal(t.fInt32, 0);
    assertBytes(toBinary(desc, m), fromHex("18 01 28 ff ff ff ff ff ff ff ff ff 01 40 01 68 ff ff ff ff 0f"));
    // bool: any non-zero 64-bit value is true, also when its low 32 bits are zero.
    assert.equal(fromBinary<M>(desc, fromHex("40 80 80 80 80 10")).fBool, true);
    assert.equal(fromBinary<M>(desc, fromHex("40 80 80 80 80 80 80 80 80 80 01")).fBool, true);
    assert.equal(fromBinary<M>(desc, fromHex("40 80 00")).fBool, false);
    const packed = v.msg("p3", "fx.p3.Packed");
    assert.deepEqual(fromBinary<M>(packed, fromHex("42 07 80 80 80 80 10 00 02")).fBool, [true, false, true]);
    // sint32 / uint32 from a 64-bit varint: the low 32 bits.
    assert.equal(fromBinary<M>(desc, fromHex("88 01 fe ff ff ff 1f")).fSint32, 2147483647);
    assert.equal(fromBinary<M>(desc, fromHex("88 01 ff ff ff ff 1f")).fSint32, -2147483648);
  });
}
