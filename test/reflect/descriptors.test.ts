// Descriptors built from FileDescriptorSets written by protoc (test/fixtures/descriptors): field
// kinds, presence, packed / delimited encoding, names, oneofs, enums and map entries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { descriptorSetBytes, enumType, fixtureRegistry, msg } from "../fixtures/load.js";
import { createFileRegistry, decodeFileDescriptorSet } from "../../src/index.js";
import type { DescField, DescMessage } from "../../src/reflect/descriptors.js";
import { ScalarType } from "../../src/reflect/scalar.js";

const T = ScalarType;

function field(m: DescMessage, name: string): DescField {
  const f = m.fieldByName(name);
  assert.ok(f, `${m.typeName} has no field ${name}`);
  return f;
}

/** The 15 scalar types with the field names the fixtures give them (f_<type>). */
const scalarFields: [string, ScalarType][] = [
  ["f_double", T.DOUBLE],
  ["f_float", T.FLOAT],
  ["f_int64", T.INT64],
  ["f_uint64", T.UINT64],
  ["f_int32", T.INT32],
  ["f_fixed64", T.FIXED64],
  ["f_fixed32", T.FIXED32],
  ["f_bool", T.BOOL],
  ["f_string", T.STRING],
  ["f_bytes", T.BYTES],
  ["f_uint32", T.UINT32],
  ["f_sfixed32", T.SFIXED32],
  ["f_sfixed64", T.SFIXED64],
  ["f_sint32", T.SINT32],
  ["f_sint64", T.SINT64],
];
const packable = scalarFields.filter(([, t]) => t !== T.STRING && t !== T.BYTES);

test("file descriptors: name, package, syntax, edition", () => {
  const cases: [string, string, string, string, number][] = [
    ["proto2", "proto2.proto", "fx.p2", "proto2", 998],
    ["proto3", "proto3.proto", "fx.p3", "proto3", 999],
    ["edition2023", "edition2023.proto", "fx.e23", "editions", 1000],
    ["edition2024", "edition2024.proto", "fx.e24", "editions", 1001],
  ];
  for (const [set, name, pkg, syntax, edition] of cases) {
    const f = fixtureRegistry(set).getFile(name);
    assert.ok(f, name);
    assert.equal(f.kind, "file");
    assert.equal(f.name, name);
    assert.equal(f.packageName, pkg);
    assert.equal(f.syntax, syntax);
    assert.equal(f.edition, edition);
  }
  const p2 = fixtureRegistry("proto2").getFile("proto2.proto")!;
  assert.deepEqual(
    p2.messages.map((m) => m.typeName),
    ["Sub", "Scalars", "Unpacked", "Packed", "Defaults", "Groups", "Required", "Extendable", "ExtGroup", "Scope", "ClosedEnums", "ClosedEnumsAsInt", "Strings", "Nest", "AllKinds"].map((n) => "fx.p2." + n),
  );
  assert.deepEqual(p2.enums.map((e) => e.typeName), ["fx.p2.Closed2", "fx.p2.ClosedZero"]);
  // proto2 groups define a message type named after the group, in the enclosing scope.
  assert.deepEqual(p2.extensions.map((x) => x.typeName), ["fx.p2.ext_int32", "fx.p2.ext_strings", "fx.p2.ext_msg", "fx.p2.extgroup", "fx.p2.ext_packed", "fx.p2.ext_enum", "fx.p2.ext_default", "fx.p2.all_ext"]);
});

test("proto2 singular fields: kinds, scalar types, explicit presence", () => {
  const m = msg("p2", "fx.p2.Scalars");
  for (const [name, scalar] of scalarFields) {
    const f = field(m, name);
    assert.equal(f.kind, "field");
    assert.equal(f.fieldKind, "scalar", name);
    assert.equal(f.fieldKind === "scalar" && f.scalar, scalar, name);
    assert.equal(f.presence, "explicit", name);
    assert.equal(f.parent, m);
    assert.equal(f.oneof, undefined);
  }
  const e = field(m, "f_enum");
  assert.equal(e.fieldKind, "enum");
  assert.equal(e.fieldKind === "enum" && e.enum, enumType("p2", "fx.p2.Closed2"));
  assert.equal(e.presence, "explicit");
  const sub = field(m, "f_msg");
  assert.equal(sub.fieldKind, "message");
  assert.equal(sub.fieldKind === "message" && sub.message, msg("p2", "fx.p2.Sub"));
  assert.equal(sub.fieldKind === "message" && sub.delimited, false);
  assert.equal(sub.presence, "explicit");
});

