import { test } from "node:test";
import assert from "node:assert/strict";
import { fileFromProto, messageDesc, enumDesc, extDesc, type GenMessage, type MessageShape } from "../../src/reflect/embedded-file.js";
import { embedFile, defineCodec, codecOf } from "../../src/codegen/runtime.js";
import { embeddedDescriptorBytes } from "../../src/codegen/ts/embed.js";
import { base64Encode } from "../../src/wire/base64.js";
import { DescriptorError } from "../../src/reflect/build.js";
import { codecFor } from "../../src/codec/binary/codec.js";
import type { DescFile, DescMessage } from "../../src/reflect/descriptors.js";
import type { Message } from "../../src/reflect/message.js";
import { compileWithProtoc } from "../support/protoc.js";

const registry = compileWithProtoc({
  "base.proto": 'syntax = "proto3"; package b; message Base { int32 x = 1; } enum E { E_0 = 0; }',
  "mid.proto": 'syntax = "proto3"; package m; import public "base.proto"; message Mid { b.Base base = 1; }',
  "top.proto": 'syntax = "proto2"; package t; import "mid.proto"; message Top { optional b.Base base = 1; message In { enum IE { A = 1; } extend Top { optional int32 ext = 100; } } extensions 100 to 200; } extend Top { optional string note = 101; }',
});
const file = (n: string) => registry.getFile(n)!;

/** Rebuilds a file from its embedded form on top of the given dependency files. */
function reembed(f: DescFile, deps: DescFile[]): DescFile {
  return embedFile(base64Encode(embeddedDescriptorBytes(f)), deps);
}

test("an embedded file is built on the files of the modules it imports", () => {
  const base = reembed(file("base.proto"), []);
  const mid = reembed(file("mid.proto"), [base]);
  // top.proto refers to b.Base through mid.proto's public import of base.proto.
  const top = reembed(file("top.proto"), [mid]);
  const topMsg = messageDesc(top, 0);
  const f = topMsg.fields[0]!;
  assert.ok(f.fieldKind === "message" && f.message === base.messages[0]);
  assert.equal(top.dependencies[0], mid);
});

test("a missing dependency is a DescriptorError", () => {
  assert.throws(() => reembed(file("mid.proto"), []), (e) => e instanceof DescriptorError && /dependency "base.proto" is not among the files given/.test(e.message));
});

test("messageDesc, enumDesc and extDesc follow index paths", () => {
  const base = reembed(file("base.proto"), []);
  const top = reembed(file("top.proto"), [reembed(file("mid.proto"), [base])]);
  assert.equal(messageDesc(top, 0, 0).typeName, "t.Top.In");
  assert.equal(enumDesc(top, 0, 0, 0).typeName, "t.Top.In.IE");
  assert.equal(enumDesc(base, 0).typeName, "b.E");
  assert.equal(extDesc(top, 0).typeName, "t.note");
  assert.equal(extDesc(top, 0, 0, 0).typeName, "t.Top.In.ext");
  assert.throws(() => messageDesc(top, 3), /no descriptor at \[3\]/);
});

test("the embedded descriptor leaves out source info and default JSON names", () => {
  const bytes = embeddedDescriptorBytes(file("base.proto"));
  const rebuilt = fileFromProto(embedFile(base64Encode(bytes), []).proto, []);
  assert.equal(rebuilt.proto.sourceCodeInfo, undefined);
  assert.equal(rebuilt.proto.messageType[0]!.field[0]!.jsonName, undefined);
  assert.equal(rebuilt.messages[0]!.fields[0]!.jsonName, "x");
});

interface Base extends Message<"b.Base"> {
  x: number;
}

test("a GenMessage carries its message type; defineCodec registers, codecOf finds it", () => {
  const base = reembed(file("base.proto"), []);
  const schema: GenMessage<Base> = messageDesc(base, 0);
  // Type-level: MessageShape recovers the message type from the schema, Message from a plain descriptor.
  const shape: MessageShape<typeof schema> = { $typeName: "b.Base", x: 1 };
  const plain: MessageShape<DescMessage> = shape;
  assert.equal(plain.$typeName, "b.Base");
  const codec = defineCodec(schema, { create: () => ({ $typeName: "b.Base", x: 42 }), decode: () => undefined, encode: () => undefined });
  assert.equal(codecOf(schema), codec);
  assert.equal(codecFor(schema).create().$typeName, "b.Base");
  assert.equal(codecOf(schema).create().x, 42);
});
