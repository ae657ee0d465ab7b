import { BinaryReader } from "../../wire/reader.js";
import { BinaryWriter } from "../../wire/writer.js";
import type { DescExtension } from "../../reflect/descriptors.js";
import type { Message, UnknownField } from "../../reflect/message.js";
import { scalarZeroValue } from "../../reflect/scalar.js";
import { createEmpty } from "../../message/create.js";
import { readField } from "./from-binary.js";
import { writeField } from "./to-binary.js";
import { codecFor } from "./codec.js";
import { messageSetItem, readMessageSetItem } from "./message-set.js";

// Extensions are stored as they arrive on the wire, among the unknown fields; these functions
// decode and encode them on access, so messages never need a registry to keep them intact.

/** True when the extension is stored as a MessageSet item rather than as a field. */
function inMessageSet(ext: DescExtension): boolean {
  return ext.extendee.isMessageSet && ext.fieldKind === "message";
}

/** True when stored entry `u` holds (part of) the extension's value. */
function holds(u: UnknownField, ext: DescExtension): boolean {
  if (inMessageSet(ext)) return readMessageSetItem(u)?.typeId === ext.number;
  return u.no === ext.number;
}

function checkExtendee(msg: Message, ext: DescExtension): void {
  if (msg.$typeName !== ext.extendee.typeName) throw new TypeError(`extension ${ext.typeName} extends ${ext.extendee.typeName}, not ${msg.$typeName}`);
}

/** True when the message has a value for the extension. */
export function hasExtension(msg: Message, ext: DescExtension): boolean {
  checkExtendee(msg, ext);
  if (!msg.$unknown?.some((u) => holds(u, ext))) return false;
  if (ext.fieldKind === "list") return (getExtension(msg, ext) as unknown[]).length > 0;
  return true;
}

/** The extension's value: decoded from the stored fields (later values win, messages merge), else its default. */
export function getExtension(msg: Message, ext: DescExtension): unknown {
  checkExtendee(msg, ext);
  const holder: Record<string, unknown> = {};
  if (ext.fieldKind === "list") holder.value = [];
  for (const u of msg.$unknown ?? []) {
    if (!holds(u, ext)) continue;
    if (inMessageSet(ext) && ext.fieldKind === "message") {
      const item = readMessageSetItem(u)!;
      const codec = codecFor(ext.message);
      const sub = (holder.value as Message | undefined) ?? (holder.value = codec.create());
      codec.decode(new BinaryReader(item.message), item.message.length, 1, sub as Message, { unknown: true, maxDepth: 100 }, 0);
      continue;
    }
    const r = new BinaryReader(u.data);
    readField(holder, ext, r, u.wireType, 0, { unknown: false, maxDepth: 100 });
  }
  if (holder.value !== undefined) return holder.value;
  switch (ext.fieldKind) {
    case "scalar":
      return ext.defaultValue ?? scalarZeroValue(ext.scalar);
    case "enum":
      return ext.defaultValue;
    case "message":
      return createEmpty(ext.message);
    default:
      return undefined;
  }
}

/** Removes the extension's value. */
export function clearExtension(msg: Message, ext: DescExtension): void {
  checkExtendee(msg, ext);
  if (!msg.$unknown) return;
  msg.$unknown = msg.$unknown.filter((u) => !holds(u, ext));
  if (msg.$unknown.length === 0) delete msg.$unknown;
}

/** Sets the extension's value (replacing any earlier one). */
export function setExtension(msg: Message, ext: DescExtension, value: unknown): void {
  clearExtension(msg, ext);
  appendExtension(msg, ext, value);
}

/**
 * Appends a value of the extension to the stored fields without removing earlier ones (as
 * parsing does: a repeated extension grows, a singular one takes the later value).
 */
export function appendExtension(msg: Message, ext: DescExtension, value: unknown): void {
  checkExtendee(msg, ext);
  const w = new BinaryWriter();
  if (inMessageSet(ext) && ext.fieldKind === "message") {
    codecFor(ext.message).encode(value as Message, w, true);
    const item = messageSetItem(ext.number, w.finish());
    item.ext = true;
    (msg.$unknown ??= []).push(item);
    return;
  }
  writeField(w, ext, value, true, false);
  const fields = splitFields(w.finish());
  for (const f of fields) f.ext = true;
  if (fields.length === 0) return;
  if (msg.$unknown) msg.$unknown.push(...fields);
  else msg.$unknown = fields;
}

/** Splits encoded fields into unknown-field entries. */
function splitFields(bytes: Uint8Array): UnknownField[] {
  const r = new BinaryReader(bytes);
  const out: UnknownField[] = [];
  while (!r.done) {
    const no = r.tag();
    const wireType = r.wireType;
    out.push({ no, wireType, data: r.skip().slice() });
  }
  return out;
}
