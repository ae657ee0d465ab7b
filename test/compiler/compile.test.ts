import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { compile } from "../../src/compiler/compile.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { repoRoot } from "./helpers.js";

// Stage 6: the compile() API, its file lookup and its result order.

const files: Record<string, string> = {
  "a.proto": 'syntax = "proto3";\nimport "b.proto";\nimport "c.proto";\nmessage A { B b = 1; C c = 2; }\n',
  "b.proto": 'syntax = "proto3";\nimport "c.proto";\nmessage B { C c = 1; }\n',
  "c.proto": 'syntax = "proto3";\nmessage C {}\n',
  "d.proto": 'syntax = "proto3";\nimport "c.proto";\nmessage D { C c = 1; }\n',
};
const readFile = (p: string) => files[p];

test("files come out imports first, each once, as protoc's descriptor set", () => {
  const r = compile({ files: ["a.proto", "d.proto"], readFile });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.files.map((f) => f.name), ["c.proto", "b.proto", "a.proto", "d.proto"]);
  assert.deepEqual(r.files[2]!.messageType[0]!.field.map((f) => f.typeName), [".B", ".C"]);
});

test("without includeImports only the requested files are returned", () => {
  const r = compile({ files: ["d.proto", "a.proto"], readFile, includeImports: false });
  assert.deepEqual(r.files.map((f) => f.name), ["d.proto", "a.proto"]);
});

test("a missing import is reported as protoc reports it", () => {
  const r = compile({ files: ["x.proto"], readFile: (p) => (p === "x.proto" ? 'syntax = "proto3";\nimport "y.proto";\n' : undefined) });
  assert.equal(r.ok, false);
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), ["y.proto: File not found.", 'x.proto:2:1: Import "y.proto" was not found or had errors.']);
  assert.deepEqual(r.files, []);
});

test("include paths resolve virtual paths, and inputs given as disk paths are mapped back", () => {
  const include = join(repoRoot, "node_modules/protoc/include");
  const byVirtual = compile({ files: ["google/protobuf/any.proto"], includePaths: [include] });
  const byDisk = compile({ files: [join(include, "google/protobuf/any.proto")], includePaths: [include] });
  assert.deepEqual(byVirtual.files.map((f) => f.name), ["google/protobuf/any.proto"]);
  assert.deepEqual(byDisk.files, byVirtual.files);
});

test("virtual paths may not use '..'", () => {
  const r = compile({ files: ["x.proto"], readFile: (p) => (p === "x.proto" ? 'syntax = "proto2";\nimport "../y.proto";\n' : "") });
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), [
    '../y.proto: Backslashes, consecutive slashes, ".", or ".." are not allowed in the virtual path',
    'x.proto:2:1: Import "../y.proto" was not found or had errors.',
  ]);
});

test("warnings do not fail a compilation", () => {
  const r = compile({ files: ["d.proto"], readFile: (p) => (p === "d.proto" ? 'syntax = "proto3";\nimport "c.proto";\nmessage D {}\n' : files[p]) });
  assert.equal(r.ok, true);
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), ["d.proto:2:1: warning: Import c.proto is unused."]);
  assert.equal(r.files.length, 2);
});

test("fallback: a file not in the source tree comes from compiled descriptors; the source tree wins where it has the file", () => {
  const set = compile({ files: ["b.proto"], readFile }).files;
  const byName = new Map(set.map((f) => [f.name!, f]));
  const onlyA = (p: string) => (p === "a.proto" ? files["a.proto"] : undefined);
  // a.proto imports b.proto and c.proto: both come from the set.
  const r = compile({ files: ["a.proto"], readFile: onlyA, fallback: (p) => byName.get(p) });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.files.map((f) => f.name), ["c.proto", "b.proto", "a.proto"]);
  assert.deepEqual(r.files.slice(0, 2), set, "files of the set are written as they were compiled");
  // A c.proto in the source tree is read instead of the set's (which has no message X).
  const withC = (p: string) => (p === "c.proto" ? 'syntax = "proto3";\nmessage C {}\nmessage X {}\n' : onlyA(p));
  const r2 = compile({ files: ["a.proto"], readFile: withC, fallback: (p) => byName.get(p) });
  assert.deepEqual(r2.diagnostics, []);
  assert.deepEqual(r2.files.find((f) => f.name === "c.proto")!.messageType.map((m) => m.name), ["C", "X"]);
  // The inputs themselves may come from the set.
  assert.deepEqual(compile({ files: ["b.proto"], readFile: () => undefined, fallback: (p) => byName.get(p) }).files, set);
  // Neither has it: protoc's error.
  const r3 = compile({ files: ["a.proto"], readFile: onlyA, fallback: () => undefined });
  assert.deepEqual(r3.diagnostics.map(formatDiagnostic).slice(0, 1), ["b.proto: File not found."]);
});
