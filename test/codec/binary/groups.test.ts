// Groups (proto2) and DELIMITED message encoding (editions): decoded from protoc's encoding and
// written back identically; malformed groups are errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fromHex, payload } from "../../fixtures/load.js";
import { create, fromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

for (const v of codecVariants) {
  test(`${v.name}: proto2 groups round trip`, () => {
    const desc = v.msg("p2", "fx.p2.Groups");
    const bytes = payload("p2_groups");
    // OptGroup: start tag 0b, a: 10 01, s: 1a 01 78, end tag 0c.
    assertBytes(bytes.subarray(0, 7), fromHex("0b 10 01 1a 01 78 0c"));
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p2.Groups",
      optgroup: { $typeName: "fx.p2.Groups.OptGroup", a: 1, s: "x" },
      repgroup: [
        { $typeName: "fx.p2.Groups.RepGroup", b: 1 },
        { $typeName: "fx.p2.Groups.RepGroup" },
        { $typeName: "fx.p2.Groups.RepGroup", b: 2 },
      ],
      after: 3,
    });
    assertBytes(toBinary(desc, m), bytes);
    assertBytes(toBinary(desc, create(desc, { optgroup: { a: 1, s: "x" }, repgroup: [{ b: 1 }, {}, { b: 2 }], after: 3 })), bytes);
  });

  test(`${v.name}: a group seen twice merges`, () => {
    const desc = v.msg("p2", "fx.p2.Groups");
    const m = fromBinary<M>(desc, fromHex("0b 10 01 0c 0b 1a 01 79 0c"));
    assert.deepEqual(m.optgroup, { $typeName: "fx.p2.Groups.OptGroup", a: 1, s: "y" });
  });

  test(`${v.name}: editions DELIMITED fields round trip (field level, lists, oneof members)`, () => {
    const desc = v.msg("e23", "fx.e23.Features");
    const bytes = payload("e23_features");
    const m = fromBinary<M>(desc, bytes);
    const sub = (init: Record<string, unknown>) => ({ $typeName: "fx.e23.Sub", ...init });
    assert.deepEqual(m, {
      $typeName: "fx.e23.Features",
      implicitField: 1,
      explicitField: 0,
      requiredField: 0,
      strNone: "n",
      strVerify: "v",
      packedDefault: [1, 2],
      expanded: [3, 4],
      delimited: sub({ a: 1 }),
      lengthPrefixed: sub({ a: 2 }),
      delimitedList: [sub({ a: 3 }), sub({ b: "4" })],
      closedEnum: 0,
      openEnum: 1,
      mapField: new Map([["k", sub({ a: 5 })]]),
      strsVerify: ["x", "y"],
      mapNone: new Map([["a", "b"]]),
      nested: { $typeName: "fx.e23.Features.Nested", packedList: [1, 2], expandedList: [3, 4], explicitInt: 0, nestedEnum: 1, closedList: [1, 2] },
      choice: { case: "oneofDelimited", value: sub({ a: 6 }) },
      strImplicit: "",
      openImplicit: 0,
      mapVerify: new Map([["c", "d"]]),
    });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: DELIMITED recursion and map values (length-prefixed) in edition 2023`, () => {
    const desc = v.msg("e23", "fx.e23.AllDelimited");
    const bytes = payload("e23_all_delimited");
    // single: start group 0b, a: 08 01, end 0c
    assertBytes(bytes.subarray(0, 4), fromHex("0b 08 01 0c"));
    const m = fromBinary<M>(desc, bytes);
    const sub = (init: Record<string, unknown>) => ({ $typeName: "fx.e23.Sub", ...init });
    assert.deepEqual(m, {
      $typeName: "fx.e23.AllDelimited",
      single: sub({ a: 1 }),
      list: [sub({ a: 2 }), sub({ b: "3" })],
      map: new Map([[1, sub({ a: 4 })]]),
      lp: sub({ a: 5 }),
      recursive: {
        $typeName: "fx.e23.AllDelimited",
        single: sub({ b: "x" }),
        list: [],
        map: new Map(),
        recursive: { $typeName: "fx.e23.AllDelimited", list: [], map: new Map(), lp: sub({ a: 6 }) },
      },
    });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: edition 2024 file-level DELIMITED round trip`, () => {
    const desc = v.msg("e24", "fx.e24.Main");
    const bytes = payload("e24_main");
    const m = fromBinary<M>(desc, bytes);
    const sub = (init: Record<string, unknown>) => ({ $typeName: "fx.e24.Sub", a: 0, b: "", ...init });
    assert.deepEqual(m, {
      $typeName: "fx.e24.Main",
      implicitInt: 1,
      implicitStr: "s",
      delimitedMsg: sub({ a: 1 }),
      delimitedList: [sub({ a: 2 }), sub({})],
      lpMsg: sub({ a: 3 }),
      mapMsg: new Map([["k", sub({ a: 4 })]]),
      packed: [1, 2],
      expanded: [3, 4],
      closed: 1,
      open: 1,
      required: 0,
      unchecked: "u",
      explicitInt: 0,
      inner: { $typeName: "fx.e24.Main.Inner", x: 0, m: sub({ a: 5 }) },
    });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: a DELIMITED field sent length-prefixed (and a length-prefixed one sent as a group) is unknown`, () => {
    const desc = v.msg("e23", "fx.e23.Features");
    // delimited (8) as LEN { a: 1 }; length_prefixed (9) as a group { a: 2 }.
    const input = fromHex("42 02 08 01 4b 08 02 4c");
    const m = fromBinary<M>(desc, input);
    assert.equal(m.delimited, undefined);
    assert.equal(m.lengthPrefixed, undefined);
    assert.deepEqual(m.$unknown, [
      { no: 8, wireType: 2, data: fromHex("02 08 01") },
      { no: 9, wireType: 3, data: fromHex("08 02 4c") },
    ]);
    assertBytes(toBinary(desc, m), input);
    // Likewise a proto2 group sent length-prefixed.
    const g = v.msg("p2", "fx.p2.Groups");
    const gm = fromBinary<M>(g, fromHex("0a 02 10 01"));
    assert.equal(gm.optgroup, undefined);
    assert.deepEqual(gm.$unknown, [{ no: 1, wireType: 2, data: fromHex("02 10 01") }]);
  });

  test(`${v.name}: a mismatched end-group tag is an error`, () => {
    const desc = v.msg("p2", "fx.p2.Groups");
    const cases = [
      "0b 10 01 1c", //          OptGroup ended by end-group 3
      "0b 10 01 24", //          OptGroup ended by end-group 4 (RepGroup's number)
      "0c", //                   an end-group with no group open
      "30 01 0c", //             after: 1, then a stray end-group
      "0b 10 01", //             OptGroup never ended
      "23 28 01 0c", //          RepGroup (4) ended by end-group 1
      "0b 2b 0c", //             an unknown group (5) inside OptGroup ended by OptGroup's end tag
      "0b 2b 2c", //             the unknown group ends, OptGroup does not
    ];
    for (const h of cases) assert.throws(() => fromBinary(desc, fromHex(h)), { name: "WireError" }, h);
    // The same for unknown groups.
    const empty = v.msg("unk", "fx.unk.Empty");
    for (const h of ["0b 14", "0b 13 0c 14", "0b", "0b 13 14", "14", "0b 08 01"]) {
      assert.throws(() => fromBinary(empty, fromHex(h)), { name: "WireError" }, `Empty ${h}`);
    }
    // Well-formed unknown groups are kept.
    const ok = fromBinary<M>(empty, fromHex("0b 13 14 0c"));
    assert.deepEqual(ok.$unknown, [{ no: 1, wireType: 3, data: fromHex("13 14 0c") }]);
  });

  test(`${v.name}: an end-group tag inside a length-delimited sub-message is an error`, () => {
    const desc = v.msg("p2", "fx.p2.Scalars");
    // f_msg (11) { end-group 11 }
    assert.throws(() => fromBinary(desc, fromHex("5a 01 5c")), { name: "WireError" });
    // A group that runs past the end of its enclosing length-delimited message.
    const all = v.msg("p2", "fx.p2.AllKinds");
    assert.throws(() => fromBinary(all, fromHex("42 02 4b 50 01 4c")), { name: "WireError" });
  });
}
