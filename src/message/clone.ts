import type { DescField, DescMessage } from "../reflect/descriptors.js";
import { copyUnknownField, type Message, type OneofValue } from "../reflect/message.js";
import type { GenMessage } from "../reflect/embedded-file.js";
import { ownCopy } from "../wire/alloc.js";

/** A deep copy of a message: nothing mutable (messages, lists, maps, bytes) is shared with the original. */
export function clone<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>): T {
  const src = msg as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { $typeName: msg.$typeName };
  for (const member of desc.members) {
    const v = src[member.localName];
    if (v === undefined) continue;
    if (member.kind === "oneof") {
      const o = v as OneofValue;
      const f = member.fields.find((x) => x.localName === o.case);
      out[member.localName] = f ? { case: o.case, value: cloneValue(f, o.value, true) } : { case: undefined };
    } else {
      out[member.localName] = cloneValue(member, v, false);
    }
  }
  if (msg.$unknown) out.$unknown = msg.$unknown.map(copyUnknownField);
  return out as unknown as T;
}

function cloneValue(field: DescField, v: unknown, singular: boolean): unknown {
  switch (field.fieldKind) {
    case "message":
      return clone(field.message, v as Message);
    case "list":
      return (v as unknown[]).map((e) => cloneElement(field.elementKind === "message" ? field.message : undefined, e));
    case "map": {
      const out = new Map();
      for (const [k, e] of v as Map<unknown, unknown>) out.set(k, cloneElement(field.elementKind === "message" ? field.message : undefined, e));
      return out;
    }
    default:
      return singular || field.fieldKind === "scalar" ? cloneElement(undefined, v) : v;
  }
}

function cloneElement(message: DescMessage | undefined, v: unknown): unknown {
  if (message) return clone(message, v as Message);
  if (v instanceof Uint8Array) return ownCopy(v, 0, v.length);
  return v;
}