test("proto3 singular fields: implicit presence for scalars and enums, explicit for messages", () => {
  const m = msg("p3", "fx.p3.Scalars");
  for (const [name, scalar] of scalarFields) {
    const f = field(m, name);
    assert.equal(f.fieldKind === "scalar" && f.scalar, scalar, name);
    assert.equal(f.presence, "implicit", name);
  }
  assert.equal(field(m, "f_enum").presence, "implicit");
  assert.equal(field(m, "f_msg").presence, "explicit");
});

test("proto3 optional: explicit presence, synthetic oneofs are not listed", () => {
  const m = msg("p3", "fx.p3.Optionals");
  for (const [name] of scalarFields) {
    const f = field(m, name);
    assert.equal(f.presence, "explicit", name);
    assert.equal(f.oneof, undefined, name);
    assert.equal(f.proto.proto3Optional, true);
  }
  assert.equal(field(m, "f_enum").presence, "explicit");
  // protoc adds one synthetic oneof per optional field to the DescriptorProto...
  assert.equal(m.proto.oneofDecl.length, 18);
  // ...but only the real one is a oneof here.
  assert.deepEqual(m.oneofs.map((o) => o.name), ["real"]);
  const real = m.oneofs[0]!;
  assert.equal(real.kind, "oneof");
  assert.equal(real.localName, "real");
  assert.equal(real.parent, m);
  assert.deepEqual(real.fields.map((f) => f.name), ["real_a", "real_b"]);
  assert.equal(field(m, "real_a").oneof, real);
  assert.equal(field(m, "real_a").presence, "explicit");
  // Members: every field outside a real oneof, then the oneof in declaration order.
  assert.deepEqual(
    m.members.map((x) => x.localName),
    ["fDouble", "fFloat", "fInt64", "fUint64", "fInt32", "fFixed64", "fFixed32", "fBool", "fString", "fMsg", "fBytes", "fUint32", "fEnum", "fSfixed32", "fSfixed64", "fSint32", "fSint64", "real"],
  );
});

test("oneofs with message members", () => {
  const m = msg("p3", "fx.p3.Oneofs");
  assert.deepEqual(m.oneofs.map((o) => o.name), ["kind", "second"]);
  const kind = m.oneofs[0]!;
  assert.deepEqual(kind.fields.map((f) => f.name), ["o_int", "o_str", "o_msg", "o_msg2", "o_enum", "o_bytes", "o_double"]);
  for (const f of kind.fields) {
    assert.equal(f.oneof, kind);
    assert.equal(f.presence, "explicit", f.name);
  }
  const oMsg = field(m, "o_msg");
  assert.equal(oMsg.fieldKind, "message");
  assert.equal(oMsg.fieldKind === "message" && oMsg.message.typeName, "fx.p3.Sub");
  assert.deepEqual(m.members.map((x) => `${x.kind}:${x.localName}`), ["oneof:kind", "field:plain", "oneof:second"]);
  assert.equal(field(m, "plain").presence, "implicit");
});

