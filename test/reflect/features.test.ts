// Edition features: the defaults per edition (checked against protoc's --edition_defaults_out),
// legacy proto2/proto3 syntax mapped to features, and inheritance file → message → field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { descriptorSetBytes, enumType, fixtureRegistry, msg } from "../fixtures/load.js";
import { bootDescriptorFile, bootFeatureDefaults } from "../../src/reflect/boot/boot.js";
import { featureDefaults, type ResolvedFeatures } from "../../src/reflect/features.js";
import type { FeatureSet, FeatureSetDefaults } from "../../src/reflect/descriptor-types.js";
import type { DescMessage } from "../../src/reflect/descriptors.js";
import { fromBinary } from "../../src/index.js";

// google.protobuf.FeatureSet enum numbers.
const EXPLICIT = 1, IMPLICIT = 2, LEGACY_REQUIRED = 3;
const OPEN = 1, CLOSED = 2;
const PACKED = 1, EXPANDED = 2;
const VERIFY = 2, NONE = 3;
const LENGTH_PREFIXED = 1, DELIMITED = 2;
const ALLOW = 1, LEGACY_BEST_EFFORT = 2;
const STYLE2024 = 1, STYLE_LEGACY = 2;
const EXPORT_ALL = 1, EXPORT_TOP_LEVEL = 2;
const LEGACY_NO_EXPLICIT_LIMITS = 1;

const featureNames = ["fieldPresence", "enumType", "repeatedFieldEncoding", "utf8Validation", "messageEncoding", "jsonFormat", "enforceNamingStyle", "defaultSymbolVisibility", "enforceProtoLimits"] as const;

function plain(f: ResolvedFeatures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of featureNames) out[n] = f[n]!;
  return out;
}

function protocDefaults(): FeatureSetDefaults {
  const desc = bootDescriptorFile().messages.find((m) => m.name === "FeatureSetDefaults")!;
  return fromBinary<FeatureSetDefaults>(desc, descriptorSetBytes("edition-defaults"));
}

function fromFeatureSet(...sets: (FeatureSet | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) for (const n of featureNames) if (s?.[n] !== undefined) out[n] = s[n]!;
  return out;
}

test("protoc's FeatureSetDefaults decodes (PROTO2 … 2024)", () => {
  const d = protocDefaults();
  assert.deepEqual(d.defaults.map((x) => x.edition), [900, 999, 1000, 1001]);
  assert.equal(d.minimumEdition, 998);
  assert.equal(d.maximumEdition, 1001);
});

test("feature defaults per edition match protoc's compiled defaults", () => {
  const d = protocDefaults();
  const table = bootFeatureDefaults();
  // For each edition, protoc's row is the last one not after it: LEGACY applies to PROTO2.
  const rowFor = (edition: number) => d.defaults.filter((x) => (x.edition ?? 0) <= edition).at(-1)!;
  for (const edition of [998, 999, 1000, 1001]) {
    const row = rowFor(edition);
    const expected = fromFeatureSet(row.fixedFeatures, row.overridableFeatures);
    assert.deepEqual(plain(featureDefaults(table, edition)), expected, `edition ${edition}`);
  }
});

