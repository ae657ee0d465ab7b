import type { DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import { scalarZeroValue } from "../reflect/scalar.js";
import type { GenMessage } from "../reflect/embedded-file.js";

/** A message of type `desc` with every field unset: implicit-presence fields hold their zero value. */
export function createEmpty<T extends Message = Message>(desc: GenMessage<T>): T {
  const msg: Record<string, unknown> = { $typeName: desc.typeName };
  for (const member of desc.members) {
    if (member.kind === "oneof") msg[member.localName] = { case: undefined };
    else {
      const zero = memberZero(member);
      if (zero !== undefined) msg[member.localName] = zero;
    }
  }
  return msg as T;
}

/** The value a field not in a oneof starts with: [] for lists, a Map for maps, the zero value for implicit presence, else undefined. */
function memberZero(field: DescField): unknown {
  switch (field.fieldKind) {
    case "list":
      return [];
    case "map":
      return new Map();
    case "scalar":
      return field.presence === "implicit" ? scalarZeroValue(field.scalar) : undefined;
    case "enum":
      return field.presence === "implicit" ? 0 : undefined;
    default:
      return undefined;
  }
}

/**
 * Creates a message of type `desc`, with the given field values. Nested message values
 * given as plain objects without `$typeName` are created recursively.
 */
export function create<T extends Message = Message>(desc: GenMessage<T>, init?: Record<string, unknown>): T {
  const msg = createEmpty<T>(desc) as unknown as Record<string, unknown>;
  if (!init) return msg as unknown as T;
  for (const member of desc.members) {
    if (!Object.prototype.hasOwnProperty.call(init, member.localName)) continue;
    const v = init[member.localName];
    if (v === undefined) continue;
    if (member.kind === "oneof") {
      const o = v as { case?: string; value?: unknown };
      const f = member.fields.find((x) => x.localName === o.case);
      msg[member.localName] = f ? { case: f.localName, value: initValue(f, o.value) } : { case: undefined };
    } else {
      msg[member.localName] = initValue(member, v);
    }
  }
  return msg as unknown as T;
}

function initValue(field: DescField, v: unknown): unknown {
  switch (field.fieldKind) {
    case "message":
      return initMessage(field.message, v);
    case "list":
      return field.elementKind === "message" ? (v as unknown[]).map((e) => initMessage(field.message, e)) : [...(v as unknown[])];
    case "map": {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as Record<string, unknown>);
      return new Map(entries.map(([k, e]) => [k, field.elementKind === "message" ? initMessage(field.message, e) : e]));
    }
    default:
      return v;
  }
}

function initMessage(desc: DescMessage, v: unknown): unknown {
  if (v !== null && typeof v === "object" && "$typeName" in v) return v;
  return create(desc, v as Record<string, unknown>);
}
