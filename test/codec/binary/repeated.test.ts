// Repeated fields: packed and expanded encodings, both accepted for every packable type whatever
// the declaration; written back in the declared encoding, as protoc writes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, concat, fromHex, payload } from "../../fixtures/load.js";
import { fromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

// The values of payloads/p2_packed.txtpb (and p2_unpacked, p3_packed, p3_unpacked).
const packable = {
  fDouble: [0, -0.5, 1e300, Infinity, -Infinity, NaN],
  fFloat: [0, -0.5, 3.4028234663852886e38, Infinity, NaN, 1.1754943508222875e-38],
  fInt64: [0n, -1n, 9223372036854775807n, -9223372036854775808n],
  fUint64: [0n, 1n, 18446744073709551615n],
  fInt32: [0, -1, 2147483647, -2147483648],
  fFixed64: [0n, 18446744073709551615n],
  fFixed32: [0, 4294967295],
  fBool: [true, false, true],
  fUint32: [0, 300, 4294967295],
  fSfixed32: [0, -1, 2147483647, -2147483648],
  fSfixed64: [0n, -1n, 9223372036854775807n, -9223372036854775808n],
  fSint32: [0, -1, 1, 2147483647, -2147483648],
  fSint64: [0n, -1n, 1n, 9223372036854775807n, -9223372036854775808n],
};
const p2Enums = [1, -1, 3];
const p3Enums = [0, -1, 5, 2];

function twice<T extends Record<string, unknown[]>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v, ...v]])) as T;
}

for (const v of codecVariants) {
  test(`${v.name}: proto2 unpacked and packed payloads decode to protoc's values and re-encode identically`, () => {
    for (const [type, name] of [["fx.p2.Unpacked", "p2_unpacked"], ["fx.p2.Packed", "p2_packed"]] as const) {
      const desc = v.msg("p2", type);
      const bytes = payload(name);
      const m = fromBinary<M>(desc, bytes);
      const expected: Record<string, unknown> = { $typeName: type, ...packable, fEnum: p2Enums };
      if (type === "fx.p2.Unpacked") Object.assign(expected, { fString: [], fMsg: [], fBytes: [] });
      assert.deepEqual(m, expected, type);
      assertBytes(toBinary(desc, m), bytes, type);
    }
  });

  test(`${v.name}: proto3 packed (default) and [packed = false] payloads decode and re-encode identically`, () => {
    for (const [type, name] of [["fx.p3.Unpacked", "p3_unpacked"], ["fx.p3.Packed", "p3_packed"]] as const) {
      const desc = v.msg("p3", type);
      const bytes = payload(name);
      const m = fromBinary<M>(desc, bytes);
      const expected: Record<string, unknown> = { $typeName: type, ...packable, fEnum: p3Enums };
      if (type === "fx.p3.Packed") Object.assign(expected, { fString: [], fMsg: [], fBytes: [] });
      assert.deepEqual(m, expected, type);
      assertBytes(toBinary(desc, m), bytes, type);
    }
  });

  test(`${v.name}: packed input is accepted for fields declared unpacked, and written unpacked`, () => {
    for (const [set, from, to, enums] of [["p2", "p2_packed", "p2_unpacked", p2Enums], ["p3", "p3_packed", "p3_unpacked", p3Enums]] as const) {
      const desc = v.msg(set, set === "p2" ? "fx.p2.Unpacked" : "fx.p3.Unpacked");
      const m = fromBinary<M>(desc, payload(from));
      assert.equal(m.$unknown, undefined, set);
      for (const [k, values] of Object.entries(packable)) assert.deepEqual(m[k], values, `${set} ${k}`);
      assert.deepEqual(m.fEnum, enums);
      assertBytes(toBinary(desc, m), payload(to), set);
    }
  });

  test(`${v.name}: expanded input is accepted for fields declared packed, and written packed`, () => {
    for (const [set, from, to, enums] of [["p2", "p2_unpacked", "p2_packed", p2Enums], ["p3", "p3_unpacked", "p3_packed", p3Enums]] as const) {
      const desc = v.msg(set, set === "p2" ? "fx.p2.Packed" : "fx.p3.Packed");
      const m = fromBinary<M>(desc, payload(from));
      assert.equal(m.$unknown, undefined, set);
      for (const [k, values] of Object.entries(packable)) assert.deepEqual(m[k], values, `${set} ${k}`);
      assert.deepEqual(m.fEnum, enums);
      assertBytes(toBinary(desc, m), payload(to), set);
    }
  });

  test(`${v.name}: packed and expanded runs of one field append in order`, () => {
    for (const set of ["p2", "p3"] as const) {
      const packedType = set === "p2" ? "fx.p2.Packed" : "fx.p3.Packed";
      const unpackedType = set === "p2" ? "fx.p2.Unpacked" : "fx.p3.Unpacked";
      const enums = set === "p2" ? p2Enums : p3Enums;
      const mixed = concat(payload(`${set}_unpacked`), payload(`${set}_packed`));
      for (const type of [packedType, unpackedType]) {
        const desc = v.msg(set, type);
        const m = fromBinary<M>(desc, mixed);
        for (const [k, values] of Object.entries(twice(packable))) assert.deepEqual(m[k], values, `${type} ${k}`);
        assert.deepEqual(m.fEnum, [...enums, ...enums]);
        if (type === packedType) assertBytes(toBinary(desc, m), payload(`${set}_packed_twice`), type);
      }
    }
  });

  test(`${v.name}: string, bytes and message lists`, () => {
    const cases = [
      ["p2", "fx.p2.Unpacked", "p2_unpacked_nonpackable", "fx.p2.Sub", { c: [] }],
      ["p3", "fx.p3.Packed", "p3_packed_nonpackable", "fx.p3.Sub", { a: 0, b: "", c: [] }],
    ] as const;
    for (const [set, type, name, sub, empty] of cases) {
      const desc = v.msg(set, type);
      const bytes = payload(name);
      const m = fromBinary<M>(desc, bytes);
      assert.deepEqual(m.fString, ["", "a", "\u00fc"]);
      assert.deepEqual(m.fBytes, [new Uint8Array(0), new Uint8Array([1]), new Uint8Array([0xff, 0xfe])]);
      assert.deepEqual(m.fMsg, [{ $typeName: sub, ...empty, a: 1 }, { $typeName: sub, ...empty }]);
      assertBytes(toBinary(desc, m), bytes, type);
    }
  });

  test(`${v.name}: an empty packed run adds nothing; empty lists are not written`, () => {
    const desc = v.msg("p3", "fx.p3.Packed");
    const m = fromBinary<M>(desc, fromHex("2a 00 0a 00"));
    assert.deepEqual(m.fInt32, []);
    assert.deepEqual(m.fDouble, []);
    assert.equal(m.$unknown, undefined);
    assert.equal(toBinary(desc, m).length, 0);
  });

  test(`${v.name}: packed fixed-width data that does not divide evenly is an error`, () => {
    const desc = v.msg("p3", "fx.p3.Packed");
    assert.throws(() => fromBinary(desc, fromHex("0a 07 00 00 00 00 00 00 00")), { name: "WireError" });
    assert.throws(() => fromBinary(desc, fromHex("3a 03 01 02 03")), { name: "WireError" });
    // A varint cut off at the end of the packed run.
    assert.throws(() => fromBinary(desc, fromHex("2a 01 80")), { name: "WireError" });
  });
}