test("feature defaults per edition, spelled out", () => {
  const table = bootFeatureDefaults();
  assert.deepEqual(plain(featureDefaults(table, 998)), {
    fieldPresence: EXPLICIT, enumType: CLOSED, repeatedFieldEncoding: EXPANDED, utf8Validation: NONE, messageEncoding: LENGTH_PREFIXED,
    jsonFormat: LEGACY_BEST_EFFORT, enforceNamingStyle: STYLE_LEGACY, defaultSymbolVisibility: EXPORT_ALL, enforceProtoLimits: LEGACY_NO_EXPLICIT_LIMITS,
  });
  assert.deepEqual(plain(featureDefaults(table, 999)), {
    fieldPresence: IMPLICIT, enumType: OPEN, repeatedFieldEncoding: PACKED, utf8Validation: VERIFY, messageEncoding: LENGTH_PREFIXED,
    jsonFormat: ALLOW, enforceNamingStyle: STYLE_LEGACY, defaultSymbolVisibility: EXPORT_ALL, enforceProtoLimits: LEGACY_NO_EXPLICIT_LIMITS,
  });
  assert.deepEqual(plain(featureDefaults(table, 1000)), {
    fieldPresence: EXPLICIT, enumType: OPEN, repeatedFieldEncoding: PACKED, utf8Validation: VERIFY, messageEncoding: LENGTH_PREFIXED,
    jsonFormat: ALLOW, enforceNamingStyle: STYLE_LEGACY, defaultSymbolVisibility: EXPORT_ALL, enforceProtoLimits: LEGACY_NO_EXPLICIT_LIMITS,
  });
  assert.deepEqual(plain(featureDefaults(table, 1001)), {
    fieldPresence: EXPLICIT, enumType: OPEN, repeatedFieldEncoding: PACKED, utf8Validation: VERIFY, messageEncoding: LENGTH_PREFIXED,
    jsonFormat: ALLOW, enforceNamingStyle: STYLE2024, defaultSymbolVisibility: EXPORT_TOP_LEVEL, enforceProtoLimits: LEGACY_NO_EXPLICIT_LIMITS,
  });
});

test("file features: edition defaults plus the file's own options", () => {
  const table = bootFeatureDefaults();
  const file = (set: string, name: string) => fixtureRegistry(set).getFile(name)!;
  assert.deepEqual(plain(file("proto2", "proto2.proto").features), plain(featureDefaults(table, 998)));
  assert.deepEqual(plain(file("proto3", "proto3.proto").features), plain(featureDefaults(table, 999)));
  assert.deepEqual(plain(file("edition2023", "edition2023.proto").features), {
    ...plain(featureDefaults(table, 1000)),
    utf8Validation: NONE,
    enumType: CLOSED,
    jsonFormat: LEGACY_BEST_EFFORT,
  });
  assert.deepEqual(plain(file("edition2024", "edition2024.proto").features), {
    ...plain(featureDefaults(table, 1001)),
    fieldPresence: IMPLICIT,
    messageEncoding: DELIMITED,
  });
});

test("inheritance file → message → nested message → field (editions 2023)", () => {
  const features = msg("e23", "fx.e23.Features");
  const nested = msg("e23", "fx.e23.Features.Nested");
  const deeper = msg("e23", "fx.e23.Features.Nested.Deeper");
  const sub = msg("e23", "fx.e23.Sub");
  // json_format: file LEGACY_BEST_EFFORT, Features ALLOW, Nested inherits ALLOW, Deeper LEGACY_BEST_EFFORT.
  assert.equal(sub.features.jsonFormat, LEGACY_BEST_EFFORT);
  assert.equal(features.features.jsonFormat, ALLOW);
  assert.equal(nested.features.jsonFormat, ALLOW);
  assert.equal(deeper.features.jsonFormat, LEGACY_BEST_EFFORT);
  assert.equal(features.fieldByName("explicit_field")!.features.jsonFormat, ALLOW, "fields inherit the message's features");
  assert.equal(deeper.fieldByName("d")!.features.jsonFormat, LEGACY_BEST_EFFORT);
  // utf8_validation: file NONE reaches fields through two message levels.
  assert.equal(nested.features.utf8Validation, NONE);
  assert.equal(features.fieldByName("str_none")!.features.utf8Validation, NONE);
  assert.equal(features.fieldByName("str_verify")!.features.utf8Validation, VERIFY);
  // Field-level settings.
  const f = (m: DescMessage, n: string) => m.fieldByName(n)!.features;
  assert.equal(f(features, "implicit_field").fieldPresence, IMPLICIT);
  assert.equal(f(features, "explicit_field").fieldPresence, EXPLICIT);
  assert.equal(f(features, "required_field").fieldPresence, LEGACY_REQUIRED);
  assert.equal(f(features, "expanded").repeatedFieldEncoding, EXPANDED);
  assert.equal(f(features, "packed_default").repeatedFieldEncoding, PACKED);
  assert.equal(f(features, "delimited").messageEncoding, DELIMITED);
  assert.equal(f(features, "length_prefixed").messageEncoding, LENGTH_PREFIXED);
  assert.equal(f(nested, "expanded_list").repeatedFieldEncoding, EXPANDED);
  assert.equal(f(nested, "packed_list").repeatedFieldEncoding, PACKED);
  // A field's setting does not leak to its siblings or its message.
  assert.equal(features.features.fieldPresence, EXPLICIT);
  assert.equal(features.features.repeatedFieldEncoding, PACKED);
  // Enums: file CLOSED, enum-level OPEN, nested enum inherits CLOSED through its messages.
  assert.equal(enumType("e23", "fx.e23.FileClosed").features.enumType, CLOSED);
  assert.equal(enumType("e23", "fx.e23.ExplicitOpen").features.enumType, OPEN);
  assert.equal(enumType("e23", "fx.e23.Features.Nested.NestedEnum").features.enumType, CLOSED);
  assert.equal(enumType("e23", "fx.e23.ExplicitOpen").features.jsonFormat, LEGACY_BEST_EFFORT, "other features still come from the file");
  // Extensions at file scope inherit the file's features.
  const ext = fixtureRegistry("edition2023").getExtension("fx.e23.ext_expanded")!;
  assert.equal(ext.features.repeatedFieldEncoding, EXPANDED);
  assert.equal(ext.features.utf8Validation, NONE);
});

