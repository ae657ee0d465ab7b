import { splitUnknown } from "../codec/text/extensions.js";
import { getSetValue } from "../message/fields.js";
import type { DescExtension, DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { fieldFullName } from "../reflect/names.js";
import { ScalarType } from "../reflect/scalar.js";
import { WireError } from "../wire/errors.js";
import { fromBinary } from "../codec/binary/from-binary.js";
import { utf8Decode } from "../wire/utf8.js";
import { WireType } from "../wire/wire-type.js";
import { logPrefix } from "./diagnostics.js";
import type { FaithfulSchema } from "./faithful-schema.js";

/** protoc's log line for a string field that must be UTF-8 and is not (absl log, wire_format_lite.cc). */
export function utf8Log(fieldName: string, when: "parsing" | "serializing"): string {
  return (
    logPrefix("E", "wire_format_lite.cc:578") +
    `String field '${fieldName}' contains invalid UTF-8 data when ${when} a protocol buffer. Use the 'bytes' type if you intend to send raw bytes. \n`
  );
}

/**
 * The log lines protoc writes when it serializes `msg` (of a faithful schema, where strings are
 * bytes): one per string value that must be UTF-8 and is not, in the order protoc writes fields
 * (by number, extensions among them, entries of a map as key then value).
 */
export function serializationUtf8Logs(desc: DescMessage, msg: Message, schema: FaithfulSchema): string {
  const names: string[] = [];
  collectInvalid(desc, msg, schema, (name) => void names.push(name), 0);
  return names.map((n) => utf8Log(n, "serializing")).join("");
}

/** Calls `report` with the name of each string field holding a value that must be UTF-8 and is not, in the order protoc writes fields. */
function collectInvalid(desc: DescMessage, msg: Message, schema: FaithfulSchema, report: (name: string) => void, depth: number): void {
  if (depth > 100) return;
  const exts = splitUnknown(desc, msg, schema.registry).extensions;
  let e = 0;
  const visit = (field: DescField | DescExtension, v: unknown) => {
    const name = fieldFullName(field);
    if (field.fieldKind === "scalar" || (field.fieldKind === "list" && field.elementKind === "scalar")) {
      if (!schema.requiresUtf8(field)) return;
      for (const b of field.fieldKind === "list" ? (v as Uint8Array[]) : [v as Uint8Array]) if (!isUtf8(b)) report(name);
    } else if (field.fieldKind === "message") collectInvalid(field.message, v as Message, schema, report, depth + 1);
    else if (field.fieldKind === "list" && field.elementKind === "message") {
      for (const m of v as Message[]) collectInvalid(field.message, m, schema, report, depth + 1);
    }
  };
  for (const field of desc.fieldsByNumber) {
    for (; e < exts.length && exts[e]!.ext.number < field.number; e++) visit(exts[e]!.ext, exts[e]!.value);
    const v = getSetValue(msg, field);
    if (v !== undefined) visit(field, v);
  }
  for (; e < exts.length; e++) visit(exts[e]!.ext, exts[e]!.value);
}

function isUtf8(b: Uint8Array): boolean {
  return utf8Decode(b, 0, b.length, true) !== undefined;
}

/**
 * The log line protoc writes before `Failed to parse input.` when a string field that must be
 * UTF-8 is not; "" for other parse errors. A complete string the decoder rejected names its field
 * in the WireError. Where a length runs past the end of its message or of the input, the decoder
 * stops, but protoc goes on as far as its input buffer allows (see truncatedLog).
 */
export function parseUtf8Log(e: WireError, desc: DescMessage, input: Uint8Array, registry: Registry | undefined): string {
  return failureLog(e, { desc, bytes: input, base: 0, limit: Infinity }, input, registry, 0);
}

/** A message being parsed: its bytes (as far as the input goes), where they start in the input, and where its length says it ends (relative; Infinity at the top). */
interface Part {
  readonly desc: DescMessage;
  readonly bytes: Uint8Array;
  readonly base: number;
  readonly limit: number;
}

function failureLog(e: WireError, part: Part, input: Uint8Array, registry: Registry | undefined, depth: number): string {
  if (e.code === "invalid-utf8" && e.field) return utf8Log(mapEntryFieldName(e.field, e.offset, part.bytes, registry), "parsing");
  if (e.code !== "invalid-length" || depth > 100) return "";
  return truncatedLog(part, e.offset, input, registry, depth);
}

/**
 * The decoder names a map field where protoc names the entry's `key` or `value`: the tag byte
 * just before the string's length (at the error's offset) tells which.
 */
function mapEntryFieldName(name: string, offset: number, bytes: Uint8Array, registry: Registry | undefined): string {
  const dot = name.lastIndexOf(".");
  const field = registry?.getMessage(name.slice(0, dot))?.fieldByName(name.slice(dot + 1));
  if (field?.fieldKind !== "map") return name;
  return `${field.entry.typeName}.${bytes[offset - 1] === 0x0a ? "key" : "value"}`;
}

/** True for a string field or a list of strings. */
function holdsStrings(field: DescField | DescExtension): boolean {
  if (field.fieldKind === "scalar") return field.scalar === ScalarType.STRING;
  return field.fieldKind === "list" && field.elementKind === "scalar" && field.scalar === ScalarType.STRING;
}

/**
 * protoc's parser reads its input in buffers followed by 16 bytes of slop; the last 16 bytes of the
 * input (all of it, when that is 16 bytes or less) are read from a final buffer whose slop holds
 * zeros (for a short input, zeros and then the input again).
 */
const SLOP_BYTES = 16;

/**
 * What protoc logs for the value whose length varint is at `lengthAt` in `part`, a length that
 * runs past its message or the input. A message (or map entry) is parsed to its own length, past
 * the end of the message around it, as far as the input goes: a string in it may be logged. A
 * string is read (and checked, if it must be UTF-8) when the bytes are there: in the input, or in
 * the slop of the final buffer (which the parser reaches when the field starts there, or when the
 * message around the string ends past the input); otherwise protoc fails without reading it.
 */
function truncatedLog(part: Part, lengthAt: number, input: Uint8Array, registry: Registry | undefined, depth: number): string {
  const found = fieldAt(part.desc, part.bytes, 0, part.bytes.length, part.limit, lengthAt, registry, 0);
  const length = readVarint(part.bytes, lengthAt);
  if (!found || !length) return "";
  const { field } = found;
  const at = part.base + length.end;
  const len = length.value;
  const sub = subMessage(field);
  if (sub) {
    const rest = input.subarray(at, Math.min(at + len, input.length));
    try {
      fromBinary(sub, rest);
      return "";
    } catch (e) {
      return e instanceof WireError ? failureLog(e, { desc: sub, bytes: rest, base: at, limit: len }, input, registry, depth + 1) : "";
    }
  }
  if (!holdsStrings(field) || !field.validateUtf8) return "";
  const real = input.length - at;
  const inFinalBuffer = input.length <= SLOP_BYTES || part.base + found.tagAt >= input.length - SLOP_BYTES;
  const intoSlop = inFinalBuffer || part.base + found.limit > input.length;
  if (len > real && !(intoSlop && len <= real + SLOP_BYTES)) return "";
  const read = new Uint8Array(len);
  read.set(input.subarray(at, at + Math.min(len, real)));
  const zeros = input.length <= SLOP_BYTES ? SLOP_BYTES - input.length : SLOP_BYTES;
  for (let i = real; i < len; i++) read[i] = i - real < zeros ? 0 : input[i - real - zeros]!;
  if (isUtf8(read)) return "";
  return utf8Log(fieldFullName(field), "parsing");
}

/** A field found by fieldAt: where its tag is, and where the message around it ends (both relative to the part). */
interface Found {
  readonly field: DescField | DescExtension;
  readonly tagAt: number;
  readonly limit: number;
}

/**
 * The field (a map entry's key or value counts as a field of the entry) whose length varint is at
 * `target`, within the message whose fields are in [pos, end) and whose length ends at `limit`.
 */
function fieldAt(desc: DescMessage, input: Uint8Array, pos: number, end: number, limit: number, target: number, registry: Registry | undefined, depth: number): Found | undefined {
  if (depth > 100) return undefined;
  while (pos < end && pos < target) {
    const tagAt = pos;
    const tag = readVarint(input, pos);
    if (!tag) return undefined;
    const no = Math.floor(tag.value / 8);
    const wt = tag.value % 8;
    pos = tag.end;
    const field = desc.field(no) ?? registry?.getExtensionFor(desc, no);
    if (wt === WireType.LengthDelimited) {
      if (pos === target) return field && { field, tagAt, limit };
      const len = readVarint(input, pos);
      if (!len) return undefined;
      const start = len.end;
      if (target < start + len.value) {
        const sub = field && subMessage(field);
        return sub && fieldAt(sub, input, start, Math.min(start + len.value, input.length), start + len.value, target, registry, depth + 1);
      }
      pos = start + len.value;
    } else if (wt === WireType.StartGroup) {
      const sub = field && subMessage(field);
      const groupEnd = skipGroup(input, pos, no);
      if (groupEnd === undefined || target < groupEnd) return sub && fieldAt(sub, input, pos, groupEnd ?? input.length, limit, target, registry, depth + 1);
      pos = groupEnd;
    } else if (wt === WireType.Varint) {
      const v = readVarint(input, pos);
      if (!v) return undefined;
      pos = v.end;
    } else if (wt === WireType.Bit64) pos += 8;
    else if (wt === WireType.Bit32) pos += 4;
    else return undefined;
  }
  return undefined;
}

/** The message type inside a field's values: a message, a list of messages, or a map's entry. */
function subMessage(field: DescField | DescExtension): DescMessage | undefined {
  if (field.fieldKind === "message") return field.message;
  if (field.fieldKind === "list" && field.elementKind === "message") return field.message;
  if (field.fieldKind === "map") return field.entry;
  return undefined;
}

/** Where the group whose fields start at `pos` ends (after its end tag), or undefined. */
function skipGroup(input: Uint8Array, pos: number, no: number): number | undefined {
  for (let depth = 0; pos < input.length && depth < 100; ) {
    const tag = readVarint(input, pos);
    if (!tag) return undefined;
    pos = tag.end;
    const wt = tag.value % 8;
    if (wt === WireType.EndGroup) {
      if (depth === 0) return Math.floor(tag.value / 8) === no ? pos : undefined;
      depth--;
    } else if (wt === WireType.StartGroup) depth++;
    else if (wt === WireType.Varint) pos = readVarint(input, pos)?.end ?? input.length;
    else if (wt === WireType.Bit64) pos += 8;
    else if (wt === WireType.Bit32) pos += 4;
    else if (wt === WireType.LengthDelimited) {
      const len = readVarint(input, pos);
      if (!len) return undefined;
      pos = len.end + len.value;
    } else return undefined;
  }
  return undefined;
}

/** A varint of up to 10 bytes as a number (exact below 2^53), with the position after it. */
function readVarint(input: Uint8Array, pos: number): { value: number; end: number } | undefined {
  let value = 0;
  for (let i = 0; i < 10 && pos < input.length; i++) {
    const b = input[pos++]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return { value, end: pos };
  }
  return undefined;
}
