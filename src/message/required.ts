import type { DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import { getSetValue } from "./fields.js";

/**
 * The paths of required fields that are not set, in `msg` and every message inside it, named and
 * ordered as protoc names them: first a message's own missing fields in declaration order, then,
 * for each set message field in number order, the paths inside it: "a", "b.c", "items[2].d",
 * "m[0].value.e" (map entries by position). Extensions are not looked into.
 */
export function missingRequiredFields(desc: DescMessage, msg: Message): string[] {
  const missing: string[] = [];
  collect(desc, msg, "", missing, 0);
  return missing;
}

/** True when every required field in `msg` (and in the messages inside it) is set. */
export function isInitialized(desc: DescMessage, msg: Message): boolean {
  return missingRequiredFields(desc, msg).length === 0;
}

/** Thrown by checkRequired() when required fields are missing. */
export class MissingRequiredFieldsError extends Error {
  override name = "MissingRequiredFieldsError";
  constructor(readonly typeName: string, readonly paths: readonly string[]) {
    super(`message ${typeName} is missing required fields: ${paths.join(", ")}`);
  }
}

/** Throws MissingRequiredFieldsError when a required field is not set. */
export function checkRequired(desc: DescMessage, msg: Message): void {
  const paths = missingRequiredFields(desc, msg);
  if (paths.length > 0) throw new MissingRequiredFieldsError(desc.typeName, paths);
}

function collect(desc: DescMessage, msg: Message, prefix: string, out: string[], depth: number): void {
  if (depth > 100) return;
  for (const field of desc.fields) {
    if (field.presence === "required" && getSetValue(msg, field) === undefined) out.push(prefix + field.name);
  }
  for (const field of desc.fieldsByNumber) {
    const sub = messageTypeOf(field);
    const v = sub && getSetValue(msg, field);
    if (!sub || v === undefined) continue;
    if (field.fieldKind === "message") collect(sub, v as Message, `${prefix}${field.name}.`, out, depth + 1);
    else if (field.fieldKind === "list") (v as Message[]).forEach((m, i) => collect(sub, m, `${prefix}${field.name}[${i}].`, out, depth + 1));
    else if (field.fieldKind === "map") [...(v as Map<unknown, Message>).values()].forEach((m, i) => collect(sub, m, `${prefix}${field.name}[${i}].value.`, out, depth + 1));
  }
}

function messageTypeOf(field: DescField): DescMessage | undefined {
  if (field.fieldKind === "message") return field.message;
  if ((field.fieldKind === "list" || field.fieldKind === "map") && field.elementKind === "message") return field.message;
  return undefined;
}
