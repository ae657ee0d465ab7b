import { test } from "node:test";
import assert from "node:assert/strict";
import { create } from "../../../src/message/create.js";
import { All } from "./fixtures.js";
import { parse, parseFails, print, roundTrip } from "./helpers.js";

test("32-bit integers: numbers, numeric strings, exponent forms, range", () => {
  assert.equal(parse('{"sInt32": -2147483648}')["sInt32"], -2147483648);
  assert.equal(parse('{"sInt32": "2147483647"}')["sInt32"], 2147483647);
  assert.equal(parse('{"sInt32": 1e5}')["sInt32"], 100000);
  assert.equal(parse('{"sInt32": "1.5e1"}')["sInt32"], 15);
  assert.equal(parse('{"sInt32": 100.000}')["sInt32"], 100);
  assert.equal(parse('{"sInt32": 2.147483647e9}')["sInt32"], 2147483647);
  assert.ok(Object.is(parse('{"sInt32": -0}')["sInt32"], 0));
  assert.equal(parse('{"sUint32": 4294967295, "sFixed32": "4294967295"}')["sFixed32"], 4294967295);
  assert.equal(parse('{"sSint32": -5, "sSfixed32": -6}')["sSfixed32"], -6);
  parseFails('{"sInt32": 2147483648}', "$.sInt32: int32 out of range: 2147483648 (line 1:12)");
  parseFails('{"sInt32": "-2147483649"}', '$.sInt32: int32 out of range: "-2147483649" (line 1:12)');
  parseFails('{"sInt32": 1e10}', "$.sInt32: int32 out of range: 1e10 (line 1:12)");
  parseFails('{"sUint32": -1}', "$.sUint32: uint32 out of range: -1 (line 1:13)");
  parseFails('{"sFixed32": 4294967296}', "$.sFixed32: fixed32 out of range: 4294967296 (line 1:14)");
  parseFails('{"sInt32": 0.5}', "$.sInt32: int32 must be an integer, got 0.5 (line 1:12)");
  parseFails('{"sInt32": 1e-1}', "$.sInt32: int32 must be an integer, got 1e-1 (line 1:12)");
  parseFails('{"sInt32": " 1"}', '$.sInt32: invalid int32: " 1" (line 1:12)');
  parseFails('{"sInt32": "01"}', '$.sInt32: invalid int32: "01" (line 1:12)');
  parseFails('{"sInt32": "0x1"}', '$.sInt32: invalid int32: "0x1" (line 1:12)');
  parseFails('{"sInt32": ""}', '$.sInt32: invalid int32: "" (line 1:12)');
  parseFails('{"sInt32": true}', "$.sInt32: expected a number or a numeric string for int32, got boolean (line 1:12)");
  parseFails('{"sSint32": [1]}', "$.sSint32: expected a number or a numeric string for sint32, got array (line 1:13)");
});

test("64-bit integers: exact beyond 2^53, printed as strings", () => {
  const m = parse('{"sInt64": 9223372036854775807, "sUint64": "18446744073709551615", "sSint64": -9223372036854775808, "sFixed64": 1e19, "sSfixed64": "-1"}');
  assert.equal(m["sInt64"], 9223372036854775807n);
  assert.equal(m["sUint64"], 18446744073709551615n);
  assert.equal(m["sSint64"], -9223372036854775808n);
  assert.equal(m["sFixed64"], 10000000000000000000n);
  assert.equal(m["sSfixed64"], -1n);
  assert.equal(
    roundTrip('{"sInt64": 9007199254740993, "sUint64": 18446744073709551615}'),
    '{"sInt64":"9007199254740993","sUint64":"18446744073709551615"}',
  );
  parseFails('{"sInt64": 9223372036854775808}', "$.sInt64: int64 out of range: 9223372036854775808 (line 1:12)");
  parseFails('{"sUint64": "18446744073709551616"}', '$.sUint64: uint64 out of range: "18446744073709551616" (line 1:13)');
  parseFails('{"sUint64": -1}', "$.sUint64: uint64 out of range: -1 (line 1:13)");
  parseFails('{"sInt64": 1e400}', "$.sInt64: int64 out of range: 1e400 (line 1:12)");
  parseFails('{"sInt64": 1e99999999999}', "$.sInt64: int64 out of range: 1e99999999999 (line 1:12)");
  parseFails('{"sInt64": 1.5}', "$.sInt64: int64 must be an integer, got 1.5 (line 1:12)");
  parseFails('{"sInt64": 1e-99999999999}', "$.sInt64: int64 must be an integer, got 1e-99999999999 (line 1:12)");
  assert.equal(parse('{"sInt64": 0e99999999999}')["sInt64"], 0n);
  parseFails('{"sInt64": "abc"}', '$.sInt64: invalid int64: "abc" (line 1:12)');
});

