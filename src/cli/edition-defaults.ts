/**
 * --edition_defaults_out: the FeatureSetDefaults that protoc's FeatureResolver::CompileDefaults
 * makes from google.protobuf.FeatureSet and its extensions among the loaded files — for every
 * edition where some feature's default or support changes, the defaults of every feature, split
 * into those a file may override and those fixed in that edition — serialized deterministically.
 */
import type { DescExtension, DescField, DescMessage } from "../reflect/descriptors.js";
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, type FieldOptions_EditionDefault } from "../reflect/descriptor-types.js";
import { Edition } from "../reflect/features.js";
import { fieldFullName } from "../reflect/names.js";
import { BinaryWriter } from "../wire/writer.js";
import { makeTag, WireType } from "../wire/wire-type.js";
import { editionText } from "./editions.js";

/** protoc's ProtocMinimumEdition() and ProtocMaximumEdition(): the range written unless the flags set it. */
export const DEFAULT_MINIMUM_EDITION = Edition.PROTO2;
export const DEFAULT_MAXIMUM_EDITION = Edition.E2026;

/** The serialized FeatureSetDefaults, or protoc's message for why there are none. */
export type EditionDefaultsResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** The default values of one feature message for one edition: field number to value, or to an extension's values. */
type Values = Map<number, number | Values>;

/** Compiles the defaults of `featureSet` (google.protobuf.FeatureSet) and its `extensions` for the editions `minimum`..`maximum`. */
export function compileEditionDefaults(featureSet: DescMessage, extensions: readonly DescExtension[], minimum: number, maximum: number): EditionDefaultsResult {
  try {
    if (minimum > maximum) throw new DefaultsError(`Invalid edition range, edition ${editionText(minimum)} is newer than edition ${editionText(maximum)}`);
    validateDescriptor(featureSet);
    // protoc's pool lists the extensions of a type by number.
    const sorted = [...extensions].sort((a, b) => a.number - b.number);
    const messages: DescMessage[] = [];
    for (const x of sorted) messages.push(validateExtension(featureSet, x));

    const editions = new Set<number>();
    collectEditions(featureSet, maximum, editions);
    for (const m of messages) collectEditions(m, maximum, editions);
    const ordered = [...editions].sort((a, b) => a - b);
    if (ordered[0] !== Edition.LEGACY) throw new DefaultsError(`Minimum edition ${editionText(ordered[0]!)} is not EDITION_LEGACY`);
    if (ordered[0] > minimum) throw new DefaultsError(`Minimum edition ${editionText(minimum)} is earlier than the oldest valid edition ${editionText(ordered[0])}`);

    const w = new BinaryWriter();
    for (const edition of ordered) {
      const fixed: Values = new Map();
      const overridable: Values = new Map();
      fillDefaults(edition, featureSet, fixed, overridable);
      sorted.forEach((x, i) => {
        const fixedPart: Values = new Map();
        const overridablePart: Values = new Map();
        fixed.set(x.number, fixedPart);
        overridable.set(x.number, overridablePart);
        fillDefaults(edition, messages[i]!, fixedPart, overridablePart);
      });
      // FeatureSetEditionDefault: edition = 3, overridable_features = 4, fixed_features = 5.
      const mark = w.beginDelimited(makeTag(1, WireType.LengthDelimited));
      w.tagByte(makeTag(3, WireType.Varint)).int32(edition);
      writeValues(w, 4, overridable);
      writeValues(w, 5, fixed);
      w.endDelimited(mark);
    }
    // FeatureSetDefaults: defaults = 1, minimum_edition = 4, maximum_edition = 5.
    w.tagByte(makeTag(4, WireType.Varint)).int32(minimum);
    w.tagByte(makeTag(5, WireType.Varint)).int32(maximum);
    return { ok: true, bytes: w.finish() };
  } catch (e) {
    if (e instanceof DefaultsError) return { ok: false, message: e.message };
    throw e;
  }
}

class DefaultsError extends Error {}

function writeValues(w: BinaryWriter, fieldNo: number, values: Values): void {
  const mark = w.beginDelimited(makeTag(fieldNo, WireType.LengthDelimited));
  for (const no of [...values.keys()].sort((a, b) => a - b)) {
    const v = values.get(no)!;
    if (typeof v === "number") w.uint32(makeTag(no, WireType.Varint)).int32(v);
    else writeValues(w, no, v);
  }
  w.endDelimited(mark);
}

