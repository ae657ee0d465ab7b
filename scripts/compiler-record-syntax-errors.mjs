#!/usr/bin/env node
// Re-records the expected diagnostics in test/compiler/syntax-errors.json by running real protoc
// on every case's source. Usage: node scripts/compiler-record-syntax-errors.mjs [path/to/protoc]
// A case's "source" is a byte string (one char per byte); its "expected" list is rewritten from
// protoc's stderr: { line, column, message } 1-based as printed, "warning": true for warnings.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tablePath = join(root, "test/compiler/syntax-errors.json");
const protoc = process.argv[2] ?? join(root, "node_modules/protoc/bin/protoc-linux-x86_64");

const table = JSON.parse(readFileSync(tablePath, "utf8"));
const version = spawnSync(protoc, ["--version"], { encoding: "utf8" }).stdout.trim();
table.protoc = version;

const dir = mkdtempSync(join(tmpdir(), "protoforge-syntax-"));
try {
  for (const c of table.cases) {
    writeFileSync(join(dir, "x.proto"), Buffer.from(c.source, "latin1"));
    const r = spawnSync(protoc, ["-I.", "x.proto", "-o", "/dev/null"], { cwd: dir, encoding: "latin1" });
    c.expected = r.stderr
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => parseLine(c.name, l));
    c.exitCode = r.status;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(tablePath, JSON.stringify(table, null, 1) + "\n");
console.log(`recorded ${table.cases.length} cases with ${version}`);

/** Parses one protoc diagnostic line: `x.proto:L:C: [warning: ]message` or `x.proto: message`. */
function parseLine(name, line) {
  const m = /^x\.proto:(\d+):(\d+): (warning: )?(.*)$/s.exec(line);
  if (m) {
    const d = { line: Number(m[1]), column: Number(m[2]), message: m[4] };
    if (m[3]) d.warning = true;
    return d;
  }
  const n = /^x\.proto: (.*)$/s.exec(line);
  if (n) return { line: 0, column: 0, message: n[1] };
  throw new Error(`${name}: unexpected protoc output line: ${JSON.stringify(line)}`);
}
