import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BinaryReader } from "../../src/wire/reader.js";
import { BinaryWriter } from "../../src/wire/writer.js";
import { codecFor } from "../../src/codec/binary/codec.js";
import { reflectiveCodec } from "../../src/codec/binary/reflective.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { fromBinary } from "../../src/codec/binary/from-binary.js";
import { equals } from "../../src/message/equals.js";
import { create } from "../../src/message/create.js";
import type { DescFile, DescMessage } from "../../src/reflect/descriptors.js";
import type { Message } from "../../src/reflect/message.js";
import { randomMessage, seededRandom } from "../support/random-message.js";
import { repoRoot } from "../support/protoc.js";
import { importModule, removeScratch, runPlugin, typecheck } from "./helpers.js";

// The fixtures cover proto2 (groups, required, defaults, closed enums, extensions), proto3
// (optional, oneofs, maps, names that clash) and editions 2023 and 2024.
const fixtureNames = ["gen_proto2.proto", "gen_proto3.proto", "gen_editions.proto", "gen_edition2024.proto"];
const sources = Object.fromEntries(fixtureNames.map((n) => [n, readFileSync(join(repoRoot, "test/codegen/fixtures", n), "utf8")]));

const ts = runPlugin(sources);
const js = runPlugin(sources, "target=js+dts");
after(() => {
  removeScratch(join(ts.outDir, ".."));
  removeScratch(join(js.outDir, ".."));
});

test("protoc runs the plugin on proto2, proto3 and editions files", () => {
  assert.equal(ts.status, 0, ts.stderr);
  assert.deepEqual([...ts.files.keys()], ["gen_edition2024_pb.ts", "gen_editions_pb.ts", "gen_proto2_pb.ts", "gen_proto3_pb.ts"]);
  assert.equal(js.status, 0, js.stderr);
  assert.deepEqual([...js.files.keys()].filter((f) => f.startsWith("gen_proto3")), ["gen_proto3_pb.d.ts", "gen_proto3_pb.js"]);
});

test("generated TypeScript type-checks under tsc --strict and the stricter flags", () => {
  assert.deepEqual(typecheck(ts.outDir), []);
});

test("generated declaration files type-check", () => {
  assert.deepEqual(typecheck(js.outDir), []);
});

