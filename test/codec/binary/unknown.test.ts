// Unknown fields: kept byte for byte and in order, written back after the known fields; fields
// with a wire type that does not fit their declaration are unknown fields too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, concat, fixtureText, fromHex, payload } from "../../fixtures/load.js";
import { fromBinary, mergeFromBinary, toBinary } from "../../../src/index.js";
import { codecFor } from "../../../src/codec/binary/codec.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

// payloads/unk_full.binpb (fx.unk.Full) field by field, as unknown fields: data is what follows the tag.
const fullAsUnknown = [
  { no: 1, wireType: 0, data: fromHex("01") },
  { no: 2, wireType: 1, data: fromHex("02 00 00 00 00 00 00 00") },
  { no: 3, wireType: 2, data: fromHex("05 74 68 72 65 65") },
  { no: 4, wireType: 5, data: fromHex("04 00 00 00") },
  // G { x: 5 Inner { y: "six" } }: the group's content and its end tag.
  { no: 5, wireType: 3, data: fromHex("08 05 13 1a 03 73 69 78 14 2c") },
  { no: 6, wireType: 0, data: fromHex("07") },
  { no: 6, wireType: 0, data: fromHex("f8 ff ff ff ff ff ff ff ff 01") },
  { no: 7, wireType: 0, data: fromHex("09") },
  { no: 8, wireType: 2, data: fromHex("01 0a") },
  { no: 9, wireType: 2, data: fromHex("02 01 02") },
];

