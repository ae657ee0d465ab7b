// Registries built from protoc's descriptor sets: extension lookup, files, duplicate names and
// missing dependencies.
import { test } from "node:test";
import assert from "node:assert/strict";
import { descriptorSetBytes, fixtureRegistry, msg } from "../fixtures/load.js";
import { createFileRegistry, createRegistry, decodeFileDescriptorSet, DescriptorError, registryFromDescriptorSet } from "../../src/index.js";

test("extensions: getExtension by full name", () => {
  const reg = fixtureRegistry("proto2");
  const extendable = msg("p2", "fx.p2.Extendable");
  const cases: [string, number, string][] = [
    ["fx.p2.ext_int32", 100, "scalar"],
    ["fx.p2.ext_strings", 101, "list"],
    ["fx.p2.ext_msg", 102, "message"],
    ["fx.p2.extgroup", 103, "message"],
    ["fx.p2.ext_packed", 104, "list"],
    ["fx.p2.ext_enum", 105, "enum"],
    ["fx.p2.ext_default", 106, "scalar"],
    ["fx.p2.Scope.scoped_ext", 1000, "scalar"],
    ["fx.p2.Scope.Inner.deep_ext", 1001, "list"],
  ];
  for (const [name, number, kind] of cases) {
    const x = reg.getExtension(name);
    assert.ok(x, name);
    assert.equal(x.kind, "extension");
    assert.equal(x.typeName, name);
    assert.equal(x.number, number);
    assert.equal(x.fieldKind, kind, name);
    assert.equal(x.extendee, extendable);
    assert.equal(x.file.name, "proto2.proto");
  }
  const ints = reg.getExtension("fx.p2.ext_int32")!;
  assert.equal(ints.name, "ext_int32");
  assert.equal(ints.jsonName, "extInt32");
  assert.equal(ints.presence, "explicit");
  assert.equal(ints.parent, undefined);
  const packed = reg.getExtension("fx.p2.ext_packed")!;
  assert.ok(packed.fieldKind === "list" && packed.packed);
  const strings = reg.getExtension("fx.p2.ext_strings")!;
  assert.ok(strings.fieldKind === "list" && !strings.packed);
  const def = reg.getExtension("fx.p2.ext_default")!;
  assert.ok(def.fieldKind === "scalar" && def.defaultValue === "dflt");
  const en = reg.getExtension("fx.p2.ext_enum")!;
  assert.ok(en.fieldKind === "enum" && en.enum.typeName === "fx.p2.Closed2" && en.defaultValue === 3);
  const scoped = reg.getExtension("fx.p2.Scope.scoped_ext")!;
  assert.equal(scoped.parent, msg("p2", "fx.p2.Scope"));
  assert.deepEqual(msg("p2", "fx.p2.Scope").nestedExtensions, [scoped]);
  const deep = reg.getExtension("fx.p2.Scope.Inner.deep_ext")!;
  assert.equal(deep.parent?.typeName, "fx.p2.Scope.Inner");
  assert.ok(deep.fieldKind === "list" && deep.elementKind === "message" && deep.message.typeName === "fx.p2.Sub");
  // Not extensions.
  assert.equal(reg.getExtension("fx.p2.Extendable"), undefined);
  assert.equal(reg.getExtension("fx.p2.Extendable.a"), undefined);
  assert.equal(reg.getExtension("ext_int32"), undefined);
});

test("extensions: getExtensionFor by extendee (descriptor or name) and number", () => {
  const reg = fixtureRegistry("proto2");
  const extendable = msg("p2", "fx.p2.Extendable");
  for (const [no, name] of [[100, "fx.p2.ext_int32"], [103, "fx.p2.extgroup"], [1000, "fx.p2.Scope.scoped_ext"], [1001, "fx.p2.Scope.Inner.deep_ext"]] as const) {
    assert.equal(reg.getExtensionFor(extendable, no), reg.getExtension(name), `${no}`);
    assert.equal(reg.getExtensionFor("fx.p2.Extendable", no), reg.getExtension(name), `${no} by name`);
  }
  assert.equal(reg.getExtensionFor(extendable, 1), undefined, "a regular field is not an extension");
  assert.equal(reg.getExtensionFor(extendable, 150), undefined, "in range but not declared");
  assert.equal(reg.getExtensionFor("fx.p2.AllKinds", 150)?.typeName, "fx.p2.all_ext");
  assert.equal(reg.getExtensionFor("fx.p2.AllKinds", 100), undefined, "numbers are per extendee");
  assert.equal(reg.getExtensionFor("fx.p2.Nope", 100), undefined);
  const e23 = fixtureRegistry("edition2023");
  assert.equal(e23.getExtensionFor("fx.e23.Extendable", 100)?.typeName, "fx.e23.ext_delimited");
  assert.equal(e23.getExtensionFor("fx.p2.Extendable", 100), undefined);
});

