import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registryFromDescriptorSet } from "../../../src/descriptor-set.js";
import { BinaryReader } from "../../../src/wire/reader.js";
import { BinaryWriter } from "../../../src/wire/writer.js";
import { compileCodec } from "../../../src/codec/binary/compile.js";
import { reflectiveCodec } from "../../../src/codec/binary/reflective.js";
import { codecFor } from "../../../src/codec/binary/codec.js";
import { equals } from "../../../src/message/equals.js";
import { randomMessage, seededRandom } from "../../support/random-message.js";
import { repoRoot } from "../../support/protoc.js";
import type { DescMessage } from "../../../src/reflect/descriptors.js";
import type { Message } from "../../../src/reflect/message.js";

// The conformance test messages cover every field kind in proto2, proto3 and editions.
const registry = registryFromDescriptorSet(readFileSync(join(repoRoot, "conformance/.gen/descriptors.binpb")));
const types = [
  "protobuf_test_messages.proto3.TestAllTypesProto3",
  "protobuf_test_messages.proto2.TestAllTypesProto2",
  "protobuf_test_messages.editions.TestAllTypesEdition2023",
].map((n) => registry.getMessage(n)!);

function encodeWith(codec: { encode(m: Message, w: BinaryWriter, u: boolean): void }, m: Message): Uint8Array {
  const w = new BinaryWriter();
  codec.encode(m, w, true);
  return w.finish();
}

function decodeWith(codec: { create(): Message; decode: (...a: never[]) => void }, desc: DescMessage, bytes: Uint8Array): Message {
  const c = codec as unknown as ReturnType<typeof reflectiveCodec>;
  const m = c.create();
  c.decode(new BinaryReader(bytes), bytes.length, 0, m, { unknown: true, maxDepth: 100 }, 0);
  return m;
}

test("compiled and reflective codecs agree byte for byte on 300 random messages", () => {
  for (const desc of types) {
    assert.ok(desc, "type present");
    const compiled = codecFor(desc);
    const reflective = reflectiveCodec(desc);
    const rnd = seededRandom(desc.typeName.length);
    for (let i = 0; i < 100; i++) {
      const msg = randomMessage(desc, rnd, 2);
      const a = encodeWith(compiled, msg);
      const b = encodeWith(reflective, msg);
      assert.deepEqual(a, b, `${desc.typeName} #${i}: encodings differ`);
      const x = decodeWith(compiled, desc, a);
      const y = decodeWith(reflective, desc, a);
      assert.ok(equals(desc, x, y), `${desc.typeName} #${i}: decoded messages differ`);
      assert.ok(equals(desc, x, msg), `${desc.typeName} #${i}: round trip changed the message`);
      assert.deepEqual(encodeWith(compiled, x), a, `${desc.typeName} #${i}: re-encoding differs`);
    }
  }
});

test("compileCodec gives the same empty message as createEmpty", () => {
  for (const desc of types) {
    const fresh = compileCodec(desc).create();
    assert.deepEqual(fresh, reflectiveCodec(desc).create());
  }
});
