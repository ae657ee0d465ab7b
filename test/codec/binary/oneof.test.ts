// Oneofs: the last member seen wins; a message member seen twice merges; zero values are written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, concat, fromHex, payload } from "../../fixtures/load.js";
import { create, fromBinary, mergeFromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

const sub = (init: Record<string, unknown> = {}) => ({ $typeName: "fx.p3.Sub", a: 0, b: "", c: [], ...init });

for (const v of codecVariants) {
  const desc = () => v.msg("p3", "fx.p3.Oneofs");

  test(`${v.name}: each oneof member decodes and re-encodes identically`, () => {
    const cases: [string, unknown][] = [
      ["p3_oneof_int", { case: "oInt", value: 5 }],
      ["p3_oneof_int_zero", { case: "oInt", value: 0 }],
      ["p3_oneof_str", { case: "oStr", value: "x" }],
      ["p3_oneof_msg_a", { case: "oMsg", value: sub({ a: 1, c: [1] }) }],
      ["p3_oneof_msg_b", { case: "oMsg", value: sub({ b: "y", c: [2], child: sub({ a: 3 }) }) }],
      ["p3_oneof_enum", { case: "oEnum", value: 0 }],
    ];
    for (const [name, kind] of cases) {
      const bytes = payload(name);
      const m = fromBinary<M>(desc(), bytes);
      assert.deepEqual(m, { $typeName: "fx.p3.Oneofs", kind, plain: 0, second: { case: undefined } }, name);
      assertBytes(toBinary(desc(), m), bytes, name);
    }
    // Zero values of oneof members are written (they have explicit presence).
    assertBytes(payload("p3_oneof_int_zero"), fromHex("08 00"));
    assertBytes(payload("p3_oneof_enum"), fromHex("28 00"));
    const two = fromBinary<M>(desc(), payload("p3_oneof_msg2"));
    assert.deepEqual(two, { $typeName: "fx.p3.Oneofs", kind: { case: "oMsg2", value: sub({ a: 9 }) }, plain: 4, second: { case: "sUint", value: 18446744073709551615n } });
    assertBytes(toBinary(desc(), two), payload("p3_oneof_msg2"));
  });

  test(`${v.name}: the last member seen wins`, () => {
    const intThenStr = fromBinary<M>(desc(), concat(payload("p3_oneof_int"), payload("p3_oneof_str")));
    assert.deepEqual(intThenStr.kind, { case: "oStr", value: "x" });
    assertBytes(toBinary(desc(), intThenStr), payload("p3_oneof_str"));
    const strThenInt = fromBinary<M>(desc(), concat(payload("p3_oneof_str"), payload("p3_oneof_int")));
    assert.deepEqual(strThenInt.kind, { case: "oInt", value: 5 });
    assertBytes(toBinary(desc(), strThenInt), payload("p3_oneof_int"));
    const msgThenInt = fromBinary<M>(desc(), concat(payload("p3_oneof_msg_a"), payload("p3_oneof_int")));
    assert.deepEqual(msgThenInt.kind, { case: "oInt", value: 5 });
    // Another oneof is not affected.
    const m = fromBinary<M>(desc(), concat(payload("p3_oneof_msg2"), payload("p3_oneof_str")));
    assert.deepEqual(m.kind, { case: "oStr", value: "x" });
    assert.deepEqual(m.second, { case: "sUint", value: 18446744073709551615n });
    assert.equal(m.plain, 4);
  });

  test(`${v.name}: a message member seen twice merges`, () => {
    const m = fromBinary<M>(desc(), concat(payload("p3_oneof_msg_a"), payload("p3_oneof_msg_b")));
    assert.deepEqual(m.kind, { case: "oMsg", value: sub({ a: 1, b: "y", c: [1, 2], child: sub({ a: 3 }) }) });
    assertBytes(toBinary(desc(), m), payload("p3_oneof_msg_merged"));
  });

  test(`${v.name}: a message member after another member starts afresh`, () => {
    // o_msg {a:1 c:[1]}, then o_int, then o_msg {b:"y" ...}: the first message is gone.
    const m = fromBinary<M>(desc(), concat(payload("p3_oneof_msg_a"), payload("p3_oneof_int"), payload("p3_oneof_msg_b")));
    assert.deepEqual(m.kind, { case: "oMsg", value: sub({ b: "y", c: [2], child: sub({ a: 3 }) }) });
    assertBytes(toBinary(desc(), m), payload("p3_oneof_msg_b"));
    // o_msg then o_msg2 (same message type, different member): no merge across members.
    const n = fromBinary<M>(desc(), fromHex("1a 02 08 01 22 02 12 00"));
    assert.deepEqual(n.kind, { case: "oMsg2", value: sub() });
  });

  test(`${v.name}: mergeFromBinary into a message whose oneof is set; create() encodes as protoc`, () => {
    const m = fromBinary<M>(desc(), payload("p3_oneof_msg_a"));
    mergeFromBinary(desc(), m, payload("p3_oneof_msg_b"));
    assertBytes(toBinary(desc(), m), payload("p3_oneof_msg_merged"));
    mergeFromBinary(desc(), m, payload("p3_oneof_str"));
    assert.deepEqual(m.kind, { case: "oStr", value: "x" });
    assertBytes(toBinary(desc(), create<M>(desc(), { kind: { case: "oStr", value: "x" } })), payload("p3_oneof_str"));
    assertBytes(toBinary(desc(), create(desc(), { kind: { case: "oMsg", value: { a: 1, c: [1] } } })), payload("p3_oneof_msg_a"));
  });

  test(`${v.name}: proto2 and editions oneofs`, () => {
    const all = fromBinary<M>(v.msg("p2", "fx.p2.AllKinds"), payload("p2_allkinds"));
    assert.deepEqual(all.o, { case: "oMsg", value: { $typeName: "fx.p2.Sub", a: 8, c: [] } });
    const f = fromBinary<M>(v.msg("e23", "fx.e23.Features"), payload("e23_features"));
    assert.deepEqual(f.choice, { case: "oneofDelimited", value: { $typeName: "fx.e23.Sub", a: 6 } });
    // The DELIMITED member and the string member replace each other.
    const g = fromBinary<M>(v.msg("e23", "fx.e23.Features"), fromHex("8b 01 08 06 8c 01 92 01 01 73"));
    assert.deepEqual(g.choice, { case: "oneofStr", value: "s" });
  });
}
