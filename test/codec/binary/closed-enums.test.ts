// Closed enums: unknown numbers go to the unknown fields, as protoc does (see
// payloads/p2_closed_as_int.as.fx.p2.ClosedEnums.decoded.txt: protoc --decode of the same input).
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, concat, fixtureText, fromHex, payload } from "../../fixtures/load.js";
import { fromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

for (const v of codecVariants) {
  test(`${v.name}: unknown closed-enum numbers: singular, repeated, packed elements, map entries, oneof`, () => {
    const desc = v.msg("p2", "fx.p2.ClosedEnums");
    const input = payload("p2_closed_as_int");
    // single: 7, rep: [1, 7, 2], packed: [1, 7, 2, 9], map {1: 7}, map {2: 1}, oneof_enum: 9, after: 1
    assertBytes(input, fromHex("08 07 10 01 10 07 10 02 1a 04 01 07 02 09 22 04 08 01 10 07 22 04 08 02 10 01 28 09 38 01"));
    const m = fromBinary<M>(desc, input);
    assert.deepEqual(m, {
      $typeName: "fx.p2.ClosedEnums",
      rep: [1, 2],
      packed: [1, 2],
      map: new Map([[2, 1]]),
      o: { case: undefined },
      after: 1,
      $unknown: [
        { no: 1, wireType: 0, data: fromHex("07") },
        { no: 2, wireType: 0, data: fromHex("07") },
        // Each unknown element of a packed run becomes its own varint field.
        { no: 3, wireType: 0, data: fromHex("07") },
        { no: 3, wireType: 0, data: fromHex("09") },
        // A map entry with an unknown value is kept whole.
        { no: 4, wireType: 2, data: fromHex("04 08 01 10 07") },
        { no: 5, wireType: 0, data: fromHex("09") },
      ],
    });
    // protoc reads it the same way: known values, then unknown fields 1: 7, 2: 7, 3: 7, 3: 9, 4 {1: 1 2: 7}, 5: 9.
    const oracle = fixtureText("payloads/p2_closed_as_int.as.fx.p2.ClosedEnums.decoded.txt");
    assert.match(oracle, /^1: 7\n2: 7\n3: 7\n3: 9\n4 \{\n  1: 1\n  2: 7\n\}\n5: 9\n$/m);
    // Written back: known fields (as protoc writes them), then the unknown fields in order.
    assertBytes(toBinary(desc, m), concat(payload("p2_closed_known"), fromHex("08 07 10 07 18 07 18 09 22 04 08 01 10 07 28 09")));
  });

  test(`${v.name}: negative and large unknown numbers keep their exact varint bytes`, () => {
    const desc = v.msg("p2", "fx.p2.ClosedEnums");
    // single: -5 (10 bytes), single: 2147483647, rep: 1 as an over-long varint (known: value 1).
    const m = fromBinary<M>(desc, fromHex("08 fb ff ff ff ff ff ff ff ff 01 08 ff ff ff ff 07 10 81 00"));
    assert.equal(m.single, undefined);
    assert.deepEqual(m.rep, [1]);
    assert.deepEqual(m.$unknown, [
      { no: 1, wireType: 0, data: fromHex("fb ff ff ff ff ff ff ff ff 01") },
      { no: 1, wireType: 0, data: fromHex("ff ff ff ff 07") },
    ]);
    assertBytes(toBinary(desc, m), fromHex("10 01 08 fb ff ff ff ff ff ff ff ff 01 08 ff ff ff ff 07"));
  });

  test(`${v.name}: a known value after an unknown one is kept; an unknown one after a known one leaves it`, () => {
    const desc = v.msg("p2", "fx.p2.ClosedEnums");
    assert.equal(fromBinary<M>(desc, fromHex("08 07 08 02")).single, 2);
    const m = fromBinary<M>(desc, fromHex("08 02 08 07"));
    assert.equal(m.single, 2, "the unknown number does not overwrite the known value");
    assert.deepEqual(m.$unknown, [{ no: 1, wireType: 0, data: fromHex("07") }]);
    // A oneof keeps its member when an unknown number arrives for another member.
    const o = fromBinary<M>(desc, fromHex("30 05 28 07"));
    assert.deepEqual(o.o, { case: "oneofInt", value: 5 });
  });

  test(`${v.name}: closed enums in editions (file-level CLOSED) and proto2 fields with a non-zero first value`, () => {
    const f = v.msg("e23", "fx.e23.Features");
    // closed_enum (11): 7 is unknown; open_enum (12): 7 is kept; nested.closed_list packed [1, 9].
    const m = fromBinary<M>(f, fromHex("58 07 60 07 82 01 04 2a 02 01 09"));
    assert.equal(m.closedEnum, undefined);
    assert.equal(m.openEnum, 7);
    assert.deepEqual((m.nested as M).closedList, [1]);
    assert.deepEqual((m.nested as M).$unknown, [{ no: 5, wireType: 0, data: fromHex("09") }]);
    assert.deepEqual(m.$unknown, [{ no: 11, wireType: 0, data: fromHex("07") }]);
    assertBytes(toBinary(f, m), fromHex("60 07 82 01 05 2a 01 01 28 09 58 07"));

    const s = v.msg("p2", "fx.p2.Scalars");
    // f_enum 0 is not a value of Closed2 (its values are 3, 1, 2, -1).
    const z = fromBinary<M>(s, fromHex("70 00"));
    assert.equal(z.fEnum, undefined);
    assert.deepEqual(z.$unknown, [{ no: 14, wireType: 0, data: fromHex("00") }]);
    const e24 = v.msg("e24", "fx.e24.Main");
    const c = fromBinary<M>(e24, fromHex("48 00 48 03"));
    assert.equal(c.closed, undefined);
    assert.equal(c.$unknown?.length, 2);
  });

  test(
    `${v.name}: readUnknownFields: false drops unknown closed-enum numbers too`,
    
    () => {
      const desc = v.msg("p2", "fx.p2.ClosedEnums");
      const m = fromBinary<M>(desc, payload("p2_closed_as_int"), { readUnknownFields: false });
      assert.deepEqual(m, { $typeName: "fx.p2.ClosedEnums", rep: [1, 2], packed: [1, 2], map: new Map([[2, 1]]), o: { case: undefined }, after: 1 });
      assertBytes(toBinary(desc, m), payload("p2_closed_known"));
    },
  );

  test(`${v.name}: open enums keep every number`, () => {
    const desc = v.msg("p3", "fx.p3.Packed");
    const m = fromBinary<M>(desc, fromHex("72 0c 07 ff ff ff ff ff ff ff ff ff 01 63"));
    assert.deepEqual(m.fEnum, [7, -1, 99]);
    assert.equal(m.$unknown, undefined);
    const maps = fromBinary<M>(v.msg("p3", "fx.p3.Maps"), fromHex("82 01 05 0a 01 65 10 63"));
    assert.deepEqual(maps.stringEnum, new Map([["e", 99]]));
  });
}
