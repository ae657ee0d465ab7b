// protoforge against real protoc on random messages (see diff-support.ts): the same arguments and
// stdin, byte-identical stdout, stderr and exit code. A sample of cases runs by default; set
// PROTOFORGE_CLI_DIFF=full for all of them (500 messages, 1500 runs), or use scripts/cli-diff.mjs.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { compareRuns, generateCases, runProtoc, runProtoforge } from "./diff-support.js";

const full = process.env["PROTOFORGE_CLI_DIFF"] === "full";
const cases = generateCases(full ? 500 : 34);

test(`protoforge and protoc agree on ${cases.length} --decode/--decode_raw/--encode runs`, async (t) => {
  const differences: string[] = [];
  for (const c of cases) {
    const diff = compareRuns(runProtoc(c.args, c.stdin), await runProtoforge(c.args, c.stdin));
    if (diff) differences.push(`${c.id} (${c.variant}, ${c.type}):\n${diff}`);
  }
  t.diagnostic(`${cases.length - differences.length}/${cases.length} identical`);
  assert.deepEqual(differences, []);
});
