import { BinaryReader } from "../../wire/reader.js";
import { WireType } from "../../wire/wire-type.js";
import type { DescExtension, DescMessage } from "../../reflect/descriptors.js";
import type { Message, UnknownField } from "../../reflect/message.js";
import type { Registry } from "../../reflect/registry.js";
import { fromBinary, readField } from "../binary/from-binary.js";

/** An extension with its decoded value (a scalar, a message, or a list). */
export interface ExtensionValue {
  readonly ext: DescExtension;
  readonly value: unknown;
}

/** A message's `$unknown` split into decoded extensions (by number) and fields that stay unknown (in wire order). */
export interface SplitUnknown {
  readonly extensions: ExtensionValue[];
  readonly unknown: UnknownField[];
}

const readContext = { unknown: true, maxDepth: 100 };

/**
 * Decodes the extensions kept raw in `msg.$unknown` that `registry` knows, as protoc sees them:
 * entries of one extension merge in order (later scalars win, lists append, messages merge).
 * Entries that do not decode (wrong wire type, bad bytes) stay unknown.
 */
export function splitUnknown(desc: DescMessage, msg: Message, registry: Registry | undefined): SplitUnknown {
  const all = msg.$unknown ?? [];
  if (!registry || all.length === 0) return { extensions: [], unknown: all };
  const holders = new Map<number, { ext: DescExtension; holder: Record<string, unknown>; items: UnknownField[]; itemBytes: Uint8Array[] }>();
  const unknown: UnknownField[] = [];
  for (const u of all) {
    const item = desc.isMessageSet ? messageSetItem(desc, u, registry) : undefined;
    const ext = item?.ext ?? registry.getExtensionFor(desc, u.no);
    if (!ext || ext.extendee.typeName !== desc.typeName) {
      unknown.push(u);
      continue;
    }
    let h = holders.get(ext.number);
    if (!h) holders.set(ext.number, (h = { ext, holder: {}, items: [], itemBytes: [] }));
    if (item) {
      h.items.push(u);
      h.itemBytes.push(item.bytes);
    } else if (!tryReadField(h.holder, ext, u)) unknown.push(u);
    // readField keeps a closed enum's unknown number in the holder's unknown fields: keep the wire order.
    const extra = (h.holder as { $unknown?: UnknownField[] }).$unknown;
    if (extra) unknown.push(...extra.splice(0));
  }
  const extensions: ExtensionValue[] = [];
  for (const { ext, holder, items, itemBytes } of holders.values()) {
    if (items.length > 0 && ext.fieldKind === "message") {
      try {
        holder["value"] = fromBinary(ext.message, concat(itemBytes));
      } catch {
        unknown.push(...items);
      }
    }
    const v = holder["value"];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) extensions.push({ ext, value: v });
  }
  extensions.sort((a, b) => a.ext.number - b.ext.number);
  return { extensions, unknown };
}

/** Appends an extension value to `msg.$unknown` in its binary form (a MessageSet item for MessageSet extensions). */
export { appendExtension } from "../binary/extensions.js";

/** True when `msg.$unknown` already holds a value of extension `ext`. */
export function hasExtension(msg: Message, ext: DescExtension, registry: Registry): boolean {
  const desc = ext.extendee;
  return (msg.$unknown ?? []).some((u) =>
    desc.isMessageSet && u.no === 1 && u.wireType === WireType.StartGroup ? messageSetItem(desc, u, registry)?.ext === ext : u.no === ext.number,
  );
}

/** Decodes a MessageSet item (group 1 holding type_id 2 and message 3) whose extension the registry knows. */
function messageSetItem(desc: DescMessage, u: UnknownField, registry: Registry): { ext: DescExtension; bytes: Uint8Array } | undefined {
  if (u.no !== 1 || u.wireType !== WireType.StartGroup) return undefined;
  try {
    const r = new BinaryReader(u.data);
    let typeId = 0;
    let bytes: Uint8Array | undefined;
    while (!r.done) {
      const no = r.tag();
      if (r.wireType === WireType.EndGroup) break;
      if (no === 2 && r.wireType === WireType.Varint) typeId = r.uint32();
      else if (no === 3 && r.wireType === WireType.LengthDelimited) bytes = r.bytes();
      else r.skip();
    }
    const ext = registry.getExtensionFor(desc, typeId);
    return ext && bytes ? { ext, bytes } : undefined;
  } catch {
    return undefined;
  }
}

function tryReadField(holder: Record<string, unknown>, ext: DescExtension, u: UnknownField): boolean {
  try {
    return readField(holder, ext, new BinaryReader(u.data), u.wireType, 0, readContext);
  } catch {
    return false;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
