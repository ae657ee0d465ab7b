import { test } from "node:test";
import assert from "node:assert/strict";
import { fromJson, fromJsonBytes, mergeFromJson, mergeFromJsonString, toJson, JsonError } from "../../../src/codec/json/index.js";
import { fromBinary } from "../../../src/codec/binary/from-binary.js";
import { toBinary } from "../../../src/codec/binary/to-binary.js";
import { create } from "../../../src/message/create.js";
import type { Message } from "../../../src/reflect/message.js";
import { All, P2, registry } from "./fixtures.js";
import { parse, parseFails, print, roundTrip, type Fields } from "./helpers.js";

test("field names: JSON name or proto name when reading, JSON name or proto name (option) when writing", () => {
  assert.equal(parse('{"s_int32": 1}')["sInt32"], 1);
  assert.equal(parse('{"renamed": 2}')["customName"], 2);
  assert.equal(parse('{"custom_name": 3}')["customName"], 3);
  parseFails('{"customName": 3}', '$.customName: unknown field "customName" in message test.All (line 1:2)');
  const m = create(All, { sInt32: 1, customName: 2, mapStringInt32: new Map([["k", 1]]) });
  assert.equal(print(m), '{"sInt32":1,"renamed":2,"mapStringInt32":{"k":1}}');
  assert.equal(print(m, { useProtoFieldName: true }), '{"s_int32":1,"custom_name":2,"map_string_int32":{"k":1}}');
});

test("the same field twice under different names is an error", () => {
  parseFails('{"s_int32": 1, "sInt32": 2}', '$.sInt32: field s_int32 is given twice (as "s_int32" and "sInt32") (line 1:16)');
  parseFails('{"renamed": 1, "custom_name": null}', '$.custom_name: field custom_name is given twice (as "renamed" and "custom_name") (line 1:16)');
});

test("unknown fields: an error, or skipped with ignoreUnknownFields", () => {
  parseFails('{"nope": 1}', '$.nope: unknown field "nope" in message test.All (line 1:2)');
  parseFails('{"child": {"nope": {"deep": [1]}}}', '$.child.nope: unknown field "nope" in message test.All (line 1:12)');
  parseFails('{"[p2.ext_int32]": 1}', '$["[p2.ext_int32]"]: unknown extension "p2.ext_int32" of test.All (line 1:2)');
  assert.deepEqual(parse('{"nope": {"x": [1, {}]}, "sInt32": 5, "[x.y]": 1}', { ignoreUnknownFields: true })["sInt32"], 5);
  // Ignored values must still be valid JSON.
  parseFails('{"nope": [1,]}', '$.nope[1]: unexpected character "]", expected a JSON value (line 1:13)', { ignoreUnknownFields: true });
});

test("null means unset: the field keeps its value", () => {
  const m = parse('{"sInt32": null, "optInt32": null, "child": null, "rInt32": null, "mapStringInt32": null, "wInt32value": null, "wTimestamp": null, "color": null}');
  assert.equal(print(m as unknown as Message), "{}");
  const target = create(All, { sInt32: 7, child: create(All, { sInt32: 1 }) });
  mergeFromJsonString(All, target, '{"sInt32": null, "child": null}');
  assert.equal(print(target), '{"sInt32":7,"child":{"sInt32":1}}');
});

test("oneofs: one member at most; null members do not count", () => {
  assert.deepEqual(parse('{"cString": "x"}')["choice"], { case: "cString", value: "x" });
  assert.deepEqual(parse('{"cInt32": null, "cString": "x"}')["choice"], { case: "cString", value: "x" });
  assert.deepEqual(parse('{"cString": "x", "cInt32": null}')["choice"], { case: "cString", value: "x" });
  parseFails('{"cString": "x", "cInt32": 1}', '$.cInt32: oneof choice has more than one field set ("cString" and "cInt32") (line 1:18)');
  parseFails('{"cMsg": {}, "c_string": ""}', '$.c_string: oneof choice has more than one field set ("cMsg" and "c_string") (line 1:14)');
  // A member set to its zero value is still set, and printed.
  assert.equal(roundTrip('{"cInt32": 0}'), '{"cInt32":0}');
  assert.equal(roundTrip('{"cMsg": {}}'), '{"cMsg":{}}');
});

