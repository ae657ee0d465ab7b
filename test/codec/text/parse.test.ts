// The parser's semantics beyond what protoc's error messages show: where values go, options,
// extensions and Any, untrusted input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fromBinary } from "../../../src/codec/binary/from-binary.js";
import { toBinary } from "../../../src/codec/binary/to-binary.js";
import { fromText, mergeFromText } from "../../../src/codec/text/from-text.js";
import { toText } from "../../../src/codec/text/to-text.js";
import type { Message } from "../../../src/reflect/message.js";
import { messageType, registry } from "./fixtures.js";

type Fields = Record<string, unknown> & Message;
const all = messageType("texttest.All");
const scalars3 = messageType("texttest3.Scalars");
const parse = (text: string, type = all) => fromText<Fields>(type, text, { registry });

test("parse: scalar values land in the message's properties with their JavaScript types", () => {
  const m = parse("i32: -7 i64: 5 u64: 0xFFFFFFFFFFFFFFFF f32: 0777 fl: 1.5 db: .25 b: t s: 'é' by: '\\001' color: BLUE");
  assert.equal(m["i32"], -7);
  assert.equal(m["i64"], 5n);
  assert.equal(m["u64"], 0xffffffffffffffffn);
  assert.equal(m["f32"], 0o777);
  assert.equal(m["fl"], 1.5);
  assert.equal(m["db"], 0.25);
  assert.equal(m["b"], true);
  assert.equal(m["s"], "é");
  assert.deepEqual(m["by"], new Uint8Array([1]));
  assert.equal(m["color"], 2);
});

test("parse: floats follow protoc (round via double, FLT_MAX kept, overflow to inf, underflow to signed zero)", () => {
  const fl = (s: string) => parse(`fl: ${s}`)["fl"] as number;
  assert.equal(fl("3.4028235e38"), 3.4028234663852886e38);
  assert.equal(fl("3.4028235677973366e+38"), 3.4028234663852886e38);
  assert.equal(fl("3.5e38"), Infinity);
  assert.equal(fl("-1e50"), -Infinity);
  assert.ok(Object.is(fl("-1e-50"), -0));
  assert.equal(fl("1f"), 1);
  assert.equal(fl("5."), 5);
  assert.equal(fl("-.5F"), -0.5);
  assert.ok(Number.isNaN(fl("nAn")));
  assert.equal(fl("-InFiNiTy"), -Infinity);
  assert.equal(fl("18446744073709551616"), 18446744073709551616);
  const db = (s: string) => parse(`db: ${s}`)["db"] as number;
  assert.equal(db("1e18446744073709551616"), Infinity);
  assert.ok(Object.is(db("-1e-18446744073709551616"), -0));
});

test("parse: lists in both forms append; [] is empty", () => {
  const m = parse("r_i32: [1, 2] r_i32: 3 r_i32: [] r_nested: [{a: 1}, <a: 2>] r_nested { a: 3 }");
  assert.deepEqual(m["rI32"], [1, 2, 3]);
  assert.deepEqual((m["rNested"] as Fields[]).map((n) => n["a"]), [1, 2, 3]);
});

test("parse: messages take { } or < > and an optional colon; oneofs select their member", () => {
  const m = parse("nested: < a: 1 > o_msg: { b: 'x' }");
  assert.equal((m["nested"] as Fields)["a"], 1);
  assert.deepEqual(m["choice"], { case: "oMsg", value: { $typeName: "texttest.Nested", children: [], b: "x" } });
});

test("parse: map entries default a missing key or value; a later duplicate key wins", () => {
  const m = parse("m_in { key: 1 } m_ic { key: 2 } m_ss { value: 'v' } m_ii { key: 1 value: 1 } m_ii { key: 1 value: 2 } m_bb { key: true }");
  const mIn = m["mIn"] as Map<bigint, Fields>;
  assert.equal(mIn.get(1n)!.$typeName, "texttest.Nested");
  assert.equal((m["mIc"] as Map<number, number>).get(2), 0);
  assert.equal((m["mSs"] as Map<string, string>).get(""), "v");
  assert.deepEqual([...(m["mIi"] as Map<number, number>)], [[1, 2]]);
  assert.deepEqual((m["mBb"] as Map<boolean, Uint8Array>).get(true), new Uint8Array(0));
});

