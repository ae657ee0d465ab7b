import type { DescExtension, DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import { getSetValue } from "./fields.js";

/** An extension set in a message, with its value (a message, a list, or a scalar). */
export interface SetExtension {
  readonly ext: DescExtension;
  readonly value: unknown;
}

/** Options of missingRequiredFields(). */
export interface RequiredFieldsOptions {
  /**
   * The extensions set in a message (extensions are kept in `$unknown`; the caller decodes them).
   * Without it, extensions are not looked into.
   */
  readonly extensions?: (desc: DescMessage, msg: Message) => readonly SetExtension[];
}

/**
 * The paths of required fields that are not set, in `msg` and every message inside it, named and
 * ordered as protoc names them (ReflectionOps::FindInitializationErrors): first a message's own
 * missing fields in declaration order, then, for each set message field (and, with
 * `options.extensions`, each set extension) in number order, the paths inside it: "a", "b.c",
 * "items[2].d", "m[0].value.e" (map entries by position), "(pkg.ext).f".
 */
export function missingRequiredFields(desc: DescMessage, msg: Message, options: RequiredFieldsOptions = {}): string[] {
  const missing: string[] = [];
  collect(desc, msg, "", missing, 0, options);
  return missing;
}

/** True when every required field in `msg` (and in the messages inside it) is set. */
export function isInitialized(desc: DescMessage, msg: Message, options?: RequiredFieldsOptions): boolean {
  return missingRequiredFields(desc, msg, options).length === 0;
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

/** A set field or extension whose values are messages. */
interface SubMessages {
  readonly number: number;
  readonly name: string;
  readonly field: DescField | DescExtension;
  readonly desc: DescMessage;
  readonly value: unknown;
}

function collect(desc: DescMessage, msg: Message, prefix: string, out: string[], depth: number, options: RequiredFieldsOptions): void {
  if (depth > 100) return;
  for (const field of desc.fields) {
    if (field.presence === "required" && getSetValue(msg, field) === undefined) out.push(prefix + field.name);
  }
  const subs: SubMessages[] = [];
  for (const field of desc.fieldsByNumber) {
    const sub = messageTypeOf(field);
    const value = sub && getSetValue(msg, field);
    if (sub && value !== undefined) subs.push({ number: field.number, name: field.name, field, desc: sub, value });
  }
  for (const { ext, value } of options.extensions?.(desc, msg) ?? []) {
    const sub = messageTypeOf(ext);
    if (sub) subs.push({ number: ext.number, name: `(${ext.typeName})`, field: ext, desc: sub, value });
  }
  subs.sort((a, b) => a.number - b.number);
  for (const { name, field, desc: sub, value } of subs) {
    const into = (m: Message, path: string) => collect(sub, m, `${prefix}${path}.`, out, depth + 1, options);
    if (field.fieldKind === "message") into(value as Message, name);
    else if (field.fieldKind === "list") (value as Message[]).forEach((m, i) => into(m, `${name}[${i}]`));
    // protoc sees a map as a list of entry messages whose `value` is the message.
    else if (field.fieldKind === "map") [...(value as Map<unknown, Message>).values()].forEach((m, i) => into(m, `${name}[${i}].value`));
  }
}

function messageTypeOf(field: DescField | DescExtension): DescMessage | undefined {
  if (field.fieldKind === "message") return field.message;
  if ((field.fieldKind === "list" || field.fieldKind === "map") && field.elementKind === "message") return field.message;
  return undefined;
}
