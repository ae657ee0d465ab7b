// Bad input never crashes the CLI: random and mangled bytes give exit code 0 or 1 and protoc's messages.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { decode, decodeRaw } from "../../src/cli/decode.js";
import { encode } from "../../src/cli/encode.js";
import { registryFromDescriptorSet } from "../../src/descriptor-set.js";
import { seededRandom } from "../support/random-message.js";
import { conformanceSet } from "./diff-support.js";

const registry = registryFromDescriptorSet(readFileSync(conformanceSet));
const types = ["protobuf_test_messages.proto3.TestAllTypesProto3", "protobuf_test_messages.proto2.TestAllTypesProto2", "protobuf_test_messages.editions.TestAllTypesEdition2023"];
const rnd = seededRandom(7);

function randomBytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
}

test("random bytes: --decode_raw and --decode exit 0 or 1, failures print only protoc's line", () => {
  for (let i = 0; i < 2000; i++) {
    const bytes = randomBytes(Math.floor(rnd() * 40));
    for (const r of [decodeRaw(bytes), decode(registry.getMessage(types[i % types.length]!)!, registry, bytes)]) {
      assert.ok(r.code === 0 || r.code === 1);
      if (r.code === 1) {
        assert.equal(r.stdout.length, 0);
        assert.match(r.stderr, /(^|\n)Failed to parse input\.\n$/);
      }
    }
  }
});

test("deep nesting fails cleanly", () => {
  const deep = new Uint8Array(20000).fill(0x0b); // 20000 nested start-group tags of field 1
  assert.equal(decodeRaw(deep).code, 1);
  const desc = registry.getMessage(types[0]!)!;
  assert.equal(encode(desc, registry, new TextEncoder().encode("recursive_message { ".repeat(5000)), { errorFormat: "gcc", deterministic: false }).code, 1);
});

test("random text: --encode exits 0 or 1 with positioned errors (one or more, as protoc reports them)", () => {
  const alphabet = 'optional_int32: 1 { } [ ] < > "abc" \' \\ # \n\t-0x.e9 repeated_string: optional_nested_message a b ; , : nan inf ';
  for (let i = 0; i < 1000; i++) {
    const n = Math.floor(rnd() * 60);
    let text = "";
    for (let k = 0; k < n; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    const r = encode(registry.getMessage(types[i % types.length]!)!, registry, new TextEncoder().encode(text), { errorFormat: i % 2 ? "gcc" : "msvs", deterministic: i % 3 === 0 });
    assert.ok(r.code === 0 || r.code === 1);
    if (r.code === 1) assert.match(r.stderr, /^(input(:\d+:\d+|\(\d+\) : (error|warning) in column=\d+): .*\n)+Failed to parse input\.\n$/);
  }
});
