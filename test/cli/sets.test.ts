// Generating code and descriptor sets from --descriptor_set_in, no .proto sources: compared live
// with protoc (node_modules/protoc), the CodeGeneratorRequest and the descriptor set byte for byte.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../support/protoc.js";
import { PLUGIN_FILE, responseBase64, Workspace } from "./workspace.js";

const ws = new Workspace({
  "p/opt.proto":
    'syntax = "proto2";\npackage o;\nimport "google/protobuf/descriptor.proto";\n' +
    "extend google.protobuf.FieldOptions { optional int32 src_only = 50001 [retention = RETENTION_SOURCE]; optional int32 kept = 50002; }\n" +
    "extend google.protobuf.FileOptions { optional Agg agg = 50003; }\n" +
    "message Agg { optional int32 a = 1 [retention = RETENTION_SOURCE]; optional int32 b = 2; }\n" +
    "// A message.\nmessage WithOpt { optional string f = 1 [(src_only) = 3, (kept) = 4]; optional int32 my_field = 2; }\n",
  "p/use.proto":
    'syntax = "proto3";\npackage u;\nimport "p/opt.proto";\nimport "google/protobuf/timestamp.proto";\noption (o.agg) = { a: 1 b: 2 };\n' +
    "// Leading.\nmessage U {\n  o.WithOpt w = 1; // trailing\n  optional int32 maybe = 2 [(o.src_only) = 1, (o.kept) = 2];\n  google.protobuf.Timestamp t = 3;\n" +
    '  map<string, int32> counts = 4;\n  int64 b_num = 5 [json_name = "custom"];\n}\nservice Svc { rpc Do(U) returns (U); }\n',
  "p/ed.proto": 'edition = "2023";\npackage e;\nimport "p/use.proto";\nmessage E { u.U u = 1; int32 x = 2 [features.field_presence = IMPLICIT]; }\n',
  "p/unused.proto": 'syntax = "proto3";\npackage n;\nimport "p/opt.proto";\nmessage N {}\n',
  "p/base.proto": 'syntax = "proto2";\npackage b;\nmessage Base { optional int32 x = 1; }\n',
  "p/plain.proto": 'syntax = "proto3";\npackage b;\nimport "p/base.proto";\nimport "p/plain-base.proto";\nmessage Plain { Base b = 1; }\n',
  "p/plain-base.proto": 'syntax = "proto3";\npackage b;\nimport "p/base.proto";\nmessage PlainBase { Base b = 1; }\n',
  // Source trees used with the sets: new files importing files of the sets, and a file of the sets changed on disk.
  "q/new.proto": 'syntax = "proto3";\npackage q;\nimport "p/base.proto";\nimport "p/plain-base.proto";\nmessage New { b.Base base = 1; b.PlainBase pb = 2; }\n',
  "q/broken.proto": 'syntax = "proto3";\npackage q;\nimport "p/missing.proto";\nmessage Broken { b.Missing m = 1; }\n',
  "r/p/base.proto": 'syntax = "proto2";\npackage b;\nmessage Base { optional int32 x = 1; optional int32 disk_only = 2; }\n',
  "r/new.proto": 'syntax = "proto3";\npackage q;\nimport "p/base.proto";\nmessage New { b.Base base = 1; }\n',
  "out/.keep": "",
  "empty/.keep": "",
  "sets/.keep": "",
});
after(() => ws.dispose());

const all = ["p/use.proto", "p/ed.proto", "p/unused.proto", "p/plain.proto", "p/plain-base.proto"];
ws.prepare(["-I.", "--include_imports", "--include_source_info", "-o", "sets/source-info.pb", ...all]);
ws.prepare(["-I.", "--include_imports", "-o", "sets/plain.pb", ...all]);
ws.prepare(["-I.", "--include_imports", "--retain_options", "--include_source_info", "-o", "sets/retained.pb", ...all]);
ws.prepare(["-I.", "-o", "sets/inputs-only.pb", "p/use.proto"]);

const PLUGIN = `--plugin=protoc-gen-x=./${PLUGIN_FILE}`;

/** protoforge's built-in --ts_out against protoc running protoc-gen-protoforge: the same files (`expected` among them). */
async function compareTsOut(args: readonly string[], expected: string): Promise<void> {
  const theirs = ws.protoc([`--plugin=protoc-gen-ts=${join(repoRoot, "bin/protoc-gen-protoforge")}`, ...args]);
  const ours = await ws.protoforge(args);
  assert.deepEqual([ours.code, ours.stderr], [0, ""]);
  assert.deepEqual([theirs.code, theirs.stderr], [0, ""]);
  assert.ok(Object.keys(ours.files).includes(expected));
  assert.deepEqual(ours.files, theirs.files);
}
const editions = { RESP: responseBase64({ supportedFeatures: 3n, minimumEdition: 1000, maximumEdition: 1000, file: [{ name: "a.txt", content: "a" }] }) };
const record = { ...editions, REC_OUT: "request.bin" };