test("parse: map keys such as __proto__ go into the Map and pollute nothing", () => {
  const m = parse("m_ss { key: '__proto__' value: 'a' } m_ss { key: 'constructor' value: 'b' } m_ss { key: 'toString' value: 'c' }");
  const map = m["mSs"] as Map<string, string>;
  assert.deepEqual([...map.keys()], ["__proto__", "constructor", "toString"]);
  assert.equal(Object.getPrototypeOf(m), Object.prototype);
  assert.equal(({} as Record<string, unknown>)["a"], undefined);
  assert.ok(!Object.prototype.hasOwnProperty.call(m, "__proto__"));
});

test("parse: proto3 implicit fields may repeat while zero, as protoc's HasField allows", () => {
  const m = fromText<Fields>(scalars3, "i32: 0 i32: 5");
  assert.equal(m["i32"], 5);
  assert.throws(() => fromText(scalars3, "i32: 5 i32: 0"), /Non-repeated field "i32" is specified multiple times/);
  assert.throws(() => fromText(scalars3, "opt_i32: 0 opt_i32: 0"), /Non-repeated field "opt_i32"/);
  assert.equal(fromText<Fields>(scalars3, "mood: 7")["mood"], 7); // open enum keeps unknown numbers
});

test("parse: mergeFromText lets later values win and merges messages (protoc's Merge)", () => {
  const m = parse("i32: 1 nested { a: 1 } r_i32: 1");
  mergeFromText(all, m, "i32: 2 i32: 3 nested { b: 'x' } r_i32: 2", { registry });
  assert.equal(m["i32"], 3);
  assert.equal((m["nested"] as Fields)["a"], 1);
  assert.equal((m["nested"] as Fields)["b"], "x");
  assert.deepEqual(m["rI32"], [1, 2]);
  assert.throws(() => mergeFromText(all, m, "i32: 2 i32: 3", { allowSingularOverwrites: false }), /specified multiple times/);
  assert.equal(fromText<Fields>(all, "o_int: 1 o_str: 'x'", { allowSingularOverwrites: true })["choice"]!.toString(), "[object Object]");
});

test("parse: extensions are kept raw in $unknown, as the binary decoder keeps them", () => {
  const text = "[texttest.ext_i32]: 7 [texttest.ext_strs]: ['a', 'b'] [texttest.ext_msg] { a: 1 } [texttest.ext_packed]: [1, 2]";
  const m = parse(text);
  assert.deepEqual(m.$unknown!.map((u) => [u.no, u.wireType]), [[100, 0], [101, 2], [101, 2], [102, 2], [105, 2]]);
  const viaBinary = fromBinary(all, toBinary(all, m));
  assert.equal(toText(all, viaBinary, { registry }), toText(all, m, { registry }));
  assert.equal(toText(all, m, { registry }), '[texttest.ext_i32]: 7\n[texttest.ext_strs]: "a"\n[texttest.ext_strs]: "b"\n[texttest.ext_msg] {\n  a: 1\n}\n[texttest.ext_packed]: 1\n[texttest.ext_packed]: 2\n');
  assert.throws(() => fromText(all, "[texttest.ext_i32]: 7"), /Extension "texttest.ext_i32" is not defined/);
});

