#!/usr/bin/env node
// Records protoc's diagnostics for small multi-file cases that fail (or warn) after parsing:
// name resolution, imports, options, features and validation. Writes
// test/compiler/link-errors.json: [{ name, files: { path: source }, input, stderr: [lines] }],
// file names as virtual paths. Usage: node scripts/compiler-record-link-errors.mjs [path/to/protoc]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const protoc = process.argv[2] ?? join(root, "node_modules/protoc/bin/protoc-linux-x86_64");
const include = join(root, "node_modules/protoc/include");

const P3 = 'syntax = "proto3";\n';
const P2 = 'syntax = "proto2";\n';
const DESC = 'import "google/protobuf/descriptor.proto";\n';

/** name → { files, input? } ; input defaults to a.proto. */
const cases = {
  "undefined type": { "a.proto": P3 + "message A { B b = 1; }" },
  "undefined type in package": { "a.proto": P3 + "package p.q;\nmessage A { x.B b = 1; }" },
  "resolved to inner scope": { "a.proto": P3 + "message B { message C {} }\nmessage A { message B {} B.C c = 1; }" },
  "not imported": { "a.proto": P3 + 'import "b.proto";\nmessage A { C c = 1; }', "b.proto": P3 + 'import "c.proto";\nmessage B {}', "c.proto": P3 + "message C {}" },
  "public import ok": { "a.proto": P3 + 'import "b.proto";\nmessage A { C c = 1; }', "b.proto": P3 + 'import public "c.proto";', "c.proto": P3 + "message C {}" },
  "missing import": { "a.proto": P3 + 'import "nope.proto";\nmessage A {}' },
  "import cycle": { "a.proto": P3 + 'import "b.proto";\nmessage A {}', "b.proto": P3 + 'import "a.proto";\nmessage B {}' },
  "import listed twice": { "a.proto": P3 + 'import "b.proto";\nimport "b.proto";\nmessage A { B b = 1; }', "b.proto": P3 + "message B {}" },
  "unused import": { "a.proto": P3 + 'import "b.proto";\nmessage A {}', "b.proto": P3 + "message B {}" },
  "duplicate message": { "a.proto": P3 + "message A {}\nmessage A {}" },
  "duplicate field name": { "a.proto": P3 + "message A { int32 x = 1; int32 x = 2; }" },
  "duplicate field number": { "a.proto": P3 + "message A { int32 x = 1; int32 y = 1; }" },
  "duplicate across files": { "a.proto": P3 + 'import "b.proto";\nmessage B {}', "b.proto": P3 + "message B {}" },
  "enum value scope": { "a.proto": P3 + "enum E { X = 0; }\nenum F { X = 0; }" },
  "enum alias": { "a.proto": P2 + "enum E { X = 0; Y = 0; }" },
  "open enum first value": { "a.proto": P3 + "enum E { X = 1; }" },
  "empty enum": { "a.proto": P2 + "enum E { }" },
  "enum reserved": { "a.proto": P2 + "enum E { X = 1; Y = 2; reserved 2, 5 to 7; reserved \"X\"; }" },
  "field reserved": { "a.proto": P2 + "message A { optional int32 x = 1; optional int32 y = 5; reserved 5 to 9; reserved \"x\"; }" },
  "reserved overlap": { "a.proto": P2 + "message A { reserved 1 to 5, 3 to 8; }" },
  "extension range includes field": { "a.proto": P2 + "message A { optional int32 x = 10; extensions 5 to 20; }" },
  "extension not in range": { "a.proto": P2 + "message A { extensions 100 to 200; }\nextend A { optional int32 e = 5; }" },
  "extension number reused": { "a.proto": P2 + "message A { extensions 100 to 200; }\nextend A { optional int32 e = 100; optional int32 f = 100; }" },
  "extendee not message": { "a.proto": P2 + "enum E { X = 0; }\nextend E { optional int32 e = 100; }" },
  "field zero": { "a.proto": P3 + "message A { int32 x = 0; }" },
  "field too large": { "a.proto": P3 + "message A { int32 x = 536870912; }" },
  "reserved field numbers": { "a.proto": P3 + "message A { int32 x = 19000; }" },
  "proto3 required": { "a.proto": P2.replace("proto2", "proto3") + "message A { required int32 x = 1; }" },
  "proto3 default": { "a.proto": P3 + "message A { int32 x = 1 [default = 5]; }" },
  "proto3 closed enum": { "a.proto": P3 + 'import "b.proto";\nmessage A { E e = 1; }', "b.proto": P2 + "enum E { X = 1; }" },
  "proto3 extension": { "a.proto": P3 + 'import "b.proto";\nextend B { int32 e = 100; }', "b.proto": P2 + "message B { extensions 100 to 200; }" },
  "proto3 extension range": { "a.proto": P3 + "message A { extensions 100 to 200; }" },
  "json name conflict": { "a.proto": P3 + "message A { int32 foo_bar = 1; int32 fooBar = 2; }" },
  "custom json name conflict": { "a.proto": P3 + 'message A { int32 a = 1 [json_name = "x"]; int32 b = 2 [json_name = "x"]; }' },
  "enum name conflict": { "a.proto": P3 + "enum Foo { FOO_BAR = 0; BAR = 1; }" },
  "map key float": { "a.proto": P3 + "message A { map<float, int32> m = 1; }" },
  "map entry name": { "a.proto": P3 + "message A { map<string, int32> m = 1; MEntry x = 2; }" },
  "oneof not consecutive": { "a.proto": P2 + "message A { oneof o { int32 a = 1; } optional int32 b = 2; }" },
  "default bad enum": { "a.proto": P2 + "enum E { X = 0; }\nmessage A { optional E e = 1 [default = Y]; }" },
  "default on message": { "a.proto": P2 + "message B {}\nmessage A { optional B b = 1 [default = x]; }" },
  "default on repeated": { "a.proto": P2 + "message A { repeated int32 x = 1 [default = 1]; }" },
  "packed on string": { "a.proto": P2 + "message A { repeated string x = 1 [packed = true]; }" },
  "jstype on int32": { "a.proto": P2 + "message A { optional int32 x = 1 [jstype = JS_STRING]; }" },
  "lazy on int": { "a.proto": P2 + "message A { optional int32 x = 1 [lazy = true]; }" },
  "unknown option": { "a.proto": P3 + "option foo = 1;" },
  "unknown extension option": { "a.proto": P3 + "option (foo) = 1;" },
  "option wrong type": { "a.proto": P3 + "option java_package = 5;" },
  "option bool value": { "a.proto": P3 + "option java_multiple_files = 1;" },
  "option enum value": { "a.proto": P3 + "option optimize_for = FAST;" },
  "option set twice": { "a.proto": P3 + 'option java_package = "a";\noption java_package = "b";' },
  "int32 option out of range": { "a.proto": P2 + DESC + "extend google.protobuf.FileOptions { optional int32 o = 50000; }\noption (o) = 3000000000;" },
  "uint32 option negative": { "a.proto": P2 + DESC + "extend google.protobuf.FileOptions { optional uint32 o = 50000; }\noption (o) = -1;" },
  "float option string": { "a.proto": P2 + DESC + 'extend google.protobuf.FileOptions { optional float o = 50000; }\noption (o) = "x";' },
  "message option scalar": { "a.proto": P2 + DESC + "message M { optional int32 a = 1; }\nextend google.protobuf.FileOptions { optional M o = 50000; }\noption (o) = 1;" },
  "aggregate unknown field": { "a.proto": P2 + DESC + "message M { optional int32 a = 1; }\nextend google.protobuf.FileOptions { optional M o = 50000; }\noption (o) = { b: 1 };" },
  "aggregate bad value": { "a.proto": P2 + DESC + "message M { optional int32 a = 1; }\nextend google.protobuf.FileOptions { optional M o = 50000; }\noption (o) = { a: \"x\" };" },
  "sub-option atomic": { "a.proto": P2 + DESC + "extend google.protobuf.FileOptions { optional int32 o = 50000; }\noption (o).x = 1;" },
  "sub-option set twice": { "a.proto": P2 + DESC + "message M { optional int32 a = 1; }\nextend google.protobuf.FileOptions { optional M o = 50000; }\noption (o).a = 1;\noption (o).a = 2;" },
  "repeated message sub-option": { "a.proto": P2 + DESC + "message M { optional int32 a = 1; }\nextend google.protobuf.FileOptions { repeated M o = 50000; }\noption (o).a = 1;" },
  "enum option sibling": { "a.proto": P2 + DESC + "enum E { X = 0; }\nenum F { Y = 0; }\nextend google.protobuf.FileOptions { optional E o = 50000; }\noption (o) = Y;" },
  "option resolved to inner scope": { "a.proto": P2 + DESC + "package p;\nmessage foo { }\nmessage M { extend google.protobuf.MessageOptions { optional int32 o = 50000; } }\nmessage N { option (foo.o) = 1; }" },
  "features in proto3": { "a.proto": P3 + "option features.field_presence = IMPLICIT;" },
  "editions implicit default": { "a.proto": 'edition = "2023";\nmessage A { int32 x = 1 [features.field_presence = IMPLICIT, default = 1]; }' },
  "editions packed option": { "a.proto": 'edition = "2023";\nmessage A { repeated int32 x = 1 [packed = true]; }' },
  "editions repeated presence": { "a.proto": 'edition = "2023";\nmessage A { repeated int32 x = 1 [features.field_presence = EXPLICIT]; }' },
  "editions required default": { "a.proto": 'edition = "2023";\noption features.field_presence = LEGACY_REQUIRED;\nmessage A { int32 x = 1; }' },
  "lite import": { "a.proto": P2 + 'import "b.proto";\nmessage A { optional B b = 1; }', "b.proto": P2 + "option optimize_for = LITE_RUNTIME;\nmessage B {}" },
  "message set field": { "a.proto": P2 + "message A { option message_set_wire_format = true; optional int32 x = 1; extensions 4 to max; }" },
  "not a type": { "a.proto": P3 + "message A { int32 x = 1; x y = 2; }" },
  "method input not message": { "a.proto": P3 + "enum E { X = 0; }\nmessage M {}\nservice S { rpc R(E) returns (M); }" },
  "method undefined": { "a.proto": P3 + "service S { rpc R(In) returns (Out); }" },
  "proto3 optional oneof name": { "a.proto": P3 + "message A { optional int32 x = 1; int32 _x = 2; }" },
  "group in proto3 message": { "a.proto": P2 + "message A { optional group G = 1 { optional int32 a = 1; } optional G g = 2; }" },
  "enum default first value": { "a.proto": P2 + "enum E { X = 5; Y = 6; }\nmessage A { optional E e = 1 [default = Y]; }" },
  "extension json name": { "a.proto": P2 + "message A { extensions 100 to 200; }\nextend A { optional int32 e = 100 [json_name = \"x\"]; }" },
  "package conflicts with message": { "a.proto": P3 + "package A;\nmessage A {}" },
  "suggested numbers": { "a.proto": P3 + "message A { int32 a = 1; int32 b = 0; int32 c = 2; }" },
  "option targets": {
    "a.proto": 'edition = "2023";\n' + DESC + "extend google.protobuf.FieldOptions { int32 only_msg = 50000 [targets = TARGET_TYPE_MESSAGE]; }\nmessage M { option features.field_presence = IMPLICIT; int32 a = 1 [(only_msg) = 1]; }",
  },
  "generic services warning": { "a.proto": P2 + "option java_generic_services = true;\nmessage M {}" },
  "feature lifetimes": {
    "a.proto": 'edition = "2024";\nimport "google/protobuf/cpp_features.proto";\noption java_multiple_files = true;\nmessage M { int32 a = 1 [features.(pb.cpp).legacy_closed_enum = true]; }',
  },
  "feature deprecated warning": { "a.proto": 'edition = "2023";\nimport "google/protobuf/cpp_features.proto";\nmessage M { int32 a = 1 [features.(pb.cpp).legacy_closed_enum = true]; }' },
  "ctype in 2024": { "a.proto": 'edition = "2024";\nmessage M { string a = 1 [ctype = CORD]; }' },
  "naming style 2024": { "a.proto": 'edition = "2024";\npackage Foo.bar;\nmessage foo_bar { int32 BadName = 1; }\nenum e { lower = 0; }\nservice s { rpc lower_m(foo_bar) returns (foo_bar); }' },
  "naming style opt out": { "a.proto": 'edition = "2024";\noption features.enforce_naming_style = STYLE_LEGACY;\nmessage foo_bar { int32 BadName = 1; }' },
  "local symbol from other file": { "a.proto": 'edition = "2024";\nimport "b.proto";\nmessage A { B b = 1; }', "b.proto": 'edition = "2024";\nlocal message B {}' },
  "strict nested export": { "a.proto": 'edition = "2024";\noption features.default_symbol_visibility = STRICT;\nmessage A { export message B {} export enum E { X = 0; } }' },
  "feature used in defining file": {
    "a.proto": 'edition = "2023";\n' + DESC + "message F { enum V { V_UNKNOWN = 0; A = 1; } V v = 1 [targets = TARGET_TYPE_FIELD, feature_support = { edition_introduced: EDITION_2023 }, edition_defaults = { edition: EDITION_LEGACY, value: \"A\" }]; }\nextend google.protobuf.FeatureSet { F f = 9999; }\nmessage M { int32 x = 1 [features.(f).v = A]; }",
  },
  "missing option import": { "a.proto": 'edition = "2024";\nimport option "missing.proto";\noption (x) = 1;' },
  "edition too old": { "a.proto": 'edition = "1_TEST_ONLY";\nmessage M {}' },
  "extension number too large": { "a.proto": P2 + "message A { extensions 100 to 536870912; }" },
  "message set extension not message": { "a.proto": P2 + "message A { option message_set_wire_format = true; extensions 4 to max; }\nextend A { optional int32 e = 4; }" },
  "weak import": { "a.proto": P2 + 'import weak "b.proto";\nmessage A {}', "b.proto": P2 + "message B {}" },
  "custom json alias": {
    "a.proto": 'edition = "2026";\nimport "google/protobuf/json_enumvalue_options.proto";\nenum E { option allow_alias = true; A = 0 [(pb.enumvalue.json).string = "x"]; B = 0; C = 1 [(pb.enumvalue.json).string = "A"]; D = 2 [(pb.enumvalue.json).string = "7"]; }',
  },
  "map value enum not zero": { "a.proto": P2 + "enum E { X = 1; }\nmessage A { map<int32, E> m = 1; }" },
  "edition unstable": { "a.proto": 'edition = "UNSTABLE";\nmessage M { int32 a = 1; }' },
  "failed file drops lifetime checks": { "a.proto": 'edition = "2024";\noption java_multiple_files = true;\nmessage M { oneof Value { int32 a = 1; } }' },
  "oneof options": { "a.proto": P2 + DESC + "extend google.protobuf.OneofOptions { optional int32 oo = 50000; }\nmessage M { oneof o { option (oo) = 1; option (oo) = 2; int32 a = 1; } }" },
  "extension declarations": {
    "a.proto": P2 + "package x;\nmessage A { extensions 100 to 200 [declaration = { number: 100, full_name: \".x.q\", type: \"int32\" }, declaration = { number: 101, reserved: true }]; }\nextend A { repeated string y = 100; optional int32 z = 101; optional int32 w = 102; }",
  },
  "declaration verification": { "a.proto": P2 + "message A { extensions 100 to 200 [verification = DECLARATION]; }\nextend A { optional int32 w = 102; }" },
  "bad declarations": {
    "a.proto": P2 + "message A { extensions 100 to 200 [declaration = { number: 300, full_name: \"x\", type: \"T\" }, declaration = { number: 101 }]; }",
  },
  "message in a group of an extend before any message": {
    "a.proto": P2 + "extend Foo { optional group G = 100 { message Inner {} optional Inner i = 1; } }\nmessage Foo { extensions 100 to 200; }",
  },
  "oneof in extend": { "a.proto": P2 + "message A { extensions 1 to 10; }\nmessage B { extend A { optional int32 e = 1; } optional int32 e = 2; }" },
  "lifetimes of custom options, their fields and enum values": {
    "a.proto":
      'edition = "2023";\n' + DESC +
      'message Sub { int32 old = 1 [feature_support = { edition_introduced: EDITION_2023 edition_deprecated: EDITION_2023 deprecation_warning: "sub old" }]; }\n' +
      'enum Level { LEVEL_UNKNOWN = 0; LEVEL_OLD = 1 [feature_support = { edition_introduced: EDITION_2023 edition_deprecated: EDITION_2023 deprecation_warning: "level old" }]; }\n' +
      "extend google.protobuf.FieldOptions {\n" +
      '  int32 plain = 50001 [feature_support = { edition_introduced: EDITION_2023 edition_deprecated: EDITION_2023 deprecation_warning: "plain" }];\n' +
      "  Sub sub = 50002;\n  Level level = 50003;\n  int32 other = 50004;\n}\n" +
      "message M { int32 a = 1 [(plain) = 1]; int32 b = 2 [(sub).old = 3]; int32 c = 3 [(level) = LEVEL_OLD]; int32 d = 4 [(other) = 1]; int32 e = 5 [(sub) = { old: 4 }]; }",
  },
  "lifetime removed custom option in an import": {
    "a.proto": 'edition = "2023";\nimport "b.proto";\nmessage A { B b = 1; }',
    "b.proto":
      'edition = "2023";\n' + DESC +
      'extend google.protobuf.MessageOptions { int32 gone = 50001 [feature_support = { edition_introduced: EDITION_2023 edition_removed: EDITION_2023 removal_error: "gone" }]; }\n' +
      "message B { option (gone) = 1; }",
  },
  "undefined type and duplicate number": { "a.proto": P3 + "message A { B a = 1; int32 b = 1; }" },
  "duplicate number of a field with undefined type": { "a.proto": P3 + "message A { int32 a = 1; B b = 1; }" },
  "undefined type and duplicate number outside the sequential run": { "a.proto": P2 + "message A { optional B a = 5; optional int32 b = 5; optional int32 c = 5; }" },
  "undefined type and two duplicate numbers": { "a.proto": P2 + "message A { optional int32 x = 1; optional B a = 2; optional int32 b = 2; optional int32 c = 2; }" },
  "undefined extension types and duplicate numbers": {
    "a.proto": P2 + "message A { optional int32 x = 1; optional B a = 2; optional int32 b = 2; extensions 100 to 200; }\nextend A { optional B e1 = 100; optional int32 e2 = 100; optional int32 e3 = 2; optional int32 e4 = 1; }",
  },
  "undefined extendee and duplicate extension number": { "a.proto": P2 + "message A { extensions 100 to 200; }\nextend Z { optional int32 e1 = 100; }\nextend A { optional int32 e2 = 100; optional int32 e3 = 100; }" },
  "undefined type and duplicate number in a nested message": { "a.proto": P3 + "message A { message N { B a = 1; string b = 1; } N n = 1; C c = 1; }" },
};

const tmp = mkdtempSync(join(tmpdir(), "protoforge-errors-"));
const out = [];
try {
  for (const [name, def] of Object.entries(cases)) {
    const dir = join(tmp, String(out.length));
    mkdirSync(dir);
    const files = { ...def };
    const input = files.input ?? "a.proto";
    delete files.input;
    for (const [f, src] of Object.entries(files)) writeFileSync(join(dir, f), src + "\n");
    const r = spawnSync(protoc, ["-I" + dir, "-I" + include, "--descriptor_set_out=/dev/null", input], { cwd: dir, encoding: "utf8" });
    const stderr = r.stderr.split(dir + "/").join("").trim();
    out.push({ name, files: Object.fromEntries(Object.entries(files).map(([f, s]) => [f, s + "\n"])), input, ok: r.status === 0, stderr: stderr === "" ? [] : stderr.split("\n") });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(join(root, "test/compiler/link-errors.json"), JSON.stringify({ protoc: spawnSync(protoc, ["--version"], { encoding: "utf8" }).stdout.trim(), cases: out }, null, 1) + "\n");
console.log(`${out.length} cases recorded`);
