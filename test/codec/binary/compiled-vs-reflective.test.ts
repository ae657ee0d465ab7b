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

/** Result of decoding with one codec: the message re-encoded, or the error's class, code and offset. */
function outcome(codec: Parameters<typeof decodeWith>[0], desc: DescMessage, bytes: Uint8Array): string {
  try {
    const m = decodeWith(codec, desc, bytes);
    return `ok ${Array.from(encodeWith(codecFor(desc), m), (b) => b.toString(16).padStart(2, "0")).join("")}`;
  } catch (e) {
    const w = e as { name?: string; code?: string; offset?: number };
    return `${w.name} ${w.code} at ${w.offset}`;
  }
}

test("compiled and reflective codecs agree on damaged input: the same message or the same error at the same offset", () => {
  for (const desc of types) {
    const compiled = codecFor(desc);
    const reflective = reflectiveCodec(desc);
    const rnd = seededRandom(desc.typeName.length + 7);
    for (let i = 0; i < 150; i++) {
      const good = encodeWith(compiled, randomMessage(desc, rnd, 2));
      if (good.length === 0) continue;
      // One to three edits: a byte changed, dropped or inserted, or the input cut short.
      const bytes = Array.from(good);
      const edits = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < edits && bytes.length > 0; k++) {
        const at = Math.floor(rnd() * bytes.length);
        const kind = Math.floor(rnd() * 4);
        if (kind === 0) bytes[at] = Math.floor(rnd() * 256);
        else if (kind === 1) bytes.splice(at, 1);
        else if (kind === 2) bytes.splice(at, 0, Math.floor(rnd() * 256));
        else bytes.length = at;
      }
      const input = Uint8Array.from(bytes);
      assert.equal(outcome(compiled, desc, input), outcome(reflective, desc, input), `${desc.typeName} #${i}: ${Array.from(input, (b) => b.toString(16).padStart(2, "0")).join(" ")}`);
    }
  }
});
