import type { DescExtension, DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { getSetValue } from "../message/fields.js";
import { splitUnknown } from "../codec/text/extensions.js";

/**
 * The required fields that are not set, named and ordered as protoc's InitializationErrorString
 * names them (ReflectionOps::FindInitializationErrors): first the missing required fields of a
 * message in declaration order, then, for each set message field and extension in field-number
 * order, the paths inside it: `a`, `b.c`, `items[2].d`, `m[0].value.e`, `(pkg.ext).f`.
 */
export function initializationErrors(desc: DescMessage, msg: Message, registry: Registry | undefined): string[] {
  const out: string[] = [];
  collect(desc, msg, "", out, registry, 0);
  return out;
}

/** A set field or extension whose value holds messages. */
interface SubMessages {
  readonly number: number;
  readonly name: string;
  readonly desc: DescMessage;
  /** The messages, and whether the field is repeated (a map counts, its entries being messages). */
  readonly values: readonly Message[];
  readonly repeated: boolean;
}

function collect(desc: DescMessage, msg: Message, prefix: string, out: string[], registry: Registry | undefined, depth: number): void {
  if (depth > 100) return;
  for (const field of desc.fields) {
    if (field.presence === "required" && getSetValue(msg, field) === undefined) out.push(prefix + field.name);
  }
  const subs: SubMessages[] = [];
  for (const field of desc.fields) {
    const v = getSetValue(msg, field);
    if (v !== undefined) addSub(subs, field, field.name, v);
  }
  for (const { ext, value } of splitUnknown(desc, msg, registry).extensions) addSub(subs, ext, `(${ext.typeName})`, value);
  subs.sort((a, b) => a.number - b.number);
  for (const s of subs) {
    s.values.forEach((m, i) => {
      collect(s.desc, m, `${prefix}${s.name}${s.repeated ? `[${i}]` : ""}.`, out, registry, depth + 1);
    });
  }
}

function addSub(subs: SubMessages[], field: DescField | DescExtension, name: string, v: unknown): void {
  const number = field.number;
  switch (field.fieldKind) {
    case "message":
      subs.push({ number, name, desc: field.message, values: [v as Message], repeated: false });
      return;
    case "list":
      if (field.elementKind === "message") subs.push({ number, name, desc: field.message, values: v as Message[], repeated: true });
      return;
    case "map":
      // protoc sees a map as a list of entry messages whose `value` is the message.
      if (field.elementKind === "message") {
        const values = [...(v as Map<unknown, Message>).values()];
        values.forEach((m, i) => subs.push({ number, name: `${name}[${i}].value`, desc: field.message, values: [m], repeated: false }));
      }
      return;
    default:
      return;
  }
}