test("proto3 optional fields are printed when set, even to zero", () => {
  assert.equal(roundTrip('{"optInt32": 0}'), '{"optInt32":0}');
  assert.equal(roundTrip('{"sInt32": 0}'), "{}");
});

test("repeated fields", () => {
  assert.equal(roundTrip('{"rInt32": [1, "2", 3e0], "rString": ["a"], "children": [{}, {"sInt32": 1}], "rBool": []}'), '{"rInt32":[1,2,3],"rString":["a"],"children":[{},{"sInt32":1}]}');
  parseFails('{"rInt32": 1}', "$.rInt32: expected an array for repeated field r_int32, got number (line 1:12)");
  parseFails('{"rInt32": [1, null]}', "$.rInt32[1]: null is not allowed as a list element of field r_int32 (line 1:16)");
  parseFails('{"children": [null]}', "$.children[0]: null is not allowed as a list element of field children (line 1:15)");
  parseFails('{"colors": [null]}', "$.colors[0]: null is not allowed as a list element of field colors (line 1:13)");
  parseFails('{"rInt32": [1, [2]]}', "$.rInt32[1]: expected a number or a numeric string for int32, got array (line 1:16)");
});

test("maps: keys by type, null values refused", () => {
  const m = parse('{"mapInt32String": {"-1": "a", "2": "b"}, "mapInt64String": {"9223372036854775807": "c"}, "mapBoolString": {"true": "t", "false": "f"}, "mapUint32String": {"4294967295": "u"}, "mapStringMsg": {"k": {"sInt32": 1}}}');
  assert.deepEqual(m["mapInt32String"], new Map([[-1, "a"], [2, "b"]]));
  assert.deepEqual(m["mapInt64String"], new Map([[9223372036854775807n, "c"]]));
  assert.deepEqual(m["mapBoolString"], new Map([[true, "t"], [false, "f"]]));
  assert.equal(print(m as unknown as Message), '{"mapInt32String":{"2":"b","-1":"a"},"mapInt64String":{"9223372036854775807":"c"},"mapBoolString":{"true":"t","false":"f"},"mapUint32String":{"4294967295":"u"},"mapStringMsg":{"k":{"sInt32":1}}}');
  parseFails('{"mapBoolString": {"TRUE": "x"}}', '$.mapBoolString.TRUE: invalid bool map key "TRUE": expected "true" or "false" (line 1:20)');
  parseFails('{"mapInt32String": {"1.5": "x"}}', '$.mapInt32String["1.5"]: int32 must be an integer, got "1.5" (line 1:21)');
  parseFails('{"mapInt32String": {"x": "x"}}', '$.mapInt32String.x: invalid int32: "x" (line 1:21)');
  parseFails('{"mapUint32String": {"-1": "x"}}', '$.mapUint32String["-1"]: uint32 out of range: "-1" (line 1:22)');
  parseFails('{"mapStringInt32": {"a": null}}', "$.mapStringInt32.a: null is not allowed as a map value of field map_string_int32 (line 1:26)");
  parseFails('{"mapStringMsg": {"a": null}}', "$.mapStringMsg.a: null is not allowed as a map value of field map_string_msg (line 1:24)");
  parseFails('{"mapStringInt32": []}', "$.mapStringInt32: expected an object for map field map_string_int32, got array (line 1:20)");
  parseFails('{"child": 1}', "$.child: expected an object for message test.All, got number (line 1:11)");
});

test("top-level values other than objects are refused", () => {
  parseFails("null", "$: expected an object for message test.All, got null (line 1:1)");
  parseFails("[]", "$: expected an object for message test.All, got array (line 1:1)");
  parseFails('"x"', "$: expected an object for message test.All, got string (line 1:1)");
});

