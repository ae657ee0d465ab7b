// Map fields: every key type, entries with missing key or value, duplicate keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, concat, fromHex, payload } from "../../fixtures/load.js";
import { create, fromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

const sub = (init: Record<string, unknown> = {}) => ({ $typeName: "fx.p3.Sub", a: 0, b: "", c: [], ...init });

/** Every map field of fx.p3.Maps, empty. */
const emptyMaps = {
  int32Int32: new Map(), int64Int64: new Map(), uint32Uint32: new Map(), uint64Uint64: new Map(), sint32Sint32: new Map(),
  sint64Sint64: new Map(), fixed32Fixed32: new Map(), fixed64Fixed64: new Map(), sfixed32Sfixed32: new Map(), sfixed64Sfixed64: new Map(),
  boolBool: new Map(), stringString: new Map(), stringBytes: new Map(), stringDouble: new Map(), stringFloat: new Map(),
  stringEnum: new Map(), stringMsg: new Map(), int32Msg: new Map(), int64Enum: new Map(), boolString: new Map(), uint64Bytes: new Map(),
};

for (const v of codecVariants) {
  test(`${v.name}: maps of every key type decode to protoc's entries and re-encode identically`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    const bytes = payload("p3_maps");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p3.Maps",
      int32Int32: new Map([[-1, -2]]),
      int64Int64: new Map([[-9223372036854775808n, 9223372036854775807n]]),
      uint32Uint32: new Map([[4294967295, 1]]),
      uint64Uint64: new Map([[18446744073709551615n, 2n]]),
      sint32Sint32: new Map([[-3, -4]]),
      sint64Sint64: new Map([[-5n, -6n]]),
      fixed32Fixed32: new Map([[7, 8]]),
      fixed64Fixed64: new Map([[9n, 10n]]),
      sfixed32Sfixed32: new Map([[-11, -12]]),
      sfixed64Sfixed64: new Map([[-13n, -14n]]),
      boolBool: new Map([[true, true]]),
      stringString: new Map([["k", "v"]]),
      stringBytes: new Map([["b", new Uint8Array([0, 0xff])]]),
      stringDouble: new Map([["d", -0.5]]),
      stringFloat: new Map([["f", 1.5]]),
      stringEnum: new Map([["e", 2]]),
      stringMsg: new Map([["m", sub({ a: 1, b: "x" })]]),
      int32Msg: new Map([[0, sub()]]),
      int64Enum: new Map([[1n, 99]]), // open enum: the unknown number stays in the map
      boolString: new Map([[false, ""]]),
      uint64Bytes: new Map([[0n, new Uint8Array(0)]]),
    });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: several entries per map keep wire order; re-encode matches protoc's deterministic output`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    const bytes = payload("p3_maps_multi");
    const m = fromBinary<M>(desc, bytes);
    // protoc --deterministic_output sorts entries by key.
    assert.deepEqual([...(m.int32Int32 as Map<number, number>)], [[-1, -10], [0, 0], [3, 30]]);
    assert.deepEqual([...(m.int64Int64 as Map<bigint, bigint>)], [[-5n, -50n], [5n, 50n]]);
    assert.deepEqual([...(m.uint64Uint64 as Map<bigint, bigint>)], [[1n, 2n], [18446744073709551615n, 1n]]);
    assert.deepEqual([...(m.boolBool as Map<boolean, boolean>)], [[false, true], [true, false]]);
    assert.deepEqual([...(m.stringString as Map<string, string>)], [["", "0"], ["a", "1"], ["b", "2"]]);
    assert.deepEqual([...(m.stringMsg as Map<string, unknown>)], [["x", sub({ a: 1 })], ["y", sub({ a: 2 })]]);
    assert.deepEqual([...(m.int32Msg as Map<number, unknown>)], [[1, sub({ b: "one" })], [2, sub({ b: "two" })]]);
    assertBytes(toBinary(desc, m), bytes);
    // Entries are written in the Map's order, by field number.
    const built = create(desc, { stringString: new Map([["", "0"], ["a", "1"], ["b", "2"]]), int32Int32: new Map([[-1, -10], [0, 0], [3, 30]]) });
    const sub1 = fromBinary<M>(desc, toBinary(desc, built));
    assert.deepEqual([...(sub1.int32Int32 as Map<number, number>)], [[-1, -10], [0, 0], [3, 30]]);
  });

  test(`${v.name}: a missing key or value takes its default; written back with both`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    const input = fromHex(
      "0a 02 08 05" + //          int32_int32 { key: 5 }
        "12 02 10 06" + //        int64_int64 { value: 6 }
        "5a 00" + //              bool_bool { }
        "62 00" + //              string_string { }
        "82 01 03 0a 01 65" + //  string_enum { key: "e" }
        "8a 01 03 0a 01 6d" + //  string_msg { key: "m" }
        "92 01 04 12 02 08 01", // int32_msg { value { a: 1 } }
    );
    const m = fromBinary<M>(desc, input);
    assert.deepEqual(m, {
      ...emptyMaps,
      $typeName: "fx.p3.Maps",
      int32Int32: new Map([[5, 0]]),
      int64Int64: new Map([[0n, 6n]]),
      boolBool: new Map([[false, false]]),
      stringString: new Map([["", ""]]),
      stringEnum: new Map([["e", 0]]),
      stringMsg: new Map([["m", sub()]]),
      int32Msg: new Map([[0, sub({ a: 1 })]]),
    });
    // protoc writes the same entries (from text without key or value) with both fields present.
    assertBytes(toBinary(desc, m), payload("p3_maps_defaults"));
  });

  test(`${v.name}: a later entry with the same key replaces the earlier one (no merge)`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    const input = fromHex(
      "0a 04 08 01 10 02" + //                         int32_int32 { key: 1 value: 2 }
        "0a 04 08 01 10 03" + //                       int32_int32 { key: 1 value: 3 }
        "8a 01 0c 0a 01 6b 12 07 08 01 12 03 66 73 74" + // string_msg { key: "k" value { a: 1 b: "fst" } }
        "8a 01 0d 0a 01 6b 12 08 12 06 73 65 63 6f 6e 64", // string_msg { key: "k" value { b: "second" } }
    );
    const m = fromBinary<M>(desc, input);
    assert.deepEqual(m.int32Int32, new Map([[1, 3]]));
    assert.deepEqual(m.stringMsg, new Map([["k", sub({ b: "second" })]]));
    assertBytes(toBinary(desc, m), payload("p3_map_dup_last"));
  });

  test(`${v.name}: entry fields in any order; unknown fields inside an entry are dropped`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    // int32_int32 { 3: 7, value: 2, key: 1 }; then an entry with key and value twice (last wins).
    const m = fromBinary<M>(desc, fromHex("0a 06 18 07 10 02 08 01 0a 08 08 09 10 09 08 04 10 05"));
    assert.deepEqual(m.int32Int32, new Map([[1, 2], [4, 5]]));
    assert.equal(m.$unknown, undefined);
    assertBytes(toBinary(desc, m), fromHex("0a 04 08 01 10 02 0a 04 08 04 10 05"));
  });

  test(`${v.name}: map entries merge with the same map across messages (concatenation)`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    const m = fromBinary<M>(desc, concat(payload("p3_maps"), payload("p3_map_dup_last")));
    assert.deepEqual(m.int32Int32, new Map([[-1, -2], [1, 3]]));
    assert.deepEqual(m.stringMsg, new Map([["m", sub({ a: 1, b: "x" })], ["k", sub({ b: "second" })]]));
  });

  test(`${v.name}: a map entry with a wrong wire type for key or value`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    // int32_int32 { key (as fixed32): 1, value: 2 }: the key does not fit, so it is the default 0.
    const m = fromBinary<M>(desc, fromHex("0a 07 0d 01 00 00 00 10 02"));
    assert.deepEqual(m.int32Int32, new Map([[0, 2]]));
    // A map field sent as a varint is an unknown field.
    const u = fromBinary<M>(desc, fromHex("08 01"));
    assert.deepEqual(u.int32Int32, new Map());
    assert.deepEqual(u.$unknown, [{ no: 1, wireType: 0, data: new Uint8Array([1]) }]);
    assertBytes(toBinary(desc, u), fromHex("08 01"));
  });

  test(`${v.name}: a map entry longer than its field is an error`, () => {
    const desc = v.msg("p3", "fx.p3.Maps");
    assert.throws(() => fromBinary(desc, fromHex("0a 04 08 01 10")), { name: "WireError" });
    // The entry's value claims more bytes than the entry holds.
    assert.throws(() => fromBinary(desc, fromHex("62 04 0a 01 61 12 05 61 62 63 64 65")), { name: "WireError" });
  });

  test(`${v.name}: proto2 / editions maps`, () => {
    const d = v.msg("e24", "fx.e24.Main");
    const m = fromBinary<M>(d, payload("e24_main"));
    assert.deepEqual(m.mapMsg, new Map([["k", { $typeName: "fx.e24.Sub", a: 4, b: "" }]]));
    const f = v.msg("e23", "fx.e23.Features");
    const n = fromBinary<M>(f, payload("e23_features"));
    assert.deepEqual(n.mapField, new Map([["k", { $typeName: "fx.e23.Sub", a: 5 }]]));
    assert.deepEqual(n.mapNone, new Map([["a", "b"]]));
    assert.deepEqual(n.mapVerify, new Map([["c", "d"]]));
  });
}
