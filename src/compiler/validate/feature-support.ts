/**
 * protoc's FeatureResolver::ValidateFeatureSupport and ValidateFieldFeatureSupport: the
 * feature_support of an option or feature definition must be consistent (deprecated after
 * introduced, with a warning text; removed after deprecated, with an error text), and enum
 * values may only narrow their field's support window.
 */
import type { FieldOptions_FeatureSupport } from "../../reflect/descriptor-types.js";
import type { FieldDesc } from "../link/model.js";

/** The error for an inconsistent feature_support, or undefined. */
export function featureSupportError(s: FieldOptions_FeatureSupport | undefined, name: string): string | undefined {
  if (s === undefined) return undefined;
  const introduced = s.editionIntroduced ?? 0;
  const deprecated = s.editionDeprecated ?? 0;
  if (s.editionDeprecated !== undefined) {
    if (deprecated < introduced) return `${name} was deprecated before it was introduced.`;
    if (s.deprecationWarning === undefined) return `${name} is deprecated but does not specify a deprecation warning.`;
  }
  if (s.editionDeprecated === undefined && s.deprecationWarning !== undefined) {
    return `${name} specifies a deprecation warning but is not marked deprecated in any edition.`;
  }
  if (s.editionRemoved !== undefined) {
    if (deprecated >= s.editionRemoved) return `${name} was deprecated after it was removed.`;
    if (s.editionRemoved < introduced) return `${name} was removed before it was introduced.`;
    if (introduced !== s.editionRemoved && s.removalError === undefined) return `${name} has been removed but does not specify a removal error.`;
  } else if (s.removalError !== undefined) {
    return `${name} specifies a removal error but is not marked removed in any edition.`;
  }
  return undefined;
}

/** protoc's ValidateFieldFeatureSupport. */
export function fieldFeatureSupportError(f: FieldDesc): string | undefined {
  const parent = f.options?.featureSupport;
  const own = featureSupportError(parent, f.fullName);
  if (own !== undefined || parent === undefined || f.enumType === undefined) return own;
  for (const v of f.enumType.values) {
    const vs = v.options?.featureSupport;
    if (vs === undefined) continue;
    const merged: FieldOptions_FeatureSupport = { ...parent };
    for (const [k, x] of Object.entries(vs)) if (x !== undefined && k !== "$typeName" && k !== "$unknown") (merged as unknown as Record<string, unknown>)[k] = x;
    const e = featureSupportError(merged, v.fullName);
    if (e !== undefined) return e;
    if ((merged.editionIntroduced ?? 0) < (parent.editionIntroduced ?? 0)) return `value ${v.fullName} was introduced before ${f.fullName} was.`;
    if (parent.editionRemoved !== undefined && (merged.editionRemoved ?? 0) > parent.editionRemoved) return `value ${v.fullName} was removed after ${f.fullName} was.`;
    if (parent.editionDeprecated !== undefined && (merged.editionDeprecated ?? 0) > parent.editionDeprecated) {
      return `value ${v.fullName} was deprecated after ${f.fullName} was.`;
    }
  }
  return undefined;
}
