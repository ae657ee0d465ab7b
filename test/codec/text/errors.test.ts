// Parse errors: protoc's messages and `LINE:COL` positions (fixtures from `protoc --encode`),
// and the inputs protoc accepts but the text format spec (and the conformance suite) rejects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TextFormatError } from "../../../src/codec/text/errors.js";
import { fromText } from "../../../src/codec/text/from-text.js";
import { errorFixtures, messageType, registry } from "./fixtures.js";

for (const f of errorFixtures) {
  test(`error: ${f.name} — as protoc reports it`, () => {
    assert.throws(
      () => fromText(messageType(f.type), f.input, { registry }),
      (e: unknown) => {
        assert.ok(e instanceof TextFormatError);
        assert.equal(e.message, f.error);
        const [line, column] = f.error.split(":").map(Number);
        assert.equal(e.line, line);
        assert.equal(e.column, column);
        return true;
      },
    );
  });
}

/** Asserts that parsing fails with `message` (position included). */
function rejects(type: string, input: string, message: string): void {
  assert.throws(() => fromText(messageType(type), input, { registry }), (e: unknown) => e instanceof TextFormatError && e.message === message);
}

test("error: \\u and \\U escapes naming surrogates are rejected, alone or paired", () => {
  const msg = (col: number, cp: string) => `1:${col}: Unicode escape names a surrogate code point (0x${cp}), which is not a character.`;
  rejects("texttest.All", String.raw`s: "\ud800"`, msg(6, "d800"));
  rejects("texttest.All", String.raw`by: "\udc00"`, msg(7, "dc00"));
  rejects("texttest.All", String.raw`s: "\ud801\udc37"`, msg(6, "d801"));
  rejects("texttest.All", String.raw`s: "\U0000d800"`, msg(6, "d800"));
  rejects("texttest.All", String.raw`s: "\U0000d801\udc37"`, msg(6, "d801"));
});

test("error: \\U escapes above 0x10ffff are rejected", () => {
  rejects("texttest.All", String.raw`s: "\U00110000"`, "1:6: Expected eight hex digits up to 10ffff for \\U escape sequence");
  rejects("texttest.All", String.raw`s: "\U001fffff"`, "1:6: Expected eight hex digits up to 10ffff for \\U escape sequence");
});

test("error: invalid UTF-8 in a string field that requires valid UTF-8 (protoc accepts it)", () => {
  rejects("texttest3.Scalars", String.raw`s: "\300"`, '1:4: String field "s" contains invalid UTF-8 data.');
  rejects("texttest3.Scalars", String.raw`s: "ok" "\xc0"`, '1:4: String field "s" contains invalid UTF-8 data.');
  // bytes take any bytes; proto2 strings and utf8_validation = NONE are not checked
  assert.deepEqual(fromText(messageType("texttest3.Scalars"), String.raw`by: "\300"`)["by" as never], new Uint8Array([0xc0]));
  fromText(messageType("texttested.Outer"), String.raw`checked: "\300"`);
});

test("error: nesting deeper than the limit (default 100) is an error, not a stack overflow", () => {
  const all = messageType("texttest.All");
  const nested = (n: number) => "recursive { ".repeat(n) + "}".repeat(n);
  fromText(all, nested(100));
  rejects("texttest.All", nested(101), "1:1213: Message is too deep, the parser exceeded the configured recursion limit of 100.");
  assert.throws(() => fromText(all, nested(11), { maxDepth: 10 }), /recursion limit of 10\./);
  // skipped values and reserved fields count too
  assert.throws(() => fromText(all, "gone " + "{ a ".repeat(200_000)), /recursion limit of 100/);
  assert.throws(() => fromText(all, "recursive < ".repeat(200_000)), /recursion limit of 100/);
});

test("error: the conformance suite's separator and list cases", () => {
  rejects("texttest.All", "i32: 1,,", "1:8: Expected identifier, got: ,");
  rejects("texttest.All", "r_i32: [1;2]", "1:10: Expected \",\", found \";\".");
  rejects("texttest.All", "r_i32: [1,,2]", "1:11: Expected integer, got: ,");
  rejects("texttest.All", "r_s: ['a',]", "1:11: Expected string, got: ]");
  rejects("texttest.All", "nested { a: 1;; }", "1:15: Expected identifier, got: ;");
});

test("error: values that do not fit their field", () => {
  rejects("texttest.All", "u64: -1", "1:6: Expected integer, got: -");
  rejects("texttest.All", "i64: -9223372036854775809", "1:7: Integer out of range (9223372036854775809)");
  rejects("texttest.All", "u32: 0x100000000", "1:6: Integer out of range (0x100000000)");
  rejects("texttest.All", "i32: 020000000000", "1:6: Integer out of range (020000000000)");
  rejects("texttest.All", "fl: -0x1", "1:6: Expect a decimal number, got: 0x1");
  rejects("texttest.All", "fl: -foo", "1:6: Expected double, got: foo");
  rejects("texttest.All", "s: x", "1:4: Expected string, got: x");
  rejects("texttest.All", "color: -", "1:9: Expected integer, got: ");
});

test("error: TextFormatError carries the position as data", () => {
  try {
    fromText(messageType("texttest.All"), "\n\n   i32: x");
    assert.fail("accepted");
  } catch (e) {
    assert.ok(e instanceof TextFormatError);
    assert.equal(e.line, 3);
    assert.equal(e.column, 9);
    assert.equal(e.reason, "Expected integer, got: x");
    assert.equal(e.name, "TextFormatError");
  }
});

test("error: codes classify errors for programs", () => {
  const code = (type: string, input: string) => {
    try {
      fromText(messageType(type), input, { registry });
    } catch (e) {
      assert.ok(e instanceof TextFormatError);
      return e.code;
    }
    return "accepted";
  };
  assert.equal(code("texttest.All", "i32 1"), "syntax");
  assert.equal(code("texttest.All", "s: 'abc"), "syntax");
  assert.equal(code("texttest.All", "zz: 1"), "unknown-field");
  assert.equal(code("texttest.All", "[no.ext]: 1"), "unknown-field");
  assert.equal(code("texttest.All", "any { [x.y/no.Type] {} }"), "unknown-field");
  assert.equal(code("texttest.All", "i32: 2147483648"), "invalid-value");
  assert.equal(code("texttest.All", "color: PURPLE"), "invalid-value");
  assert.equal(code("texttest3.Scalars", "s: '\\300'"), "invalid-value");
  assert.equal(code("texttest.All", "i32: 1 i32: 2"), "duplicate-field");
  assert.equal(code("texttest.All", "o_int: 1 o_str: ''"), "duplicate-field");
  assert.equal(code("texttest.All", "recursive {".repeat(101)), "too-deep");
});