test("floats and doubles: special values, exponents, range, -0", () => {
  const m = parse('{"sDouble": "NaN", "sFloat": "-Infinity", "rDouble": [1e308, "Infinity", "-2.5", "1e2", -0]}');
  assert.ok(Number.isNaN(m["sDouble"]));
  assert.equal(m["sFloat"], -Infinity);
  assert.deepEqual(m["rDouble"], [1e308, Infinity, -2.5, 100, -0]);
  assert.ok(Object.is((m["rDouble"] as number[])[4], -0));
  assert.equal(print(m as never), '{"sDouble":"NaN","sFloat":"-Infinity","rDouble":[1e+308,"Infinity",-2.5,100,-0]}');
  assert.equal(roundTrip('{"sDouble": -0}'), '{"sDouble":-0}');
  parseFails('{"sDouble": 1e309}', "$.sDouble: double out of range: 1e309 (line 1:13)");
  parseFails('{"sDouble": "-1e309"}', '$.sDouble: double out of range: "-1e309" (line 1:13)');
  parseFails('{"sFloat": 3.5e38}', "$.sFloat: float out of range: 3.5e38 (line 1:12)");
  parseFails('{"sFloat": -3.5e38}', "$.sFloat: float out of range: -3.5e38 (line 1:12)");
  assert.equal(parse('{"sFloat": 3.4028235e38}')["sFloat"], 3.4028234663852886e38);
  parseFails('{"sDouble": "nan"}', '$.sDouble: invalid double: "nan" (line 1:13)');
  parseFails('{"sDouble": " 1"}', '$.sDouble: invalid double: " 1" (line 1:13)');
  parseFails('{"sFloat": {}}', "$.sFloat: expected a number or a numeric string for float, got object (line 1:12)");
});

test("floats print as the shortest decimal of the float32 value", () => {
  assert.equal(roundTrip('{"sFloat": 0.1, "rFloat": [1.1, 3.4028235e38, 1e-45, 16777217, 0.3333333333]}'), '{"sFloat":0.1,"rFloat":[1.1,3.4028235e+38,1e-45,16777216,0.33333334]}');
  assert.equal(print(create(All, { sDouble: 0.1, sFloat: 0.1 })), '{"sDouble":0.1,"sFloat":0.1}');
});

