// Comparisons for the checks before timing: deep equality of canonical data, and byte identity
// of protobuf outputs with map order set aside.

/** The path of the first difference between two canonical values, or undefined when equal. */
export function firstDifference(a, b, path = "$") {
  if (typeof a !== typeof b) return `${path}: ${describe(a)} vs ${describe(b)}`;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array)) return `${path}: ${describe(a)} vs ${describe(b)}`;
    if (a.length !== b.length) return `${path}: ${a.length} bytes vs ${b.length} bytes`;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `${path}[${i}]: byte ${a[i]} vs ${b[i]}`;
    return undefined;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b))) return `${path}: ${describe(a)} vs ${describe(b)}`;
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a !== null && typeof a === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: ${describe(a)} vs ${describe(b)}`;
}

function describe(v) {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v instanceof Uint8Array) return `${v.constructor.name}(${v.length})`;
  if (Array.isArray(v)) return `array(${v.length})`;
  return String(v);
}

/** The offset of the first differing byte, or -1 when the arrays are identical. */
export function firstByteDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Compares protobuf bytes with the reference. Returns "identical", "identical up to map order"
 * (both re-encoded by protoforge with every map sorted by key), or a description of the difference.
 */
export function compareProtobuf(pf, desc, bytes, reference) {
  const at = firstByteDifference(bytes, reference);
  if (at < 0) return "identical";
  const sorted = (b) => pf.toBinary(desc, sortMaps(desc, pf.fromBinary(desc, b)));
  try {
    if (firstByteDifference(sorted(bytes), sorted(reference)) < 0) return "identical up to map order";
  } catch (e) {
    return `differs at byte ${at} and does not decode: ${e.message}`;
  }
  return `differs at byte ${at} (${bytes.length} vs ${reference.length} bytes)`;
}

/** Sorts the entries of every map in a protoforge message by key (in place). */
function sortMaps(desc, msg) {
  for (const f of desc.fields) {
    const v = msg[f.localName];
    if (v === undefined) continue;
    if (f.fieldKind === "map") {
      const sorted = [...v].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      v.clear();
      for (const [k, e] of sorted) v.set(k, f.elementKind === "message" ? sortMaps(f.message, e) : e);
    } else if (f.fieldKind === "message") sortMaps(f.message, v);
    else if (f.fieldKind === "list" && f.elementKind === "message") v.forEach((e) => sortMaps(f.message, e));
  }
  return msg;
}