test("emitDefaultValues prints fields without presence only", () => {
  const out = toJson(All, create(All), { emitDefaultValues: true }) as Record<string, unknown>;
  assert.equal(out["sInt32"], 0);
  assert.equal(out["sInt64"], "0");
  assert.equal(out["sString"], "");
  assert.equal(out["sBytes"], "");
  assert.equal(out["sBool"], false);
  assert.equal(out["color"], "COLOR_UNSPECIFIED");
  assert.deepEqual(out["rInt32"], []);
  assert.deepEqual(out["mapStringInt32"], {});
  for (const absent of ["optInt32", "child", "cString", "cInt32", "wTimestamp", "wInt32value", "wValue"]) assert.equal(absent in out, false, absent);
  const p2 = toJson(P2, create(P2), { emitDefaultValues: true, registry });
  assert.deepEqual(p2, {});
});

test("merging: singular fields replaced, messages merged, lists appended, maps added to", () => {
  const target = create(All, { sInt32: 1, sString: "keep", child: create(All, { sInt32: 1, sBool: true }), rInt32: [1], mapStringInt32: new Map([["a", 1], ["b", 2]]) });
  mergeFromJson(All, target, { sInt32: 2, child: { sInt32: 3 }, rInt32: [2, 3], mapStringInt32: { b: 20, c: 30 } });
  assert.equal(print(target), '{"sInt32":2,"sString":"keep","rInt32":[1,2,3],"child":{"sInt32":3,"sBool":true},"mapStringInt32":{"a":1,"b":20,"c":30}}');
});

test("plain values and UTF-8 bytes as input", () => {
  const m = fromJson(All, { sInt64: "5", rDouble: [-0, 1.5], child: { sString: "x" } }) as unknown as Fields;
  assert.equal(m["sInt64"], 5n);
  assert.ok(Object.is((m["rDouble"] as number[])[0], -0));
  assert.throws(() => fromJson(All, { sInt32: 1.5 }), { message: "$.sInt32: int32 must be an integer, got 1.5" });
  assert.throws(() => fromJson(All, { child: { sBool: 1 } }), { message: "$.child.sBool: expected true or false for bool, got number" });
  const bytes = new TextEncoder().encode('{"sString": "é"}');
  assert.equal((fromJsonBytes(All, bytes) as unknown as Fields)["sString"], "é");
  assert.throws(() => fromJsonBytes(All, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), (e: unknown) => e instanceof JsonError && e.code === "encoding" && e.message === "$: JSON text is not valid UTF-8");
});

test("untrusted keys never reach a prototype", () => {
  parseFails('{"__proto__": {"polluted": 1}}', '$.__proto__: unknown field "__proto__" in message test.All (line 1:2)');
  parseFails('{"constructor": {}}', '$.constructor: unknown field "constructor" in message test.All (line 1:2)');
  const m = parse('{"__proto__": {"polluted": 1}, "constructor": 1, "toString": 2}', { ignoreUnknownFields: true });
  assert.equal(Object.getPrototypeOf(m), Object.prototype);
  assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  const maps = parse('{"mapStringInt32": {"__proto__": 1, "constructor": 2, "hasOwnProperty": 3}}');
  assert.deepEqual(maps["mapStringInt32"], new Map([["__proto__", 1], ["constructor", 2], ["hasOwnProperty", 3]]));
  const out = toJson(All, maps as unknown as Message) as Record<string, Record<string, unknown>>;
  const printed = out["mapStringInt32"]!;
  assert.equal(Object.getPrototypeOf(printed), Object.prototype);
  assert.deepEqual(Object.keys(printed), ["__proto__", "constructor", "hasOwnProperty"]);
  assert.equal(Object.getOwnPropertyDescriptor(printed, "__proto__")?.value, 1);
  assert.equal(print(maps as unknown as Message), '{"mapStringInt32":{"__proto__":1,"constructor":2,"hasOwnProperty":3}}');
  // The same through plain values (JSON.parse makes "__proto__" an own property).
  const viaValue = fromJson(All, JSON.parse('{"mapStringInt32": {"__proto__": 5}}')) as unknown as Fields;
  assert.deepEqual(viaValue["mapStringInt32"], new Map([["__proto__", 5]]));
});

