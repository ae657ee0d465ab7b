import { test } from "node:test";
import assert from "node:assert/strict";
import { compileWithProtoc, messageType, protocEncode } from "../support/protoc.js";
import { testProto } from "./schema.js";
import { create, createEmpty } from "../../src/message/create.js";
import { equals } from "../../src/message/equals.js";
import { merge } from "../../src/message/merge.js";
import { clone } from "../../src/message/clone.js";
import { checkRequired, isInitialized, missingRequiredFields, MissingRequiredFieldsError } from "../../src/message/required.js";
import { clearField, getFieldValue, isFieldSet } from "../../src/message/fields.js";
import { fromBinary, mergeFromBinary } from "../../src/codec/binary/from-binary.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { clearExtension, getExtension, hasExtension, setExtension } from "../../src/codec/binary/extensions.js";
import type { Message } from "../../src/reflect/message.js";

const registry = compileWithProtoc(testProto);
const Outer = messageType(registry, "ops.Outer");
const Inner = messageType(registry, "ops.Inner");
type Fields = Message & Record<string, unknown>;

test("defaults: unset explicit fields read their [default]", () => {
  const m = createEmpty(Outer);
  assert.equal(getFieldValue(m, Outer.fieldByName("i32")!), 42);
  assert.equal(getFieldValue(m, Outer.fieldByName("s")!), "hi");
  assert.deepEqual(getFieldValue(m, Outer.fieldByName("b")!), new Uint8Array([1, 2, 0x7a]));
  assert.ok(Number.isNaN(getFieldValue(m, Outer.fieldByName("d")!) as number));
  assert.equal(getFieldValue(m, Outer.fieldByName("color")!), 1, "first enum value");
  assert.equal(isFieldSet(m, Outer.fieldByName("i32")!), false);
  assert.equal(toBinary(Outer, m).length, 0);
});

test("equals: presence matters, NaN equals NaN, unknown fields compared", () => {
  const a = create(Outer, { i32: 0 });
  const b = createEmpty(Outer);
  assert.equal(equals(Outer, a, b), false, "explicitly set 0 differs from unset");
  assert.equal(equals(Outer, create(Outer, { d: NaN }), create(Outer, { d: NaN })), true);
  const c = fromBinary(Outer, new Uint8Array([0xa8, 0x0f, 0x01])); // field 245, varint 1: unknown
  assert.equal(equals(Outer, c, createEmpty(Outer)), false);
  assert.equal(equals(Outer, c, createEmpty(Outer), { unknownFields: false }), true);
  const m1 = create(Outer, { byName: new Map([["k", create(Inner, { a: 1, r: "x" })]]) });
  const m2 = create(Outer, { byName: new Map([["k", create(Inner, { a: 2, r: "x" })]]) });
  assert.equal(equals(Outer, m1, m2), false);
  assert.equal(equals(Outer, m1, clone(Outer, m1)), true);
});

test("merge follows protobuf semantics and matches binary concatenation", () => {
  const a = create(Outer, { i32: 1, inner: { a: 1, r: "a", xs: [1] }, inners: [{ r: "p" }], byName: new Map([["x", { r: "1" }]]), choice: { case: "text", value: "t" }, fs: [1.5] });
  const b = create(Outer, { s: "s", inner: { xs: [2] }, inners: [{ r: "q" }], byName: new Map([["x", { r: "2" }], ["y", { r: "3" }]]), choice: { case: "msg", value: { a: 9, r: "m" } }, fs: [2.5] });
  const merged = merge(Outer, clone(Outer, a), b);
  const viaBinary = fromBinary(Outer, new Uint8Array([...toBinary(Outer, a), ...toBinary(Outer, b)]));
  assert.equal(equals(Outer, merged, viaBinary), true);
  const m = merged as Fields;
  assert.equal(m.i32, 1);
  assert.equal(m.s, "s");
  assert.deepEqual((m.inner as Fields).xs, [1, 2]);
  assert.equal((m.inner as Fields).r, "a");
  assert.equal((m.inners as unknown[]).length, 2);
  assert.equal(((m.byName as Map<string, Fields>).get("x")!).r, "2");
  assert.deepEqual((m.choice as Fields).case, "msg");
  assert.deepEqual(m.fs, [1.5, 2.5]);
  // The merged message shares nothing with the source.
  ((b as Fields).inners as Fields[])[0]!.r = "changed";
  assert.equal(((m.inners as Fields[])[1]!).r, "q");
});

test("oneof: a message member seen twice merges", () => {
  const first = toBinary(Outer, create(Outer, { choice: { case: "msg", value: { a: 1, r: "x" } } }));
  const second = toBinary(Outer, create(Outer, { choice: { case: "msg", value: { xs: [5] } } }));
  const m = fromBinary(Outer, new Uint8Array([...first, ...second])) as Fields;
  const v = (m.choice as { value: Fields }).value;
  assert.equal(v.a, 1);
  assert.deepEqual(v.xs, [5]);
});

