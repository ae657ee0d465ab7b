import type { DescFile } from "./descriptors.js";
import type { FileDescriptorProto } from "./descriptor-types.js";
import { bootFeatureDefaults } from "./boot/boot.js";
import { MutableRegistry, type Registry } from "./registry.js";

/**
 * Builds a registry from FileDescriptorProtos, e.g. the `file` list of a FileDescriptorSet.
 * Files may come in any order; each file's imports must be among them or in `base`.
 */
export function createFileRegistry(files: readonly FileDescriptorProto[], base?: Registry): Registry & { readonly added: readonly DescFile[] } {
  const reg = new MutableRegistry(base);
  const added = reg.addFileProtos(files, bootFeatureDefaults());
  return Object.assign(reg, { added });
}
