import type { DescField } from "../reflect/descriptors.js";
import { copyUnknownField, type Message, type OneofValue } from "../reflect/message.js";
import { clone } from "./clone.js";
import { createEmpty } from "./create.js";
import { getSetValue } from "./fields.js";
import type { GenMessage } from "../reflect/embedded-file.js";
import { ownCopy } from "../wire/alloc.js";

/**
 * Merges `source` into `target` as protobuf specifies: set singular fields overwrite, lists are
 * appended, map entries overwrite by key, message fields merge recursively, a oneof takes the
 * member set in source, and unknown fields are appended. Nothing from `source` is shared.
 */
export function merge<T extends Message = Message>(desc: GenMessage<T>, target: NoInfer<T>, source: NoInfer<T>): T {
  const t = target as unknown as Record<string, unknown>;
  for (const field of desc.fields) {
    const v = getSetValue(source, field);
    if (v === undefined) continue;
    if (field.oneof) {
      const current = t[field.oneof.localName] as OneofValue | undefined;
      if (field.fieldKind === "message" && current?.case === field.localName) merge(field.message, current.value as Message, v as Message);
      else t[field.oneof.localName] = { case: field.localName, value: copy(field, v) };
      continue;
    }
    mergeField(t, field, v);
  }
  if (source.$unknown) {
    const copies = source.$unknown.map(copyUnknownField);
    if (target.$unknown) target.$unknown.push(...copies);
    else target.$unknown = copies;
  }
  return target;
}

function mergeField(t: Record<string, unknown>, field: DescField, v: unknown): void {
  switch (field.fieldKind) {
    case "message": {
      const current = t[field.localName] as Message | undefined;
      t[field.localName] = merge(field.message, current ?? createEmpty(field.message), v as Message);
      return;
    }
    case "list": {
      const list = (t[field.localName] as unknown[] | undefined) ?? [];
      for (const e of v as unknown[]) list.push(field.elementKind === "message" ? clone(field.message, e as Message) : copyScalar(e));
      t[field.localName] = list;
      return;
    }
    case "map": {
      const map = (t[field.localName] as Map<unknown, unknown> | undefined) ?? new Map();
      for (const [k, e] of v as Map<unknown, unknown>) map.set(k, field.elementKind === "message" ? clone(field.message, e as Message) : copyScalar(e));
      t[field.localName] = map;
      return;
    }
    default:
      t[field.localName] = copyScalar(v);
  }
}

function copy(field: DescField, v: unknown): unknown {
  return field.fieldKind === "message" ? clone(field.message, v as Message) : copyScalar(v);
}

function copyScalar(v: unknown): unknown {
  return v instanceof Uint8Array ? ownCopy(v, 0, v.length) : v;
}
