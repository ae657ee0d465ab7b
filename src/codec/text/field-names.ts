import type { DescExtension, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Registry } from "../../reflect/registry.js";

/** The message type of a message field or a list of messages, with its encoding. */
function messageInfo(field: DescField | DescExtension): { message: DescMessage; delimited: boolean } | undefined {
  if (field.fieldKind === "message") return field;
  if (field.fieldKind === "list" && field.elementKind === "message") return field;
  return undefined;
}

/**
 * A group, or a delimited field that looks like one: named as its type in lowercase, the type
 * declared beside it in the same file. The text format names such fields by their type name.
 */
export function isGroupLike(field: DescField | DescExtension): boolean {
  const m = messageInfo(field);
  if (!m || !m.delimited || field.name !== m.message.name.toLowerCase()) return false;
  const file = field.kind === "field" ? field.parent.file : field.file;
  return m.message.file === file && m.message.parent === field.parent;
}

/** The name protoc prints for a field: a group-like field's type name, else the field name. */
export function textFieldName(field: DescField): string {
  return isGroupLike(field) ? messageInfo(field)!.message.name : field.name;
}

/** Finds a field by the name written in text: its name, or for a group-like field its type name. */
export function findFieldByTextName(desc: DescMessage, name: string): DescField | undefined {
  const f = desc.fieldByName(name);
  if (f) return f;
  const lower = desc.fieldByName(name.toLowerCase());
  return lower && isGroupLike(lower) && messageInfo(lower)!.message.name === name ? lower : undefined;
}

/** The name of an extension as the text format writes it inside `[…]`: its full name, or its message's full name for a MessageSet extension. */
export function printableExtensionName(ext: DescExtension): string {
  return isMessageSetExtension(ext) ? messageInfo(ext)!.message.typeName : ext.typeName;
}

/** Finds an extension of `desc` by the name written in `[…]` (see printableExtensionName). */
export function findExtensionByPrintableName(registry: Registry, desc: DescMessage, name: string): DescExtension | undefined {
  const ext = registry.getExtension(name);
  if (ext && ext.extendee.typeName === desc.typeName) return ext;
  if (!desc.isMessageSet) return undefined;
  const m = registry.getMessage(name);
  return m?.nestedExtensions.find((x) => x.extendee.typeName === desc.typeName && isMessageSetExtension(x));
}

/** A MessageSet extension: an optional message extension of a MessageSet, declared inside its own message type. */
export function isMessageSetExtension(ext: DescExtension): boolean {
  return ext.extendee.isMessageSet && ext.fieldKind === "message" && !ext.delimited && ext.parent === ext.message && ext.presence !== "required";
}

/** True when `number` is reserved in `desc`. */
export function isReservedNumber(desc: DescMessage, number: number): boolean {
  return desc.proto.reservedRange.some((r) => number >= (r.start ?? 0) && number < (r.end ?? 0));
}

/** True when `number` falls in one of `desc`'s extension ranges. */
export function isExtensionNumber(desc: DescMessage, number: number): boolean {
  return desc.extensionRanges.some(([start, end]) => number >= start && number < end);
}
