import { BinaryReader } from "../../wire/reader.js";
import { BinaryWriter } from "../../wire/writer.js";
import type { DescExtension } from "../../reflect/descriptors.js";
import type { Message, UnknownField } from "../../reflect/message.js";
import { scalarZeroValue } from "../../reflect/scalar.js";
import { createEmpty } from "../../message/create.js";
import { readField } from "./from-binary.js";
import { writeField } from "./to-binary.js";

// Extensions are stored as they arrive on the wire, among the unknown fields; these functions
// decode and encode them on access, so messages never need a registry to keep them intact.

function checkExtendee(msg: Message, ext: DescExtension): void {
  if (msg.$typeName !== ext.extendee.typeName) throw new TypeError(`extension ${ext.typeName} extends ${ext.extendee.typeName}, not ${msg.$typeName}`);
}

/** True when the message has a value for the extension. */
export function hasExtension(msg: Message, ext: DescExtension): boolean {
  checkExtendee(msg, ext);
  if (!msg.$unknown?.some((u) => u.no === ext.number)) return false;
  if (ext.fieldKind === "list") return (getExtension(msg, ext) as unknown[]).length > 0;
  return true;
}

/** The extension's value: decoded from the stored fields (later values win, messages merge), else its default. */
export function getExtension(msg: Message, ext: DescExtension): unknown {
  checkExtendee(msg, ext);
  const holder: Record<string, unknown> = {};
  if (ext.fieldKind === "list") holder.value = [];
  for (const u of msg.$unknown ?? []) {
    if (u.no !== ext.number) continue;
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
  msg.$unknown = msg.$unknown.filter((u) => u.no !== ext.number);
  if (msg.$unknown.length === 0) delete msg.$unknown;
}

/** Sets the extension's value (replacing any earlier one). */
export function setExtension(msg: Message, ext: DescExtension, value: unknown): void {
  clearExtension(msg, ext);
  const w = new BinaryWriter();
  writeField(w, ext, value, true, false);
  const fields = splitFields(w.finish());
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
