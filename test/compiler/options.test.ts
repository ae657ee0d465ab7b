import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../src/compiler/compile.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { bootDescriptorFile } from "../../src/reflect/boot/boot.js";
import type { FileDescriptorSet } from "../../src/reflect/descriptor-types.js";
import { repoRoot } from "./helpers.js";

// Stage 4: options of every kind (custom options of every type, set whole or field by field,
// aggregates with extensions, Any and groups, repeated, retention, features), compared with protoc
// in all four combinations of --retain_options and --include_source_info.

const dir = join(repoRoot, "test/compiler/options-fixtures");
const include = join(repoRoot, "node_modules/protoc/include");
const protoc = join(repoRoot, "node_modules/protoc/bin/protoc-linux-x86_64");
const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet")!;

for (const name of readdirSync(dir).filter((n) => n.endsWith(".proto"))) {
  for (const retainOptions of [false, true]) {
    for (const includeSourceInfo of [false, true]) {
      test(`${name} (retain_options ${retainOptions}, source info ${includeSourceInfo}) is byte-identical to protoc's`, () => {
        const tmp = mkdtempSync(join(tmpdir(), "protoforge-options-"));
        try {
          const out = join(tmp, "out.pb");
          const flags = [...(retainOptions ? ["--retain_options"] : []), ...(includeSourceInfo ? ["--include_source_info"] : [])];
          const p = spawnSync(protoc, ["-I" + dir, "-I" + include, "--include_imports", "--descriptor_set_out=" + out, ...flags, name], { encoding: "utf8" });
          assert.equal(p.status, 0, p.stderr);
          const r = compile({ files: [name], includePaths: [dir, include], retainOptions, includeSourceInfo });
          assert.deepEqual(r.diagnostics.map(formatDiagnostic), []);
          const set: FileDescriptorSet = { $typeName: "google.protobuf.FileDescriptorSet", file: r.files };
          assert.ok(Buffer.from(toBinary(setDesc, set)).equals(readFileSync(out)));
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      });
    }
  }
}