test("custom options: extensions of descriptor.proto's options messages", () => {
  const reg = fixtureRegistry("custom_options");
  assert.deepEqual([...reg.files()].map((f) => f.name), ["google/protobuf/descriptor.proto", "custom_options.proto"]);
  const x = reg.getExtensionFor("google.protobuf.MessageOptions", 50000);
  assert.equal(x?.typeName, "fx.opt.msg_level");
  assert.equal(x?.extendee, reg.getMessage("google.protobuf.MessageOptions"));
  assert.equal(reg.getExtensionFor("google.protobuf.FieldOptions", 50100)?.typeName, "fx.opt.sensitive");
  assert.equal(reg.getExtensionFor("google.protobuf.FileOptions", 50200)?.typeName, "fx.opt.file_tags");
  // The options messages hold the custom options as unknown fields (extensions), byte for byte.
  const annotated = reg.getMessage("fx.opt.Annotated")!;
  const unknown = annotated.proto.options?.$unknown?.map((u) => [u.no, u.wireType, Array.from(u.data)]);
  assert.deepEqual(unknown, [[50000, 0, [7]], [50001, 2, [5, 0x68, 0x65, 0x6c, 0x6c, 0x6f]]]);
  const secret = annotated.fieldByName("secret")!;
  assert.equal(secret.deprecated, true);
  assert.deepEqual(secret.proto.options?.$unknown?.map((u) => [u.no, Array.from(u.data)]), [[50100, [1]]]);
});

test("files(): every file in dependency order; getFile()", () => {
  const reg = fixtureRegistry("imports");
  assert.deepEqual([...reg.files()].map((f) => f.name), ["proto3.proto", "imports.proto"]);
  const imp = reg.getFile("imports.proto")!;
  assert.deepEqual(imp.dependencies.map((d) => d.name), ["proto3.proto"]);
  const uses = reg.getMessage("fx.imp.UsesImport")!;
  const sub = uses.fieldByName("sub")!;
  assert.ok(sub.fieldKind === "message");
  assert.equal(sub.message, reg.getMessage("fx.p3.Sub"));
  assert.equal(sub.message.file, reg.getFile("proto3.proto"));
  assert.equal(reg.getFile("nope.proto"), undefined);
});

test("services and methods resolve their input and output types across files", () => {
  const reg = fixtureRegistry("imports");
  const svc = reg.getService("fx.imp.Svc")!;
  assert.equal(svc.kind, "service");
  assert.equal(svc.name, "Svc");
  assert.equal(svc.file, reg.getFile("imports.proto"));
  assert.deepEqual(reg.getFile("imports.proto")!.services, [svc]);
  assert.deepEqual(
    svc.methods.map((m) => [m.name, m.input.typeName, m.output.typeName, m.clientStreaming, m.serverStreaming]),
    [
      ["Unary", "fx.imp.UsesImport", "fx.p3.Sub", false, false],
      ["ClientStream", "fx.p3.Sub", "fx.imp.UsesImport", true, false],
      ["ServerStream", "fx.p3.Sub", "fx.p3.Scalars", false, true],
      ["Bidi", "fx.imp.UsesImport", "fx.imp.UsesImport", true, true],
    ],
  );
  assert.equal(svc.methods[0]!.parent, svc);
  assert.equal(svc.methods[0]!.output, reg.getMessage("fx.p3.Sub"));
  assert.equal(reg.getService("fx.imp.UsesImport"), undefined);
  assert.equal(reg.getMessage("fx.imp.Svc"), undefined);
});

test("files may be given in any order: dependencies are built first", () => {
  const set = decodeFileDescriptorSet(descriptorSetBytes("imports"));
  const reversed = [...set.file].reverse();
  assert.deepEqual(reversed.map((f) => f.name), ["imports.proto", "proto3.proto"]);
  const reg = createFileRegistry(reversed);
  assert.deepEqual(reg.added.map((f) => f.name), ["proto3.proto", "imports.proto"]);
  assert.ok(reg.getMessage("fx.imp.UsesImport"));
});

test("a missing dependency is a DescriptorError naming the file and the import", () => {
  assert.throws(
    () => registryFromDescriptorSet(descriptorSetBytes("imports-no-deps")),
    (e: unknown) => {
      assert.ok(e instanceof DescriptorError, String(e));
      assert.equal(e.name, "DescriptorError");
      assert.match(e.message, /imports\.proto/);
      assert.match(e.message, /proto3\.proto/);
      return true;
    },
  );
  // With the dependency in a base registry it resolves there.
  const base = fixtureRegistry("proto3");
  const reg = registryFromDescriptorSet(descriptorSetBytes("imports-no-deps"), base);
  const sub = reg.getMessage("fx.imp.UsesImport")!.fieldByName("sub")!;
  assert.ok(sub.fieldKind === "message");
  assert.equal(sub.message, base.getMessage("fx.p3.Sub"));
  assert.equal(reg.getMessage("fx.p3.Sub"), base.getMessage("fx.p3.Sub"), "base types are visible");
  const e = reg.getMessage("fx.imp.UsesImport")!.fieldByName("e")!;
  assert.ok(e.fieldKind === "enum" && e.enum === base.getEnum("fx.p3.Open3"));
});

