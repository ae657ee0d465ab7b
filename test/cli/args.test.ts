// What parseArgs makes of command lines (the texts and exit codes are checked against protoc in recorded.test.ts).
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { parseArgs, type ArgsEnv } from "../../src/cli/args.js";
import type { CliOptions } from "../../src/cli/options.js";

/** A fake environment: these paths exist, these @files have these lines. */
function env(existing: readonly string[] = [], files: Record<string, string[]> = {}): ArgsEnv {
  return {
    exists: (p) => existing.includes(p),
    helpText: (name) => `help for ${name}\n`,
    versionText: () => "version\n",
    noticesText: () => "notices",
    editionNames: () => ["2023", "2024", "UNKNOWN"],
    readArgsFile: (p) => files[p],
  };
}

function options(argv: string[], e = env(["a", "b", "x=y"])): CliOptions {
  const r = parseArgs(argv, "protoforge", e);
  assert.equal(r.kind, "run", r.stderr);
  if (r.kind !== "run") throw new Error("unreachable");
  return r.options;
}

test("proto paths: -I forms, lists, virtual=disk, a directory named with '='", () => {
  const o = options(["-Ia", "-I", "b", "--proto_path=v=a:b", "--proto_path", "x=y", "-o", "out", "f.proto"]);
  assert.deepEqual(o.protoPaths, [
    { virtualPath: "", diskPath: "a" },
    { virtualPath: "", diskPath: "b" },
    { virtualPath: "v", diskPath: "a" },
    { virtualPath: "", diskPath: "b" },
    { virtualPath: "", diskPath: "x=y" },
  ]);
  assert.deepEqual(o.inputFiles, ["f.proto"]);
});

test("the default proto path is '.' unless -I or --descriptor_set_in is given", () => {
  assert.deepEqual(options(["-o", "x", "f.proto"]).protoPaths, [{ virtualPath: "", diskPath: "." }]);
  assert.deepEqual(options(["--descriptor_set_in=s", "--decode=T"]).protoPaths, []);
});

test("--descriptor_set_in is a ':'-separated list", () => {
  assert.deepEqual(options(["--descriptor_set_in=a::b:", "--decode=T"]).descriptorSetIn, ["a", "b"]);
});

test("modes and codec types", () => {
  assert.equal(options(["--decode_raw"]).mode, "decode");
  assert.equal(options(["--decode_raw"]).codecType, "");
  const e = options(["--encode", "pkg.T", "--deterministic_output", "--descriptor_set_in=s"]);
  assert.equal(e.mode, "encode");
  assert.equal(e.codecType, "pkg.T");
  assert.equal(e.deterministicOutput, true);
  assert.equal(options(["--error_format=msvs", "--decode_raw"]).errorFormat, "msvs");
});

test("output directives: parameters before the first ':', plugins named protoc-gen-X", () => {
  const o = options(["--ts_out=a=1,b:dir:sub", "--go_out=out", "--ts_opt=c", "--ts_opt=d", "--plugin=protoc-gen-ts=/bin/ts", "--plugin=/usr/bin/protoc-gen-go", "f.proto"]);
  assert.deepEqual(o.outputs, [
    { flag: "--ts_out", plugin: "protoc-gen-ts", parameter: "a=1,b", location: "dir:sub" },
    { flag: "--go_out", plugin: "protoc-gen-go", parameter: "", location: "out" },
  ]);
  assert.equal(o.pluginParameters.get("protoc-gen-ts"), "c,d");
  assert.equal(o.plugins.get("protoc-gen-ts"), "/bin/ts");
  assert.equal(o.plugins.get("protoc-gen-go"), "/usr/bin/protoc-gen-go");
});

test("--X_prefix splits the command into words", () => {
  assert.deepEqual(options(["--ts_prefix=node  --flag\t", "--ts_out=o", "f.proto"]).pluginCommandPrefixes.get("protoc-gen-ts"), ["node", "--flag"]);
});

test("@files expand in place, one argument a line", () => {
  const o = options(["@args", "g.proto"], env([], { args: ["-o", "out", "with space.proto"] }));
  assert.deepEqual(o.inputFiles, ["with space.proto", "g.proto"]);
  assert.equal(o.descriptorSetOut, "out");
});

test("--help, --version and --notices print and exit 0", () => {
  for (const [flag, text] of [["-h", "help for protoforge\n"], ["--version", "version\n"], ["--notices", "notices\n"]] as const) {
    const r = parseArgs([flag, "--bad"], "protoforge", env());
    assert.equal(r.kind, "exit");
    assert.equal(r.stdout, text);
    if (r.kind === "exit") assert.equal(r.code, 0);
  }
});

test("errors stop parsing with exit code 1", () => {
  const r = parseArgs(["--decode=A", "--encode=B"], "protoforge", env());
  assert.deepEqual(r, { kind: "exit", code: 1, stdout: "", stderr: "Only one of --encode and --decode can be specified.\n" });
});

test("edition names are checked; UNKNOWN can be given again", () => {
  assert.equal(options(["--edition_defaults_minimum=UNKNOWN", "--edition_defaults_minimum=2023", "--edition_defaults_out=x", "f.proto"]).editionDefaultsMinimum, "2023");
  const r = parseArgs(["--edition_defaults_minimum=2099"], "protoforge", env());
  assert.equal(r.stderr, '--edition_defaults_minimum unknown edition "2099".\n');
});
