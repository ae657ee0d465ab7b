import type { FeatureSet } from "./descriptor-types.js";

/** Edition numbers (google.protobuf.Edition). */
export const Edition = {
  UNKNOWN: 0,
  LEGACY: 900,
  PROTO2: 998,
  PROTO3: 999,
  E2023: 1000,
  E2024: 1001,
  E2026: 1002,
  UNSTABLE: 9999,
  MAX: 0x7fffffff,
} as const;

/** Values of the core features (google.protobuf.FeatureSet enums). */
export const FieldPresenceFeature = { EXPLICIT: 1, IMPLICIT: 2, LEGACY_REQUIRED: 3 } as const;
export const EnumTypeFeature = { OPEN: 1, CLOSED: 2 } as const;
export const RepeatedFieldEncodingFeature = { PACKED: 1, EXPANDED: 2 } as const;
export const Utf8ValidationFeature = { VERIFY: 2, NONE: 3 } as const;
export const MessageEncodingFeature = { LENGTH_PREFIXED: 1, DELIMITED: 2 } as const;
export const JsonFormatFeature = { ALLOW: 1, LEGACY_BEST_EFFORT: 2 } as const;

/**
 * The features in force for an element, after inheritance from its parents and the edition's
 * defaults: every field of google.protobuf.FeatureSet by its local name, as enum numbers.
 */
export interface ResolvedFeatures {
  readonly fieldPresence: number;
  readonly enumType: number;
  readonly repeatedFieldEncoding: number;
  readonly utf8Validation: number;
  readonly messageEncoding: number;
  readonly jsonFormat: number;
  readonly [feature: string]: number;
}

/** Feature defaults for each edition: the rows of FeatureSet's `edition_defaults`, per feature. */
export interface FeatureDefaultsTable {
  /** For each feature (local name): [edition, value] pairs sorted by edition. */
  readonly features: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  /** Maps a FeatureSet field number to its local name. */
  readonly nameByNumber: ReadonlyMap<number, string>;
}

const defaultsCache = new WeakMap<FeatureDefaultsTable, Map<number, ResolvedFeatures>>();

/** The defaults for one edition: for each feature, the value of the latest row not after it. */
export function featureDefaults(table: FeatureDefaultsTable, edition: number): ResolvedFeatures {
  let perEdition = defaultsCache.get(table);
  if (!perEdition) defaultsCache.set(table, (perEdition = new Map()));
  const cached = perEdition.get(edition);
  if (cached) return cached;
  const out: Record<string, number> = Object.create(null);
  for (const [name, rows] of table.features) {
    let value = 0;
    for (const [e, v] of rows) if (e <= edition) value = v;
    out[name] = value;
  }
  const resolved = Object.freeze(out) as ResolvedFeatures;
  perEdition.set(edition, resolved);
  return resolved;
}

/** Applies the features set explicitly in `set` (an options' `features` field) on top of `parent`. */
export function mergeFeatures(table: FeatureDefaultsTable, parent: ResolvedFeatures, set: FeatureSet | undefined): ResolvedFeatures {
  if (!set) return parent;
  let out: Record<string, number> | undefined;
  for (const name of table.features.keys()) {
    const v = (set as unknown as Record<string, unknown>)[name];
    if (typeof v === "number" && v !== 0) {
      out ??= Object.assign(Object.create(null), parent) as Record<string, number>;
      out[name] = v;
    }
  }
  return out ? (Object.freeze(out) as ResolvedFeatures) : parent;
}

/** Applies individual overrides (legacy proto2/proto3 syntax mapped to features). */
export function withFeatures(parent: ResolvedFeatures, overrides: Readonly<Record<string, number>>): ResolvedFeatures {
  return Object.freeze(Object.assign(Object.create(null), parent, overrides)) as ResolvedFeatures;
}
