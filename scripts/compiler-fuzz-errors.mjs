#!/usr/bin/env node
// Differential fuzzing of the compiler's diagnostics: takes corpus files, applies a random
// mutation (delete, duplicate or swap lines, replace an identifier or a number, insert a
// statement), and compares protoc's stderr (and, when both accept, the descriptor sets) with
// protoforge's. The mutated file shadows the original through an extra include root.
// Build first (npx tsc -p .). Usage: node scripts/compiler-fuzz-errors.mjs [--count N] [--seed S] [--dir DIR]
// (DIR: the files to mutate, default google-proto-files; e.g. test/compiler/options-fixtures)
// [--deps] (mutate one of the file's imports instead of the file)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { compile } = await import(join(root, "dist/src/compiler/compile.js"));
const { formatDiagnostic } = await import(join(root, "dist/src/compiler/diagnostic.js"));
const { toBinary } = await import(join(root, "dist/src/codec/binary/to-binary.js"));
const { bootDescriptorFile } = await import(join(root, "dist/src/reflect/boot/boot.js"));

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const count = Number(opt("--count", 300));
let seed = Number(opt("--seed", 1)) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(random() * a.length)];

const protoc = join(root, "node_modules/protoc/bin/protoc-linux-x86_64");
const include = join(root, "node_modules/protoc/include");
const corpus = resolve(opt("--dir", join(root, "node_modules/google-proto-files")));
const files = readdirSync(corpus, { recursive: true }).filter((f) => f.endsWith(".proto") && !f.includes("node_modules")).sort();
const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet");

const SNIPPETS = [
  "option java_package = 1;", "reserved 1;", "optional int32 x = 1;", "int32 y = 2;", "extensions 1 to max;",
  "option (foo) = 1;", "option deprecated = true;", 'import "google/protobuf/empty.proto";', "message Dup {}",
  "enum E { A = 1; }", "map<float, int32> m = 99;", "repeated string s = 3 [packed = true];", "oneof o { int32 z = 77; }",
  "option features.field_presence = IMPLICIT;", "string s = 19001;", "extend google.protobuf.FileOptions { int32 e = 1; }",
  "option (google.api.http) = { get: 1 };", "option (google.api.default_host) = 5;", "string f = 60 [(google.api.field_behavior) = REQUIRED];",
  'string g = 61 [json_name = "x", default = "a"];', "optional group G = 62 { optional int32 a = 1; }", 'reserved "foo";', "reserved 5 to 3;",
  "service X { rpc A(B) returns (C); }", "option (google.api.resource_reference).type = 1;", "int32 h = 63 [deprecated = 1];",
  "option cc_enable_arenas = false;", "option optimize_for = LITE_RUNTIME;", "option java_generic_services = true;",
  "extensions 100 to 200 [verification = DECLARATION];", "int32 j = 64 [features.field_presence = IMPLICIT];",
];

function mutate(text) {
  const lines = text.split("\n");
  const i = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 7)) {
    case 6: {
      const to = pick(['edition = "2023";', 'edition = "2024";', 'syntax = "proto2";', 'syntax = "proto3";']);
      return [`syntax -> ${to}`, text.replace(/^(syntax|edition)\s*=\s*"[^"]*"\s*;/m, to)];
    }
    case 0: lines.splice(i, 1); return ["delete line " + (i + 1), lines.join("\n")];
    case 1: lines.splice(i, 0, lines[i]); return ["duplicate line " + (i + 1), lines.join("\n")];
    case 2: {
      const j = Math.floor(random() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return [`swap lines ${i + 1} and ${j + 1}`, lines.join("\n")];
    }
    case 3: {
      const ids = [...new Set(text.match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? [])];
      const words = lines[i].match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g);
      if (!words || ids.length === 0) return ["noop", text];
      const from = pick(words);
      const to = pick(ids);
      lines[i] = lines[i].replace(new RegExp(`\\b${from}\\b`), to);
      return [`line ${i + 1}: ${from} -> ${to}`, lines.join("\n")];
    }
    case 4: {
      if (!/\b\d+\b/.test(lines[i])) return ["noop", text];
      const to = pick(["0", "1", "2", "19000", "536870912", "-1", "100", "4294967296"]);
      lines[i] = lines[i].replace(/\b\d+\b/, to);
      return [`line ${i + 1}: number -> ${to}`, lines.join("\n")];
    }
    default: {
      const s = pick(SNIPPETS);
      lines.splice(i, 0, s);
      return [`insert at ${i + 1}: ${s}`, lines.join("\n")];
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), "protoforge-fuzz-"));
let same = 0;
let differ = 0;
try {
  for (let n = 0; n < count; n++) {
    const file = pick(files);
    // With --deps, one of the file's imports is mutated instead, and the file compiled.
    let target = file;
    if (args.includes("--deps")) {
      const imports = [...readFileSync(join(corpus, file), "utf8").matchAll(/^import\s+(?:public\s+|weak\s+)?"([^"]+)"/gm)].map((m) => m[1]);
      const local = imports.filter((i) => existsSync(join(corpus, i)));
      if (local.length > 0) target = pick(local);
    }
    const [mutation, text] = mutate(readFileSync(join(corpus, target), "utf8"));
    const what = target === file ? mutation : `${target}: ${mutation}`;
    const overlay = join(tmp, String(n));
    mkdirSync(dirname(join(overlay, target)), { recursive: true });
    writeFileSync(join(overlay, target), text);
    const ruby = join(corpus, "google/protobuf/compiler/ruby");
    const roots = [overlay, corpus, ...(existsSync(ruby) ? [ruby] : []), include];
    const out = join(tmp, "out.pb");
    const p = spawnSync(protoc, [...roots.map((r) => "-I" + r), "--include_imports", "--include_source_info", "--descriptor_set_out=" + out, file], { cwd: tmp, encoding: "utf8" });
    const r = compile({ files: [file], includePaths: roots, includeSourceInfo: true });
    const disk = (name) => {
      for (const root of roots) {
        try {
          readFileSync(join(root, name));
          return join(root, name);
        } catch {}
      }
      return name;
    };
    const ours = r.diagnostics.map((d) => formatDiagnostic({ ...d, file: disk(d.file) })).join("\n");
    const sorted = (s) => s.trim().split("\n").sort().join("\n");
    let ok = sorted(ours) === sorted(p.stderr) && r.ok === (p.status === 0);
    if (ok && r.ok) ok = Buffer.from(toBinary(setDesc, { $typeName: "google.protobuf.FileDescriptorSet", file: r.files })).equals(readFileSync(out));
    if (ok) same++;
    else {
      differ++;
      console.log(`== ${file}: ${what}\n  protoc (${p.status}): ${p.stderr.trim().split("\n").join("\n    ")}\n  ours (${r.ok}): ${ours.split("\n").join("\n    ")}`);
    }
    rmSync(overlay, { recursive: true, force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`\n${count} mutations: ${same} identical, ${differ} different`);
