import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../support/protoc.js";

// A sample of scripts/codegen-typecheck.mjs, which covers all of google-proto-files: 100 files
// spread over the corpus, plus everything they import, generated and type-checked.
test("code generated for ~100 files of google-proto-files (and their imports) type-checks under tsc --strict", () => {
  const res = spawnSync(process.execPath, [join(repoRoot, "scripts/codegen-typecheck.mjs"), "--sample", "100", "--json"], { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 26 });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  const summary = JSON.parse(res.stdout) as { sampled: number; files: number; generated: number; pluginFailed: number; tscErrors: number; modules: number };
  assert.equal(summary.sampled, 100);
  assert.ok(summary.files >= 100, `files: ${summary.files}`);
  assert.equal(summary.pluginFailed, 0);
  assert.equal(summary.generated, summary.files);
  assert.equal(summary.tscErrors, 0);
  assert.equal(summary.modules, summary.files);
});
