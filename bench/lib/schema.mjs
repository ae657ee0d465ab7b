// The shapes' schema, read from the descriptor set protoc made, and a schema-guided walk that
// converts a message between representations (canonical data, each library's objects, JSON- or
// XML-ready text). Conversions run outside the timed loops.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { descriptorSetFile, protoforgeDist } from "./paths.mjs";

/** The built protoforge (dist/src/index.js). */
export const protoforge = await import(pathToFileURL(join(protoforgeDist, "index.js")).href);
const { ScalarType } = protoforge;
export { ScalarType };

/** A fresh protoforge registry of the bench types (each call makes new descriptors, with their own codecs). */
export function loadRegistry() {
  return protoforge.registryFromDescriptorSet(readFileSync(descriptorSetFile));
}

/** The registry the harness uses for conversions and as the reference for byte comparisons. */
export const registry = loadRegistry();

/** Every message type of a registry, nested ones included. */
export function allMessages(reg) {
  const out = [];
  const visit = (m) => {
    out.push(m);
    m.nestedMessages.forEach(visit);
  };
  for (const file of reg.files()) file.messages.forEach(visit);
  return out;
}

/** True for the 64-bit integer scalar types (bigint in canonical data). */
export function is64(t) {
  return t === ScalarType.INT64 || t === ScalarType.UINT64 || t === ScalarType.FIXED64 || t === ScalarType.SFIXED64 || t === ScalarType.SINT64;
}

/** True for the unsigned 64-bit types. */
export function isUnsigned64(t) {
  return t === ScalarType.UINT64 || t === ScalarType.FIXED64;
}

/** True for the unsigned 32-bit types. */
export function isUnsigned32(t) {
  return t === ScalarType.UINT32 || t === ScalarType.FIXED32;
}

/** The zero value of a scalar type in canonical data. */
export function zeroOf(t) {
  if (is64(t)) return 0n;
  switch (t) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BYTES:
      return new Uint8Array(0);
    case ScalarType.BOOL:
      return false;
    default:
      return 0;
  }
}

/**
 * Walks message `src` of type `desc` and builds another representation of it.
 * Hooks (all optional):
 * - `leaf(value, type)`: converts a scalar or enum value; `type` is `{ scalar }` or `{ enum }`;
 *   an absent value is passed as undefined.
 * - `entries(map)`: the [key, value] pairs of a map value (default: Map entries or object entries).
 * - `map(pairs, field)`: builds a map from converted pairs (default: a plain object).
 * - `list(items, field)`: builds a list from converted items (default: the array).
 * - `message(fields, desc)`: builds a message from its converted fields (default: the object).
 * - `skip(value, field)`: true to leave a field out of the result.
 */
export function transform(desc, src, hooks = {}) {
  const leaf = hooks.leaf ?? ((v) => v);
  const entries = hooks.entries ?? ((m) => (m instanceof Map ? [...m] : Object.entries(m ?? {})));
  const out = {};
  for (const f of desc.fields) {
    const v = src?.[f.localName];
    let r;
    switch (f.fieldKind) {
      case "scalar":
        r = leaf(v, { scalar: f.scalar });
        break;
      case "enum":
        r = leaf(v, { enum: f.enum });
        break;
      case "message":
        r = v === undefined || v === null ? undefined : transform(f.message, v, hooks);
        break;
      case "list": {
        const items = [...(v ?? [])].map((e) => element(f, e, hooks, leaf));
        r = hooks.list ? hooks.list(items, f) : items;
        break;
      }
      case "map": {
        const keyType = { scalar: f.mapKey };
        const pairs = entries(v).map(([k, e]) => [leaf(k, keyType), element(f, e, hooks, leaf)]);
        r = hooks.map ? hooks.map(pairs, f) : Object.fromEntries(pairs);
        break;
      }
    }
    if (hooks.skip?.(r, f)) continue;
    out[f.localName] = r;
  }
  return hooks.message ? hooks.message(out, desc) : out;
}

function element(f, e, hooks, leaf) {
  switch (f.elementKind) {
    case "scalar":
      return leaf(e, { scalar: f.scalar });
    case "enum":
      return leaf(e, { enum: f.enum });
    default:
      return transform(f.message, e, hooks);
  }
}

/**
 * Canonical data from another representation: every field present, absent scalars as their zero
 * value, 64-bit integers as bigint, bytes as plain Uint8Array, maps as plain objects.
 * `leaf` converts the representation's own values first (e.g. Long or strings to bigint);
 * `entries` reads its maps, when they are neither Map nor plain object.
 */
export function toCanonical(desc, src, leaf = (v) => v, entries = undefined) {
  return transform(desc, src, {
    entries,
    leaf(v, type) {
      const c = leaf(v, type);
      if (c === undefined || c === null) return type.scalar !== undefined ? zeroOf(type.scalar) : 0;
      if (c instanceof Uint8Array) return new Uint8Array(c.buffer, c.byteOffset, c.length);
      return c;
    },
  });
}
