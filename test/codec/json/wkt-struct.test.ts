import { test } from "node:test";
import assert from "node:assert/strict";
import { fromJson, fromJsonString, toJson } from "../../../src/codec/json/index.js";
import { create } from "../../../src/message/create.js";
import { All, messageType } from "./fixtures.js";
import { parse, parseFails, printFails, roundTrip } from "./helpers.js";

const Value = messageType("google.protobuf.Value");
const Struct = messageType("google.protobuf.Struct");
const ListValue = messageType("google.protobuf.ListValue");

test("Struct, Value and ListValue hold any JSON", () => {
  const json = '{"wStruct":{"a":1,"b":"x","c":null,"d":[true,{"e":[]}],"f":{}},"wValue":[1.5,"s",null,false,{"g":[[]]}],"wListvalue":[{},[],null,-2]}';
  assert.equal(roundTrip(json), json);
  const m = parse('{"wValue": {"k": 1}}');
  const v = m["wValue"] as { kind: { case: string; value: { fields: Map<string, unknown> } } };
  assert.equal(v.kind.case, "structValue");
  assert.deepEqual([...v.kind.value.fields.keys()], ["k"]);
});

test("Value: null is the null value, also as list element and map value", () => {
  assert.deepEqual(parse('{"wValue": null}')["wValue"], { $typeName: "google.protobuf.Value", kind: { case: "nullValue", value: 0 } });
  assert.equal(roundTrip('{"wValue": null}'), '{"wValue":null}');
  assert.equal(roundTrip('{"rValue": [null, 1], "mapStringValue": {"a": null}}'), '{"mapStringValue":{"a":null},"rValue":[null,1]}');
  // At the top level too.
  assert.deepEqual(toJson(Value, fromJsonString(Value, "null")), null);
  assert.deepEqual(toJson(Value, fromJson(Value, 3)), 3);
  assert.deepEqual(toJson(ListValue, fromJson(ListValue, [1, [2]])), [1, [2]]);
  assert.deepEqual(toJson(Struct, fromJson(Struct, { a: { b: null } })), { a: { b: null } });
});

test("Value numbers: doubles, with out-of-range text refused and non-finite numbers unprintable", () => {
  assert.equal(roundTrip('{"wValue": 12345678901234567890}'), '{"wValue":12345678901234567000}');
  assert.equal(roundTrip('{"wValue": -0}'), '{"wValue":-0}');
  parseFails('{"wValue": 1e999}', "$.wValue: number out of range for google.protobuf.Value: 1e999 (line 1:12)");
  parseFails('{"wStruct": {"a": [1, -1e999]}}', "$.wStruct.a[1]: number out of range for google.protobuf.Value: -1e999 (line 1:23)");
  printFails(create(All, { wValue: create(Value, { kind: { case: "numberValue", value: NaN } }) }), "$.wValue: google.protobuf.Value cannot hold NaN in JSON");
  const inList = create(ListValue, { values: [create(Value, { kind: { case: "numberValue", value: Infinity } })] });
  printFails(create(All, { wListvalue: inList }), "$.wListvalue[0]: google.protobuf.Value cannot hold Infinity in JSON");
});

test("a Value with no kind cannot be printed", () => {
  printFails(create(All, { wValue: create(Value) }), "$.wValue: google.protobuf.Value has no kind set");
  const st = create(Struct, { fields: new Map([["k", create(Value)]]) });
  printFails(create(All, { wStruct: st }), "$.wStruct.k: google.protobuf.Value has no kind set");
});

test("Struct and ListValue need an object and an array", () => {
  parseFails('{"wStruct": []}', "$.wStruct: expected an object for google.protobuf.Struct, got array (line 1:13)");
  parseFails('{"wStruct": 1}', "$.wStruct: expected an object for google.protobuf.Struct, got number (line 1:13)");
  parseFails('{"wListvalue": {}}', "$.wListvalue: expected an array for google.protobuf.ListValue, got object (line 1:16)");
  // null for a Struct or ListValue field means unset.
  assert.equal(roundTrip('{"wStruct": null, "wListvalue": null}'), "{}");
});

test("Struct keys are map keys: __proto__ and friends are plain keys", () => {
  const json = '{"wStruct":{"__proto__":{"constructor":{"prototype":1}},"toString":"x"}}';
  assert.equal(roundTrip(json), json);
  assert.equal(({} as Record<string, unknown>)["constructor"], Object);
  const out = toJson(All, parse(json) as never) as { wStruct: Record<string, unknown> };
  assert.deepEqual(Object.keys(out.wStruct), ["__proto__", "toString"]);
  assert.equal(Object.getPrototypeOf(out.wStruct), Object.prototype);
});

test("Struct nesting is bounded by the depth limit", () => {
  const deep = (n: number) => '{"wValue":' + "[".repeat(n) + "]".repeat(n) + "}";
  assert.equal(roundTrip(deep(99)), deep(99));
  parseFails(deep(100), `$.wValue${"[0]".repeat(99)}: JSON nested deeper than 100 levels (line 1:110)`);
});