test("fields by number and by declaration order", () => {
  const m = msg("p3", "fx.p3.Oneofs");
  assert.deepEqual(m.fields.map((f) => f.number), [1, 2, 3, 4, 5, 6, 9, 7, 8]);
  assert.deepEqual(m.fieldsByNumber.map((f) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(m.field(9)?.name, "o_double");
  assert.equal(m.field(10), undefined);
  assert.equal(m.fieldByName("oDouble"), undefined, "fieldByName takes the .proto name");
  assert.equal(m.fieldByJsonName("oDouble")?.name, "o_double");
});

test("repeated fields: packed per proto2 [packed = true]", () => {
  const unpacked = msg("p2", "fx.p2.Unpacked");
  for (const [name, scalar] of scalarFields) {
    const f = field(unpacked, name);
    assert.equal(f.fieldKind, "list", name);
    assert.equal(f.fieldKind === "list" && f.elementKind, "scalar");
    assert.equal(f.fieldKind === "list" && f.elementKind === "scalar" && f.scalar, scalar);
    assert.equal(f.fieldKind === "list" && f.packed, false, name);
  }
  const ue = field(unpacked, "f_enum");
  assert.ok(ue.fieldKind === "list" && ue.elementKind === "enum" && !ue.packed);
  const um = field(unpacked, "f_msg");
  assert.ok(um.fieldKind === "list" && um.elementKind === "message" && !um.packed && !um.delimited);
  assert.equal(um.fieldKind === "list" && um.elementKind === "message" && um.message.typeName, "fx.p2.Sub");

  const packed = msg("p2", "fx.p2.Packed");
  for (const [name] of packable) {
    const f = field(packed, name);
    assert.equal(f.fieldKind === "list" && f.packed, true, name);
  }
  const pe = field(packed, "f_enum");
  assert.ok(pe.fieldKind === "list" && pe.elementKind === "enum" && pe.packed);
});

test("repeated fields: packed by default in proto3, [packed = false] expands", () => {
  const packed = msg("p3", "fx.p3.Packed");
  for (const [name, scalar] of scalarFields) {
    const f = field(packed, name);
    assert.equal(f.fieldKind, "list");
    // string and bytes cannot be packed.
    assert.equal(f.fieldKind === "list" && f.packed, scalar !== T.STRING && scalar !== T.BYTES, name);
  }
  assert.ok(field(packed, "f_enum").fieldKind === "list" && (field(packed, "f_enum") as { packed: boolean }).packed);
  const pm = field(packed, "f_msg");
  assert.ok(pm.fieldKind === "list" && !pm.packed, "message lists are never packed");

  const unpacked = msg("p3", "fx.p3.Unpacked");
  for (const [name] of packable) {
    const f = field(unpacked, name);
    assert.equal(f.fieldKind === "list" && f.packed, false, name);
  }
  assert.equal((field(unpacked, "f_enum") as { packed: boolean }).packed, false);
});

test("repeated fields: editions repeated_field_encoding", () => {
  const f23 = msg("e23", "fx.e23.Features");
  assert.equal((field(f23, "packed_default") as { packed: boolean }).packed, true);
  assert.equal((field(f23, "expanded") as { packed: boolean }).packed, false);
  assert.equal((field(f23, "strs_verify") as { packed: boolean }).packed, false, "strings are never packed");
  const nested = msg("e23", "fx.e23.Features.Nested");
  assert.equal((field(nested, "packed_list") as { packed: boolean }).packed, true);
  assert.equal((field(nested, "expanded_list") as { packed: boolean }).packed, false);
  assert.equal((field(nested, "closed_list") as { packed: boolean }).packed, true, "closed enums are packed too");
  const main = msg("e24", "fx.e24.Main");
  assert.equal((field(main, "packed") as { packed: boolean }).packed, true);
  assert.equal((field(main, "expanded") as { packed: boolean }).packed, false);
});

test("groups: proto2 group fields are delimited messages named after the group", () => {
  const m = msg("p2", "fx.p2.Groups");
  const g = field(m, "optgroup");
  assert.equal(g.name, "optgroup", "protoc lower-cases the group name for the field");
  assert.equal(g.localName, "optgroup");
  assert.equal(g.jsonName, "optgroup");
  assert.equal(g.proto.type, 10, "TYPE_GROUP");
  assert.ok(g.fieldKind === "message");
  assert.equal(g.message.typeName, "fx.p2.Groups.OptGroup");
  assert.equal(g.delimited, true);
  assert.equal(g.presence, "explicit");
  const r = field(m, "repgroup");
  assert.ok(r.fieldKind === "list" && r.elementKind === "message");
  assert.equal(r.delimited, true);
  assert.equal(r.message.typeName, "fx.p2.Groups.RepGroup");
  assert.deepEqual(m.nestedMessages.map((n) => n.name), ["OptGroup", "RepGroup"]);
  const x = fixtureRegistry("proto2").getExtension("fx.p2.extgroup")!;
  assert.ok(x.fieldKind === "message" && x.delimited);
  assert.equal(x.message.typeName, "fx.p2.ExtGroup");
});

test("editions: message_encoding DELIMITED at field and file level; map values stay length-prefixed", () => {
  const f = msg("e23", "fx.e23.Features");
  const d = field(f, "delimited");
  assert.ok(d.fieldKind === "message" && d.delimited);
  assert.equal(d.proto.type, 11, "editions keep TYPE_MESSAGE in the descriptor");
  const lp = field(f, "length_prefixed");
  assert.ok(lp.fieldKind === "message" && !lp.delimited);
  const dl = field(f, "delimited_list");
  assert.ok(dl.fieldKind === "list" && dl.elementKind === "message" && dl.delimited);
  const od = field(f, "oneof_delimited");
  assert.ok(od.fieldKind === "message" && od.delimited);
  assert.equal(od.oneof?.name, "choice");
  const mf = field(f, "map_field");
  assert.ok(mf.fieldKind === "map" && mf.elementKind === "message" && !mf.delimited);

  // edition2024.proto sets DELIMITED for the whole file.
  const main = msg("e24", "fx.e24.Main");
  const dm = field(main, "delimited_msg");
  assert.ok(dm.fieldKind === "message" && dm.delimited);
  const dlist = field(main, "delimited_list");
  assert.ok(dlist.fieldKind === "list" && dlist.elementKind === "message" && dlist.delimited);
  const lpm = field(main, "lp_msg");
  assert.ok(lpm.fieldKind === "message" && !lpm.delimited);
  const mm = field(main, "map_msg");
  assert.ok(mm.fieldKind === "map" && mm.elementKind === "message" && !mm.delimited);
  const inner = field(main, "inner");
  assert.ok(inner.fieldKind === "message" && inner.delimited);
  const innerM = field(msg("e24", "fx.e24.Main.Inner"), "m");
  assert.ok(innerM.fieldKind === "message" && innerM.delimited);

  const ext = fixtureRegistry("edition2023").getExtension("fx.e23.ext_delimited")!;
  assert.ok(ext.fieldKind === "message" && ext.delimited);
});

test("presence: editions field_presence IMPLICIT / EXPLICIT / LEGACY_REQUIRED", () => {
  const f = msg("e23", "fx.e23.Features");
  const presence = (m: DescMessage, n: string) => field(m, n).presence;
  assert.equal(presence(f, "implicit_field"), "implicit");
  assert.equal(presence(f, "explicit_field"), "explicit");
  assert.equal(presence(f, "required_field"), "required");
  assert.equal(presence(f, "str_none"), "explicit");
  assert.equal(presence(f, "str_implicit"), "implicit");
  assert.equal(presence(f, "open_implicit"), "implicit");
  assert.equal(presence(f, "closed_enum"), "explicit");
  assert.equal(presence(f, "delimited"), "explicit");
  assert.equal(presence(f, "oneof_str"), "explicit");
  const d = msg("e23", "fx.e23.Defaults");
  for (const n of ["i", "s", "e", "with_default", "b_default", "open_default", "m"]) assert.equal(presence(d, n), "explicit", n);

  const main = msg("e24", "fx.e24.Main");
  assert.equal(presence(main, "implicit_int"), "implicit");
  assert.equal(presence(main, "implicit_str"), "implicit");
  assert.equal(presence(main, "open"), "implicit");
  assert.equal(presence(main, "closed"), "explicit");
  assert.equal(presence(main, "explicit_int"), "explicit");
  assert.equal(presence(main, "required"), "required");
  assert.equal(presence(main, "delimited_msg"), "explicit", "message fields always have explicit presence");
  assert.equal(presence(main, "inner"), "explicit");
  assert.equal(presence(msg("e24", "fx.e24.Sub"), "a"), "implicit");

  const req = msg("p2", "fx.p2.Required");
  assert.equal(presence(req, "r_int"), "required");
  assert.equal(presence(req, "r_str"), "required");
  assert.equal(presence(req, "r_msg"), "required");
  assert.equal(presence(req, "opt"), "explicit");
});

test("UTF-8 validation per field: proto2 none, proto3 all, editions per utf8_validation", () => {
  const v = (m: DescMessage, n: string) => field(m, n).validateUtf8;
  const p2 = msg("p2", "fx.p2.Strings");
  assert.equal(v(p2, "s"), false);
  assert.equal(v(p2, "r"), false);
  assert.equal(v(p2, "m"), false);
  const p3 = msg("p3", "fx.p3.Strings");
  for (const n of ["s", "r", "m", "o_str", "opt"]) assert.equal(v(p3, n), true, n);
  const f = msg("e23", "fx.e23.Features");
  assert.equal(v(f, "str_none"), false, "file sets NONE");
  assert.equal(v(f, "str_verify"), true);
  assert.equal(v(f, "strs_verify"), true);
  assert.equal(v(f, "map_none"), false);
  assert.equal(v(f, "map_verify"), true);
  assert.equal(v(f, "oneof_str"), false);
  const main = msg("e24", "fx.e24.Main");
  assert.equal(v(main, "implicit_str"), true, "2024 default VERIFY");
  assert.equal(v(main, "unchecked"), false);
});

test("jsonName and localName", () => {
  const m = msg("p3", "fx.p3.Names");
  const expected: [string, string, string][] = [
    // [.proto name, json_name as protoc writes it, localName]
    ["foo_bar", "fooBar", "fooBar"],
    ["baz_qux_2", "bazQux2", "bazQux2"],
    ["json_custom", "myCustom", "jsonCustom"],
    ["constructor", "constructor", "constructor$"],
    ["to_string", "toString", "toString$"],
    ["FieldCaps", "FieldCaps", "FieldCaps"],
    ["x_1y", "x1y", "x1y"],
    ["a__b", "aB", "aB"],
    ["trailing_", "trailing", "trailing"],
    ["in_oneof", "inOneof", "inOneof"],
  ];
  for (const [name, json, local] of expected) {
    const f = field(m, name);
    assert.equal(f.jsonName, json, name);
    assert.equal(f.proto.jsonName, json, "protoc's json_name");
    assert.equal(f.localName, local, name);
    assert.equal(m.fieldByJsonName(json), f);
  }
  assert.equal(m.oneofs[0]!.localName, "myOneof");
  assert.deepEqual(
    msg("p3", "fx.p3.Maps").fields.map((f) => f.localName).slice(0, 3),
    ["int32Int32", "int64Int64", "uint32Uint32"],
  );
});

test("nested types: full names, parents, lookup", () => {
  const reg = fixtureRegistry("proto2");
  const nest = msg("p2", "fx.p2.Nest");
  const l1 = reg.getMessage("fx.p2.Nest.Level1")!;
  const l2 = reg.getMessage("fx.p2.Nest.Level1.Level2")!;
  const e2 = reg.getEnum("fx.p2.Nest.Level1.Level2.E2")!;
  assert.equal(l1.parent, nest);
  assert.equal(l2.parent, l1);
  assert.equal(l2.name, "Level2");
  assert.equal(e2.parent, l2);
  assert.equal(e2.name, "E2");
  assert.deepEqual(nest.nestedMessages, [l1]);
  assert.deepEqual(l2.nestedEnums, [e2]);
  assert.equal((field(nest, "direct") as { message: DescMessage }).message, l2);
  assert.equal((field(nest, "e") as { enum: unknown }).enum, e2);
  assert.equal(l2.file.name, "proto2.proto");
  assert.equal(reg.getMessage("fx.p2.Nest.Level1.Level2.E2"), undefined, "an enum is not a message");
  assert.equal(reg.getEnum("fx.p2.Nest.Level1"), undefined, "a message is not an enum");
  assert.equal(reg.getMessage("Nest"), undefined);
  assert.equal(reg.getMessage(".fx.p2.Nest"), undefined, "names have no leading dot");
});

test("enums: open and closed, values, aliases", () => {
  const c2 = enumType("p2", "fx.p2.Closed2");
  assert.equal(c2.open, false, "proto2 enums are closed");
  assert.deepEqual(c2.values.map((v) => [v.name, v.number]), [["CLOSED2_FIRST", 3], ["CLOSED2_ONE", 1], ["CLOSED2_TWO", 2], ["CLOSED2_NEG", -1], ["CLOSED2_ALIAS_ONE", 1]]);
  assert.equal(c2.value(1)?.name, "CLOSED2_ONE", "the first value declared with a number");
  assert.equal(c2.value(-1)?.name, "CLOSED2_NEG");
  assert.equal(c2.value(0), undefined);
  assert.equal(c2.valueByName("CLOSED2_ALIAS_ONE")?.number, 1);
  assert.equal(c2.values[0]!.parent, c2);
  assert.equal(enumType("p3", "fx.p3.Open3").open, true, "proto3 enums are open");
  assert.equal(enumType("p3", "fx.p3.Nest.Inner.InnerEnum").open, true);
  assert.equal(enumType("e23", "fx.e23.FileClosed").open, false, "inherits the file's enum_type CLOSED");
  assert.equal(enumType("e23", "fx.e23.ExplicitOpen").open, true);
  assert.equal(enumType("e23", "fx.e23.Features.Nested.NestedEnum").open, false, "inherits CLOSED through its messages");
  assert.equal(enumType("e24", "fx.e24.OpenEnum").open, true, "2024 default OPEN");
  assert.equal(enumType("e24", "fx.e24.ClosedEnum").open, false);
});

test("map fields: every key type, scalar / enum / message values, entry types", () => {
  const m = msg("p3", "fx.p3.Maps");
  const cases: [string, ScalarType, string][] = [
    ["int32_int32", T.INT32, "scalar:5"],
    ["int64_int64", T.INT64, "scalar:3"],
    ["uint32_uint32", T.UINT32, "scalar:13"],
    ["uint64_uint64", T.UINT64, "scalar:4"],
    ["sint32_sint32", T.SINT32, "scalar:17"],
    ["sint64_sint64", T.SINT64, "scalar:18"],
    ["fixed32_fixed32", T.FIXED32, "scalar:7"],
    ["fixed64_fixed64", T.FIXED64, "scalar:6"],
    ["sfixed32_sfixed32", T.SFIXED32, "scalar:15"],
    ["sfixed64_sfixed64", T.SFIXED64, "scalar:16"],
    ["bool_bool", T.BOOL, "scalar:8"],
    ["string_string", T.STRING, "scalar:9"],
    ["string_bytes", T.STRING, "scalar:12"],
    ["string_double", T.STRING, "scalar:1"],
    ["string_float", T.STRING, "scalar:2"],
    ["string_enum", T.STRING, "enum:fx.p3.Open3"],
    ["string_msg", T.STRING, "message:fx.p3.Sub"],
    ["int32_msg", T.INT32, "message:fx.p3.Sub"],
    ["int64_enum", T.INT64, "enum:fx.p3.Open3"],
    ["bool_string", T.BOOL, "scalar:9"],
    ["uint64_bytes", T.UINT64, "scalar:12"],
  ];
  for (const [name, key, value] of cases) {
    const f = field(m, name);
    assert.ok(f.fieldKind === "map", name);
    assert.equal(f.mapKey, key, name);
    const v = f.elementKind === "scalar" ? `scalar:${f.scalar}` : f.elementKind === "enum" ? `enum:${f.enum.typeName}` : `message:${f.message.typeName}`;
    assert.equal(v, value, name);
    const entryName = name.split("_").map((p) => p[0]!.toUpperCase() + p.slice(1)).join("") + "Entry";
    assert.equal(f.entry.typeName, `fx.p3.Maps.${entryName}`);
    assert.equal(f.entry.isMapEntry, true);
    assert.equal(f.entry.parent, m);
    assert.deepEqual(f.entry.fields.map((x) => [x.name, x.number]), [["key", 1], ["value", 2]]);
  }
  assert.equal(m.nestedMessages.length, cases.length);
  assert.equal(msg("p3", "fx.p3.Sub").isMapEntry, false);
  // proto2 map with a closed enum value.
  const ce = field(msg("p2", "fx.p2.ClosedEnums"), "map");
  assert.ok(ce.fieldKind === "map" && ce.elementKind === "enum");
  assert.equal(ce.enum.open, false);
});

test("extension ranges and message-set flags", () => {
  const ext = msg("p2", "fx.p2.Extendable");
  assert.deepEqual(ext.extensionRanges, [[100, 200], [1000, 536870912]]);
  assert.equal(ext.isMessageSet, false);
  assert.deepEqual(msg("p2", "fx.p2.Scalars").extensionRanges, []);
  assert.deepEqual(msg("e23", "fx.e23.Extendable").extensionRanges, [[100, 200]]);
});

test("edge.proto: colliding property names, high field numbers, MessageSet", () => {
  const reg = fixtureRegistry("edge");
  const collide = reg.getMessage("fx.edge.Collide")!;
  const names = collide.members.map((m) => m.localName);
  assert.equal(new Set(names).size, names.length, `property names are distinct: ${JSON.stringify(names)}`);
  // protoc's json_name for each (conflicts are only warnings in proto2).
  assert.deepEqual(collide.fields.map((f) => f.jsonName), ["fooBar", "fooBar", "", "k1", "k2", "myKind", "", "toJSON", "valueOf"]);
  const high = reg.getMessage("fx.edge.HighNumbers")!;
  assert.deepEqual(high.fieldsByNumber.map((f) => f.number), [1, 16, 2047, 16777216, 268435456, 268435457, 300000000, 536870909, 536870910, 536870911]);
  const ms = reg.getMessage("fx.edge.MessageSet")!;
  assert.equal(ms.isMessageSet, true);
  assert.deepEqual(ms.extensionRanges, [[4, 2147483647]]);
  assert.equal(reg.getExtensionFor(ms, 1000)?.typeName, "fx.edge.SetItem.item");
  assert.equal(reg.getExtensionFor(ms, 268435455)?.typeName, "fx.edge.OtherItem.other");
  assert.equal(high.isMessageSet, false);
});

test("jsonName without protoc's json_name: derived exactly as protoc derives it, for every field of every fixture", () => {
  for (const set of ["proto2", "proto3", "edition2023", "edition2024", "unknown", "custom_options"]) {
    const files = decodeFileDescriptorSet(descriptorSetBytes(set)).file;
    const expected = new Map<string, string>();
    const strip = (fields: { name?: string; jsonName?: string }[], scope: string) => {
      for (const f of fields) {
        expected.set(`${scope}.${f.name}`, f.jsonName!);
        // Keep custom json_name (it differs from the derived one); drop the rest.
        if (f.name !== "json_custom") delete f.jsonName;
      }
    };
    type DP = (typeof files)[number]["messageType"][number];
    const walk = (m: DP, scope: string) => {
      strip(m.field, `${scope}.${m.name}`);
      m.nestedType.forEach((n) => walk(n, `${scope}.${m.name}`));
    };
    for (const f of files) f.messageType.forEach((m) => walk(m, f.package ?? ""));
    const reg = createFileRegistry(files);
    let n = 0;
    for (const f of reg.files()) {
      const visit = (m: DescMessage) => {
        for (const x of m.fields) {
          assert.equal(x.jsonName, expected.get(`${m.typeName}.${x.name}`), `${m.typeName}.${x.name}`);
          n++;
        }
        m.nestedMessages.forEach(visit);
      };
      f.messages.forEach(visit);
    }
    assert.ok(n > 10, set);
  }
});
