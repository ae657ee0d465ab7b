import { fromBinary } from "../codec/binary/from-binary.js";
import { splitUnknown } from "../codec/text/extensions.js";
import { fromText } from "../codec/text/from-text.js";
import { toText } from "../codec/text/to-text.js";
import { bootDescriptorFile } from "../reflect/boot/boot.js";
import type { DescMessage } from "../reflect/descriptors.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import { createFileRegistry } from "../reflect/file-registry.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { missingRequiredFields } from "../message/required.js";
import { WireError } from "../wire/errors.js";
import { faithfulSchema } from "./faithful-schema.js";
import { parseUtf8Log } from "./utf8-log.js";

/** What a codec command writes and how it exits: stdout as raw bytes, stderr as text. */
export interface CodecResult {
  readonly stdout: Uint8Array;
  readonly stderr: string;
  readonly code: number;
}

/** protoc's last line when the input does not parse. */
export const FAILED = "Failed to parse input.\n";
const encoder = new TextEncoder();
const empty = new Uint8Array(0);

let emptyMessage: DescMessage | undefined;

/** protoc's stand-in type for --decode_raw: a message with no fields, so that every field is unknown. */
export function emptyMessageType(): DescMessage {
  if (emptyMessage) return emptyMessage;
  const fileType = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  const file = fromText<FileDescriptorProto>(fileType, 'name: "empty_message.proto" message_type { name: "EmptyMessage" }');
  emptyMessage = createFileRegistry([file]).getMessage("EmptyMessage")!;
  return emptyMessage;
}

/** --decode_raw: prints any message's fields by number, as protoc does. */
export function decodeRaw(input: Uint8Array): CodecResult {
  return decode(emptyMessageType(), undefined, input);
}

/**
 * --decode=TYPE: reads a binary message from `input` and prints it in the text format. Malformed
 * input prints only `Failed to parse input.` (exit 1), after protoc's log line when a string is
 * not UTF-8; missing required fields only warn (exit 0, even with --fatal_warnings: protoc 36.2
 * does not count this warning). The message is read as the schema says, which decides what fails
 * (a string that must be UTF-8 fails even when a later value replaces it), then again in the
 * faithful schema (see faithful-schema.ts), which keeps the bytes of strings and every map entry,
 * for printing.
 */
export function decode(desc: DescMessage, registry: Registry | undefined, input: Uint8Array): CodecResult {
  let msg: Message;
  try {
    msg = fromBinary(desc, input);
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    return { stdout: empty, stderr: parseUtf8Log(e, desc, input, registry) + FAILED, code: 1 };
  }
  if (!registry) return { stdout: encoder.encode(toText(desc, msg)), stderr: requiredWarning(desc, msg, undefined), code: 0 };
  const schema = faithfulSchema(registry, desc, "decode");
  const faithful = schema.message(desc.typeName)!;
  let copy: Message;
  try {
    copy = fromBinary(faithful, input);
  } catch (e) {
    // Not expected (the copy reads what the schema reads); print what the schema read.
    if (!(e instanceof WireError)) throw e;
    return { stdout: encoder.encode(toText(desc, msg, { registry })), stderr: requiredWarning(desc, msg, registry), code: 0 };
  }
  const text = toText(faithful, copy, { registry: schema.registry, mapEntryLists: (f) => schema.isMap(f) });
  return { stdout: encoder.encode(text), stderr: requiredWarning(faithful, copy, schema.registry), code: 0 };
}

/** protoc's warning for a message that lacks required fields, or "" when it has them all. */
export function requiredWarning(desc: DescMessage, msg: Message, registry: Registry | undefined): string {
  const missing = missingRequiredFields(desc, msg, { extensions: (d, m) => splitUnknown(d, m, registry).extensions });
  return missing.length > 0 ? `warning:  Input message is missing required fields:  ${missing.join(", ")}\n` : "";
}
