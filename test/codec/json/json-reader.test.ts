import { test } from "node:test";
import assert from "node:assert/strict";
import { parseJsonText, JsonError } from "../../../src/codec/json/index.js";
import { nodeFromValue } from "../../../src/codec/json/json-from-value.js";
import { stringifyJson } from "../../../src/codec/json/json-writer.js";

function fails(text: string, message: string, code: string): void {
  assert.throws(() => parseJsonText(text), (e: unknown) => {
    assert.ok(e instanceof JsonError);
    assert.equal(e.message, message);
    assert.equal(e.code, code);
    return true;
  });
}

test("parses every JSON type, keeping number text and member order", () => {
  const node = parseJsonText(' {"b": [1, -0, 1.5e300, 9223372036854775807], "a": {"x": null, "y": true, "z": false}, "s": "\\u00e9\\n\\ud83d\\ude00"} ');
  assert.deepEqual(node, {
    kind: "object",
    at: 1,
    members: [
      {
        key: "b",
        keyAt: 2,
        value: {
          kind: "array",
          at: 7,
          items: [
            { kind: "number", text: "1", at: 8 },
            { kind: "number", text: "-0", at: 11 },
            { kind: "number", text: "1.5e300", at: 15 },
            { kind: "number", text: "9223372036854775807", at: 24 },
          ],
        },
      },
      {
        key: "a",
        keyAt: 46,
        value: {
          kind: "object",
          at: 51,
          members: [
            { key: "x", keyAt: 52, value: { kind: "null", at: 57 } },
            { key: "y", keyAt: 63, value: { kind: "bool", value: true, at: 68 } },
            { key: "z", keyAt: 74, value: { kind: "bool", value: false, at: 79 } },
          ],
        },
      },
      { key: "s", keyAt: 87, value: { kind: "string", value: "é\n😀", at: 92 } },
    ],
  });
});

test("trailing garbage", () => {
  fails('{"a": 1} x', '$: unexpected character "x" after the JSON value (line 1:10)', "syntax");
  fails("{} {}", '$: unexpected character "{" after the JSON value (line 1:4)', "syntax");
  fails("1 2", '$: unexpected character "2" after the JSON value (line 1:3)', "syntax");
});

