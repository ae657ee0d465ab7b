// The printer against protoc: every fixture's text was printed by `protoc --decode` (or
// `--decode_raw`) from the same bytes; see fixtures/record.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fromBinary } from "../../../src/codec/binary/from-binary.js";
import { fromText } from "../../../src/codec/text/from-text.js";
import { toText } from "../../../src/codec/text/to-text.js";
import { TextFormatError } from "../../../src/codec/text/errors.js";
import { fromHex, messageType, printFixtures, rawFixtures, registry } from "./fixtures.js";

/** Text with unknown fields (`12: …`, `12 {`) cannot be parsed back without field numbers. */
const hasUnknownFields = (text: string) => /^\s*\d+(:| \{)/m.test(text);

for (const f of printFixtures) {
  const desc = messageType(f.type);

  test(`print: ${f.name} — binary input prints as protoc --decode`, () => {
    assert.equal(toText(desc, fromBinary(desc, fromHex(f.hex)), { registry }), f.text);
  });

  if (f.input !== undefined) {
    const input = f.input;
    test(`print: ${f.name} — parsed input prints as protoc --encode | --decode`, () => {
      assert.equal(toText(desc, fromText(desc, input, { registry }), { registry }), f.text);
    });
  }

  if (!hasUnknownFields(f.text)) {
    test(`print: ${f.name} — protoc's output parses back to the same text`, () => {
      assert.equal(toText(desc, fromText(desc, f.text, { registry }), { registry }), f.text);
    });
  }
}

const empty = messageType("texttest.Empty");
for (const f of rawFixtures) {
  test(`unknown fields: ${f.name} — prints as protoc --decode_raw`, () => {
    assert.equal(toText(empty, fromBinary(empty, fromHex(f.hex))), f.text);
  });
}

test("print: the fixtures cover the kinds they claim to", () => {
  assert.ok(printFixtures.length >= 30);
  assert.ok(rawFixtures.length >= 10);
  const floats = printFixtures.find((f) => f.name === "float bit patterns");
  assert.ok(floats && floats.text.split("\n").length > 500);
});

test("print: a value of the wrong type fails, naming where and what, rather than printing something else", () => {
  const desc = messageType("texttest.All");
  const m = fromText(desc, "i32: 1 r_nested { } r_nested { }") as unknown as Record<string, unknown>;
  ((m.rNested as Record<string, unknown>[])[1]!).a = "7";
  assert.throws(
    () => toText(desc, m as never),
    (e: unknown) => e instanceof TextFormatError && e.code === "invalid-value" && e.line === 0 && e.message === `texttest.All.r_nested[1].a: expected a number (int32), got the string "7"`,
  );
  m.rNested = [];
  m.i32 = 2.5;
  assert.throws(() => toText(desc, m as never), /^TextFormatError: texttest\.All\.i32: expected an integer from -2147483648 to 2147483647 \(int32\), got the number 2\.5$/);
});
