import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../src/compiler/parser.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import type { EnumNode, FieldNode, FileNode, MessageNode, MethodNode, ServiceNode, Span } from "../../src/compiler/ast.js";
import { latin1Bytes, repoRoot, show, spanArray, spanText } from "./helpers.js";

interface Expected {
  line: number;
  column: number;
  message: string;
  warning?: boolean;
}
interface Case {
  name: string;
  source: string;
  expected: Expected[];
}

const table = JSON.parse(readFileSync(join(repoRoot, "test/compiler/syntax-errors.json"), "utf8")) as { cases: Case[] };

test("the syntax error table has at least 60 cases recorded from protoc", () => {
  assert.ok(table.cases.length >= 60);
  assert.ok(table.cases.filter((c) => c.expected.length > 0).length >= 60);
});

for (const c of table.cases) {
  test(`protoc errors: ${c.name}`, () => {
    const r = parse(latin1Bytes(c.source), { fileName: "x.proto" });
    const want = c.expected.map((e) => `${e.line}:${e.column}: ${e.warning ? "warning: " : ""}${e.message}`);
    const got = r.diagnostics.map(show);
    assert.equal(got[0], want[0], "first diagnostic");
    assert.deepEqual(got, want, "all diagnostics");
    assert.equal(r.ok, !c.expected.some((e) => !e.warning));
  });
}

test("diagnostics print as file:line:col: message, 1-based", () => {
  const r = parse("syntax = \"proto3\";\nmessage A {\n  int32 x = 1\n}\n", { fileName: "a/b.proto" });
  assert.deepEqual(r.diagnostics.map(formatDiagnostic), ['a/b.proto:4:1: Expected ";".']);
  assert.deepEqual(r.diagnostics[0], { file: "a/b.proto", line: 3, column: 0, message: 'Expected ";".', severity: "error" });
});

const SAMPLE = `syntax = "proto2";
package a.b;
import public "x.proto";
option java_package = "com.x";
message M {
  optional int32 id = 1 [default = -5, json_name = "ID", deprecated = true];
  repeated group Item = 2 { required string name = 1; }
  map<string, M> children = 3;
  oneof kind { string s = 4; M m = 5; }
  extensions 100 to 199, 300 to max;
  reserved 7, 9 to 11;
  reserved "old";
  enum E { option allow_alias = true; A = 0; B = 0; C = -1 [(x).y = { a: 1 }]; }
}
extend M { optional int32 ext = 100; }
service S { rpc Go(stream M) returns (.a.b.M) { option deprecated = true; } }
`;

test("the AST records declarations, values and token positions", () => {
  const r = parse(SAMPLE);
  assert.deepEqual(r.diagnostics, []);
  const f: FileNode = r.ast;
  const t = f.tokens;
  const text = (s: Span): string => spanText(SAMPLE, t, s);
  assert.equal(f.syntax?.value, "proto2");
  assert.deepEqual(f.decls.map((d) => d.kind), ["package", "import", "option", "message", "extend", "service"]);
  assert.deepEqual(spanArray(t, f), [0, 0, 15, 77]);
  const imp = f.decls[1]!;
  assert.ok(imp.kind === "import" && imp.path === "x.proto" && imp.modifier === "public");
  const m = f.decls[3] as MessageNode;
  assert.equal(m.name, "M");
  assert.deepEqual(spanArray(t, m), [4, 0, 13, 1]);
  assert.deepEqual(m.decls.map((d) => d.kind), ["field", "field", "field", "oneof", "extensions", "reserved", "reserved", "enum"]);

  const id = m.decls[0] as FieldNode;
  assert.deepEqual([id.label?.value, id.type?.name, id.type?.scalar, id.name, id.number], ["optional", "int32", 5, "id", 1]);
  assert.equal(text(id), 'optional int32 id = 1 [default = -5, json_name = "ID", deprecated = true];');
  const entries = id.options!.entries;
  assert.deepEqual(entries.map((e) => e.kind), ["default", "json_name", "option"]);
  assert.ok(entries[0]!.kind === "default" && entries[0]!.value === "-5" && text(entries[0]!) === "-5");
  assert.ok(entries[1]!.kind === "json_name" && entries[1]!.value === "ID" && text(entries[1]!) === 'json_name = "ID"');
  assert.ok(entries[2]!.kind === "option" && entries[2]!.value?.kind === "identifier");

  const group = m.decls[1] as FieldNode;
  assert.equal(group.type?.name, "group");
  assert.equal(text(group.group!), 'repeated group Item = 2 { required string name = 1; }');
  const map = m.decls[2] as FieldNode;
  assert.equal(text(map.type!), "map<string, M>");
  assert.deepEqual([map.map?.key.name, map.map?.value.name], ["string", "M"]);

  const ext = m.decls[4]!;
  assert.ok(ext.kind === "extensions");
  assert.deepEqual(ext.ranges.map((x) => [x.first, x.last]), [[100, 199], [300, "max"]]);
  const enm = m.decls[7] as EnumNode;
  const c = enm.decls[3]!;
  assert.ok(c.kind === "value" && c.number === -1 && text(c.numberSpan!) === "-1");
  const agg = c.options!.entries[0]!;
  assert.deepEqual(agg.name.map((n) => [n.name, n.isExtension, text(n)]), [["x", true, "(x)"], ["y", false, "y"]]);
  assert.ok(agg.value?.kind === "aggregate" && agg.value.value === " a: 1 ");

  const svc = f.decls[5] as ServiceNode;
  const method = svc.decls[0] as MethodNode;
  assert.deepEqual([method.name, method.input?.name, method.output?.name], ["Go", "M", ".a.b.M"]);
  assert.ok(method.clientStreaming !== undefined && method.serverStreaming === undefined);
  assert.equal(method.body?.length, 1);
});