test("inheritance in edition 2024: file-level IMPLICIT and DELIMITED, overridden per field", () => {
  const main = msg("e24", "fx.e24.Main");
  assert.equal(main.features.fieldPresence, IMPLICIT);
  assert.equal(main.features.messageEncoding, DELIMITED);
  assert.equal(main.features.enforceNamingStyle, STYLE2024);
  assert.equal(main.fieldByName("explicit_int")!.features.fieldPresence, EXPLICIT);
  assert.equal(main.fieldByName("lp_msg")!.features.messageEncoding, LENGTH_PREFIXED);
  assert.equal(main.fieldByName("unchecked")!.features.utf8Validation, NONE);
  assert.equal(main.fieldByName("implicit_str")!.features.utf8Validation, VERIFY);
  assert.equal(msg("e24", "fx.e24.Main.Inner").fieldByName("x")!.features.fieldPresence, IMPLICIT);
  assert.equal(enumType("e24", "fx.e24.ClosedEnum").features.enumType, CLOSED);
  assert.equal(enumType("e24", "fx.e24.OpenEnum").features.enumType, OPEN);
});

test("proto2 / proto3 syntax maps to features as protoc does", () => {
  const req = msg("p2", "fx.p2.Required");
  assert.equal(req.fieldByName("r_int")!.features.fieldPresence, LEGACY_REQUIRED);
  assert.equal(req.fieldByName("opt")!.features.fieldPresence, EXPLICIT);
  const groups = msg("p2", "fx.p2.Groups");
  assert.equal(groups.fieldByName("optgroup")!.features.messageEncoding, DELIMITED);
  assert.equal(groups.fieldByName("after")!.features.messageEncoding, LENGTH_PREFIXED);
  assert.equal(msg("p2", "fx.p2.Packed").fieldByName("f_int32")!.features.repeatedFieldEncoding, PACKED);
  assert.equal(msg("p2", "fx.p2.Unpacked").fieldByName("f_int32")!.features.repeatedFieldEncoding, EXPANDED);
  assert.equal(msg("p3", "fx.p3.Unpacked").fieldByName("f_int32")!.features.repeatedFieldEncoding, EXPANDED);
  assert.equal(msg("p3", "fx.p3.Packed").fieldByName("f_int32")!.features.repeatedFieldEncoding, PACKED);
  assert.equal(enumType("p2", "fx.p2.Closed2").features.enumType, CLOSED);
  assert.equal(enumType("p3", "fx.p3.Open3").features.enumType, OPEN);
  assert.equal(msg("p3", "fx.p3.Strings").fieldByName("s")!.features.utf8Validation, VERIFY);
  assert.equal(msg("p2", "fx.p2.Strings").fieldByName("s")!.features.utf8Validation, NONE);
});

test("resolved features are immutable", () => {
  const f = msg("e23", "fx.e23.Features").features;
  assert.ok(Object.isFrozen(f));
  assert.ok(Object.isFrozen(fixtureRegistry("proto3").getFile("proto3.proto")!.features));
});
