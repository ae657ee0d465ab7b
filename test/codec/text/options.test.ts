// Printer options: unknown fields, single-line mode, Any expansion, printing without a registry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fromBinary } from "../../../src/codec/binary/from-binary.js";
import { toBinary } from "../../../src/codec/binary/to-binary.js";
import { fromText } from "../../../src/codec/text/from-text.js";
import { toText } from "../../../src/codec/text/to-text.js";
import { create } from "../../../src/message/create.js";
import { bootDescriptorFile } from "../../../src/reflect/boot/boot.js";
import type { FileDescriptorProto } from "../../../src/reflect/descriptor-types.js";
import { createFileRegistry } from "../../../src/reflect/file-registry.js";
import { messageType, registry } from "./fixtures.js";

const all = messageType("texttest.All");
const nested = messageType("texttest.Nested");

test("print: an empty message prints as nothing", () => {
  assert.equal(toText(all, create(all)), "");
  assert.equal(toText(all, create(all), { singleLine: true }), "");
});

test("print: printUnknownFields: false drops unknown fields but keeps known extensions", () => {
  const m = fromText(all, "i32: 1 [texttest.ext_i32]: 2", { registry });
  m.$unknown!.push({ no: 999, wireType: 0, data: new Uint8Array([5]) });
  assert.equal(toText(all, m, { registry }), "i32: 1\n[texttest.ext_i32]: 2\n999: 5\n");
  assert.equal(toText(all, m, { registry, printUnknownFields: false }), "i32: 1\n[texttest.ext_i32]: 2\n");
  // without a registry, extensions are unknown fields
  assert.equal(toText(all, m), "i32: 1\n100: 2\n999: 5\n");
  assert.equal(toText(all, m, { printUnknownFields: false }), "i32: 1\n");
});

test("print: single-line mode, like protoc's ShortDebugString", () => {
  const m = fromText(all, "i32: 1 nested { a: 2 children { } } r_s: ['x', 'y'] m_ii { key: 1 value: 2 } [texttest.ext_i32]: 3", { registry });
  m.$unknown!.push({ no: 999, wireType: 2, data: new Uint8Array([2, 8, 1]) });
  const line = toText(all, m, { registry, singleLine: true });
  assert.equal(line, 'i32: 1 nested { a: 2 children { } } r_s: "x" r_s: "y" m_ii { key: 1 value: 2 } [texttest.ext_i32]: 3 999 { 1: 1 }');
  assert.equal(toText(all, fromText(all, line, { registry, ignoreUnknownFields: true }), { registry }), toText(all, m, { registry }).replace("999 {\n  1: 1\n}\n", ""));
});

test("print: expandAny prints known types as [type_url] { … }, and falls back when it cannot", () => {
  const value = toBinary(nested, create(nested, { a: 1, b: "x" }));
  const any = (typeUrl: string, v = value) => create(all, { any: { typeUrl, value: v } });
  const opts = { registry, expandAny: true };
  assert.equal(toText(all, any("type.googleapis.com/texttest.Nested"), opts), 'any {\n  [type.googleapis.com/texttest.Nested] {\n    a: 1\n    b: "x"\n  }\n}\n');
  assert.equal(toText(all, any("a.b/c/texttest.Nested"), { ...opts, singleLine: true }), 'any { [a.b/c/texttest.Nested] { a: 1 b: "x" } }');
  // unknown type, no slash, bad bytes, no registry: printed as its fields
  assert.match(toText(all, any("x.com/no.Such"), opts), /^any \{\n  type_url: "x.com\/no.Such"\n  value: "/);
  assert.match(toText(all, any("texttest.Nested"), opts), /type_url: "texttest.Nested"/);
  assert.match(toText(all, any("x.com/texttest.Nested", new Uint8Array([0xff])), opts), /value: "\\377"/);
  assert.match(toText(all, any("x.com/texttest.Nested"), { expandAny: true }), /type_url/);
  // protoc does not expand: the default
  assert.match(toText(all, any("x.com/texttest.Nested"), { registry }), /type_url/);
  // expanded output parses back to the same message
  const m = any("type.googleapis.com/texttest.Nested");
  assert.deepEqual(fromText(all, toText(all, m, opts), { registry }), m);
});

test("print: extensions of a MessageSet print by their message's name and round-trip", () => {
  const mset = messageType("texttest.MSet");
  const m = fromText(mset, "[texttest.MSetItem] { text: 'hello' }", { registry });
  assert.equal(toText(mset, m, { registry }), '[texttest.MSetItem] {\n  text: "hello"\n}\n');
  assert.equal(toText(mset, fromBinary(mset, toBinary(mset, m)), { registry }), '[texttest.MSetItem] {\n  text: "hello"\n}\n');
  assert.equal(toText(mset, m), '1 {\n  2: 1000\n  3 {\n    1: "hello"\n  }\n}\n');
});

test("print: group-like fields print by type name; extensions by full name", () => {
  const m = fromText(all, "grp { a: 1 } [texttest.extgroup] { x: 2 }", { registry });
  assert.equal(toText(all, m, { registry }), "Grp {\n  a: 1\n}\n[texttest.extgroup] {\n  x: 2\n}\n");
});

test("print: mapEntryLists prints a list of entry messages as protoc prints a map", () => {
  const fileType = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  const file = fromText<FileDescriptorProto>(
    fileType,
    `name: "entries.proto" syntax: "proto3"
     message_type { name: "M"
       field { name: "m" number: 1 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".M.E" }
       nested_type { name: "E"
         field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_BYTES proto3_optional: true }
         field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".M" proto3_optional: true } } }`,
  );
  const desc = createFileRegistry([file]).getMessage("M")!;
  const m = fromText(desc, "m { key: 'b' value { } } m { key: 'a' value { m { } } } m { } m { key: 'a' }");
  const asMap = { mapEntryLists: (f: { name: string }) => f.name === "m" };
  assert.equal(
    toText(desc, m, asMap),
    'm {\n  key: ""\n  value {\n  }\n}\nm {\n  key: "a"\n  value {\n    m {\n      key: ""\n      value {\n      }\n    }\n  }\n}\nm {\n  key: "a"\n  value {\n  }\n}\nm {\n  key: "b"\n  value {\n  }\n}\n',
  );
  // without the option, the entries print as the messages they are
  assert.equal(toText(desc, m, { singleLine: true }), 'm { key: "b" value { } } m { key: "a" value { m { } } } m { } m { key: "a" }');
});
