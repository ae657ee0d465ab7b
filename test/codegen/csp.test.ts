import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../support/protoc.js";

// Generated code must work where code cannot be compiled at run time (a Content-Security-Policy
// without 'unsafe-eval'): node --disallow-code-generation-from-strings makes `new Function` throw.
test("generated code runs with code generation from strings disallowed", () => {
  const program = [
    `const { runtimeCompilationAvailable } = await import(${JSON.stringify(join(repoRoot, "dist/src/codec/binary/compile.js"))});`,
    `const { codecFor } = await import(${JSON.stringify(join(repoRoot, "dist/src/codec/binary/codec.js"))});`,
    `const pf = await import("protoforge");`,
    `const wkt = await import("protoforge/wkt");`,
    `const v = pf.create(wkt.ValueSchema, { kind: { case: "structValue", value: { fields: new Map([["n", { kind: { case: "numberValue", value: 2 } }]]) } } });`,
    `const back = pf.fromBinary(wkt.ValueSchema, pf.toBinary(wkt.ValueSchema, v));`,
    `const generated = /readFieldSlow\\(ValueSchema/.test(codecFor(wkt.ValueSchema).decode.toString());`,
    `console.log(JSON.stringify({ compile: runtimeCompilationAvailable(), json: pf.toJsonString(wkt.ValueSchema, back), generated }));`,
  ].join("\n");
  const res = spawnSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", program], { cwd: repoRoot, encoding: "utf8" });
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { compile: false, json: '{"n":2}', generated: true });
});
