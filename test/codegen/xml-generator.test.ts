import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { generateFromDescriptorSet, type CodeGenerator } from "../../src/codegen/api.js";
import { PluginError } from "../../src/codegen/errors.js";
import { protocPath, repoRoot } from "../support/protoc.js";
import { removeScratch, runPlugin } from "./helpers.js";

const schema = `syntax = "proto3";
package shop;
// An order & its lines.
message Order {
  string id = 1;
  repeated Line lines = 2;
  map<string, int64> totals = 3;
  oneof payment { string card = 4; bool cash = 5; }
  message Line { string sku = 1; uint32 qty = 2; }
}
enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; }
service Orders { rpc Get(Order) returns (Order); }
`;

async function xmlGenerator(): Promise<CodeGenerator> {
  const mod = (await import(pathToFileURL(join(repoRoot, "examples/xml-generator/xml-generator.mjs")).href)) as { xmlGenerator: CodeGenerator };
  return mod.xmlGenerator;
}

/** A FileDescriptorSet of `shop.proto` with source info, from protoc. */
function descriptorSet(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "xml-"));
  try {
    execFileSync("sh", ["-c", `cat > ${join(dir, "shop.proto")}`], { input: schema });
    const out = join(dir, "set.binpb");
    execFileSync(protocPath, [`-I${dir}`, "--include_imports", "--include_source_info", `--descriptor_set_out=${out}`, "shop.proto"]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the example XML generator runs in-process and describes the schema", async () => {
  const [file, ...rest] = generateFromDescriptorSet(await xmlGenerator(), descriptorSet());
  assert.equal(rest.length, 0);
  assert.equal(file!.name, "shop.xml");
  assert.equal(XMLValidator.validate(file!.content), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(file!.content) as {
    file: { name: string; message: { fullName: string; doc: string; field: { name: string; kind: string }[]; oneof: { field: unknown[] }; message: { fullName: string } }; enum: { value: unknown[] }; service: { method: { input: string } } };
  };
  assert.equal(doc.file.name, "shop.proto");
  assert.equal(doc.file.message.fullName, "shop.Order");
  assert.equal(doc.file.message.doc, "An order & its lines.");
  assert.deepEqual(doc.file.message.field.map((f) => [f.name, f.kind]), [["id", "scalar"], ["lines", "list"], ["totals", "map"]]);
  assert.equal(doc.file.message.oneof.field.length, 2);
  assert.equal(doc.file.message.message.fullName, "shop.Order.Line");
  assert.equal(doc.file.enum.value.length, 2);
  assert.equal(doc.file.service.method.input, "shop.Order");
});

test("the example XML generator runs as a protoc plugin, with options", () => {
  const plugin = ["xml", join(repoRoot, "examples/xml-generator/protoc-gen-xml")];
  const run = runPlugin({ "shop.proto": schema }, "comments=false", [], plugin);
  try {
    assert.equal(run.status, 0, run.stderr);
    const xml = run.files.get("shop.xml")!;
    assert.equal(XMLValidator.validate(xml), true);
    assert.doesNotMatch(xml, /<doc>/);
  } finally {
    removeScratch(join(run.outDir, ".."));
  }
  const bad = runPlugin({ "shop.proto": schema }, "colour=red", [], plugin);
  try {
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--xml_out: protoc-gen-xml: unknown option colour=red/);
  } finally {
    removeScratch(join(bad.outDir, ".."));
  }
});

test("a generator without editions support refuses editions files", () => {
  const g: CodeGenerator = { name: "g", generate: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), "ed-"));
  try {
    execFileSync("sh", ["-c", `cat > ${join(dir, "e.proto")}`], { input: 'edition = "2023";\nmessage M {}\n' });
    const out = join(dir, "set.binpb");
    execFileSync(protocPath, [`-I${dir}`, `--descriptor_set_out=${out}`, "e.proto"]);
    assert.throws(() => generateFromDescriptorSet(g, new Uint8Array(readFileSync(out))), (e) => e instanceof PluginError && /g does not support editions/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
