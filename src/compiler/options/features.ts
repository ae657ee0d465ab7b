/**
 * Feature resolution (protoc's ResolveFeatures and PostProcessFieldFeatures): each element's
 * explicitly set features move out of its options into `protoFeatures`; the features in force are
 * the edition's defaults, overridden by the parent's, then by the element's own. proto2/proto3
 * fields infer features from labels, groups and `packed`. Afterwards fields whose features make
 * them required or delimited become LABEL_REQUIRED / TYPE_GROUP, and `ctype` moves aside.
 */
import { bootFeatureDefaults } from "../../reflect/boot/boot.js";
import type { FeatureSet, FieldOptions } from "../../reflect/descriptor-types.js";
import { featureDefaults } from "../../reflect/features.js";
import type { Builder } from "../link/builder.js";
import { Edition, Label, Type, isLegacyEdition, type Features, type FieldDesc, type FileDesc, type OptionsOwner } from "../link/model.js";
import { visitElements } from "../link/visit.js";

/** The core features in the order protoc validates them, with the name of each one's UNKNOWN value. */
const CORE: readonly (readonly [keyof Features, string, string])[] = [
  ["fieldPresence", "field_presence", "FIELD_PRESENCE_UNKNOWN"],
  ["enumType", "enum_type", "ENUM_TYPE_UNKNOWN"],
  ["repeatedFieldEncoding", "repeated_field_encoding", "REPEATED_FIELD_ENCODING_UNKNOWN"],
  ["utf8Validation", "utf8_validation", "UTF8_VALIDATION_UNKNOWN"],
  ["messageEncoding", "message_encoding", "MESSAGE_ENCODING_UNKNOWN"],
  ["jsonFormat", "json_format", "JSON_FORMAT_UNKNOWN"],
  ["enforceNamingStyle", "enforce_naming_style", "ENFORCE_NAMING_STYLE_UNKNOWN"],
  ["defaultSymbolVisibility", "default_symbol_visibility", "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"],
  ["enforceProtoLimits", "enforce_proto_limits", "PROTO_LIMITS_UNKNOWN"],
];

const defaultsByEdition = new Map<number, Features>();

/** The defaults of an edition, as protoc compiles them from descriptor.proto's FeatureSet. */
export function editionDefaults(edition: number): Features {
  let f = defaultsByEdition.get(edition);
  if (f !== undefined) return f;
  const d = featureDefaults(bootFeatureDefaults(), edition);
  const out: Record<string, number> = { cppStringType: 0 };
  for (const [key] of CORE) out[key] = d[key] ?? 0;
  f = Object.freeze(out) as unknown as Features;
  defaultsByEdition.set(edition, f);
  return f;
}

/** The features an element inherits (protoc's GetParentFeatures). */
function parentFeatures(d: OptionsOwner): Features | undefined {
  switch (d.kind) {
    case "file": return undefined;
    case "message": return (d.parent ?? d.file).features;
    case "oneof": return d.message.features;
    case "extensionRange": return d.message.features;
    case "field":
      if (d.oneof !== undefined) return d.oneof.features;
      if (d.isExtension) return (d.scope ?? d.file).features;
      return d.containingType!.features;
    case "enum": return (d.parent ?? d.file).features;
    case "enumValue": return d.enum.features;
    case "service": return d.file.features;
    case "method": return d.service.features;
  }
}

/** Resolves the features of every element of `file`. */
export function resolveFeatures(b: Builder, file: FileDesc): void {
  const defaults = editionDefaults(file.edition);
  visitElements(file, (d) => resolveOne(b, d, file.edition, defaults));
}

function resolveOne(b: Builder, d: OptionsOwner, edition: number, defaults: Features): void {
  const parent = parentFeatures(d);
  const options = d.options as { features?: FeatureSet } | undefined;
  if (options?.features !== undefined) {
    d.protoFeatures = options.features;
    delete options.features;
  }
  const set: Record<string, number> = {};
  const explicit = d.protoFeatures;
  let nonEmpty = false;
  if (explicit !== undefined) {
    for (const [key] of CORE) {
      const v = (explicit as unknown as Record<string, unknown>)[key];
      if (typeof v === "number") set[key] = v;
    }
    nonEmpty = Object.keys(set).length > 0 || (explicit.$unknown?.length ?? 0) > 0;
  }
  const where = d.kind === "file" ? "EDITIONS" : "NAME";
  const name = d.kind === "extensionRange" ? d.message.name : d.name;
  if (isLegacyEdition(edition) && explicit !== undefined) b.error(name, d.proto, where, "Features are only valid under editions.");
  if (d.kind === "field") inferLegacy(d, edition, set);
  if (Object.keys(set).length === 0 && !nonEmpty && parent !== undefined) {
    d.features = parent;
    return;
  }
  const merged: Record<string, number> = { ...defaults, ...(parent ?? {}), ...set };
  for (const [key, name, unknown] of CORE) {
    if (merged[key] === 0) {
      b.error(name, d.proto, where, `Feature field \`${name}\` must resolve to a known value, found ${unknown}`);
      return;
    }
  }
  d.features = merged as unknown as Features;
}

/** protoc's InferLegacyProtoFeatures for a field. */
function inferLegacy(f: FieldDesc, edition: number, set: Record<string, number>): void {
  const options = f.options;
  if (options?.ctype === 1 && set.cppStringType === undefined) set.cppStringType = 1;
  if (!isLegacyEdition(edition)) return;
  if (f.proto.label === Label.REQUIRED) set.fieldPresence = 3;
  if (f.proto.type === Type.GROUP) set.messageEncoding = 2;
  if (options?.packed === true) set.repeatedFieldEncoding = 1;
  if (edition === Edition.PROTO3 && options?.packed === false) set.repeatedFieldEncoding = 2;
}

/** protoc's PostProcessFieldFeatures for every field of the file. */
export function postProcessFieldFeatures(file: FileDesc): void {
  visitElements(file, (d) => {
    if (d.kind !== "field") return;
    if (d.features.fieldPresence === 3 && d.label === Label.OPTIONAL) d.label = Label.REQUIRED;
    if (d.type === Type.MESSAGE && !(d.containingType?.options?.mapEntry ?? false) && d.features.messageEncoding === 2) {
      if (!(d.messageType?.options?.mapEntry ?? false)) d.type = Type.GROUP;
    }
    const options = d.options as FieldOptions | undefined;
    if (options?.ctype !== undefined) {
      d.legacyCtype = options.ctype;
      delete options.ctype;
    }
  });
}