test("clone is deep", () => {
  const a = create(Outer, { b: new Uint8Array([1]), inners: [{ r: "x" }], byId: new Map([[5n, "five"]]) });
  const c = clone<Fields>(Outer, a as Fields);
  (c.b as Uint8Array)[0] = 9;
  (c.inners as Fields[])[0]!.r = "y";
  (c.byId as Map<bigint, string>).set(6n, "six");
  const orig = a as Fields;
  assert.deepEqual(orig.b, new Uint8Array([1]));
  assert.equal((orig.inners as Fields[])[0]!.r, "x");
  assert.equal((orig.byId as Map<bigint, string>).size, 1);
});

test("required fields: paths as protoc names them", () => {
  const m = create(Outer, { inner: {}, inners: [{ r: "ok" }, {}], byName: new Map([["k", {}]]), choice: { case: "msg", value: {} } });
  assert.deepEqual(missingRequiredFields(Outer, m), ["inner.r", "inners[1].r", "by_name[0].value.r", "msg.r"]);
  assert.equal(isInitialized(Outer, m), false);
  assert.throws(() => checkRequired(Outer, m), MissingRequiredFieldsError);
  assert.equal(isInitialized(Outer, create(Outer, { inner: { r: "" } })), true);
});

test("clearField resets to unset or empty", () => {
  const m = create(Outer, { i32: 5, inners: [{}], choice: { case: "text", value: "x" } });
  clearField(m, Outer.fieldByName("i32")!);
  clearField(m, Outer.fieldByName("inners")!);
  clearField(m, Outer.fieldByName("text")!);
  assert.equal(equals(Outer, m, createEmpty(Outer)), true);
});

test("extensions: set/get/has/clear, byte-identical to protoc", () => {
  const extInt = registry.getExtension("ops.ext_int")!;
  const extStrs = registry.getExtension("ops.ext_strs")!;
  const extMsg = registry.getExtension("ops.ext_msg")!;
  const m = createEmpty(Outer);
  assert.equal(hasExtension(m, extInt), false);
  assert.equal(getExtension(m, extInt), 0);
  setExtension(m, extInt, -3);
  setExtension(m, extStrs, ["a", "b"]);
  setExtension(m, extMsg, create(Inner, { a: 7, r: "z" }));
  assert.equal(getExtension(m, extInt), -3);
  assert.deepEqual(getExtension(m, extStrs), ["a", "b"]);
  assert.equal(((getExtension(m, extMsg) as Fields).a), 7);
  const expected = protocEncode(testProto, "ops.Outer", `[ops.ext_int]: -3 [ops.ext_strs]: "a" [ops.ext_strs]: "b" [ops.ext_msg] { a: 7 r: "z" }`);
  assert.deepEqual(toBinary(Outer, m), expected);
  const decoded = fromBinary(Outer, expected);
  assert.equal(getExtension(decoded, extInt), -3);
  clearExtension(decoded, extStrs);
  assert.equal(hasExtension(decoded, extStrs), false);
  assert.equal(hasExtension(decoded, extInt), true);
  assert.throws(() => getExtension(createEmpty(Inner), extInt), /extends ops.Outer, not ops.Inner/);
});

test("mergeFromBinary merges into an existing message", () => {
  const m = create(Outer, { i32: 1, inners: [{ r: "a" }] });
  mergeFromBinary(Outer, m, toBinary(Outer, create(Outer, { s: "x", inners: [{ r: "b" }] })));
  const f = m as Fields;
  assert.equal(f.i32, 1);
  assert.equal(f.s, "x");
  assert.equal((f.inners as unknown[]).length, 2);
});

test("fields whose property names collide keep separate values", () => {
  const reg = compileWithProtoc({ "c.proto": 'syntax="proto2"; package c; message M { optional int32 foo_bar = 1; optional int32 fooBar = 2; }' });
  const M = messageType(reg, "c.M");
  assert.deepEqual(M.fields.map((f) => f.localName), ["fooBar", "fooBar$2"]);
  const m = fromBinary(M, new Uint8Array([0x08, 0x01, 0x10, 0x02])) as Fields;
  assert.equal(m.fooBar, 1);
  assert.equal(m["fooBar$2"], 2);
  assert.deepEqual(toBinary(M, m), new Uint8Array([0x08, 0x01, 0x10, 0x02]));
});

test("extension values are written among the fields by number, as protoc writes them", () => {
  const files = { "x.proto": 'syntax="proto2"; package x; message M { optional int32 a = 1; optional int32 z = 300; extensions 100 to 200; } extend M { repeated int32 e = 150; optional string s = 100; }' };
  const reg = compileWithProtoc(files);
  const M = messageType(reg, "x.M");
  const m = create(M, { a: 1, z: 2 });
  setExtension(m, reg.getExtension("x.e")!, [7, 8]);
  setExtension(m, reg.getExtension("x.s")!, "hi");
  const expected = protocEncode(files, "x.M", 'a: 1 z: 2 [x.e]: 7 [x.e]: 8 [x.s]: "hi"');
  assert.deepEqual(toBinary(M, m), expected);
  // An unknown field stays after the fields.
  const withUnknown = fromBinary(M, new Uint8Array([...expected, 0xf8, 0x0f, 0x05])); // field 255, varint 5
  setExtension(withUnknown, reg.getExtension("x.s")!, "hi");
  assert.deepEqual(toBinary(M, withUnknown).slice(-3), new Uint8Array([0xf8, 0x0f, 0x05]));
});
