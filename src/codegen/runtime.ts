/**
 * What generated code imports (package entry `protoforge/codegen-runtime`): embedded descriptors,
 * typed schemas and the registration of specialized codecs. This module belongs to the runtime: it
 * imports only the runtime layers, never the generator.
 */
import { base64Decode } from "../wire/base64.js";
import type { BinaryReader } from "../wire/reader.js";
import type { BinaryWriter } from "../wire/writer.js";
import { bootDescriptorFile } from "../reflect/boot/boot.js";
import type { DescFile, DescMessage } from "../reflect/descriptors.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import { fileFromProto, type GenMessage } from "../reflect/embedded-file.js";
import type { Message } from "../reflect/message.js";
import { codecFor, registerCodec, type MessageCodec, type ReadContext } from "../codec/binary/codec.js";
import { fromBinary } from "../codec/binary/from-binary.js";

export type { BinaryReader } from "../wire/reader.js";
export type { BinaryWriter } from "../wire/writer.js";
export type { Message } from "../reflect/message.js";
export type { ReadContext, MessageCodec } from "../codec/binary/codec.js";
export { messageDesc, enumDesc, extDesc, serviceDesc, fileFromProto } from "../reflect/embedded-file.js";
export type { GenFile, GenMessage, GenEnum, GenExtension, GenService, GenMethodTypes, MessageShape } from "../reflect/embedded-file.js";
export { codecRuntime } from "../codec/binary/compile.js";
export { bootDescriptorFile } from "../reflect/boot/boot.js";

/** The binary codec of a generated message type, typed with its message type. */
export interface GenCodec<T extends Message> extends MessageCodec {
  create(): T;
  decode(r: BinaryReader, end: number, depth: number, msg: T, ctx: ReadContext, groupNo: number): void;
  encode(msg: T, w: BinaryWriter, unknown: boolean): void;
}

let fileDescriptorProto: DescMessage | undefined;

/**
 * The descriptors of a generated file, from its serialized FileDescriptorProto (base64) and the
 * files of the generated modules it imports.
 */
export function embedFile(base64: string, deps: readonly DescFile[]): DescFile {
  fileDescriptorProto ??= bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  const bytes = base64Decode(base64);
  if (bytes === undefined) throw new Error("embedded descriptor: invalid base64");
  return fileFromProto(fromBinary<FileDescriptorProto>(fileDescriptorProto, bytes), deps);
}

/** Registers the generated codec of a message type (used for it from then on) and returns it. */
export function defineCodec<T extends Message>(schema: GenMessage<T>, codec: GenCodec<T>): GenCodec<T> {
  registerCodec(schema, codec);
  return codec;
}

/** The codec of a message type defined in another generated module. */
export function codecOf<T extends Message>(schema: GenMessage<T>): GenCodec<T> {
  return codecFor(schema) as GenCodec<T>;
}
