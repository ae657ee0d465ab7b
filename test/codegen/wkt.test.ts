import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { bootDescriptorFile } from "../../src/reflect/boot/boot.js";
import { toJsonString } from "../../src/codec/json/index.js";
import { fromBinary } from "../../src/codec/binary/from-binary.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { create } from "../../src/message/create.js";
import { repoRoot } from "../support/protoc.js";
import * as wkt from "../../src/wkt/index.js";

function script(name: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(repoRoot, "scripts", name), ...args], { cwd: repoRoot, encoding: "utf8" });
}

test("src/wkt is what the generator writes today (run node scripts/codegen-wkt.mjs when this fails)", () => {
  const res = script("codegen-wkt.mjs", "--check");
  assert.equal(res.status, 0, res.stderr + res.stdout);
});

test("src/codegen/plugin-proto.ts is what protoc compiles today (run node scripts/codegen-plugin-boot.mjs when this fails)", () => {
  const res = script("codegen-plugin-boot.mjs", "--check");
  assert.equal(res.status, 0, res.stderr + res.stdout);
});

test("descriptor.proto's module is the runtime's booted file", () => {
  assert.equal(wkt.file_google_protobuf_descriptor, bootDescriptorFile());
  assert.equal(wkt.FileDescriptorProtoSchema, bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto"));
});

test("the package entries protoforge/wkt and protoforge/wkt/<name> give the same modules", async () => {
  const viaPackage = (await import("protoforge/wkt/timestamp" as string)) as typeof wkt;
  const index = (await import("protoforge/wkt" as string)) as typeof wkt;
  assert.equal(viaPackage.TimestampSchema, index.TimestampSchema);
  assert.equal(index.TimestampSchema, wkt.TimestampSchema);
});

test("well-known types work with every format", () => {
  const t = create<wkt.Timestamp>(wkt.TimestampSchema, { seconds: 5n, nanos: 7 });
  const back = fromBinary<wkt.Timestamp>(wkt.TimestampSchema, toBinary(wkt.TimestampSchema, t));
  assert.equal(toJsonString(wkt.TimestampSchema, back), '"1970-01-01T00:00:05.000000007Z"');
  const v = create<wkt.Value>(wkt.ValueSchema, { kind: { case: "listValue", value: { values: [{ kind: { case: "boolValue", value: true } }] } } });
  const s = create<wkt.Struct>(wkt.StructSchema, { fields: new Map([["a", v]]) });
  assert.equal(toJsonString(wkt.StructSchema, fromBinary(wkt.StructSchema, toBinary(wkt.StructSchema, s))), '{"a":[true]}');
});