test("parse: ignoreUnknownFields skips unknown fields and extensions of any shape", () => {
  const text = "zz: 1 yy { a: [1, {b: 2}] c: 'x' 'y' d: -inf } [no.such]: 5 [no.msg] < > 12345: 1 i32: 9 xx: -nan, ww: [] ;";
  const m = fromText<Fields>(all, text, { ignoreUnknownFields: true });
  assert.equal(m["i32"], 9);
  assert.throws(() => fromText(all, "zz: -foo", { ignoreUnknownFields: true }), /1:6: Invalid float number: foo/);
  assert.throws(() => fromText(all, "zz: }", { ignoreUnknownFields: true }), /Cannot skip field value, unexpected token: }/);
  // a number is a name that matches no field unless allowFieldNumbers is set too
  assert.equal(fromText<Fields>(all, "1: 5", { ignoreUnknownFields: true })["i32"], undefined);
  assert.equal(fromText<Fields>(all, "1: 5", { ignoreUnknownFields: true, allowFieldNumbers: true })["i32"], 5);
});

test("parse: reserved names and numbers are skipped without the option", () => {
  assert.equal(parse("gone: 1 old_name { x: [1, 2] } i32: 3")["i32"], 3);
  assert.throws(() => parse("70: 1"), /Expected identifier, got: 70/);
  const m = fromText<Fields>(all, "70: 1 1: 5 14: 'x' 100: 3", { registry, allowFieldNumbers: true });
  assert.equal(m["i32"], 5);
  assert.equal(m["s"], "x");
  assert.equal(m.$unknown!.length, 1);
  assert.throws(() => fromText(all, "99: 1", { allowFieldNumbers: true }), /has no field named "99"/);
});

test("parse: expanded Any stores the type URL and the serialized value", () => {
  const m = parse("any { [type.googleapis.com/texttest.Nested] { a: 5 } }");
  const any = m["any"] as Fields;
  assert.equal(any["typeUrl"], "type.googleapis.com/texttest.Nested");
  const nested = messageType("texttest.Nested");
  assert.equal((fromBinary(nested, any["value"] as Uint8Array) as Fields)["a"], 5);
  assert.equal(toText(all, m, { registry, expandAny: true }), "any {\n  [type.googleapis.com/texttest.Nested] {\n    a: 5\n  }\n}\n");
});

test("parse: strings of fields that do not validate UTF-8 keep invalid bytes (as U+DC00 + byte), printed back as they were", () => {
  const m = parse("s: '\\300a'");
  assert.equal(m["s"], "\udcc0a");
  assert.equal(toText(all, m as never), 's: "\\300a"\n');
});

test("parse: large inputs stay linear", () => {
  const n = 50_000;
  const t0 = Date.now();
  const m = parse("r_s: " + '"ab" '.repeat(n) + " r_i32: [" + Array.from({ length: n }, (_, i) => i).join(",") + "]");
  assert.equal((m["rS"] as string[])[0]!.length, 2 * n);
  assert.equal((m["rI32"] as number[]).length, n);
  assert.ok(Date.now() - t0 < 5000);
});

test("parse: input as bytes is read as protoc reads it: string literals keep their bytes", () => {
  const m = fromText<Fields>(all, new Uint8Array([...Buffer.from('by: "'), 0xff, 0xc3, 0xa9, ...Buffer.from('" s: "\u00e9"')]));
  assert.deepEqual(m["by"], new Uint8Array([0xff, 0xc3, 0xa9]));
  assert.equal(m["s"], "é");
});

test("parse: lenientStrings accepts what protoc accepts in strings: invalid UTF-8, surrogate escapes, \\U above 10ffff", () => {
  const lenient = (text: string) => fromText<Fields>(scalars3, text, { lenientStrings: true });
  assert.equal(lenient(String.raw`s: "\300x"`)["s"], "\udcc0x");
  assert.equal(lenient(String.raw`s: "\ud801\udc37"`)["s"], "\u{10437}");
  assert.deepEqual(lenient(String.raw`by: "\ud800"`)["by"], new Uint8Array([0xed, 0xa0, 0x80]));
  assert.equal(lenient(String.raw`s: "\U00110000"`)["s"], "\\U00110000");
  // without it, the spec's rules
  assert.throws(() => fromText(scalars3, String.raw`s: "\300x"`), /contains invalid UTF-8 data/);
  assert.throws(() => fromText(scalars3, String.raw`by: "\ud800"`), /surrogate/);
});
