import { bootDescriptorFile } from "../reflect/boot/boot.js";
import type { DescFile, DescMessage } from "../reflect/descriptors.js";
import { embedFile } from "./runtime.js";
import { pluginProtoBase64 } from "./plugin-proto.js";

let file: DescFile | undefined;

/** The descriptors of google/protobuf/compiler/plugin.proto, built from its embedded form on first use. */
export function pluginFile(): DescFile {
  file ??= embedFile(pluginProtoBase64, [bootDescriptorFile()]);
  return file;
}

function message(name: string): DescMessage {
  const m = pluginFile().messages.find((x) => x.name === name);
  if (!m) throw new Error(`plugin.proto has no message ${name}`);
  return m;
}

/** The descriptor of google.protobuf.compiler.CodeGeneratorRequest. */
export function codeGeneratorRequestDesc(): DescMessage {
  return message("CodeGeneratorRequest");
}

/** The descriptor of google.protobuf.compiler.CodeGeneratorResponse. */
export function codeGeneratorResponseDesc(): DescMessage {
  return message("CodeGeneratorResponse");
}