test("option values keep protoc's kinds", () => {
  const r = parse(`syntax = "proto3";
option (a) = 18446744073709551615;
option (b) = -9223372036854775808;
option (c) = 18446744073709551616;
option (d) = -inf;
option (e) = "x" 'y';
option (f) = 0x1F;
option (g) = 1.5e3;
option (h) = { x: "é" /* c */ y: 2
  z: 3 };
`);
  assert.deepEqual(r.diagnostics, []);
  const values = r.ast.decls.map((d) => (d.kind === "option" ? d.value : undefined));
  assert.deepEqual(values.map((v) => [v?.kind, v?.kind === "string" ? v.value : v?.value]), [
    ["positive-int", 18446744073709551615n],
    ["negative-int", -9223372036854775808n],
    ["double", 18446744073709551616],
    ["double", -Infinity],
    ["string", "xy"],
    ["positive-int", 31n],
    ["double", 1500],
    ["aggregate", ' x: "é"         y: 2\n  z: 3 '],
  ]);
});

test("comments and spans match protoc's SourceCodeInfo for the fixtures", () => {
  const dir = join(repoRoot, "test/compiler/fixtures");
  const names = readdirSync(dir).filter((n) => n.endsWith(".proto"));
  assert.ok(names.length >= 4);
  for (const name of names) {
    const r = parse(readFileSync(join(dir, name)), { fileName: name });
    assert.deepEqual(r.diagnostics.map(formatDiagnostic), [], name);
    const want = JSON.parse(readFileSync(join(dir, name.replace(/\.proto$/, ".locations.json")), "utf8")) as {
      span: number[];
      leading?: string;
      trailing?: string;
      detached?: string[];
    }[];
    const ours = collectSpans(r.ast);
    const commented = want
      .filter((l) => l.leading !== undefined || l.trailing !== undefined || l.detached !== undefined)
      .map((l) => `${l.span.join(",")} ${JSON.stringify([l.leading, l.trailing, l.detached ?? []])}`)
      .sort();
    assert.deepEqual(ours.commented.sort(), commented, `${name}: commented locations`);
    for (const l of want) assert.ok(ours.spans.has(l.span.join(",")), `${name}: no AST span for ${l.span.join(",")}`);
  }
});

/** Every span in the tree (node spans and single tokens), and the commented ones with their comments. */
function collectSpans(file: FileNode): { spans: Set<string>; commented: string[] } {
  const t = file.tokens;
  const spans = new Set<string>();
  const commented: string[] = [];
  const tokenKeys = new Set(["token", "nameToken", "numberToken", "modifierToken", "visibilityToken", "clientStreaming", "serverStreaming"]);
  const visit = (o: unknown): void => {
    if (o === null || typeof o !== "object" || o === t || o instanceof Uint8Array) return;
    if (Array.isArray(o)) return o.forEach(visit);
    const n = o as Record<string, unknown> & Partial<Span> & { comments?: { leading?: string; trailing?: string; detached: string[] } };
    if (typeof n.start === "number" && typeof n.end === "number") {
      const key = spanArray(t, n as Span).join(",");
      spans.add(key);
      const c = n.comments;
      if (c !== undefined) commented.push(`${key} ${JSON.stringify([c.leading, c.trailing, c.detached])}`);
    }
    for (const [k, v] of Object.entries(n)) {
      if (typeof v === "number" && tokenKeys.has(k)) spans.add(spanArray(t, { start: v, end: v }).join(","));
      if (k !== "comments") visit(v);
    }
  };
  visit(file);
  return { spans, commented };
}
