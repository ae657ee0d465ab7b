import type { DescField, DescMessage } from "../reflect/descriptors.js";
import type { MapKey, Message } from "../reflect/message.js";
import { getSetValue, setFieldValue } from "../message/fields.js";

/**
 * Reorders every map in `msg` (and in the messages inside it) by key, which is what protoc's
 * deterministic serialization (--deterministic_output) writes: numbers numerically, false before
 * true, strings by their UTF-8 bytes. Maps kept as lists of entries (`isMapList`, see
 * faithful-schema.ts) are sorted stably: entries with the same key keep their order.
 */
export function sortMapsByKey(desc: DescMessage, msg: Message, isMapList: (field: DescField) => boolean = () => false, depth = 0): void {
  if (depth > 100) return;
  for (const field of desc.fields) {
    const v = getSetValue(msg, field);
    if (v === undefined) continue;
    if (field.fieldKind === "map") setFieldValue(msg, field, new Map([...(v as Map<MapKey, unknown>)].sort(([a], [b]) => compareKeys(a, b))));
    else if (field.fieldKind === "list" && field.elementKind === "message" && isMapList(field)) sortEntries(field.message, v as Message[]);
  }
  forEachSubMessage(desc, msg, (d, m) => sortMapsByKey(d, m, isMapList, depth + 1));
}

/** Sorts map entry messages by key, stably (an entry's key is set: see completeMapEntries). */
function sortEntries(entry: DescMessage, entries: Message[]): void {
  const keyField = entry.field(1);
  if (!keyField) return;
  const key = (m: Message) => (getSetValue(m, keyField) ?? 0) as MapKey | Uint8Array;
  entries.sort((a, b) => compareKeys(key(a), key(b)));
}

/**
 * Orders the extensions that text parsing leaves in `$unknown` (of `msg` and the messages inside
 * it) by field number, stably, as protoc serializes them. (protoc also interleaves them with the
 * ordinary fields by number; the binary writer puts `$unknown` after all of those.)
 */
export function sortExtensionsByNumber(desc: DescMessage, msg: Message, depth = 0): void {
  if (depth > 100) return;
  if (msg.$unknown && msg.$unknown.length > 1) msg.$unknown.sort((a, b) => a.no - b.no);
  forEachSubMessage(desc, msg, (d, m) => sortExtensionsByNumber(d, m, depth + 1));
}

/** Calls `f` for each message directly inside `msg` (singular, repeated and map values). */
export function forEachSubMessage(desc: DescMessage, msg: Message, f: (desc: DescMessage, msg: Message) => void): void {
  for (const field of desc.fields) {
    const v = getSetValue(msg, field);
    if (v === undefined) continue;
    if (field.fieldKind === "message") f(field.message, v as Message);
    else if (field.fieldKind === "list" && field.elementKind === "message") for (const m of v as Message[]) f(field.message, m);
    else if (field.fieldKind === "map" && field.elementKind === "message") for (const m of (v as Map<MapKey, Message>).values()) f(field.message, m);
  }
}

function compareKeys(a: MapKey | Uint8Array, b: MapKey | Uint8Array): number {
  if (typeof a === "string" && typeof b === "string") return compareUtf8(a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Compares strings by their UTF-8 bytes, which is code point order. */
function compareUtf8(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
