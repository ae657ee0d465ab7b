// The copy of the schema the codec commands work on: strings as bytes, maps as lists of entries.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fromBinary } from "../../src/codec/binary/from-binary.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { fromText } from "../../src/codec/text/from-text.js";
import { completeMapEntries, faithfulSchema } from "../../src/cli/faithful-schema.js";
import { sortMapsByKey } from "../../src/cli/deterministic.js";
import { registryFromDescriptorSet } from "../../src/descriptor-set.js";
import type { Message } from "../../src/reflect/message.js";
import { conformanceSet } from "./diff-support.js";
import { fixturesDir } from "./layout.js";

const registry = registryFromDescriptorSet(readFileSync(join(fixturesDir, "cli.binpb")));
const p3 = registry.getMessage("clitest3.P3")!;
type Fields = Record<string, unknown> & Message;

test("faithful schema: strings become bytes (those that must be UTF-8 are known), maps become lists of entries", () => {
  const schema = faithfulSchema(registry, p3, "encode");
  const copy = schema.message("clitest3.P3")!;
  const s = copy.fieldByName("s")!;
  const m = copy.fieldByName("m")!;
  assert.equal(s.fieldKind === "scalar" && s.scalar, 12);
  assert.ok(schema.requiresUtf8(s));
  assert.equal(m.fieldKind, "list");
  assert.ok(schema.isMap(m));
  assert.ok(!schema.isMap(copy.fieldByName("rs")!));
  // the same schema object for the same registry, type's file and mode
  assert.equal(faithfulSchema(registry, p3, "encode"), schema);
});

test("faithful schema: every map entry is kept, in order; key and value are filled in and sorted stably on request", () => {
  const schema = faithfulSchema(registry, p3, "encode");
  const copy = schema.message("clitest3.P3")!;
  const msg = fromText<Fields>(copy, "m { key: 'b' } m { value: 'x' } m { key: 'b' value: 'y' } s: '\\xff'", { registry: schema.registry, lenientStrings: true });
  completeMapEntries(copy, msg, schema);
  assert.equal(Buffer.from(toBinary(copy, msg)).toString("hex"), "0a01ff" + "12050a01621200" + "12050a0012017812060a0162120179");
  sortMapsByKey(copy, msg, (f) => schema.isMap(f));
  assert.equal(Buffer.from(toBinary(copy, msg)).toString("hex"), "0a01ff" + "12050a0012017812050a0162120012060a0162120179");
  // the real schema rejects the byte 0xff in this string; and without it, keeps one entry per key
  assert.throws(() => fromBinary(p3, toBinary(copy, msg)), /invalid UTF-8/);
  msg["s"] = new Uint8Array(0);
  assert.deepEqual([...(fromBinary(p3, toBinary(copy, msg)) as Fields)["m"] as Map<string, string>], [["", "x"], ["b", "y"]]);
});

test("faithful schema: for decoding, maps of closed enums stay maps (keyed by bytes), and only the files a type needs are copied", () => {
  const conformance = registryFromDescriptorSet(readFileSync(conformanceSet));
  const proto2 = conformance.getMessage("protobuf_test_messages.proto2.TestAllTypesProto2")!;
  const schema = faithfulSchema(conformance, proto2, "decode");
  const copy = schema.message(proto2.typeName)!;
  const closed = copy.fieldByName("map_string_nested_enum")!;
  assert.equal(closed.fieldKind, "map");
  assert.equal(closed.fieldKind === "map" && closed.mapKey, 12);
  assert.equal(copy.fieldByName("map_string_string")!.fieldKind, "list");
  assert.equal(schema.message("protobuf_test_messages.proto3.TestAllTypesProto3"), undefined);
  // a closed enum's unknown value moves the whole entry to the unknown fields, as in the real schema
  const entry = Buffer.from("0a0161" + "1063", "hex");
  const bytes = Buffer.concat([Buffer.from([0xca, 0x04, entry.length]), entry]);
  const read = fromBinary(copy, bytes) as Fields;
  assert.equal((read["mapStringNestedEnum"] as Map<unknown, unknown>).size, 0);
  assert.equal(read.$unknown?.length, 1);
});