test("duplicate type names are a DescriptorError naming the type", () => {
  const a = decodeFileDescriptorSet(descriptorSetBytes("dup_a")).file;
  const b = decodeFileDescriptorSet(descriptorSetBytes("dup_b")).file;
  const isDup = (e: unknown) => {
    assert.ok(e instanceof DescriptorError, String(e));
    assert.match(e.message, /fx\.dup\.Thing/);
    return true;
  };
  assert.throws(() => createFileRegistry([...a, ...b]), isDup);
  // Against a base registry too.
  const base = registryFromDescriptorSet(descriptorSetBytes("dup_a"));
  assert.throws(() => registryFromDescriptorSet(descriptorSetBytes("dup_b"), base), isDup);
});

test(
  "two different files with the same name are a DescriptorError",
  
  () => {
    const a = decodeFileDescriptorSet(descriptorSetBytes("dup_a")).file;
    const b = decodeFileDescriptorSet(descriptorSetBytes("dup_b")).file;
    b[0]!.name = "dup_a.proto";
    assert.throws(() => createFileRegistry([...a, ...b]), (e: unknown) => e instanceof DescriptorError && /dup_a\.proto/.test(e.message));
  },
);

test(
  "two extensions with the same extendee and number are a DescriptorError",
  
  () => {
    const a = decodeFileDescriptorSet(descriptorSetBytes("ext_a")).file;
    const b = decodeFileDescriptorSet(descriptorSetBytes("ext_b")).file;
    // ext_base.proto is in both sets (identical); only the extensions conflict.
    assert.throws(() => createFileRegistry([...a, ...b]), (e: unknown) => e instanceof DescriptorError && /\b1\b/.test(e.message) && /fx\.extbase\.Base/.test(e.message));
  },
);

test("each of two conflicting extensions alone is fine", () => {
  const a = registryFromDescriptorSet(descriptorSetBytes("ext_a"));
  const b = registryFromDescriptorSet(descriptorSetBytes("ext_b"));
  assert.equal(a.getExtensionFor("fx.extbase.Base", 1)?.typeName, "fx.exta.a");
  assert.equal(b.getExtensionFor("fx.extbase.Base", 1)?.typeName, "fx.extb.b");
});

test("a message named like an extension in the same registry is a DescriptorError", () => {
  const p2 = decodeFileDescriptorSet(descriptorSetBytes("proto2")).file;
  const dup = decodeFileDescriptorSet(descriptorSetBytes("dup_ext")).file;
  assert.throws(() => createFileRegistry([...p2, ...dup]), (e: unknown) => e instanceof DescriptorError && /fx\.p2\.ext_int32/.test(e.message));
});

test(
  "a message named like an extension in the base registry is a DescriptorError",
  
  () => {
    const base = fixtureRegistry("proto2");
    assert.throws(() => registryFromDescriptorSet(descriptorSetBytes("dup_ext"), base), (e: unknown) => e instanceof DescriptorError && /fx\.p2\.ext_int32/.test(e.message));
  },
);

test("the same type name in two files built into separate registries is fine", () => {
  const a = registryFromDescriptorSet(descriptorSetBytes("dup_a"));
  const b = registryFromDescriptorSet(descriptorSetBytes("dup_b"));
  assert.equal(a.getMessage("fx.dup.Thing")!.fields[0]!.name, "x");
  assert.equal(b.getMessage("fx.dup.Thing")!.fields[0]!.name, "y");
});

test("a type name resolving to nothing is a DescriptorError", () => {
  const set = decodeFileDescriptorSet(descriptorSetBytes("imports"));
  const imports = set.file.find((f) => f.name === "imports.proto")!;
  const p3 = set.file.find((f) => f.name === "proto3.proto")!;
  const sub = imports.messageType[0]!.field[0]!;
  assert.equal(sub.typeName, ".fx.p3.Sub");
  sub.typeName = ".fx.p3.Missing";
  assert.throws(() => createFileRegistry([p3, imports]), (e: unknown) => e instanceof DescriptorError && /fx\.p3\.Missing/.test(e.message));
});

test("createRegistry combines registries", () => {
  const reg = createRegistry(fixtureRegistry("proto2"), fixtureRegistry("proto3"));
  assert.ok(reg.getMessage("fx.p2.Scalars"));
  assert.ok(reg.getMessage("fx.p3.Scalars"));
  assert.equal(reg.getExtensionFor("fx.p2.Extendable", 100)?.typeName, "fx.p2.ext_int32");
});