/** Every message with a codec (not map entries) of a file, depth first. */
function messagesOf(file: DescFile): DescMessage[] {
  const out: DescMessage[] = [];
  const visit = (m: DescMessage): void => {
    if (m.isMapEntry) return;
    out.push(m);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  return out;
}

function encodeWith(codec: { encode(m: Message, w: BinaryWriter, u: boolean): void }, m: Message): Uint8Array {
  const w = new BinaryWriter();
  codec.encode(m, w, true);
  return w.finish();
}

test("generated codecs are registered and agree with the reflective codec on random messages", async () => {
  for (const name of ["gen_proto2", "gen_proto3", "gen_editions", "gen_edition2024"]) {
    const mod = await importModule(join(js.outDir, `${name}_pb.js`));
    const file = mod[`file_${name}`] as DescFile;
    assert.equal(file.kind, "file");
    for (const desc of messagesOf(file)) {
      const codec = codecFor(desc);
      assert.equal(typeof codec.create, "function");
      // The registered codec is the generated one (a codec compiled at run time refers to `D`).
      assert.match(codec.decode.toString(), /readFieldSlow\([\w$]+Schema[\w$]*, m,/, desc.typeName);
      const reflective = reflectiveCodec(desc);
      const rnd = seededRandom(desc.typeName.length * 31);
      for (let i = 0; i < 40; i++) {
        const msg = randomMessage(desc, rnd, 2);
        const a = encodeWith(codec, msg);
        assert.deepEqual(a, encodeWith(reflective, msg), `${desc.typeName} #${i}: encodings differ`);
        const back = codec.create();
        codec.decode(new BinaryReader(a), a.length, 0, back, { unknown: true, maxDepth: 100 }, 0);
        assert.ok(equals(desc, back, msg), `${desc.typeName} #${i}: round trip changed the message`);
      }
    }
  }
});

test("generated create() gives the same empty message as the runtime", async () => {
  const mod = await importModule(join(js.outDir, "gen_proto3_pb.js"));
  for (const desc of messagesOf(mod.file_gen_proto3 as DescFile)) {
    assert.deepEqual(codecFor(desc).create(), create(desc), desc.typeName);
  }
});

test("schemas, enums and extensions are exported under their names", async () => {
  const p2 = await importModule(join(js.outDir, "gen_proto2_pb.js"));
  const p3 = await importModule(join(js.outDir, "gen_proto3_pb.js"));
  assert.equal((p2.EverythingSchema as DescMessage).typeName, "gen.p2.Everything");
  assert.equal((p2.Everything_ItemSchema as DescMessage).typeName, "gen.p2.Everything.Item");
  assert.deepEqual(p2.Color, { RED: 1, GREEN: 2, BLUE: 3 });
  assert.equal((p2.note as { typeName: string }).typeName, "gen.p2.note");
  assert.equal((p2.Scope_scoped as { typeName: string }).typeName, "gen.p2.Scope.scoped");
  assert.equal((p2.label as { typeName: string }).typeName, "gen.p2.label");
  // Names that clash with globals, the runtime or each other.
  assert.equal((p3.MapSchema as DescMessage).typeName, "gen.p3.Map");
  assert.equal((p3.MessageSchema as DescMessage).typeName, "gen.p3.Message");
  assert.equal((p3.Foo_BarSchema as DescMessage).typeName, "gen.p3.Foo_Bar");
  assert.equal((p3["Foo_Bar$1Schema"] as DescMessage).typeName, "gen.p3.Foo.Bar");
  assert.equal((p3.rtSchema as DescMessage).typeName, "gen.p3.rt");
  const weird = p3.Weird as Record<string, number>;
  assert.equal(Object.getPrototypeOf(weird), Object.prototype);
  assert.deepEqual(Object.entries(weird), [["__proto__", 0], ["constructor", 1]]);
  assert.equal((p3.Greeter as { typeName: string }).typeName, "gen.p3.Greeter");
});

test("imports resolve to the generated modules' descriptors", async () => {
  const p2 = await importModule(join(js.outDir, "gen_proto2_pb.js"));
  const p3 = await importModule(join(js.outDir, "gen_proto3_pb.js"));
  const wkt = await import("../../src/wkt/index.js");
  const container = p3.ContainerSchema as DescMessage;
  const field = (n: string) => container.fields.find((f) => f.name === n)!;
  const legacy = field("legacy");
  assert.ok(legacy.fieldKind === "message" && legacy.message === p2.EverythingSchema);
  const meta = field("meta");
  assert.ok(meta.fieldKind === "message" && meta.message === wkt.StructSchema);
  const took = field("took");
  assert.ok(took.fieldKind === "message" && took.message === wkt.DurationSchema);
});

test("messages with extensions, groups and unknown fields round-trip through toBinary/fromBinary", async () => {
  const p2 = await importModule(join(js.outDir, "gen_proto2_pb.js"));
  const Everything = p2.EverythingSchema as DescMessage;
  const msg = create(Everything, {
    name: "x",
    item: { id: 5 },
    row: [{ cell: "a" }, { cell: "b" }],
    children: new Map([[3n, { name: "child" }]]),
    choice: { case: "nested", value: { name: "n" } },
  });
  msg.$unknown = [{ no: 100, wireType: 2, data: new Uint8Array([1, 0x41]) }];
  const bytes = toBinary(Everything, msg);
  const back = fromBinary(Everything, bytes);
  assert.ok(equals(Everything, back, msg));
  assert.deepEqual(toBinary(Everything, back), bytes);
});
