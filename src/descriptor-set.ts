import { fromBinary } from "./codec/binary/from-binary.js";
import { bootDescriptorFile } from "./reflect/boot/boot.js";
import type { FileDescriptorSet } from "./reflect/descriptor-types.js";
import { createFileRegistry } from "./reflect/file-registry.js";
import type { Registry } from "./reflect/registry.js";

/** Decodes a serialized google.protobuf.FileDescriptorSet (as written by `protoc --descriptor_set_out`). */
export function decodeFileDescriptorSet(bytes: Uint8Array): FileDescriptorSet {
  const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet")!;
  return fromBinary<FileDescriptorSet>(setDesc, bytes);
}

/** Builds a registry from a serialized FileDescriptorSet; every import must be in the set or in `base`. */
export function registryFromDescriptorSet(bytes: Uint8Array, base?: Registry): Registry {
  return createFileRegistry(decodeFileDescriptorSet(bytes).file, base);
}
