import { fromBinary } from "./codec/binary/from-binary.js";
import { toBinary } from "./codec/binary/to-binary.js";
import { bootDescriptorFile } from "./reflect/boot/boot.js";
import type { FileDescriptorProto, FileDescriptorSet } from "./reflect/descriptor-types.js";
import { createFileRegistry } from "./reflect/file-registry.js";
import type { Registry } from "./reflect/registry.js";

function setDesc() {
  return bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet")!;
}

/** Decodes a serialized google.protobuf.FileDescriptorSet (as written by `protoc --descriptor_set_out`). */
export function decodeFileDescriptorSet(bytes: Uint8Array): FileDescriptorSet {
  return fromBinary<FileDescriptorSet>(setDesc(), bytes);
}

/** Serializes files (compile()'s `files`, say) as a google.protobuf.FileDescriptorSet: what `protoc --descriptor_set_out` writes. */
export function encodeFileDescriptorSet(files: readonly FileDescriptorProto[]): Uint8Array {
  const set: FileDescriptorSet = { $typeName: "google.protobuf.FileDescriptorSet", file: [...files] };
  return toBinary(setDesc(), set).slice();
}

/** Builds a registry from a serialized FileDescriptorSet; every import must be in the set or in `base`. */
export function registryFromDescriptorSet(bytes: Uint8Array, base?: Registry): Registry {
  return createFileRegistry(decodeFileDescriptorSet(bytes).file, base);
}
