import { test } from "node:test";
import assert from "node:assert/strict";
import { compileWithProtoc, messageType } from "../support/protoc.js";
import { testProto } from "./schema.js";
import { create } from "../../src/message/create.js";
import { describeValue, findInvalidValue, formatValuePath } from "../../src/message/check-values.js";
import type { Message } from "../../src/reflect/message.js";

const registry = compileWithProtoc({
  ...testProto,
  "node.proto": `syntax = "proto3"; package ops; message Node { Node next = 1; repeated Node kids = 2; map<bool, Node> by_flag = 3; }`,
});
const Outer = messageType(registry, "ops.Outer");
const Inner = messageType(registry, "ops.Inner");
const Node = messageType(registry, "ops.Node");
type Fields = Message & Record<string, unknown>;

/** An ops.Outer with every kind of field set to a valid value. */
function valid(): Fields {
  return create(Outer, {
    i32: -5,
    s: "text",
    b: new Uint8Array([1]),
    d: NaN,
    color: 2,
    inner: { a: 1, r: "x", xs: [1, -2] },
    inners: [{ r: "y" }],
    byName: new Map([["k", create(Inner, { r: "z" })]]),
    byId: new Map([[-1n, "minus one"]]),
    choice: { case: "msg", value: create(Inner, { r: "w" }) },
    fs: [1.5, -0],
    big: 2n ** 64n - 1n,
  }) as Fields;
}

/** What findInvalidValue reports after `change` on a valid message: path, field, kind and message. */
function report(change: (m: Fields) => void): string | undefined {
  const m = valid();
  change(m);
  const bad = findInvalidValue(Outer, m);
  return bad && `${formatValuePath(bad.path)} | ${bad.field} | ${bad.kind} | ${bad.message}`;
}

test("findInvalidValue: nothing to report on messages whose values fit (unset, null and undefined included)", () => {
  assert.equal(findInvalidValue(Outer, valid()), undefined);
  assert.equal(findInvalidValue(Outer, create(Outer)), undefined);
  assert.equal(report((m) => { m.i32 = undefined; m.inner = null; m.inners = undefined; m.byName = null; m.choice = undefined; }), undefined);
  assert.equal(report((m) => { m.choice = { case: undefined }; }), undefined);
  assert.equal(report((m) => { m.choice = { case: "text", value: undefined }; }), undefined);
});

test("findInvalidValue: each kind of field, with where and what", () => {
  const cases: [(m: Fields) => void, string][] = [
    [(m) => { m.i32 = "1"; }, `i32 | ops.Outer.i32 | type | expected a number (int32), got the string "1"`],
    [(m) => { m.i32 = 1.5; }, "i32 | ops.Outer.i32 | range | expected an integer from -2147483648 to 2147483647 (int32), got the number 1.5"],
    [(m) => { m.i32 = 2 ** 31; }, "i32 | ops.Outer.i32 | range | expected an integer from -2147483648 to 2147483647 (int32), got the number 2147483648"],
    [(m) => { m.s = 5; }, "s | ops.Outer.s | type | expected a string, got the number 5"],
    [(m) => { m.b = "ab"; }, `b | ops.Outer.b | type | expected a Uint8Array (bytes), got the string "ab"`],
    [(m) => { m.b = [1, 2]; }, "b | ops.Outer.b | type | expected a Uint8Array (bytes), got an array"],
    [(m) => { m.d = 1n; }, "d | ops.Outer.d | type | expected a number (double), got the bigint 1n"],
    [(m) => { m.color = "RED"; }, `color | ops.Outer.color | type | expected a number (an enum number), got the string "RED"`],
    [(m) => { m.inner = "Main St"; }, `inner | ops.Outer.inner | type | expected a message of type ops.Inner, got the string "Main St"`],
    [(m) => { m.inner = create(Outer); }, "inner | ops.Outer.inner | type | expected a message of type ops.Inner, got a message of type ops.Outer"],
    [(m) => { m.inner = { r: "x" }; }, "inner | ops.Outer.inner | type | expected a message of type ops.Inner, got an object"],
    [(m) => { (m.inner as Fields).xs = [1, 2.5]; }, "inner.xs[1] | ops.Inner.xs | range | expected an integer from -2147483648 to 2147483647 (int32), got the number 2.5"],
    [(m) => { m.inners = [null]; }, "inners[0] | ops.Outer.inners | type | expected a message of type ops.Inner, got null"],
    [(m) => { m.inners = "abc"; }, `inners | ops.Outer.inners | type | expected an array, got the string "abc"`],
    [(m) => { m.byName = { k: create(Inner) }; }, "by_name | ops.Outer.by_name | type | expected a Map, got an object"],
    [(m) => { m.byName = new Map([["a b", 5]]); }, `by_name["a b"] | ops.Outer.by_name | type | expected a message of type ops.Inner, got the number 5`],
    [(m) => { m.byId = new Map([[1, "x"]]); }, `by_id["1"] | ops.Outer.by_id | type | map key: expected a bigint (int64), got the number 1`],
    [(m) => { m.byId = new Map([[2n ** 63n, "x"]]); }, `by_id["9223372036854775808"] | ops.Outer.by_id | range | map key: expected a bigint from -9223372036854775808 to 9223372036854775807 (int64), got the bigint 9223372036854775808n`],
    [(m) => { m.choice = { case: "nope", value: 1 }; }, `choice | ops.Outer.choice | type | expected a oneof value whose case is undefined or one of "text", "msg", got case the string "nope"`],
    [(m) => { m.choice = "text"; }, `choice | ops.Outer.choice | type | expected a oneof value whose case is undefined or one of "text", "msg", got the string "text"`],
    [(m) => { m.choice = { case: "text", value: 5 }; }, "text | ops.Outer.text | type | expected a string, got the number 5"],
    [(m) => { m.fs = [1, "2"]; }, `fs[1] | ops.Outer.fs | type | expected a number (float), got the string "2"`],
    [(m) => { m.big = -1n; }, "big | ops.Outer.big | range | expected a bigint from 0 to 18446744073709551615 (uint64), got the bigint -1n"],
    [(m) => { m.big = 1; }, "big | ops.Outer.big | type | expected a bigint (uint64), got the number 1"],
    [(m) => { (m as Record<string, unknown>).$unknown = "junk"; }, ` | ops.Outer | type | expected $unknown to be an array of unknown fields, got the string "junk"`],
  ];
  for (const [change, expected] of cases) assert.equal(report(change), expected);
});

