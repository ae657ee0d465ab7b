// Replays the command lines of cases.ts through protoforge and compares with what protoc did
// (test/cli/fixtures/protoc.json, recorded by scripts/cli-record.mjs).
import { strict as assert } from "node:assert";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parseArgs } from "../../src/cli/args.js";
import { mapInputFiles } from "../../src/cli/input-files.js";
import { nodeArgsEnv } from "../../src/cli/node-env.js";
import { DiskSourceTree, nodeFileSystem } from "../../src/cli/source-tree.js";
import { allCases, mappingCases, type CliCase } from "./cases.js";
import { normalizeStderr, runProtoforge } from "./diff-support.js";
import { fixturesDir, makeLayout, resolveArg, withPlaceholder } from "./layout.js";

interface Recorded {
  name: string;
  args: string[];
  stdin: string;
  code: number;
  stdout?: string;
  stdoutHex?: string;
  stderr?: string;
}

interface RecordedMapping {
  name: string;
  args: string[];
  files?: string[];
  error?: string;
}

const fixtures = JSON.parse(readFileSync(join(fixturesDir, "protoc.json"), "utf8")) as Record<string, Recorded[]> & { mapping: RecordedMapping[] };

// Each case runs in its own copy of the layout, as the current directory (relative paths are the point).
const startDir = process.cwd();
let dir = "";
function freshDir(): string {
  process.chdir(startDir);
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = makeLayout();
  process.chdir(dir);
  return dir;
}
after(() => {
  process.chdir(startDir);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the fixtures are recorded from the current case list", () => {
  for (const [group, cases] of Object.entries(allCases)) {
    assert.deepEqual(fixtures[group]?.map((r) => [r.name, r.args]), cases.map((c) => [c.name, c.args]), `re-run scripts/cli-record.mjs (${group})`);
  }
  assert.deepEqual(fixtures.mapping.map((r) => r.name), mappingCases.map((c) => c.name));
});

for (const [group, cases] of Object.entries(allCases)) {
  describe(`protoc ${group}`, () => {
    before(freshDir);
    for (const c of cases) {
      const rec = fixtures[group]?.find((r) => r.name === c.name);
      if (!rec) continue;
      test(c.name, c.compare === "gap" ? { todo: c.gap ?? "known gap" } : {}, async () => {
        const d = freshDir();
        const got = await runProtoforge(c.args.map((a) => resolveArg(a, d)), Buffer.from(rec.stdin, "hex"));
        check(c, rec, got.code, got.stdout, withPlaceholder(got.stderr, d));
      });
    }
  });
}

function check(c: CliCase, rec: Recorded, code: number, stdout: Buffer, stderr: string): void {
  switch (c.compare ?? "exact") {
    case "code":
      assert.equal(code, rec.code);
      return;
    case "gap":
    case "exact": {
      const expected = rec.stdoutHex !== undefined ? Buffer.from(rec.stdoutHex, "hex") : Buffer.from(rec.stdout ?? "", "latin1");
      assert.equal(normalizeStderr(stderr), normalizeStderr(rec.stderr ?? ""));
      assert.equal(stdout.toString("hex"), expected.toString("hex"), `stdout:\n${stdout.toString("latin1")}\nprotoc:\n${expected.toString("latin1")}`);
      assert.equal(code, rec.code);
    }
  }
}

describe("protoc's mapping of input files to virtual paths", () => {
  for (const rec of fixtures.mapping) {
    test(rec.name, () => {
      const d = freshDir();
      const parsed = parseArgs([...rec.args.map((a) => resolveArg(a, d)), "-o", "/dev/null"], "protoforge", nodeArgsEnv);
      assert.equal(parsed.kind, "run");
      if (parsed.kind !== "run") return;
      const tree = new DiskSourceTree(parsed.options.protoPaths);
      const mapped = mapInputFiles(parsed.options.inputFiles, tree, nodeFileSystem, () => false);
      assert.ok(mapped.ok, mapped.ok ? "" : mapped.error);
      if (!mapped.ok) return;
      if (rec.files) assert.deepEqual(mapped.files, rec.files);
      else assert.equal(withPlaceholder(`${tree.diskPath(mapped.files[0]!)}:2:25: Expected ";".`, d), rec.error);
    });
  }
});
