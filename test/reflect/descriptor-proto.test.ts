// The booted descriptor.proto reads protoc's own serialized descriptors and writes them back
// byte-identically.
import { test } from "node:test";
import assert from "node:assert/strict";
import { descriptorSetBytes, hex } from "../fixtures/load.js";
import { bootDescriptorFile, descriptorProtoBytes } from "../../src/reflect/boot/boot.js";
import { decodeFileDescriptorSet, encodeFileDescriptorSet, fromBinary, registryFromDescriptorSet, toBinary } from "../../src/index.js";
import type { FileDescriptorProto } from "../../src/reflect/descriptor-types.js";

const setDesc = () => bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet")!;
const fileDesc = () => bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;

function firstDifference(a: Uint8Array, b: Uint8Array): string {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return `first difference at byte ${i}: ${hex(a.subarray(i, i + 16))} vs ${hex(b.subarray(i, i + 16))}`;
  return `lengths ${a.length} vs ${b.length}`;
}

function assertBytesEqual(actual: Uint8Array, expected: Uint8Array, what: string): void {
  if (actual.length === expected.length && actual.every((x, i) => x === expected[i])) return;
  assert.fail(`${what}: re-encoding differs from protoc's bytes (${firstDifference(actual, expected)})`);
}

test("the booted descriptors describe descriptor.proto", () => {
  const f = bootDescriptorFile();
  assert.equal(f.name, "google/protobuf/descriptor.proto");
  assert.equal(f.packageName, "google.protobuf");
  assert.equal(f.syntax, "proto2");
  for (const n of ["FileDescriptorSet", "FileDescriptorProto", "DescriptorProto", "FieldDescriptorProto", "FeatureSet", "FeatureSetDefaults", "SourceCodeInfo"]) {
    assert.ok(f.messages.some((m) => m.name === n), n);
  }
  const fdp = fileDesc();
  assert.equal(fdp.fieldByName("message_type")?.number, 4);
  assert.equal(fdp.fieldByName("edition")?.fieldKind, "enum");
});

test("the embedded descriptor.proto is what this protoc writes", () => {
  // descriptor.binpb is a FileDescriptorSet holding one file: tag 0x0a, a varint length, the file.
  const set = descriptorSetBytes("descriptor");
  const decoded = decodeFileDescriptorSet(set);
  assert.equal(decoded.file.length, 1);
  assert.equal(decoded.file[0]!.name, "google/protobuf/descriptor.proto");
  const file = toBinary(fileDesc(), decoded.file[0]!);
  assertBytesEqual(descriptorProtoBytes(), file, "embedded descriptor.proto");
});

for (const name of ["descriptor", "descriptor-source-info"]) {
  test(`descriptor.proto set from protoc (${name}) decodes and re-encodes byte-identically`, () => {
    const bytes = descriptorSetBytes(name);
    const set = decodeFileDescriptorSet(bytes);
    assert.equal(set.$typeName, "google.protobuf.FileDescriptorSet");
    assert.equal(set.file.length, 1);
    const f = set.file[0]!;
    assert.equal(f.name, "google/protobuf/descriptor.proto");
    assert.equal(f.package, "google.protobuf");
    assert.equal(f.$unknown, undefined, "descriptor.proto describes every field protoc writes");
    if (name === "descriptor-source-info") {
      assert.ok(f.sourceCodeInfo, "source info is kept");
      assert.ok(f.sourceCodeInfo.location.length > 1000);
      const loc = f.sourceCodeInfo.location.find((l) => l.leadingComments?.includes("The protocol compiler can output a FileDescriptorSet"));
      assert.ok(loc, "comments are decoded");
    } else {
      assert.equal(f.sourceCodeInfo, undefined);
    }
    assertBytesEqual(toBinary(setDesc(), set), bytes, name);
  });
}

for (const name of [
  "proto2",
  "proto3",
  "edition2023",
  "edition2024",
  "unknown",
  "imports",
  "custom_options",
  "edge",
  "dup_a",
  "dup_b",
  "dup_ext",
  "ext_base",
  "ext_a",
  "ext_b",
  "imports-no-deps",
  "proto2-source-info",
  "proto3-source-info",
  "edition2023-source-info",
  "edition2024-source-info",
  "custom_options-source-info",
  "custom_options-retain",
  "edition-defaults",
]) {
  test(`fixture set ${name} re-encodes byte-identically`, () => {
    const bytes = descriptorSetBytes(name);
    if (name === "edition-defaults") {
      const d = bootDescriptorFile().messages.find((m) => m.name === "FeatureSetDefaults")!;
      assertBytesEqual(toBinary(d, fromBinary(d, bytes)), bytes, name);
      return;
    }
    assertBytesEqual(toBinary(setDesc(), decodeFileDescriptorSet(bytes)), bytes, name);
    const again = encodeFileDescriptorSet(decodeFileDescriptorSet(bytes).file);
    assertBytesEqual(again, bytes, name);
    assert.equal(again.buffer.byteLength, again.length, "an array of its own, not a view of a shared buffer");
  });
}

test("decoded FileDescriptorProtos carry what protoc wrote", () => {
  const set = decodeFileDescriptorSet(descriptorSetBytes("edition2023"));
  const f = set.file[0] as FileDescriptorProto;
  assert.equal(f.name, "edition2023.proto");
  assert.equal(f.syntax, "editions");
  assert.equal(f.edition, 1000);
  assert.deepEqual(f.options?.features, { $typeName: "google.protobuf.FeatureSet", utf8Validation: 3, enumType: 2, jsonFormat: 2 });
  const features = f.messageType.find((m) => m.name === "Features")!;
  const implicit = features.field.find((x) => x.name === "implicit_field")!;
  assert.equal(implicit.options?.features?.fieldPresence, 2);
  const p2 = decodeFileDescriptorSet(descriptorSetBytes("proto2")).file[0]!;
  assert.equal(p2.syntax, undefined, "protoc omits syntax for proto2");
  assert.equal(p2.edition, undefined);
});

test("a registry built from a set with source info equals one without", () => {
  const a = registryFromDescriptorSet(descriptorSetBytes("proto3"));
  const b = registryFromDescriptorSet(descriptorSetBytes("proto3-source-info"));
  const names = (r: typeof a) => [...r.files()].flatMap((f) => f.messages.map((m) => `${m.typeName}:${m.fields.map((x) => x.name).join(",")}`));
  assert.deepEqual(names(a), names(b));
});
