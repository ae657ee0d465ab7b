/**
 * The checks protoc makes on what a plugin says it supports (CodeGeneratorResponse
 * supported_features, minimum_edition, maximum_edition) against the files to generate:
 * EnforceProto3OptionalSupport and EnforceEditionsSupport of command_line_interface.cc.
 */
import type { DescriptorProto, FileDescriptorProto } from "../reflect/descriptor-types.js";
import { editionText } from "./editions.js";

/** CodeGenerator::FEATURE_PROTO3_OPTIONAL. */
export const FEATURE_PROTO3_OPTIONAL = 1n;
/** CodeGenerator::FEATURE_SUPPORTS_EDITIONS. */
export const FEATURE_SUPPORTS_EDITIONS = 2n;

const EDITION_PROTO2 = 998;
const EDITION_PROTO3 = 999;
const EDITION_2023 = 1000;

/** A file's edition as protoc's FileDescriptor has it: `edition` for editions files, else from `syntax`. */
export function fileEdition(file: FileDescriptorProto): number {
  if (file.syntax === "editions") return file.edition ?? 0;
  return file.syntax === "proto3" ? EDITION_PROTO3 : EDITION_PROTO2;
}

/** protoc's CanSkipEditionCheck: its own files and test files are exempt. */
function canSkipEditionCheck(name: string): boolean {
  return ["google/protobuf/", "upb/", "com/google/protobuf/", "conformance/test_protos/", "test_messages_edition_unstable"].some((p) => name.startsWith(p));
}

function hasProto3Optional(file: FileDescriptorProto): boolean {
  const message = (m: DescriptorProto): boolean => m.field.some((f) => f.proto3Optional === true) || m.nestedType.some(message);
  return file.messageType.some(message);
}

/** What a plugin's response says it supports. */
export interface PluginSupport {
  readonly features: bigint;
  readonly minimumEdition: number;
  readonly maximumEdition: number;
}

/**
 * The text protoc prints to stderr when `files` use something plugin `plugin` does not support,
 * or "" when they do not: the first proto3 file with optional fields (a whole line), then the
 * first editions file the plugin cannot take (without a final newline, as protoc prints it).
 * `experimentalEditions` (--experimental_editions) turns the editions check off.
 */
export function unsupportedText(plugin: string, support: PluginSupport, files: readonly FileDescriptorProto[], experimentalEditions: boolean): string {
  let text = "";
  if ((support.features & FEATURE_PROTO3_OPTIONAL) === 0n) {
    const file = files.find((f) => fileEdition(f) === EDITION_PROTO3 && hasProto3Optional(f));
    if (file) {
      text += `${file.name ?? ""}: is a proto3 file that contains optional fields, but code generator ${plugin} hasn't been updated to support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional.\n`;
    }
  }
  if (!experimentalEditions) text += editionsText(plugin, support, files);
  return text;
}

function editionsText(plugin: string, support: PluginSupport, files: readonly FileDescriptorProto[]): string {
  for (const file of files) {
    const edition = fileEdition(file);
    const name = file.name ?? "";
    if (edition < EDITION_2023 || canSkipEditionCheck(name)) continue;
    if ((support.features & FEATURE_SUPPORTS_EDITIONS) === 0n) {
      return `${name}: is an editions file, but code generator ${plugin} hasn't been updated to support editions yet.  Please ask the owner of this code generator to add support or switch back to proto2/proto3.\n\nSee https://protobuf.dev/editions/overview/ for more information.`;
    }
    if (edition < support.minimumEdition) {
      return `${name}: is a file using edition ${editionText(edition)}, which isn't supported by code generator ${plugin}.  Please upgrade your file to at least edition ${editionText(support.minimumEdition)}.`;
    }
    if (edition > support.maximumEdition) {
      return `${name}: is a file using edition ${editionText(edition)}, which isn't supported by code generator ${plugin}.  Please ask the owner of this code generator to add support or switch back to a maximum of edition ${editionText(support.maximumEdition)}.`;
    }
  }
  return "";
}
