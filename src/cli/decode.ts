import { fromBinary } from "../codec/binary/from-binary.js";
import { toBinary } from "../codec/binary/to-binary.js";
import { fromText } from "../codec/text/from-text.js";
import { TextFormatError } from "../codec/text/errors.js";
import { toText } from "../codec/text/to-text.js";
import { bootDescriptorFile } from "../reflect/boot/boot.js";
import type { DescMessage } from "../reflect/descriptors.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import { createFileRegistry } from "../reflect/file-registry.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { WireError } from "../wire/errors.js";
import { sortExtensionsByNumber, sortMapsByKey } from "./deterministic.js";
import { formatDiagnostic, logPrefix } from "./diagnostics.js";
import type { ErrorFormat } from "./options.js";
import { initializationErrors } from "./required-paths.js";

/** What a codec command writes and how it exits: stdout as raw bytes, stderr as text. */
export interface CodecResult {
  readonly stdout: Uint8Array;
  readonly stderr: string;
  readonly code: number;
}

/** Options of --encode. */
export interface EncodeOptions {
  readonly errorFormat: ErrorFormat;
  /** --deterministic_output: map entries ordered by key. */
  readonly deterministic: boolean;
}

const FAILED = "Failed to parse input.\n";
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
 * input prints only `Failed to parse input.` (exit 1); missing required fields only warn (exit 0,
 * even with --fatal_warnings: protoc 36.2 does not count this warning).
 */
export function decode(desc: DescMessage, registry: Registry | undefined, input: Uint8Array): CodecResult {
  let msg: Message;
  try {
    msg = fromBinary(desc, input);
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    return { stdout: empty, stderr: utf8LogLine(e, input, registry) + FAILED, code: 1 };
  }
  const warning = requiredWarning(desc, msg, registry);
  const text = toText(desc, msg, registry ? { registry } : undefined);
  return { stdout: encoder.encode(text), stderr: warning, code: 0 };
}

/**
 * --encode=TYPE: parses the text format from `input` and writes the binary message. Parse errors
 * print as `input:LINE:COL: reason` then `Failed to parse input.` (exit 1).
 */
export function encode(desc: DescMessage, registry: Registry | undefined, input: Uint8Array, options: EncodeOptions): CodecResult {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  let msg: Message;
  try {
    msg = fromText(desc, text, registry ? { registry } : undefined);
  } catch (e) {
    if (!(e instanceof TextFormatError)) throw e;
    const line = formatDiagnostic(options.errorFormat, "input", e.line, e.column, e.reason);
    return { stdout: empty, stderr: `${line}\n${FAILED}`, code: 1 };
  }
  const warning = requiredWarning(desc, msg, registry);
  if (options.deterministic) sortMapsByKey(desc, msg);
  sortExtensionsByNumber(desc, msg);
  return { stdout: toBinary(desc, msg), stderr: warning, code: 0 };
}

/** protoc's warning for a message that lacks required fields, or "" when it has them all. */
function requiredWarning(desc: DescMessage, msg: Message, registry: Registry | undefined): string {
  const missing = initializationErrors(desc, msg, registry);
  return missing.length > 0 ? `warning:  Input message is missing required fields:  ${missing.join(", ")}\n` : "";
}

/**
 * The log line protoc writes before `Failed to parse input.` when a string field that must be
 * UTF-8 is not; "" for other parse errors. The WireError names the field only in its message, and
 * names a map field where protoc names the entry's `key` or `value`: the tag byte just before the
 * string's length (at the error's offset) tells which.
 */
function utf8LogLine(e: WireError, input: Uint8Array, registry: Registry | undefined): string {
  const m = /^invalid UTF-8 in string field (\S+)/.exec(e.message);
  if (!m) return "";
  let name = m[1]!;
  const dot = name.lastIndexOf(".");
  const field = registry?.getMessage(name.slice(0, dot))?.fields.find((f) => f.name === name.slice(dot + 1));
  if (field?.fieldKind === "map" && field.proto.typeName) {
    name = `${field.proto.typeName.replace(/^\./, "")}.${input[e.offset - 1] === 0x0a ? "key" : "value"}`;
  }
  return (
    logPrefix("E", "wire_format_lite.cc:578") +
    `String field '${name}' contains invalid UTF-8 data when parsing a protocol buffer. Use the 'bytes' type if you intend to send raw bytes. \n`
  );
}