test("bools, strings and bytes", () => {
  assert.equal(roundTrip('{"sBool": true, "sString": "\\u00e9\\"\\n😀"}'), '{"sBool":true,"sString":"é\\"\\n😀"}');
  parseFails('{"sBool": "true"}', "$.sBool: expected true or false for bool, got string (line 1:11)");
  parseFails('{"sBool": 1}', "$.sBool: expected true or false for bool, got number (line 1:11)");
  parseFails('{"sString": 1}', "$.sString: expected a string for string, got number (line 1:13)");
  assert.deepEqual(parse('{"sBytes": "AQID"}')["sBytes"], new Uint8Array([1, 2, 3]));
  assert.deepEqual(parse('{"rBytes": ["-_8", "-_8=", "+/8=", "", "AA"]}')["rBytes"], [
    new Uint8Array([251, 255]),
    new Uint8Array([251, 255]),
    new Uint8Array([251, 255]),
    new Uint8Array([]),
    new Uint8Array([0]),
  ]);
  assert.equal(print(create(All, { sBytes: new Uint8Array([251, 255, 1]) })), '{"sBytes":"+/8B"}');
  assert.equal(print(create(All, { sBytes: new Uint8Array([251]) })), '{"sBytes":"+w=="}');
  parseFails('{"sBytes": "A"}', '$.sBytes: invalid base64 for bytes: "A" (line 1:12)');
  parseFails('{"sBytes": "AQ*D"}', '$.sBytes: invalid base64 for bytes: "AQ*D" (line 1:12)');
  parseFails('{"sBytes": "AQ==="}', '$.sBytes: invalid base64 for bytes: "AQ===" (line 1:12)');
  parseFails('{"sBytes": [1]}', "$.sBytes: expected a base64 string for bytes, got array (line 1:12)");
});

test("strings holding lone surrogates cannot be written", () => {
  assert.throws(() => print(create(All, { sString: "a\ud800" })), { message: "$.sString: string holds a lone surrogate" });
  assert.throws(() => print(create(All, { mapStringInt32: new Map([["\udc00", 1]]) })), { message: "$.mapStringInt32: map key holds a lone surrogate" });
});

test("enums: names, numbers, unknown names, enumAsInteger", () => {
  assert.equal(parse('{"color": "GREEN"}')["color"], 2);
  assert.equal(parse('{"color": 1}')["color"], 1);
  assert.equal(parse('{"color": 7}')["color"], 7);
  assert.equal(roundTrip('{"color": 7, "colors": ["RED", 2, 9]}'), '{"color":7,"colors":["RED","GREEN",9]}');
  assert.equal(print(create(All, { color: 2, colors: [1] }), { enumAsInteger: true }), '{"color":2,"colors":[1]}');
  parseFails('{"color": "BLUE"}', '$.color: unknown value "BLUE" for enum test.Color (line 1:11)');
  parseFails('{"color": "red"}', '$.color: unknown value "red" for enum test.Color (line 1:11)');
  parseFails('{"color": 1.5}', "$.color: enum test.Color must be an integer, got 1.5 (line 1:11)");
  parseFails('{"color": 2147483648}', "$.color: enum test.Color out of range: 2147483648 (line 1:11)");
  parseFails('{"color": true}', "$.color: expected a name or number for enum test.Color, got boolean (line 1:11)");
  // ignoreUnknownFields skips unknown enum names: the field, list element or map entry is left out.
  const m = parse('{"color": "BLUE", "colors": ["RED", "BLUE", "GREEN"], "mapStringColor": {"a": "BLUE", "b": "RED"}}', { ignoreUnknownFields: true });
  assert.equal(m["color"], 0);
  assert.deepEqual(m["colors"], [1, 2]);
  assert.deepEqual(m["mapStringColor"], new Map([["b", 1]]));
});

test("NullValue fields: null is their value", () => {
  assert.equal(parse('{"nullValue": null}')["nullValue"], 0);
  assert.equal(parse('{"nullValue": "NULL_VALUE"}')["nullValue"], 0);
  assert.deepEqual(parse('{"cNull": null}')["choice"], { case: "cNull", value: 0 });
  assert.equal(roundTrip('{"cNull": null}'), '{"cNull":null}');
  assert.equal(print(create(All), { emitDefaultValues: true }).includes('"nullValue":null'), true);
});

test("an ignored unknown enum name leaves a oneof free for another member", () => {
  // c_null is the only enum member of the oneof; an unknown name for it is skipped.
  const m = parse('{"cNull": "NOPE", "cString": "x"}', { ignoreUnknownFields: true });
  assert.deepEqual(m["choice"], { case: "cString", value: "x" });
});
