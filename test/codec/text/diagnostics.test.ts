// Every error and warning, as protoc --encode reports them (fixtures/diagnostics.json): with
// collectErrors the parser goes on after the tokenizer's errors; onWarning reports deprecated fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TextFormatError, type TextDiagnostic } from "../../../src/codec/text/errors.js";
import { fromText } from "../../../src/codec/text/from-text.js";
import { diagnosticFixtures, messageType, registry } from "./fixtures.js";

const line = (d: TextDiagnostic) => `${d.line}:${d.column}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`;

for (const f of diagnosticFixtures) {
  const input = new Uint8Array(Buffer.from(f.input, "latin1"));
  test(`diagnostics: ${f.name} — every line protoc prints`, () => {
    const warnings: TextDiagnostic[] = [];
    let lines: string[];
    try {
      fromText(messageType(f.type), input, { registry, collectErrors: true, onWarning: (w) => warnings.push(w) });
      assert.ok(f.ok, "accepted");
      lines = warnings.map(line);
    } catch (e) {
      assert.ok(e instanceof TextFormatError);
      assert.ok(!f.ok, `rejected: ${e.message}`);
      lines = e.diagnostics.map(line);
      // the error thrown is the first one; onWarning saw the warnings before it
      assert.equal(line({ ...e, severity: "error", message: e.reason }), lines.find((l) => !/^\d+:\d+: warning: /.test(l)));
      assert.deepEqual(warnings.map(line), lines.filter((l) => /^\d+:\d+: warning: /.test(l)).slice(0, warnings.length));
    }
    assert.deepEqual(lines, f.lines);
  });

  test(`diagnostics: ${f.name} — without collectErrors, the first error`, () => {
    const firstError = f.lines.find((l) => !/^\d+:\d+: warning: /.test(l));
    try {
      fromText(messageType(f.type), input, { registry });
      assert.equal(firstError, undefined);
    } catch (e) {
      assert.ok(e instanceof TextFormatError);
      assert.equal(e.message, firstError);
      assert.equal(e.diagnostics.at(-1)!.message, e.reason);
    }
  });
}

test("diagnostics: warnings come with positions and do not stop parsing", () => {
  const warnings: TextDiagnostic[] = [];
  const m = fromText(messageType("texttest.All"), "i32: 1\n  old: 2 [texttest.ext_old]: 3", { registry, onWarning: (w) => warnings.push(w) });
  assert.equal((m as unknown as { old: number }).old, 2);
  assert.deepEqual(warnings, [
    { severity: "warning", line: 2, column: 6, message: 'text format contains deprecated field "old"' },
    { severity: "warning", line: 2, column: 28, message: 'text format contains deprecated field "texttest.ext_old"' },
  ]);
});

test("diagnostics: skipped unknown fields and extensions are warnings, as in protoc", () => {
  const warnings: string[] = [];
  fromText(messageType("texttest.All"), "zz: 1 [no.ext] { } gone: 2", { registry, ignoreUnknownFields: true, onWarning: (w) => warnings.push(line(w)) });
  assert.deepEqual(warnings, [
    '1:3: warning: Message type "texttest.All" has no field named "zz".',
    '1:16: warning: Ignoring extension "no.ext" which is not defined or is not an extension of "texttest.All".',
  ]);
});

test("diagnostics: a parser error after tokenizer errors keeps its code; the first error is the one thrown", () => {
  try {
    fromText(messageType("texttest.All"), "s: 'a\\qb' zz: 1", { collectErrors: true });
    assert.fail("accepted");
  } catch (e) {
    assert.ok(e instanceof TextFormatError);
    assert.equal(e.message, "1:7: Invalid escape sequence in string literal.");
    assert.equal(e.code, "syntax");
    assert.deepEqual(e.diagnostics.map(line), ["1:7: Invalid escape sequence in string literal.", '1:13: Message type "texttest.All" has no field named "zz".']);
  }
});
