// Code generation through plugins and --ts_out, compared live with protoc (node_modules/protoc):
// the CodeGeneratorRequest byte for byte (a recording plugin), and the files plugins write.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, test } from "node:test";
import { runCli } from "../../src/cli/run.js";
import { repoRoot } from "../support/protoc.js";

const protoc = join(repoRoot, "node_modules/protoc/bin/protoc-linux-x86_64");
const tmp = mkdtempSync(join(tmpdir(), "protoforge-cli-generate-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const src = join(tmp, "src");
mkdirSync(join(src, "sub"), { recursive: true });
const sources: Record<string, string> = {
  "sub/dep.proto": 'syntax = "proto3";\npackage d;\n// A dependency.\nmessage Dep { string some_name = 1; }\n',
  "sub/pub.proto": 'syntax = "proto2";\npackage d;\nmessage Pub { optional int32 x_y_z = 1; }\n',
  "sub/opt.proto":
    'syntax = "proto2";\npackage o;\nimport "google/protobuf/descriptor.proto";\n' +
    "extend google.protobuf.FieldOptions { optional int32 src_only = 50001 [retention = RETENTION_SOURCE]; optional int32 kept = 50002; }\n" +
    "message WithOpt { optional string f = 1 [(src_only) = 3, (kept) = 4]; }\n",
  "main.proto":
    'syntax = "proto3";\npackage m;\nimport "sub/dep.proto";\nimport public "sub/pub.proto";\nimport "sub/opt.proto";\nimport "google/protobuf/timestamp.proto";\n' +
    "// Leading comment.\nmessage Main {\n  d.Dep dep = 1; // trailing\n  google.protobuf.Timestamp when_it_was = 2;\n  optional int32 maybe_val = 3 [(o.src_only) = 1, (o.kept) = 2];\n" +
    "  map<string, int32> counts = 4;\n  oneof choice { string a_str = 5; int64 b_num = 6 [json_name = \"custom\"]; }\n  message Inner { repeated uint32 inner_vals = 1; }\n}\n" +
    "enum Color { COLOR_UNSPECIFIED = 0; RED = 1; }\nservice Svc { rpc Do(Main) returns (Main); }\n",
  "other.proto": 'syntax = "proto3";\npackage m;\nimport "sub/dep.proto";\nmessage Other { d.Dep d = 1; }\n',
};
for (const [name, text] of Object.entries(sources)) writeFileSync(join(src, name), text);

// A plugin that records its request, and answers with a response given in an environment variable.
const recorder = join(tmp, "protoc-gen-rec");
writeFileSync(
  recorder,
  `#!/usr/bin/env node\nconst fs = require("node:fs");\nconst input = fs.readFileSync(0);\n` +
    `fs.writeFileSync(process.env.REC_OUT, input);\nif (process.env.REC_RESPONSE) process.stdout.write(Buffer.from(process.env.REC_RESPONSE, "base64"));\n`,
);
chmodSync(recorder, 0o755);

interface Run {
  code: number;
  stderr: string;
}

function runProtoc(args: readonly string[], env: Record<string, string> = {}): Run {
  const p = spawnSync(protoc, args, { env: { ...process.env, ...env } });
  return { code: p.status ?? -1, stderr: p.stderr.toString("utf8") };
}

async function runOurs(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let stderr = "";
  try {
    const code = await runCli(args, {
      readStdin: async () => new Uint8Array(),
      writeStdout: () => {},
      writeStderr: (t) => void (stderr += t),
    });
    return { code, stderr };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
}

/** Both record the request of `--rec_out` with `args`; compares bytes, exit codes and stderr. */
async function compareRequest(args: readonly string[]): Promise<void> {
  const theirs = join(tmp, "theirs.req");
  const ours = join(tmp, "ours.req");
  rmSync(theirs, { force: true });
  rmSync(ours, { force: true });
  const out = join(tmp, "recout");
  mkdirSync(out, { recursive: true });
  const full = [`--plugin=protoc-gen-rec=${recorder}`, `-I${src}`, ...args];
  const p = runProtoc(full, { REC_OUT: theirs });
  const o = await runOurs(full, { REC_OUT: ours });
  assert.equal(o.stderr, p.stderr);
  assert.equal(o.code, p.code);
  assert.ok(existsSync(theirs), "protoc ran the plugin");
  assert.deepEqual(readFileSync(ours), readFileSync(theirs));
}

function listFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

describe("CodeGeneratorRequest matches protoc's", () => {
  test("one file, no parameter", () => compareRequest([`--rec_out=${tmp}/recout`, join(src, "main.proto")]));
  test("parameters and options joined", () =>
    compareRequest([`--rec_out=a=1,b:${tmp}/recout`, "--rec_opt=c", "--rec_opt=", "--rec_opt=d", join(src, "main.proto")]));
  test("only --X_opt", () => compareRequest([`--rec_out=${tmp}/recout`, "--rec_opt=x", join(src, "other.proto")]));
  test("several files, repeats, shared imports", () =>
    compareRequest([`--rec_out=${tmp}/recout`, join(src, "other.proto"), join(src, "main.proto"), join(src, "other.proto")]));
  test("a dependency listed as a file to generate", () =>
    compareRequest([`--rec_out=${tmp}/recout`, join(src, "sub/opt.proto"), join(src, "main.proto")]));
});

describe("plugin output and errors as protoc", () => {
  // Responses built by hand: CodeGeneratorResponse fields 1 (error), 15 (file: 1 name, 2 insertion_point, 15 content).
  const str = (no: number, s: string) => {
    const b = Buffer.from(s);
    return Buffer.concat([Buffer.from([(no << 3) | 2]), varint(b.length), b]);
  };
  const varint = (n: number) => {
    const out: number[] = [];
    while (n > 127) {
      out.push((n & 127) | 128);
      n >>>= 7;
    }
    out.push(n);
    return Buffer.from(out);
  };
  const file = (name: string | undefined, content: string, point?: string) => {
    const body = Buffer.concat([name !== undefined ? str(1, name) : Buffer.alloc(0), point !== undefined ? str(2, point) : Buffer.alloc(0), str(15, content)]);
    return Buffer.concat([Buffer.from([(15 << 3) | 2, ...varint(body.length)]), body]);
  };
  const cases: Record<string, Buffer> = {
    files: Buffer.concat([file("a/x.txt", "hello\n  // @@protoc_insertion_point(here)\nend"), file(undefined, " more\n"), file("./b.txt", "b"), file("a/x.txt", "one\n\ntwo", "here"), file("/c.txt", "c")]),
    error: str(1, "something went wrong"),
    emptyError: Buffer.concat([str(1, ""), file("e.txt", "e")]),
    noName: file(undefined, "x"),
    twice: Buffer.concat([file("t.txt", "1"), file("t.txt", "2")]),
    missingPoint: Buffer.concat([file("m.txt", "m\n"), file("m.txt", "x", "nope")]),
    missingFile: file("n.txt", "x", "p"),
    unparseable: Buffer.from([0x0a, 0x05, 0x41, 0xff, 0x00]),
    empty: Buffer.alloc(0),
  };
  for (const [name, response] of Object.entries(cases)) {
    test(name, async () => {
      const theirs = join(tmp, `out-${name}-theirs`);
      const ours = join(tmp, `out-${name}-ours`);
      mkdirSync(theirs, { recursive: true });
      mkdirSync(ours, { recursive: true });
      const env = { REC_OUT: join(tmp, "ignored.req"), REC_RESPONSE: response.toString("base64") };
      const args = (dir: string) => [`--plugin=protoc-gen-rec=${recorder}`, `-I${src}`, `--rec_out=${dir}`, join(src, "other.proto")];
      const p = runProtoc(args(theirs), env);
      const o = await runOurs(args(ours), env);
      assert.equal(o.stderr.replaceAll(ours, "DIR"), p.stderr.replaceAll(theirs, "DIR"));
      assert.equal(o.code, p.code);
      assert.deepEqual(listFiles(ours), listFiles(theirs));
    });
  }
  test("plugin not found, and failing with a status", async () => {
    for (const plugin of ["--nosuch_out", "--rec_out"]) {
      const env = { REC_OUT: "/nonexistent-dir/x" };
      const args = [`--plugin=protoc-gen-rec=${recorder}`, `-I${src}`, `${plugin}=${tmp}`, join(src, "other.proto")];
      const p = runProtoc(args, env);
      const o = await runOurs(args, env);
      assert.equal(o.code, p.code);
      assert.equal(o.stderr.replace(/^(?!--|protoc-gen|Please).*\n/gm, ""), p.stderr.replace(/^(?!--|protoc-gen|Please).*\n/gm, ""));
    }
  });
});

describe("generated files match protoc's", () => {
  const compareOutputs = async (ourArgs: (dir: string) => string[], theirArgs: (dir: string) => string[]) => {
    const theirs = mkdtempSync(join(tmp, "theirs-"));
    const ours = mkdtempSync(join(tmp, "ours-"));
    const p = runProtoc(theirArgs(theirs));
    const o = await runOurs(ourArgs(ours));
    assert.equal(p.stderr, "");
    assert.equal(o.stderr, "");
    assert.equal(o.code, 0);
    assert.equal(p.code, 0);
    const t = listFiles(theirs);
    assert.ok(t.size > 0);
    assert.deepEqual(listFiles(ours), t);
  };
  const inputs = [join(src, "main.proto"), join(src, "other.proto")];
  test("--ts_out runs the TypeScript generator as protoc-gen-protoforge does", () =>
    compareOutputs(
      (dir) => [`-I${src}`, `--ts_out=${dir}`, ...inputs],
      (dir) => [`--plugin=protoc-gen-protoforge=${join(repoRoot, "bin/protoc-gen-protoforge")}`, `-I${src}`, `--protoforge_out=${dir}`, ...inputs],
    ));
  test("--ts_out with --ts_opt", () =>
    compareOutputs(
      (dir) => [`-I${src}`, `--ts_out=${dir}`, "--ts_opt=import_extension=js", join(src, "sub/opt.proto")],
      (dir) => [`--plugin=protoc-gen-protoforge=${join(repoRoot, "bin/protoc-gen-protoforge")}`, `-I${src}`, `--protoforge_out=${dir}`, "--protoforge_opt=import_extension=js", join(src, "sub/opt.proto")],
    ));
  test("protoc-gen-es", () => {
    const es = join(repoRoot, "node_modules/.bin/protoc-gen-es");
    const args = (dir: string) => [`--plugin=protoc-gen-es=${es}`, `-I${src}`, `--es_out=${dir}`, join(src, "main.proto")];
    return compareOutputs(args, args);
  });
});
