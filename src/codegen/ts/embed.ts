import { base64Encode } from "../../wire/base64.js";
import { toBinary } from "../../codec/binary/to-binary.js";
import { bootDescriptorFile } from "../../reflect/boot/boot.js";
import type { DescFile, DescMessage } from "../../reflect/descriptors.js";
import type { DescriptorProto, FieldDescriptorProto, FileDescriptorProto } from "../../reflect/descriptor-types.js";
import { protoCamelCase } from "../../reflect/names.js";
import { exportConst } from "./declare.js";
import type { ModuleContext } from "./module.js";

let fileDescriptorProto: DescMessage | undefined;

/**
 * A file's FileDescriptorProto as generated code embeds it: without source_code_info (comments
 * are in the TSDoc) and without json_name where it is the default, serialized.
 */
export function embeddedDescriptorBytes(file: DescFile): Uint8Array {
  fileDescriptorProto ??= bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  const p = file.proto;
  const slim: FileDescriptorProto = { ...p, sourceCodeInfo: undefined, messageType: p.messageType.map(slimMessage), extension: p.extension.map(slimField) };
  return toBinary(fileDescriptorProto, slim);
}

function slimMessage(m: DescriptorProto): DescriptorProto {
  return { ...m, field: m.field.map(slimField), extension: m.extension.map(slimField), nestedType: m.nestedType.map(slimMessage) };
}

function slimField(f: FieldDescriptorProto): FieldDescriptorProto {
  return f.jsonName !== undefined && f.jsonName === protoCamelCase(f.name ?? "") ? { ...f, jsonName: undefined } : f;
}

/**
 * The exported constant holding the file's descriptors: the embedded FileDescriptorProto (base64)
 * loaded with the files of the modules it imports. descriptor.proto is the runtime's own booted file.
 */
export function fileDeclaration(file: DescFile, ctx: ModuleContext): string {
  const doc = `/** The descriptor of ${file.name}. */`;
  const type = () => ctx.runtime("GenFile", true);
  if (file.name === "google/protobuf/descriptor.proto") {
    return exportConst(ctx, doc, ctx.symbols.file, type, () => `${ctx.runtime("bootDescriptorFile")}()`);
  }
  return exportConst(ctx, doc, ctx.symbols.file, type, () => {
    const chunks = base64Encode(embeddedDescriptorBytes(file)).match(/.{1,100}/g) ?? [""];
    const deps = file.dependencies.map((d) => ctx.fileName(d));
    return `${ctx.runtime("embedFile")}(\n${chunks.map((c) => `  "${c}"`).join(" +\n")},\n  [${deps.join(", ")}],\n)`;
  });
}
