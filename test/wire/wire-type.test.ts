import { test } from "node:test";
import assert from "node:assert/strict";
import { WireType, MAX_FIELD_NUMBER, makeTag } from "../../src/wire/index.js";

test("WireType has the six wire types with their numeric values", () => {
  assert.deepEqual(
    { ...WireType },
    { Varint: 0, Bit64: 1, LengthDelimited: 2, StartGroup: 3, EndGroup: 4, Bit32: 5 },
  );
});

test("MAX_FIELD_NUMBER is 2^29-1", () => {
  assert.equal(MAX_FIELD_NUMBER, 536870911);
  assert.equal(MAX_FIELD_NUMBER, 2 ** 29 - 1);
});

test("makeTag combines field number and wire type as an unsigned 32-bit number", () => {
  assert.equal(makeTag(1, WireType.Varint), 0x08);
  assert.equal(makeTag(1, WireType.LengthDelimited), 0x0a);
  assert.equal(makeTag(2, WireType.Bit64), 0x11);
  assert.equal(makeTag(15, WireType.Bit32), 0x7d);
  assert.equal(makeTag(16, WireType.Varint), 0x80);
  assert.equal(makeTag(3, WireType.StartGroup), 0x1b);
  assert.equal(makeTag(3, WireType.EndGroup), 0x1c);
  // The largest field number uses the top bit of the 32-bit tag: the result must stay positive.
  assert.equal(makeTag(MAX_FIELD_NUMBER, WireType.Bit32), 0xfffffffd);
  assert.equal(makeTag(MAX_FIELD_NUMBER, WireType.Varint), 0xfffffff8);
  assert.equal(makeTag(0x10000000, WireType.Varint), 0x80000000);
});
