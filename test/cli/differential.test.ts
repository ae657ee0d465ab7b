// protoforge against real protoc on random messages (see diff-support.ts): the same arguments and
// stdin, byte-identical stdout, stderr and exit code. A sample of cases runs by default; set
// PROTOFORGE_CLI_DIFF=full for all of them (500 messages, 1500 runs), or use scripts/cli-diff.mjs.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { compareRuns, generateCases, knownGap, runProtoc, runProtoforge } from "./diff-support.js";

const full = process.env["PROTOFORGE_CLI_DIFF"] === "full";
const cases = generateCases(full ? 500 : 34);

test(`protoforge and protoc agree on ${cases.length} --decode/--decode_raw/--encode runs`, async (t) => {
  const unexplained: string[] = [];
  const gaps = new Map<string, number>();
  let identical = 0;
  for (const c of cases) {
    const expected = runProtoc(c.args, c.stdin);
    const actual = await runProtoforge(c.args, c.stdin);
    const diff = compareRuns(expected, actual);
    if (!diff) {
      identical++;
      continue;
    }
    const gap = knownGap(c, expected, actual);
    if (gap) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    else unexplained.push(`${c.id} (${c.variant}, ${c.type}):\n${diff}`);
  }
  t.diagnostic(`${identical}/${cases.length} identical`);
  for (const [gap, n] of gaps) t.diagnostic(`${n} differ by a known gap outside src/cli: ${gap}`);
  assert.deepEqual(unexplained, []);
});
