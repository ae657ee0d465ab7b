/**
 * Whether an aggregate option value of a descriptor.proto type can be parsed with the runtime's
 * own descriptor.proto instead of runtime descriptors built from the compiled file: when the
 * compiled message is the same as the runtime's (names, numbers, types, labels, oneofs, encodings,
 * enum values, and the same for every message and enum it uses), parsing its text and encoding
 * it gives the same bytes. descriptor.proto's own options (feature_support, edition_defaults)
 * are such values in nearly every compilation.
 */
import type { DescEnum, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Registry } from "../../reflect/registry.js";
import { Label, Type, isPackableType, type EnumDesc, type FieldDesc, type MessageDesc } from "../link/model.js";

const same = new WeakMap<MessageDesc, boolean>();

/** The runtime's message for `m` when it has the same structure, else undefined. */
export function sameBootMessage(boot: Registry, m: MessageDesc): DescMessage | undefined {
  if (m.file.name !== "google/protobuf/descriptor.proto") return undefined;
  const d = boot.getMessage(m.fullName);
  if (d === undefined) return undefined;
  let known = same.get(m);
  if (known === undefined) same.set(m, (known = sameMessage(m, d, new Map())));
  return known ? d : undefined;
}

function sameMessage(m: MessageDesc, d: DescMessage, seen: Map<MessageDesc, DescMessage>): boolean {
  const before = seen.get(m);
  if (before !== undefined) return before === d;
  seen.set(m, d);
  if (m.fullName !== d.typeName || m.fields.length !== d.fields.length) return false;
  for (let i = 0; i < m.fields.length; i++) if (!sameField(m.fields[i]!, d.fields[i]!, seen)) return false;
  return true;
}

function sameField(f: FieldDesc, g: DescField, seen: Map<MessageDesc, DescMessage>): boolean {
  if (f.name !== g.name || f.number !== g.number || f.jsonName !== g.jsonName) return false;
  if (f.type !== g.proto.type || f.label !== g.proto.label) return false;
  if ((f.oneof?.name ?? "") !== (g.oneof?.name ?? "")) return false;
  const repeated = f.label === Label.REPEATED;
  if (repeated !== (g.fieldKind === "list" || g.fieldKind === "map")) return false;
  const packed = repeated && isPackableType(f.type) && f.features.repeatedFieldEncoding === 1;
  if (packed !== (g.fieldKind === "list" && g.packed)) return false;
  const explicit = !repeated && f.features.fieldPresence !== 2;
  if (!repeated && explicit !== (g.presence !== "implicit")) return false;
  if ((f.type === Type.STRING && f.features.utf8Validation === 2) !== g.validateUtf8) return false;
  const message = g.fieldKind === "message" ? g.message : g.fieldKind === "list" && g.elementKind === "message" ? g.message : g.fieldKind === "map" ? g.entry : undefined;
  if ((f.messageType === undefined) !== (message === undefined)) return false;
  if (f.messageType !== undefined && !sameMessage(f.messageType, message!, seen)) return false;
  const e = g.fieldKind === "enum" ? g.enum : g.fieldKind === "list" && g.elementKind === "enum" ? g.enum : undefined;
  if ((f.enumType === undefined) !== (e === undefined)) return false;
  return f.enumType === undefined || sameEnum(f.enumType, e!);
}

function sameEnum(e: EnumDesc, d: DescEnum): boolean {
  if (e.fullName !== d.typeName || e.values.length !== d.values.length) return false;
  if ((e.features.enumType === 1) !== d.open) return false;
  return e.values.every((v, i) => v.name === d.values[i]!.name && v.number === d.values[i]!.number);
}
