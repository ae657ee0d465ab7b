// The testee's generated-code mode (PROTOFORGE_CODEC=generated): loads the modules that
// scripts/codegen-conformance.mjs generates into this directory at build time, and makes sure
// every message of them (and of the well-known types they import) uses its generated codec.
import { setCodecFactory } from "../../src/codec/binary/codec.js";
import { reflectiveCodec } from "../../src/codec/binary/reflective.js";
import type { DescFile } from "../../src/reflect/descriptors.js";
import { createRegistry, type Registry } from "../../src/reflect/registry.js";

/** The generated modules, relative to conformance/generated/. */
const modules = [
  "conformance/conformance_pb.js",
  "google/protobuf/test_messages_proto2_pb.js",
  "google/protobuf/test_messages_proto3_pb.js",
  "google/protobuf/test_messages_edition2023_pb.js",
  "google/protobuf/test_messages_proto2_editions_pb.js",
  "google/protobuf/test_messages_proto3_editions_pb.js",
];

function isFile(v: unknown): v is DescFile {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "file";
}

/**
 * A registry of the generated modules' files and everything they import. From now on a message
 * type of those files without a generated codec is an error (no run-time compiled or reflective
 * codec stands in for it).
 */
export async function generatedRegistry(): Promise<Registry> {
  const files = new Set<DescFile>();
  const add = (f: DescFile): void => {
    if (files.has(f)) return;
    f.dependencies.forEach(add);
    files.add(f);
  };
  for (const path of modules) {
    // This module runs from dist/conformance/generated/; the generated ones stay in the source tree.
    const mod = (await import(new URL(`../../../conformance/generated/${path}`, import.meta.url).href)) as Record<string, unknown>;
    const file = Object.values(mod).find(isFile);
    if (!file) throw new Error(`conformance/generated/${path} exports no file descriptor`);
    add(file);
  }
  setCodecFactory((desc) => {
    if (files.has(desc.file)) throw new Error(`no generated codec for ${desc.typeName}`);
    return reflectiveCodec(desc);
  });
  return createRegistry(...files);
}