test("findInvalidValue: the first bad value in field order; JSON names when asked", () => {
  assert.equal(report((m) => { m.s = 1; m.i32 = "x"; }), `i32 | ops.Outer.i32 | type | expected a number (int32), got the string "x"`);
  const m = valid();
  m.byName = new Map([["k", create(Inner, { r: 7 })]]);
  const bad = findInvalidValue(Outer, m, (f) => f.jsonName);
  assert.deepEqual(bad?.path, ["byName", "k", "r"]);
  assert.equal(formatValuePath(bad!.path), "byName.k.r");
});

test("findInvalidValue: the message itself, and a message that contains itself", () => {
  assert.equal(findInvalidValue(Outer, create(Inner))?.message, "expected a message of type ops.Outer, got a message of type ops.Inner");
  assert.equal(findInvalidValue(Outer, null)?.message, "expected a message of type ops.Outer, got null");
  const a = create(Node) as Fields;
  const b = create(Node, { next: a }) as Fields;
  a.next = b;
  const bad = findInvalidValue(Node, a);
  assert.deepEqual([formatValuePath(bad!.path), bad!.message], ["next.next", "the message contains itself"]);
  // The same message twice, side by side, is not a cycle.
  const leaf = create(Node);
  assert.equal(findInvalidValue(Node, create(Node, { kids: [leaf, leaf], byFlag: new Map([[true, leaf]]) })), undefined);
  assert.equal(findInvalidValue(Node, create(Node, { byFlag: new Map([["true", leaf]]) }))?.message, `map key: expected a boolean, got the string "true"`);
});

test("describeValue: short, and safe for any value", () => {
  assert.equal(describeValue("x".repeat(50)), `the string "${"x".repeat(40)}…"`);
  assert.equal(describeValue(-0), "the number -0");
  assert.equal(describeValue(true), "true");
  assert.equal(describeValue(undefined), "undefined");
  assert.equal(describeValue(Symbol("s")), "a symbol");
  assert.equal(describeValue(() => 1), "a function");
  assert.equal(describeValue(new Map()), "a Map");
  assert.equal(describeValue(new Float64Array(2)), "a Float64Array");
  assert.equal(describeValue(Object.create(null)), "an object");
  assert.equal(describeValue({ $typeName: 5 }), "an object");
  assert.equal(formatValuePath(["a", 0, "b c", "d"]), `a[0]["b c"].d`);
});
