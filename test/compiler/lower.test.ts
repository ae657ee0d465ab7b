import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../src/compiler/parser.js";
import { lowerFile } from "../../src/compiler/lower/lower.js";
import { SourceLocationTable } from "../../src/compiler/lower/locations.js";
import type { FileDescriptorProto } from "../../src/reflect/descriptor-types.js";

// Stage 1: the unlinked FileDescriptorProto, exactly as protoc's parser fills it.

function lower(source: string): { file: FileDescriptorProto; table: SourceLocationTable } {
  const r = parse(source, { fileName: "x.proto" });
  assert.deepEqual(r.diagnostics, []);
  const table = new SourceLocationTable();
  return { file: lowerFile(r.ast, "x.proto", table), table };
}

test("map fields get an entry message after the field, with features copied to key and value", () => {
  const { file } = lower('edition = "2023";\nmessage M { map<string, M> items_by_id = 1 [features.utf8_validation = NONE, deprecated = true]; }');
  const m = file.messageType[0]!;
  assert.equal(m.field[0]!.typeName, "ItemsByIdEntry");
  assert.equal(m.field[0]!.label, 3);
  const entry = m.nestedType[0]!;
  assert.equal(entry.name, "ItemsByIdEntry");
  assert.equal(entry.options?.mapEntry, true);
  assert.deepEqual(entry.field.map((f) => [f.name, f.number, f.label, f.type, f.typeName]), [
    ["key", 1, 1, 9, undefined],
    ["value", 2, 1, undefined, "M"],
  ]);
  assert.deepEqual(entry.field.map((f) => f.options?.uninterpretedOption.map((o) => o.name.map((n) => n.namePart).join("."))), [
    ["features.utf8_validation"],
    ["features.utf8_validation"],
  ]);
});

test("groups become a nested message and a lower-cased field", () => {
  const { file } = lower('syntax = "proto2";\nmessage M { optional group MyGroup = 1 { optional int32 a = 1; } }');
  const m = file.messageType[0]!;
  assert.deepEqual([m.field[0]!.name, m.field[0]!.type, m.field[0]!.typeName], ["mygroup", 10, "MyGroup"]);
  assert.equal(m.nestedType[0]!.name, "MyGroup");
  assert.equal(m.nestedType[0]!.field[0]!.name, "a");
});

test("proto3 optional fields get synthetic oneofs named to avoid conflicts", () => {
  const { file } = lower('syntax = "proto3";\nmessage M { optional int32 x = 1; int32 _x = 2; optional int32 y = 3; oneof o { int32 z = 4; } }');
  const m = file.messageType[0]!;
  assert.deepEqual(m.oneofDecl.map((o) => o.name), ["o", "X_x", "_y"]);
  assert.deepEqual(m.field.map((f) => [f.name, f.oneofIndex, f.proto3Optional]), [
    ["x", 1, true],
    ["_x", undefined, undefined],
    ["y", 2, true],
    ["z", 0, undefined],
  ]);
});

test("`max` ends depend on message_set_wire_format, and range options are copied to each range", () => {
  const { file } = lower(
    'syntax = "proto2";\nmessage A { extensions 4 to max; reserved 10 to max; }\nmessage B { option message_set_wire_format = true; extensions 4 to max, 1 [verification = UNVERIFIED]; }',
  );
  const [a, b] = file.messageType;
  assert.deepEqual(a!.extensionRange.map((r) => [r.start, r.end]), [[4, 536870912]]);
  assert.deepEqual(a!.reservedRange.map((r) => [r.start, r.end]), [[10, 536870912]]);
  assert.deepEqual(b!.extensionRange.map((r) => [r.start, r.end, r.options?.uninterpretedOption[0]?.identifierValue]), [
    [4, 2147483647, "UNVERIFIED"],
    [1, 2, "UNVERIFIED"],
  ]);
  assert.notEqual(b!.extensionRange[0]!.options, b!.extensionRange[1]!.options);
});

test("option values keep protoc's kinds, and -inf keeps the identifier path", () => {
  const { file } = lower('syntax = "proto2";\noption (a) = -5;\noption (b).c = -inf;\noption (d) = 18446744073709551616;\noption e = { x: 1 };');
  const opts = file.options!.uninterpretedOption;
  assert.equal(opts[0]!.negativeIntValue, -5n);
  assert.equal(opts[1]!.doubleValue, -Infinity);
  assert.deepEqual(opts[1]!.name.map((n) => [n.namePart, n.isExtension]), [["b", true], ["c", false]]);
  assert.equal(opts[2]!.doubleValue, 18446744073709551616);
  assert.equal(opts[3]!.aggregateValue, " x: 1 ");
  const paths = file.sourceCodeInfo!.location.map((l) => l.path.join(","));
  assert.ok(paths.includes("8,999,1,3"), "-inf is recorded under identifier_value");
  assert.ok(paths.includes("8,999,2,6"), "an integer beyond 64 bits is a double");
});

test("defaults are stored as protoc's parser prints them", () => {
  const { file } = lower(
    'syntax = "proto2";\nmessage M { optional float f = 1 [default = -inf]; optional bytes b = 2 [default = "a\\001\\"b"]; optional int64 i = 3 [default = 0x10]; optional E e = 4 [default = X]; }',
  );
  assert.deepEqual(file.messageType[0]!.field.map((f) => f.defaultValue), ["-inf", 'a\\001\\"b', "16", "X"]);
});

test("a method with an empty option body still has options", () => {
  const { file } = lower('syntax = "proto3";\nservice S { rpc A(M) returns (M) {} rpc B(M) returns (M); }');
  const [a, b] = file.service[0]!.method;
  assert.deepEqual(a!.options?.uninterpretedOption, []);
  assert.equal(b!.options, undefined);
});

test("error positions are recorded per descriptor proto and part", () => {
  const { file, table } = lower('syntax = "proto2";\nmessage M {\n  optional int32 x = 1;\n}\n');
  const f = file.messageType[0]!.field[0]!;
  assert.deepEqual(table.find(f, "NAME"), { line: 2, column: 17 });
  assert.deepEqual(table.find(f, "TYPE"), { line: 2, column: 11 });
  assert.deepEqual(table.find(f, "NUMBER"), { line: 2, column: 21 });
  assert.deepEqual(table.find(f, "EXTENDEE"), { line: -1, column: 0 });
});
