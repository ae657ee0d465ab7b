import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registryFromDescriptorSet } from "../../src/descriptor-set.js";
import { emitCodecMethods, type EmitNames } from "../../src/codec/binary/emit.js";
import type { DescMessage } from "../../src/reflect/descriptors.js";
import { repoRoot } from "../support/protoc.js";

const registry = registryFromDescriptorSet(readFileSync(join(repoRoot, "conformance/.gen/descriptors.binpb")));
const types = ["protobuf_test_messages.proto3.TestAllTypesProto3", "protobuf_test_messages.proto2.TestAllTypesProto2", "protobuf_test_messages.editions.TestAllTypesEdition2023"].map(
  (n) => registry.getMessage(n)!,
);

function names(typed: boolean): EmitNames {
  const name = (d: { name: string }) => d.name;
  return {
    codec: (m) => `${m.name}Codec`,
    field: (f) => `S.fields[${f.parent.fields.indexOf(f)}]${typed ? "!" : ""}`,
    enumSet: (f) => `${f.name}Values`,
    runtime: "rt",
    self: "S",
    types: typed ? { message: name, enum: name, reader: "BinaryReader", writer: "BinaryWriter", context: "ReadContext" } : undefined,
  };
}

/** TypeScript source with its annotations removed: parameter and return types, `as T` casts, `!` assertions, `let x: T`. */
function stripTypes(src: string): string {
  return src
    .replace(/\((r|m): [^)]*\)(: \w+)? \{/g, (_, first: string) => (first === "r" ? "(r, end, depth, m, ctx, groupNo) {" : "(m, w, unknown) {"))
    .replace(/create\(\): \w+ \{/g, "create() {")
    .replace(/ as \w+/g, "")
    .replace(/(\]|\))!/g, "$1")
    .replace(/let s: \w+;/g, "let s;");
}

test("the TypeScript codec is the JavaScript codec with type annotations, nothing else", () => {
  for (const desc of types as DescMessage[]) {
    const js = emitCodecMethods(desc, names(false));
    const ts = emitCodecMethods(desc, names(true));
    assert.notEqual(ts, js);
    assert.equal(stripTypes(ts), js, desc.typeName);
  }
});
