// Records what real protoc does for the CLI test cases (test/cli/cases.ts) into
// test/cli/fixtures/protoc.json, so that the tests need no protoc. Also compiles the fixture
// descriptor sets (test/cli/fixtures/*.binpb) from test/cli/fixtures/proto/.
// Usage: npx tsc -p . && node scripts/cli-record.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allCases, mappingCases } from "../dist/test/cli/cases.js";
import { descriptorSets, fixturesDir, makeLayout, resolveArg, withPlaceholder } from "../dist/test/cli/layout.js";
import { protocPath } from "../dist/test/support/protoc.js";
import { decodeFileDescriptorSet } from "../dist/src/descriptor-set.js";

// protoc names itself by argv[0] in some messages: run it as "protoforge" so that they compare.
const ARGV0 = "protoforge";

for (const [set, args] of Object.entries(descriptorSets)) {
  execFileSync(protocPath, ["-I" + join(fixturesDir, "proto"), "-o", join(fixturesDir, set), ...args]);
}

/** The stdin of a case: its hex, or its text encoded by protoc with the case's set and type. */
function stdinOf(c, dir) {
  if (c.stdinText === undefined) return Buffer.from(c.stdin ?? "", "hex");
  const set = c.args.find((a) => a.startsWith("--descriptor_set_in="));
  const type = c.args.find((a) => a.startsWith("--decode="))?.slice("--decode=".length);
  return execFileSync(protocPath, [set, `--encode=${type}`], { cwd: dir, input: c.stdinText, stdio: ["pipe", "pipe", "ignore"] });
}

function run(args, stdin, dir) {
  const r = spawnSync(protocPath, args.map((a) => resolveArg(a, dir)), { cwd: dir, input: stdin, argv0: ARGV0 });
  return { stdout: r.stdout, stderr: withPlaceholder(r.stderr.toString("utf8"), dir), code: r.status };
}

const recorded = {};
for (const [group, cases] of Object.entries(allCases)) {
  recorded[group] = cases.map((c) => {
    const dir = makeLayout();
    try {
      const stdin = stdinOf(c, dir);
      const r = run(c.args, stdin, dir);
      const entry = { name: c.name, args: c.args, stdin: stdin.toString("hex"), code: r.code };
      // --help and --version texts are protoforge's own (compare "code"): only the exit code is kept.
      if (c.compare === "code") return entry;
      const text = r.stdout.toString("latin1");
      return { ...entry, ...(/^[\t\n\x20-\x7e]*$/.test(text) ? { stdout: text } : { stdoutHex: r.stdout.toString("hex") }), stderr: r.stderr };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

recorded.mapping = mappingCases.map((c) => {
  const dir = makeLayout();
  try {
    const out = join(dir, "out.binpb");
    const r = run([...c.args, "-o", out], Buffer.alloc(0), dir);
    if (r.code === 0) return { name: c.name, args: c.args, files: decodeFileDescriptorSet(readFileSync(out)).file.map((f) => f.name) };
    return { name: c.name, args: c.args, error: r.stderr.split("\n")[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

writeFileSync(join(fixturesDir, "protoc.json"), JSON.stringify(recorded, null, 1) + "\n");
const count = Object.values(recorded).reduce((n, xs) => n + xs.length, 0);
console.log(`recorded ${count} protoc runs into test/cli/fixtures/protoc.json`);