describe("CodeGeneratorRequest from --descriptor_set_in", () => {
  for (const set of ["source-info", "plain", "retained"]) {
    test(`${set} set: source-retention options stripped from the file to generate`, async () => {
      const r = await ws.compareRuns([`--descriptor_set_in=sets/${set}.pb`, PLUGIN, "--x_out=out", "p/use.proto"], record);
      assert.ok(r.files["request.bin"]!.length > 1000);
      assert.equal(r.files["out/a.txt"], "a");
    });
  }
  test("several files, repeated, an editions file, and a dependency to generate", () =>
    ws.compare([`--descriptor_set_in=sets/source-info.pb`, PLUGIN, "--x_out=p1:out", "--x_opt=p2", "p/ed.proto", "p/opt.proto", "p/ed.proto"], record));
  test("an unused import draws no warning", () => ws.compare(["--descriptor_set_in=sets/plain.pb", PLUGIN, "--x_out=out", "p/unused.proto"], record));
  // In -I mode protoc reads a file from the source tree first, even a well-known type a file of the set imports; these files import none.
  test("-I mode, inputs from the set", () => ws.compare(["--descriptor_set_in=sets/source-info.pb", "-Iempty", PLUGIN, "--x_out=out", "p/plain-base.proto", "p/base.proto"], record));
  test("-I mode, an unused import in the set draws a warning", () =>
    ws.compare(["--descriptor_set_in=sets/source-info.pb", "-Iempty", PLUGIN, "--x_out=out", "p/plain.proto"], record));
  test("-I mode, the warning and --fatal_warnings", () =>
    ws.compare(["--descriptor_set_in=sets/source-info.pb", "-Iempty", "--fatal_warnings", PLUGIN, "--x_out=out", "p/plain.proto"], record));
  test("the editions checks apply", () =>
    ws.compare(["--descriptor_set_in=sets/plain.pb", PLUGIN, "--x_out=out", "p/ed.proto"], { RESP: responseBase64({ supportedFeatures: 1n }) }));
  test("an import missing from the set", () => ws.compare(["--descriptor_set_in=sets/inputs-only.pb", PLUGIN, "--x_out=out", "p/use.proto"], record));
  test("an input missing from the set", () => ws.compare(["--descriptor_set_in=sets/plain.pb", PLUGIN, "--x_out=out", "p/nope.proto"], record));
  test("--disallow_services", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "--disallow_services", PLUGIN, "--x_out=out", "p/use.proto"], record));

  test("--ts_out gives what protoc-gen-protoforge gives protoc", () =>
    compareTsOut(["--descriptor_set_in=sets/source-info.pb", "--ts_out=out", "p/ed.proto", "p/use.proto"], "out/p/use_pb.ts"));
});

describe("--descriptor_set_out from --descriptor_set_in", () => {
  const flagSets = [[], ["--include_imports"], ["--include_source_info"], ["--include_imports", "--include_source_info"], ["--include_imports", "--retain_options"], ["--retain_options", "--include_source_info"]];
  for (const set of ["source-info", "retained"]) {
    for (const flags of flagSets) {
      test(`${set} set, ${flags.join(" ") || "no flags"}`, () => ws.compare([`--descriptor_set_in=sets/${set}.pb`, ...flags, "-o", "out/set.pb", "p/ed.proto", "p/use.proto"]));
    }
  }
  test("-I mode", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-Iempty", "--include_imports", "-o", "out/set.pb", "p/plain-base.proto"]));
  test("a set that cannot be written", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-o", "nodir/set.pb", "p/ed.proto"]));
});

// With -I, protoc looks a file up in the source tree first and in the sets second
// (SourceTreeDescriptorDatabase with the sets as its fallback): .proto files and files of the sets mix.
describe("-I with --descriptor_set_in: the source tree first, then the sets", () => {
  const flags = ["--include_imports", "--include_source_info", "-o", "out/set.pb"];
  test("a .proto file importing files of a set", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-Iq", ...flags, "q/new.proto"]));
  test("a file both on disk and in a set: the one on disk", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-Ir", ...flags, "r/new.proto"]));
  test("an input of the set importing a file on disk", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-Ir", ...flags, "p/plain-base.proto"]));
  test("a file of the set importing a well-known type (from the default include directory)", () =>
    ws.compare(["--descriptor_set_in=sets/plain.pb", "-Iempty", ...flags, "p/use.proto"]));
  test("an import in neither", () => ws.compare(["--descriptor_set_in=sets/plain.pb", "-Iq", ...flags, "q/broken.proto"]));
  test("a plugin's CodeGeneratorRequest", () => ws.compare(["--descriptor_set_in=sets/source-info.pb", "-Iq", PLUGIN, "--x_out=out", "q/new.proto"], record));
  test("--ts_out", () => compareTsOut(["--descriptor_set_in=sets/plain.pb", "-Ir", "--ts_out=out", "r/new.proto", "p/plain-base.proto"], "out/new_pb.ts"));
});
