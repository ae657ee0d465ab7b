import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../src/compiler/compile.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { repoRoot } from "./helpers.js";

interface Case {
  name: string;
  files: Record<string, string>;
  input: string;
  ok: boolean;
  stderr: string[];
}

const table = JSON.parse(readFileSync(join(repoRoot, "test/compiler/link-errors.json"), "utf8")) as { cases: Case[] };
const include = join(repoRoot, "node_modules/protoc/include");

/** Reads the case's files, then protoc's bundled includes. */
function reader(files: Record<string, string>) {
  return (path: string): string | Uint8Array | undefined => {
    if (path in files) return files[path];
    const disk = join(include, path);
    return existsSync(disk) ? readFileSync(disk) : undefined;
  };
}

test("the link error table has cases recorded from protoc", () => {
  assert.ok(table.cases.length >= 70);
});

for (const c of table.cases) {
  test(`protoc diagnostics: ${c.name}`, () => {
    const r = compile({ files: [c.input], readFile: reader(c.files) });
    assert.deepEqual(r.diagnostics.map(formatDiagnostic), c.stderr);
    assert.equal(r.ok, c.ok);
  });
}