for (const v of codecVariants) {
  test(`${v.name}: a message with no fields keeps everything, in order, and writes it back identically`, () => {
    const desc = v.msg("unk", "fx.unk.Empty");
    const bytes = payload("unk_full");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, { $typeName: "fx.unk.Empty", $unknown: fullAsUnknown });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: known fields are written first (by number), then unknown fields in the order read`, () => {
    const desc = v.msg("unk", "fx.unk.Partial");
    const m = fromBinary<M>(desc, payload("unk_full"));
    assert.deepEqual(m, { $typeName: "fx.unk.Partial", a: 1, f: 9, $unknown: fullAsUnknown.filter((u) => u.no !== 1 && u.no !== 7) });
    // protoc reads it the same way (payloads/unk_full.as.fx.unk.Partial.decoded.txt).
    assert.match(fixtureText("payloads/unk_full.as.fx.unk.Partial.decoded.txt"), /^a: 1\nf: 9\n2: 0x0000000000000002\n3: "three"\n/);
    // Known part (as protoc writes fx.unk.Full with only a and f) + the rest (the other fields, as protoc writes them).
    assertBytes(toBinary(desc, m), concat(payload("unk_full_known"), payload("unk_full_rest")));
  });

  test(`${v.name}: a wrong wire type for a known field makes it an unknown field`, () => {
    const desc = v.msg("unk", "fx.unk.WrongWire");
    const bytes = payload("unk_full");
    const m = fromBinary<M>(desc, bytes);
    // Every field of Full has a different wire type in WrongWire: none is read, all are kept.
    assert.deepEqual(m, { $typeName: "fx.unk.WrongWire", $unknown: fullAsUnknown });
    assertBytes(toBinary(desc, m), bytes);
    // protoc agrees: everything is printed as unknown fields.
    const oracle = fixtureText("payloads/unk_full.as.fx.unk.WrongWire.decoded.txt");
    assert.match(oracle, /^1: 1\n2: 0x0000000000000002\n/);
    assert.doesNotMatch(oracle, /[a-z]+:/);
  });

  test(`${v.name}: wrong wire types for each kind of known field`, () => {
    const scalars = v.msg("p3", "fx.p3.Scalars");
    const cases: [string, number, number][] = [
      ["2d 01 00 00 00", 5, 5], //                  int32 sent as fixed32
      ["2a 01 05", 5, 2], //                        singular int32 sent packed (LEN): not a list, so unknown
      ["08 01", 1, 0], //                           double sent as varint
      ["11 00 00 00 00 00 00 00 00", 2, 1], //      float sent as fixed64
      ["48 01", 9, 0], //                           string sent as varint
      ["5d 01 00 00 00", 11, 5], //                 message sent as fixed32
      ["75 01 00 00 00", 14, 5], //                 enum sent as fixed32
      ["63 64", 12, 3], //                          bytes sent as a group
    ];
    for (const [h, no, wt] of cases) {
      const m = fromBinary<M>(scalars, fromHex(h));
      assert.equal(m.$unknown?.length, 1, h);
      assert.equal(m.$unknown?.[0]?.no, no, h);
      assert.equal(m.$unknown?.[0]?.wireType, wt, h);
      assertBytes(toBinary(scalars, m), fromHex(h), h);
    }
    const packed = v.msg("p3", "fx.p3.Packed");
    for (const h of ["58 01", "4d 01 00 00 00", "65 00 00 00 00"]) {
      // message list sent as varint, string list as fixed32, bytes list as fixed32
      const m = fromBinary<M>(packed, fromHex(h));
      assert.equal(m.$unknown?.length, 1, h);
      assertBytes(toBinary(packed, m), fromHex(h), h);
    }
  });

  test(`${v.name}: unknown fields inside nested messages and groups are kept there`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    // f_msg { 99: 1, a: 2 }
    const m = fromBinary<M>(desc, fromHex("5a 05 98 06 01 08 02"));
    assert.deepEqual(m.fMsg, { $typeName: "fx.p2.Sub", a: 2, c: [], $unknown: [{ no: 99, wireType: 0, data: fromHex("01") }] });
    assert.equal(m.$unknown, undefined);
    assertBytes(toBinary(desc, m), fromHex("5a 05 08 02 98 06 01"));
    const groups = v.msg("p2", "fx.p2.Groups");
    const g = fromBinary<M>(groups, fromHex("0b 48 07 10 01 0c"));
    assert.deepEqual(g.optgroup, { $typeName: "fx.p2.Groups.OptGroup", a: 1, $unknown: [{ no: 9, wireType: 0, data: fromHex("07") }] });
    assertBytes(toBinary(groups, g), fromHex("0b 10 01 48 07 0c"));
  });

  test(`${v.name}: unknown fields accumulate across merges`, () => {
    const desc = v.msg("unk", "fx.unk.Partial");
    const m = fromBinary<M>(desc, payload("unk_full_rest"));
    mergeFromBinary(desc, m, payload("unk_full_rest"));
    assert.equal(m.$unknown?.length, 2 * (fullAsUnknown.length - 2));
    assertBytes(toBinary(desc, m), concat(payload("unk_full_rest"), payload("unk_full_rest")));
  });

  test(`${v.name}: readUnknownFields: false drops them; writeUnknownFields: false does not write them`, () => {
    const desc = v.msg("unk", "fx.unk.Partial");
    const dropped = fromBinary<M>(desc, payload("unk_full"), { readUnknownFields: false });
    assert.deepEqual(dropped, { $typeName: "fx.unk.Partial", a: 1, f: 9 });
    const kept = fromBinary<M>(desc, payload("unk_full"));
    assertBytes(toBinary(desc, kept, { writeUnknownFields: false }), payload("unk_full_known"));
    // Malformed unknown fields are errors even when they are dropped.
    assert.throws(() => fromBinary(desc, fromHex("1a 05 61"), { readUnknownFields: false }), { name: "WireError" });
  });

  test(`${v.name}: unknown fields of every wire type with large field numbers`, () => {
    const desc = v.msg("unk", "fx.unk.Empty");
    // field 536870911 (the maximum) varint 1; field 16 fixed64; field 2047 LEN ""; field 100000 group {}.
    const input = fromHex("f8 ff ff ff 0f 01 81 01 01 02 03 04 05 06 07 08 fa 7f 00 83 ea 30 84 ea 30");
    const m = fromBinary<M>(desc, input);
    assert.deepEqual(m.$unknown, [
      { no: 536870911, wireType: 0, data: fromHex("01") },
      { no: 16, wireType: 1, data: fromHex("01 02 03 04 05 06 07 08") },
      { no: 2047, wireType: 2, data: fromHex("00") },
      { no: 100000, wireType: 3, data: fromHex("84 ea 30") },
    ]);
    assertBytes(toBinary(desc, m), input);
  });
}

// A message with many fields is decoded by a switch on the field number and a test of the whole
// tag in each case (see emit.ts byFieldNumber): a known number with another wire type, and a
// number between the known ones, must still reach the unknown fields.
for (const v of codecVariants) {
  test(`${v.name}: in a message with many fields, a known number with a wrong wire type and an unused number are unknown fields`, () => {
    const desc = v.msg("p3", "fx.p3.Scalars");
    // f_int32 = 5 as length-delimited, f_double = 1 as fixed32, field 10 (unused), then f_int32 = 7 and f_sint64 (18) = -2.
    const bytes = fromHex("2a 01 00  0d 01 02 03 04  50 09  28 07  90 01 03");
    const m = fromBinary<M>(desc, bytes);
    assert.equal(m.fInt32, 7);
    assert.equal(m.fSint64, -2n);
    assert.equal(m.fDouble, 0);
    assert.deepEqual(m.$unknown, [
      { no: 5, wireType: 2, data: fromHex("01 00") },
      { no: 1, wireType: 5, data: fromHex("01 02 03 04") },
      { no: 10, wireType: 0, data: fromHex("09") },
    ]);
    // Known fields by number, then the unknown ones in the order read.
    assertBytes(toBinary(desc, m), fromHex("28 07  90 01 03  2a 01 00  0d 01 02 03 04  50 09"));
  });
}

test("the emitted decoder of a message with many fields switches on the field number, a small one on the tag", () => {
  const compiled = codecVariants.find((v) => v.name === "compiled")!;
  assert.match(String(codecFor(compiled.msg("p3", "fx.p3.Scalars")).decode), /switch \(tag >>> 3\)/);
  assert.match(String(codecFor(compiled.msg("p3", "fx.p3.Sub")).decode), /switch \(tag\) \{/);
});
