// .proto inputs compiled by the CLI, compared live with protoc (node_modules/protoc): descriptor
// sets byte for byte, diagnostics and exit codes, --encode/--decode with a schema from .proto files.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runCli } from "../../src/cli/run.js";
import { repoRoot } from "../support/protoc.js";
import { fixturesDir } from "./layout.js";

const protoc = join(repoRoot, "node_modules/protoc/bin/protoc-linux-x86_64");
const protoDir = join(fixturesDir, "proto");
const tmp = mkdtempSync(join(tmpdir(), "protoforge-cli-compile-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

// Files with errors and warnings, and one using the well-known types (found in the packaged include dir).
const src = join(tmp, "src");
mkdirSync(join(src, "sub"), { recursive: true });
const sources: Record<string, string> = {
  "sub/wkt.proto":
    'syntax = "proto3";\npackage w;\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/any.proto";\n' +
    "message M { google.protobuf.Timestamp t = 1; int32 x = 2; repeated string s = 3; map<string, int32> m = 4; }\n",
  "sub/unused.proto": 'syntax = "proto3";\nmessage U {}\n',
  "sub/warn.proto": 'syntax = "proto3";\nimport "sub/unused.proto";\nmessage W { int32 x = 1; }\n',
  "sub/missing.proto": 'syntax = "proto3";\nimport "nowhere.proto";\nmessage E { Foo f = 1; }\n',
  "sub/syntax.proto": 'syntax = "proto3";\nmessage S { int32 x = 1 }\nenum { }\n',
  "sub/undefined.proto": 'syntax = "proto2";\npackage u;\nmessage A { optional B b = 1; optional int32 y = 0; }\n',
};
for (const [name, text] of Object.entries(sources)) writeFileSync(join(src, name), text);

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function runProtoc(args: readonly string[], stdin: Uint8Array = new Uint8Array()): Run {
  const p = spawnSync(protoc, args, { input: stdin });
  return { code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr.toString("utf8") };
}

async function runOurs(args: readonly string[], stdin: Uint8Array = new Uint8Array()): Promise<Run> {
  const out: Buffer[] = [];
  let stderr = "";
  const code = await runCli(args, {
    readStdin: async () => new Uint8Array(stdin),
    writeStdout: (d) => void out.push(Buffer.from(d)),
    writeStderr: (t) => void (stderr += t),
  });
  return { code, stdout: Buffer.concat(out), stderr };
}

/** Runs both with `-o OUT` appended and compares exit codes, stderr and the descriptor set bytes. */
async function compareSet(args: readonly string[]): Promise<void> {
  const theirs = join(tmp, "protoc.pb");
  const ours = join(tmp, "ours.pb");
  rmSync(theirs, { force: true });
  rmSync(ours, { force: true });
  const p = runProtoc([...args, `--descriptor_set_out=${theirs}`]);
  const f = await runOurs([...args, `--descriptor_set_out=${ours}`]);
  assert.equal(f.stderr, p.stderr);
  assert.equal(f.code, p.code);
  if (p.code === 0) assert.ok(readFileSync(ours).equals(readFileSync(theirs)), "descriptor sets differ");
}

describe("--descriptor_set_out from .proto files", () => {
  const inputs = ["a.proto", "cli_test.proto", "x.proto"];
  for (const flags of [[], ["--include_imports"], ["--include_source_info"], ["--include_imports", "--include_source_info"], ["--include_imports", "--retain_options"]]) {
    test(`fixtures ${flags.join(" ") || "(no flags)"}`, () => compareSet([`-I${protoDir}`, ...flags, ...inputs.map((n) => join(protoDir, n))]));
  }
  test("well-known types come from the packaged include directory", () => compareSet([`-I${src}`, "--include_imports", "--include_source_info", "sub/wkt.proto"]));
  test("virtual prefix mapping (-Iv=dir)", () => compareSet([`-Iv=${src}`, "--include_imports", "v/sub/unused.proto"]));
});

describe("diagnostics from .proto files", () => {
  for (const name of ["sub/warn.proto", "sub/missing.proto", "sub/syntax.proto", "sub/undefined.proto"]) {
    for (const format of ["gcc", "msvs"]) {
      test(`${name} (--error_format=${format})`, () => compareSet([`-I${src}`, `--error_format=${format}`, name]));
    }
  }
  test("import not under the proto path", () => compareSet([`-I${join(src, "sub")}`, join(src, "sub/warn.proto")]));
  test("disk path input", () => compareSet([`-I${src}`, join(src, "sub/undefined.proto")]));
});

describe("--encode/--decode with a schema from .proto files", () => {
  const text = Buffer.from('t { seconds: 5 nanos: 7 } x: -3 s: "hi" s: "there" m { key: "k" value: 9 }\n');
  test("encode", async () => {
    const args = [`-I${src}`, "--encode=w.M", "sub/wkt.proto"];
    const p = runProtoc(args, text);
    const f = await runOurs(args, text);
    assert.equal(p.code, 0, p.stderr);
    assert.deepEqual([f.code, f.stderr], [p.code, p.stderr]);
    assert.ok(f.stdout.equals(p.stdout));
  });
  test("decode, and an unknown type", async () => {
    const binary = runProtoc([`-I${src}`, "--encode=w.M", "sub/wkt.proto"], text).stdout;
    for (const type of ["w.M", "google.protobuf.Timestamp", "w.Nope"]) {
      const args = [`-I${src}`, `--decode=${type}`, "sub/wkt.proto"];
      const p = runProtoc(args, binary);
      const f = await runOurs(args, binary);
      assert.deepEqual([f.code, f.stderr, f.stdout.toString("utf8")], [p.code, p.stderr, p.stdout.toString("utf8")], type);
    }
  });
  test("compile errors stop --decode", async () => {
    const args = [`-I${src}`, "--decode=E", "sub/missing.proto"];
    const p = runProtoc(args);
    const f = await runOurs(args);
    assert.deepEqual([f.code, f.stderr], [p.code, p.stderr]);
  });
});