test("errors carry code, path, problem and position", () => {
  const e = parseFails('{\n  "children": [{}, {"rInt64": [1, "x"]}]\n}', '$.children[1].rInt64[1]: invalid int64: "x" (line 2:35)');
  assert.equal(e.code, "value");
  assert.equal(e.path, "$.children[1].rInt64[1]");
  assert.equal(e.problem, 'invalid int64: "x"');
  assert.equal(e.line, 2);
  assert.equal(e.column, 35);
});

test("proto2: groups by field name, closed enums, required fields not checked", () => {
  const m = fromJson(P2, { i32: 1, mygroup: { a: 2 }, closed: "TWO" });
  assert.deepEqual(toJson(P2, m), { i32: 1, closed: "TWO", mygroup: { a: 2 } });
  const bin = toBinary(P2, m);
  assert.deepEqual(toJson(P2, fromBinary(P2, bin)), { i32: 1, closed: "TWO", mygroup: { a: 2 } });
  assert.throws(() => fromJson(P2, { MyGroup: { a: 2 } }), { message: '$.MyGroup: unknown field "MyGroup" in message p2.P2' });
});

test("proto2 extensions as [full.name]", () => {
  const m = fromJson(P2, { "[p2.ext_int32]": 5, "[p2.ext_msg]": { i32: 1, "[p2.ext_strings]": ["x"] }, "[p2.ext_strings]": ["a", "b"] }, { registry });
  assert.equal(m.$unknown?.length, 4);
  const expected = { "[p2.ext_int32]": 5, "[p2.ext_msg]": { i32: 1, "[p2.ext_strings]": ["x"] }, "[p2.ext_strings]": ["a", "b"] };
  assert.deepEqual(toJson(P2, m, { registry }), expected);
  // Through the binary format and back.
  assert.deepEqual(toJson(P2, fromBinary(P2, toBinary(P2, m)), { registry }), expected);
  // Without a registry, extensions are unknown fields: not printed, and not accepted.
  assert.deepEqual(toJson(P2, m), {});
  assert.throws(() => fromJson(P2, { "[p2.ext_int32]": 5 }), { message: '$["[p2.ext_int32]"]: unknown extension "p2.ext_int32" of p2.P2' });
  assert.throws(() => fromJson(P2, { "[p2.ext_int32]": "x" }, { registry }), { message: '$["[p2.ext_int32]"]: invalid int32: "x"' });
  assert.deepEqual(toJson(P2, fromJson(P2, { "[p2.ext_int32]": null }, { registry }), { registry }), {});
});

test("toJson: a value of the wrong type fails with its JSON path, rather than be written as something else", () => {
  const msg = create(All, { sInt32: 1, mapStringInt32: new Map([["k", 1]]) });
  const m = msg as unknown as Record<string, unknown>;
  m.sInt32 = "1";
  assert.throws(() => toJson(All, msg), (e: unknown) => e instanceof JsonError && e.code === "type" && e.path === "$.sInt32" && e.message === `$.sInt32: expected a number (int32), got the string "1"`);
  assert.throws(() => toJson(All, msg, { useProtoFieldName: true }), (e: unknown) => e instanceof JsonError && e.path === "$.s_int32");
  m.sInt32 = 2 ** 40;
  assert.throws(() => toJson(All, msg), (e: unknown) => e instanceof JsonError && e.code === "range" && e.path === "$.sInt32");
  m.sInt32 = 1;
  m.mapStringInt32 = new Map([["a b", true]]);
  assert.throws(() => toJson(All, msg), (e: unknown) => e instanceof JsonError && e.code === "type" && e.path === `$.mapStringInt32["a b"]` && /expected a number \(int32\), got true$/.test(e.message));
});
