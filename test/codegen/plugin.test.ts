import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fromBinary } from "../../src/codec/binary/from-binary.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { create } from "../../src/message/create.js";
import { runPluginBytes } from "../../src/codegen/plugin.js";
import { codeGeneratorRequestDesc, codeGeneratorResponseDesc } from "../../src/codegen/plugin-schema.js";
import type { CodeGeneratorResponse } from "../../src/codegen/plugin-proto.js";
import { tsGenerator } from "../../src/codegen/ts/generator.js";
import { parseParameter } from "../../src/codegen/generator.js";
import { removeScratch, runPlugin } from "./helpers.js";

const person = `syntax = "proto3";
package demo.v1;
import "google/protobuf/timestamp.proto";
import "demo/v1/common.proto";
message Person { string name = 1; optional int32 age = 2; google.protobuf.Timestamp born = 3; Tag tag = 4; }
`;
const common = `syntax = "proto3";
package demo.v1;
message Tag { string value = 1; }
`;

function respond(request: Record<string, unknown>): CodeGeneratorResponse {
  const bytes = toBinary(codeGeneratorRequestDesc(), create(codeGeneratorRequestDesc(), request));
  return fromBinary<CodeGeneratorResponse>(codeGeneratorResponseDesc(), runPluginBytes(tsGenerator, bytes));
}

test("the response declares proto3 optional and editions 2023 to 2024", () => {
  const res = respond({ fileToGenerate: [] });
  assert.equal(res.error, undefined);
  assert.equal(res.supportedFeatures, 3n);
  assert.equal(res.minimumEdition, 998);
  assert.equal(res.maximumEdition, 1001);
});

test("an unknown option or a file not in the request is an error in the response", () => {
  assert.match(respond({ fileToGenerate: [], parameter: "colour=blue" }).error ?? "", /unknown option "colour"/);
  assert.match(respond({ fileToGenerate: [], parameter: "target=go" }).error ?? "", /target: expected "ts" or "js\+dts", got "go"/);
  assert.match(respond({ fileToGenerate: ["nope.proto"] }).error ?? "", /nope\.proto: not among the request's files/);
});

test("parameters split at commas into key/value pairs", () => {
  assert.deepEqual(parseParameter("a=1,b,,c=x=y"), [["a", "1"], ["b", ""], ["c", "x=y"]]);
  assert.deepEqual(parseParameter(""), []);
});

test("protoc reports plugin errors as --protoforge_out: <message> and writes nothing", () => {
  const run = runPlugin({ "demo/v1/common.proto": common }, "target=go");
  try {
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--protoforge_out: target: expected "ts" or "js\+dts", got "go"/);
    assert.equal(run.files.size, 0);
  } finally {
    removeScratch(join(run.outDir, ".."));
  }
});

test("imports: relative with the chosen extension, well-known types from the package", () => {
  const cases: [string, RegExp, RegExp][] = [
    ["", /from "\.\/common_pb\.js"/, /from "protoforge\/wkt\/timestamp"/],
    ["import_extension=none", /from "\.\/common_pb"/, /from "protoforge\/wkt\/timestamp"/],
    ["import_extension=ts", /from "\.\/common_pb\.ts"/, /from "protoforge\/wkt\/timestamp"/],
    ["wkt_import=none", /from "\.\/common_pb\.js"/, /from "\.\.\/\.\.\/google\/protobuf\/timestamp_pb\.js"/],
    ["runtime_import=@acme/pf/rt,wkt_import=@acme/wkt", /from "@acme\/pf\/rt"/, /from "@acme\/wkt\/timestamp"/],
    ["runtime_import=../lib/runtime.js", /from "\.\.\/\.\.\/\.\.\/lib\/runtime\.js"/, /from "\.\/common_pb\.js"/],
  ];
  for (const [opt, a, b] of cases) {
    const run = runPlugin({ "demo/v1/person.proto": person, "demo/v1/common.proto": common }, opt, [], undefined);
    try {
      assert.equal(run.status, 0, run.stderr);
      const src = run.files.get("demo/v1/person_pb.ts") ?? "";
      assert.match(src, a, opt);
      assert.match(src, b, opt);
    } finally {
      removeScratch(join(run.outDir, ".."));
    }
  }
});

test("target=js+dts writes a module and its declarations, the types only in the declarations", () => {
  const run = runPlugin({ "demo/v1/common.proto": common }, "target=js+dts");
  try {
    assert.equal(run.status, 0, run.stderr);
    const js = run.files.get("demo/v1/common_pb.js")!;
    const dts = run.files.get("demo/v1/common_pb.d.ts")!;
    assert.match(js, /export const TagSchema = messageDesc\(file_demo_v1_common, 0\);/);
    assert.doesNotMatch(js, /interface|: GenMessage|import type/);
    assert.match(dts, /export interface Tag extends Message<"demo\.v1\.Tag"> \{/);
    assert.match(dts, /export declare const TagSchema: GenMessage<Tag>;/);
    assert.doesNotMatch(dts, /defineCodec|embedFile/);
  } finally {
    removeScratch(join(run.outDir, ".."));
  }
});