/** protoc's ValidateDescriptor: feature fields are singular enums or bools with targets, a legacy default and a support window. */
function validateDescriptor(d: DescMessage): void {
  if (d.proto.oneofDecl.length > 0) throw new DefaultsError(`Type ${d.typeName} contains unsupported oneof feature fields.`);
  for (const field of d.fields) {
    const f = field.proto;
    const name = fieldFullName(field);
    // Required by label (proto2) or by the field_presence feature (editions).
    if (field.presence === "required") throw new DefaultsError(`Feature field ${name} is an unsupported required field.`);
    if (f.label === FieldDescriptorProto_Label.LABEL_REPEATED) throw new DefaultsError(`Feature field ${name} is an unsupported repeated field.`);
    if (f.type !== FieldDescriptorProto_Type.TYPE_ENUM && f.type !== FieldDescriptorProto_Type.TYPE_BOOL) throw new DefaultsError(`Feature field ${name} is not an enum or boolean.`);
    const options = f.options;
    if (options === undefined || options.targets.length === 0) throw new DefaultsError(`Feature field ${name} has no target specified.`);
    if (!options.editionDefaults.some((x) => (x.edition ?? 0) === Edition.LEGACY)) {
      throw new DefaultsError(`Feature field ${name} has no default specified for EDITION_LEGACY, before it was introduced.`);
    }
    const support = options.featureSupport;
    if (support === undefined) throw new DefaultsError(`Feature field ${name} has no feature support specified.`);
    if (support.editionIntroduced === undefined) throw new DefaultsError(`Feature field ${name} does not specify the edition it was introduced in.`);
    for (const x of options.editionDefaults) {
      const edition = x.edition ?? 0;
      // Defaults for proto2 and proto3, which predate editions, may come before the feature.
      if (edition < Edition.E2023) continue;
      if (edition < support.editionIntroduced) throw new DefaultsError(`Feature field ${name} has a default specified for edition ${editionText(edition)}, before it was introduced.`);
      if (support.editionRemoved !== undefined && edition > support.editionRemoved) {
        throw new DefaultsError(`Feature field ${name} has a default specified for edition ${editionText(edition)}, after it was removed.`);
      }
    }
  }
}

/** protoc's ValidateExtension: an extension of FeatureSet must be a singular message without extensions of its own. */
function validateExtension(featureSet: DescMessage, x: DescExtension): DescMessage {
  if (x.extendee.typeName !== featureSet.typeName) throw new DefaultsError(`Extension ${x.typeName} is not an extension of ${featureSet.typeName}.`);
  const m = x.fieldKind === "message" || (x.fieldKind === "list" && x.elementKind === "message") ? x.message : undefined;
  if (m === undefined) {
    throw new DefaultsError(`FeatureSet extension ${x.typeName} is not of message type.  Feature extensions should always use messages to allow for evolution.`);
  }
  if (x.proto.label === FieldDescriptorProto_Label.LABEL_REPEATED) throw new DefaultsError(`Only singular features extensions are supported.  Found repeated extension ${x.typeName}`);
  if (m.proto.extension.length > 0 || m.proto.extensionRange.length > 0) throw new DefaultsError(`Nested extensions in feature extension ${x.typeName} are not supported.`);
  validateDescriptor(m);
  return m;
}

/** protoc's CollectEditions: the editions where a feature is introduced or removed, or its default changes. */
function collectEditions(d: DescMessage, maximum: number, editions: Set<number>): void {
  const add = (edition: number) => {
    if (edition <= maximum || edition === Edition.UNSTABLE) editions.add(edition);
  };
  for (const { proto: f } of d.fields) {
    const support = f.options?.featureSupport;
    add(support?.editionIntroduced ?? 0);
    if (support?.editionRemoved !== undefined) add(support.editionRemoved);
    for (const x of f.options?.editionDefaults ?? []) add(x.edition ?? 0);
  }
}

/**
 * protoc's FillDefaults: each feature's default in `edition` (the last one given for an edition
 * not after it), among the fixed ones when the feature is not yet or no longer supported.
 */
function fillDefaults(edition: number, d: DescMessage, fixed: Values, overridable: Values): void {
  for (const field of d.fields) {
    const f = field.proto;
    const support = f.options?.featureSupport;
    const unsupported =
      support !== undefined &&
      ((support.editionIntroduced !== undefined && edition < support.editionIntroduced) || (support.editionRemoved !== undefined && edition >= support.editionRemoved));
    const defaults = [...(f.options?.editionDefaults ?? [])].sort((a, b) => (a.edition ?? 0) - (b.edition ?? 0));
    let chosen: FieldOptions_EditionDefault | undefined;
    for (const x of defaults) if ((x.edition ?? 0) <= edition) chosen = x;
    if (chosen === undefined) throw new DefaultsError(`No valid default found for edition ${editionText(edition)} in feature field ${fieldFullName(field)}`);
    const value = parseValue(field, chosen.value ?? "");
    if (value === undefined) {
      throw new DefaultsError(`Parsing error in edition_defaults for feature field ${fieldFullName(field)}. Could not parse: ${chosen.value ?? ""}`);
    }
    (unsupported ? fixed : overridable).set(field.number, value);
  }
}

/** A default's text as the text format reads a value of an enum or bool field (protoc's ParseFieldValueFromString). */
function parseValue(field: DescField, text: string): number | undefined {
  const t = text.trim();
  const integer = /^-?(0|[1-9][0-9]*)$/.test(t) ? Number(t) : undefined;
  if (field.fieldKind === "enum") {
    const e = field.enum;
    if (integer !== undefined) return integer >= -0x80000000 && integer <= 0x7fffffff && (e.values.some((v) => v.number === integer) || e.open) ? integer : undefined;
    return e.values.find((v) => v.name === t)?.number;
  }
  if (t === "true" || t === "True" || t === "t" || integer === 1) return 1;
  if (t === "false" || t === "False" || t === "f" || integer === 0) return 0;
  return undefined;
}
