// The real program: dist/src/cli/main.js run as a process, binary stdin and stdout untouched.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/protoc.js";
import { conformanceSet } from "./diff-support.js";

const main = join(repoRoot, "dist/src/cli/main.js");
const T = "protobuf_test_messages.proto3.TestAllTypesProto3";

function run(args: string[], input: Uint8Array | string = "") {
  const r = spawnSync(process.execPath, [main, ...args], { input });
  return { stdout: r.stdout, stderr: r.stderr.toString("utf8"), code: r.status };
}

test("--encode writes raw bytes to stdout, --decode reads them from stdin", () => {
  const text = 'optional_bytes: "\\000\\377\\200\\r\\n" optional_string: "h\\303\\251"\n';
  const enc = run([`--descriptor_set_in=${conformanceSet}`, `--encode=${T}`], text);
  assert.equal(enc.code, 0, enc.stderr);
  assert.equal(enc.stdout.toString("hex"), "7203 68c3a9 7a05 00ff800d0a".replace(/ /g, ""));
  const dec = run([`--descriptor_set_in=${conformanceSet}`, `--decode=${T}`], enc.stdout);
  assert.equal(dec.stdout.toString("latin1"), 'optional_string: "h\\303\\251"\noptional_bytes: "\\000\\377\\200\\r\\n"\n');
});

test("exit codes: 0 for --version, 1 for bad usage and bad input", () => {
  const v = run(["--version"]);
  assert.equal(v.code, 0);
  assert.match(v.stdout.toString(), /^protoforge \S+\nlibprotoc 36\.2\n$/);
  assert.deepEqual([run(["--nope=1"]).code, run(["--nope=1"]).stderr], [1, "Unknown flag: --nope\n"]);
  const bad = run(["--decode_raw"], Buffer.from([0x0f]));
  assert.deepEqual([bad.code, bad.stderr, bad.stdout.length], [1, "Failed to parse input.\n", 0]);
});

test(".proto inputs are compiled: --decode from a .proto file", () => {
  const c = spawnSync(process.execPath, [main, "-I.", "--decode=clitest.Req", "cli_test.proto"], { cwd: join(repoRoot, "test/cli/fixtures/proto"), input: "" });
  assert.deepEqual([c.status, c.stderr.toString(), c.stdout.toString()], [0, "warning:  Input message is missing required fields:  a, b\n", ""]);
});
