// Default values parsed from protoc's FieldDescriptorProto.default_value strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { msg } from "../fixtures/load.js";
import type { DescField, DescMessage } from "../../src/reflect/descriptors.js";
import { createEmpty, fieldDefault, getFieldValue, isFieldSet, toBinary } from "../../src/index.js";

function field(m: DescMessage, name: string): DescField {
  const f = m.fieldByName(name);
  assert.ok(f, `${m.typeName} has no field ${name}`);
  return f;
}

function defaultOf(m: DescMessage, name: string): unknown {
  const f = field(m, name);
  assert.ok(f.fieldKind === "scalar" || f.fieldKind === "enum", name);
  return f.defaultValue;
}

const D = () => msg("p2", "fx.p2.Defaults");

test("protoc's default_value strings (what the descriptors are built from)", () => {
  const d = D();
  assert.equal(field(d, "d_double").proto.defaultValue, "-1.5e+300");
  assert.equal(field(d, "d_bytes").proto.defaultValue, "\\000\\001\\177\\377\\n\\r\\t\\\"\\'\\\\abc\\377\\200 z");
  assert.equal(field(d, "i_hex").proto.defaultValue, "127");
  assert.equal(field(d, "i_oct").proto.defaultValue, "8");
  assert.equal(field(d, "d_neg_zero").proto.defaultValue, "-0");
  assert.equal(field(d, "i_none").proto.defaultValue, undefined);
});

test("integer defaults, 32 and 64 bit, at their limits", () => {
  const d = D();
  assert.equal(defaultOf(d, "d_int32"), -2147483648);
  assert.equal(defaultOf(d, "d_uint32"), 4294967295);
  assert.equal(defaultOf(d, "d_fixed32"), 4294967295);
  assert.equal(defaultOf(d, "d_sfixed32"), -123);
  assert.equal(defaultOf(d, "d_sint32"), -789);
  assert.equal(defaultOf(d, "d_int64"), -9223372036854775808n);
  assert.equal(defaultOf(d, "d_uint64"), 18446744073709551615n);
  assert.equal(defaultOf(d, "d_fixed64"), 18446744073709551615n);
  assert.equal(defaultOf(d, "d_sfixed64"), -456n);
  assert.equal(defaultOf(d, "d_sint64"), -1011n);
  assert.equal(defaultOf(d, "i64_max"), 9223372036854775807n);
  assert.equal(defaultOf(d, "i_hex"), 127);
  assert.equal(defaultOf(d, "i_oct"), 8);
});

test("floating-point defaults incl. inf, -inf, nan, -0", () => {
  const d = D();
  assert.equal(defaultOf(d, "d_double"), -1.5e300);
  assert.equal(defaultOf(d, "d_float"), 3.25);
  assert.equal(defaultOf(d, "f_inf"), Infinity);
  assert.equal(defaultOf(d, "f_ninf"), -Infinity);
  assert.ok(Number.isNaN(defaultOf(d, "f_nan")));
  assert.equal(defaultOf(d, "d_inf"), Infinity);
  assert.equal(defaultOf(d, "d_ninf"), -Infinity);
  assert.ok(Number.isNaN(defaultOf(d, "d_nan")));
  assert.equal(defaultOf(d, "d_small"), 1e-10);
  assert.equal(defaultOf(d, "d_int_literal"), 5);
  assert.ok(Object.is(defaultOf(d, "d_neg_zero"), -0), "-0 keeps its sign");
});

test("bool, string and bytes defaults (bytes with C escapes undone)", () => {
  const d = D();
  assert.equal(defaultOf(d, "d_bool"), true);
  assert.equal(defaultOf(d, "b_false"), false);
  // protoc stores string defaults unescaped (UTF-8), bytes defaults C-escaped.
  assert.equal(defaultOf(d, "d_string"), 'say "hi"\n\t\\ caf\u00e9 AA');
  assert.equal(defaultOf(d, "s_empty"), "");
  assert.deepEqual(
    defaultOf(d, "d_bytes"),
    new Uint8Array([0x00, 0x01, 0x7f, 0xff, 0x0a, 0x0d, 0x09, 0x22, 0x27, 0x5c, 0x61, 0x62, 0x63, 0xff, 0x80, 0x20, 0x7a]),
  );
  assert.deepEqual(defaultOf(d, "b_empty"), new Uint8Array(0));
  const e23 = msg("e23", "fx.e23.Defaults");
  assert.deepEqual(defaultOf(e23, "b_default"), new Uint8Array([0x61, 0x00, 0x62]));
  assert.equal(defaultOf(e23, "with_default"), 42);
});

test("enum defaults: [default = NAME], else the first value declared", () => {
  const d = D();
  assert.equal(defaultOf(d, "d_enum"), 2, "CLOSED2_TWO");
  assert.equal(defaultOf(d, "e_neg"), -1, "CLOSED2_NEG");
  assert.equal(defaultOf(d, "e_first"), 3, "CLOSED2_FIRST is declared first, with number 3");
  assert.equal(defaultOf(msg("p2", "fx.p2.Scalars"), "f_enum"), 3);
  assert.equal(defaultOf(msg("p3", "fx.p3.Scalars"), "f_enum"), 0);
  const e23 = msg("e23", "fx.e23.Defaults");
  assert.equal(defaultOf(e23, "open_default"), 1);
  assert.equal(defaultOf(e23, "e"), 0);
  // fx.e24.ClosedEnum starts at 1.
  assert.equal(defaultOf(msg("e24", "fx.e24.Main"), "closed"), 1);
});

test("fields without [default] have no explicit default; fieldDefault() gives the zero value", () => {
  const d = D();
  for (const n of ["i_none", "s_none", "b_none", "u_none"]) assert.equal(defaultOf(d, n), undefined, n);
  assert.equal(fieldDefault(field(d, "i_none")), 0);
  assert.equal(fieldDefault(field(d, "s_none")), "");
  assert.deepEqual(fieldDefault(field(d, "b_none")), new Uint8Array(0));
  assert.equal(fieldDefault(field(d, "u_none")), 0n);
  assert.equal(fieldDefault(field(d, "d_enum")), 2);
  assert.equal(fieldDefault(field(d, "e_first")), 3);
});

test("an empty message reads its defaults but has nothing set and writes nothing", () => {
  const d = D();
  const m = createEmpty(d);
  assert.deepEqual(m, { $typeName: "fx.p2.Defaults" });
  assert.equal(getFieldValue(m, field(d, "d_int64")), -9223372036854775808n);
  assert.equal(getFieldValue(m, field(d, "d_string")), 'say "hi"\n\t\\ caf\u00e9 AA');
  assert.equal(getFieldValue(m, field(d, "e_first")), 3);
  assert.ok(Number.isNaN(getFieldValue(m, field(d, "d_nan"))));
  for (const f of d.fields) assert.equal(isFieldSet(m, f), false, f.name);
  assert.equal(toBinary(d, m).length, 0);
});