test("duplicate keys, at any depth", () => {
  fails('{"a": 1, "a": 2}', '$.a: duplicate key "a" (line 1:10)', "duplicate");
  fails('{"o": {"x y": 1,\n "x y": 2}}', '$.o["x y"]: duplicate key "x y" (line 2:2)', "duplicate");
  // Keys are compared after unescaping.
  fails('{"ab": 1, "\\u0061b": 2}', '$.ab: duplicate key "ab" (line 1:11)', "duplicate");
  // Objects with many keys use a set.
  const many = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`).join(", ");
  fails(`{${many}, "k7": 0}`, '$.k7: duplicate key "k7" (line 1:422)', "duplicate");
});

test("malformed tokens", () => {
  fails("", "$: unexpected end of input, expected a JSON value (line 1:1)", "syntax");
  fails("{", '$: unexpected end of input, expected a string key (line 1:2)', "syntax");
  fails('{"a" 1}', '$.a: unexpected character "1", expected ":" (line 1:6)', "syntax");
  fails('{"a": 1,}', '$: unexpected character "}", expected a string key (line 1:9)', "syntax");
  fails("[1,]", "$[1]: unexpected character \"]\", expected a JSON value (line 1:4)", "syntax");
  fails("[1 2]", '$: unexpected character "2", expected "," or "]" (line 1:4)', "syntax");
  fails("{'a': 1}", "$: unexpected character \"'\", expected a string key (line 1:2)", "syntax");
  fails('{"a": tru}', '$.a: unexpected character "t", expected a JSON value (line 1:7)', "syntax");
  fails('{"a": nulls}', '$.a: unexpected character "n", expected a JSON value (line 1:7)', "syntax");
  fails('{"a": NaN}', '$.a: unexpected character "N", expected a JSON value (line 1:7)', "syntax");
  fails('{"a": Infinity}', '$.a: unexpected character "I", expected a JSON value (line 1:7)', "syntax");
});

test("numbers must follow the JSON grammar", () => {
  for (const bad of ["01", "-01", "1.", "-", "1e", "1e+", "0x10", "1.5.2", "--1", "1_000", "1-2", "2a"]) {
    fails(`[${bad}]`, "$[0]: invalid number (line 1:2)", "syntax");
  }
  fails("[+1]", '$[0]: unexpected character "+", expected a JSON value (line 1:2)', "syntax");
  fails("[.5]", '$[0]: unexpected character ".", expected a JSON value (line 1:2)', "syntax");
  for (const good of ["0", "-0", "0.5", "1e5", "1E+5", "1e-5", "-1.25E-10", "123456789012345678901234567890"]) {
    assert.deepEqual(parseJsonText(good), { kind: "number", text: good, at: 0 });
  }
});

test("strings: escapes, control characters and surrogates", () => {
  assert.deepEqual(parseJsonText('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9"'), { kind: "string", value: '"\\/\b\f\n\r\tAé', at: 0 });
  fails('"abc', "$: unterminated string (line 1:1)", "syntax");
  fails('"a\nb"', "$: unescaped control character U+000A in string (line 1:3)", "syntax");
  fails('"\\x41"', "$: invalid escape sequence in string (line 1:2)", "syntax");
  fails('"\\U0041"', "$: invalid escape sequence in string (line 1:2)", "syntax");
  fails('"\\u00G1"', "$: invalid \\u escape in string (line 1:2)", "syntax");
  fails('"\\u12"', "$: invalid \\u escape in string (line 1:2)", "syntax");
  fails('{"s": "\\ud83d"}', "$.s: lone surrogate in string (line 1:8)", "encoding");
  fails('{"s": "\\ude00\\ud83d"}', "$.s: lone surrogate in string (line 1:8)", "encoding");
  fails('{"s": "\\ud83d\\u0041"}', "$.s: lone surrogate in string (line 1:8)", "encoding");
  fails('{"s": "x\ud83d"}', "$.s: lone surrogate in string (line 1:9)", "encoding");
  fails('{"s": "\ude00"}', "$.s: lone surrogate in string (line 1:8)", "encoding");
  fails('{"\ud83d": 1}', "$: lone surrogate in string (line 1:3)", "encoding");
  assert.deepEqual(parseJsonText('"😀"'), { kind: "string", value: "😀", at: 0 });
});

test("nesting is limited to 100 levels", () => {
  const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
  assert.equal(parseJsonText(nested(100)).kind, "array");
  fails(nested(101), `$${"[0]".repeat(100)}: JSON nested deeper than 100 levels (line 1:101)`, "depth");
  const objects = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
  assert.equal(parseJsonText(objects(100)).kind, "object");
  fails(objects(101), `$${".a".repeat(100)}: JSON nested deeper than 100 levels (line 1:501)`, "depth");
  assert.throws(() => parseJsonText(nested(3), 2), /JSON nested deeper than 2 levels/);
  // Deep input does not overflow the stack.
  fails(nested(100000), `$${"[0]".repeat(100)}: JSON nested deeper than 100 levels (line 1:101)`, "depth");
});

test("positions count lines and columns", () => {
  fails('{\n  "a": 1,\n  "b": [1, 2,\n    x]\n}', '$.b[2]: unexpected character "x", expected a JSON value (line 4:5)', "syntax");
});

test("plain values: what JSON cannot hold is refused", () => {
  const conv = (v: unknown) => () => nodeFromValue(v, 100);
  assert.throws(conv({ a: [1, NaN] }), { message: "$.a[1]: NaN is not a JSON number" });
  assert.throws(conv({ a: Infinity }), { message: "$.a: Infinity is not a JSON number" });
  assert.throws(conv({ a: undefined }), { message: "$.a: a value of type undefined is not JSON" });
  assert.throws(conv({ a: 1n }), { message: "$.a: a value of type bigint is not JSON" });
  assert.throws(conv({ a: new Date(0) }), { message: "$.a: not a plain JSON object" });
  assert.throws(conv({ a: "\ud800" }), { message: "$.a: lone surrogate in string" });
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  assert.throws(conv(cyclic), { message: `$${".self".repeat(100)}: JSON nested deeper than 100 levels` });
  assert.deepEqual(nodeFromValue({ n: -0, m: 1e21 }, 100), {
    kind: "object",
    at: -1,
    members: [
      { key: "n", keyAt: -1, value: { kind: "number", text: "-0", at: -1 } },
      { key: "m", keyAt: -1, value: { kind: "number", text: "1e+21", at: -1 } },
    ],
  });
});

test("stringify keeps -0 and pretty-prints", () => {
  assert.equal(stringifyJson({ a: [1, "x", null, true] }), '{"a":[1,"x",null,true]}');
  assert.equal(stringifyJson({ a: -0, b: [-0] }), '{"a":-0,"b":[-0]}');
  assert.equal(stringifyJson({ a: -0, b: [1, {}], c: [] }, 2), '{\n  "a": -0,\n  "b": [\n    1,\n    {}\n  ],\n  "c": []\n}');
  assert.equal(stringifyJson({ a: 1, b: [1, {}] }, 2), '{\n  "a": 1,\n  "b": [\n    1,\n    {}\n  ]\n}');
  assert.throws(() => stringifyJson({ a: NaN }), { message: "$: NaN cannot be written as a JSON number" });
});
