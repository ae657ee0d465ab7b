// Differential run of the protoforge CLI against protoc: N random messages (default 500) of the
// conformance test types and some google-proto-files types, each through --decode, --decode_raw
// and --encode (valid, truncated and corrupted inputs); prints identical/total per mode and variant.
// Usage: npx tsc -p . && node scripts/cli-diff.mjs [messages] [--show=N]
import { compareRuns, generateCases, knownGap, runProtoc, runProtoforge } from "../dist/test/cli/diff-support.js";

const messages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500);
const show = Number(process.argv.find((a) => a.startsWith("--show="))?.slice(7) ?? 5);
const cases = generateCases(messages);
const stats = new Map();
const failures = [];
const gaps = new Map();
for (const c of cases) {
  const expected = runProtoc(c.args, c.stdin);
  const actual = await runProtoforge(c.args, c.stdin);
  const diff = compareRuns(expected, actual);
  for (const key of [c.mode, `${c.mode}/${c.variant}`]) {
    const s = stats.get(key) ?? { same: 0, total: 0 };
    s.total++;
    if (!diff) s.same++;
    stats.set(key, s);
  }
  if (!diff) continue;
  const gap = knownGap(c, expected, actual);
  if (gap) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  else failures.push({ c, diff });
}
for (const [key, s] of [...stats].sort()) console.log(`${key.padEnd(22)} ${s.same}/${s.total} identical`);
const same = cases.length - failures.length - [...gaps.values()].reduce((a, b) => a + b, 0);
console.log(`all                    ${same}/${cases.length} identical (${messages} messages)`);
console.log(`\nknown differences from outside src/cli:`);
for (const [gap, n] of gaps) console.log(`  ${String(n).padStart(4)}  ${gap}`);
console.log(`unexplained differences: ${failures.length}`);
for (const { c, diff } of failures.slice(0, show)) {
  console.log(`\n=== ${c.id} ${c.variant} ${c.type} ${c.args.join(" ")}\nstdin ${Buffer.from(c.stdin).toString("hex").slice(0, 400)}\n${diff}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
