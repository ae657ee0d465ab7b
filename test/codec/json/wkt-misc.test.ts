import { test } from "node:test";
import assert from "node:assert/strict";
import { create } from "../../../src/message/create.js";
import { All, messageType } from "./fixtures.js";
import { parse, parseFails, print, printFails, roundTrip } from "./helpers.js";

const FieldMask = messageType("google.protobuf.FieldMask");
const mask = (...paths: string[]) => create(All, { wFieldmask: create(FieldMask, { paths }) });

test("FieldMask: snake_case paths are written in lowerCamelCase, comma-separated", () => {
  assert.equal(print(mask("foo_bar", "baz.qux_quux", "a1")), '{"wFieldmask":"fooBar,baz.quxQuux,a1"}');
  assert.equal(print(mask()), '{"wFieldmask":""}');
  assert.deepEqual((parse('{"wFieldmask": "fooBar,baz.quxQuux"}')["wFieldmask"] as { paths: string[] }).paths, ["foo_bar", "baz.qux_quux"]);
  assert.deepEqual((parse('{"wFieldmask": ""}')["wFieldmask"] as { paths: string[] }).paths, []);
});

test("FieldMask: paths that do not round-trip cannot be written", () => {
  const why = "cannot be written in JSON (it must be lower_snake_case that round-trips through lowerCamelCase)";
  printFails(mask("fooBar"), `$.wFieldmask: FieldMask path "fooBar" ${why}`);
  printFails(mask("foo__bar"), `$.wFieldmask: FieldMask path "foo__bar" ${why}`);
  printFails(mask("foo_3_bar"), `$.wFieldmask: FieldMask path "foo_3_bar" ${why}`);
  printFails(mask("foo_"), `$.wFieldmask: FieldMask path "foo_" ${why}`);
});

test("FieldMask: invalid JSON paths", () => {
  const why = 'expected lowerCamelCase names separated by "."';
  parseFails('{"wFieldmask": "foo_bar"}', `$.wFieldmask: invalid FieldMask path "foo_bar": ${why} (line 1:16)`);
  parseFails('{"wFieldmask": "a,,b"}', `$.wFieldmask: invalid FieldMask path "": ${why} (line 1:16)`);
  parseFails('{"wFieldmask": "a..b"}', `$.wFieldmask: invalid FieldMask path "a..b": ${why} (line 1:16)`);
  parseFails('{"wFieldmask": "a b"}', `$.wFieldmask: invalid FieldMask path "a b": ${why} (line 1:16)`);
  parseFails('{"wFieldmask": ["a"]}', "$.wFieldmask: expected a string for google.protobuf.FieldMask, got array (line 1:16)");
});

test("wrappers: the bare wrapped value", () => {
  const json = '{"wDoublevalue":"NaN","wFloatvalue":0.1,"wInt64value":"-5","wUint64value":"18446744073709551615","wInt32value":-1,"wUint32value":4294967295,"wBoolvalue":false,"wStringvalue":"","wBytesvalue":"AQ=="}';
  assert.equal(roundTrip(json), json);
  // A wrapper set to its zero value is still set and printed.
  assert.equal(roundTrip('{"wInt32value": 0, "wStringvalue": ""}'), '{"wInt32value":0,"wStringvalue":""}');
  assert.equal(roundTrip('{"wInt64value": 7}'), '{"wInt64value":"7"}');
  assert.equal(roundTrip('{"wInt32value": null}'), "{}");
  assert.equal(roundTrip('{"rInt32Value": [1, "2"]}'), '{"rInt32Value":[1,2]}');
  parseFails('{"wInt32value": {"value": 1}}', "$.wInt32value: expected a number or a numeric string for int32, got object (line 1:17)");
  parseFails('{"wUint32value": -1}', "$.wUint32value: uint32 out of range: -1 (line 1:18)");
  parseFails('{"wBoolvalue": "true"}', "$.wBoolvalue: expected true or false for bool, got string (line 1:16)");
  parseFails('{"rInt32Value": [null]}', "$.rInt32Value[0]: null is not allowed as a list element of field r_int32_value (line 1:18)");
});

test("Empty is an empty object", () => {
  assert.equal(roundTrip('{"wEmpty": {}}'), '{"wEmpty":{}}');
  parseFails('{"wEmpty": {"x": 1}}', '$.wEmpty.x: unknown field "x" in message google.protobuf.Empty (line 1:13)');
  parseFails('{"wEmpty": 1}', "$.wEmpty: expected an object for message google.protobuf.Empty, got number (line 1:12)");
  assert.equal(roundTrip('{"wEmpty": null}'), "{}");
});
