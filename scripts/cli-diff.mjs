// Differential run of the protoforge CLI against protoc: N random messages (default 500) of the
// conformance test types and some google-proto-files types, each through --decode, --decode_raw
// and --encode (valid, truncated, corrupted and duplicated inputs); prints identical/total per mode and variant.
// Usage: npx tsc -p . && node scripts/cli-diff.mjs [messages] [--show=N] [--seed=N]
import { compareRuns, generateCases, runProtoc, runProtoforge } from "../dist/test/cli/diff-support.js";

const messages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500);
const show = Number(process.argv.find((a) => a.startsWith("--show="))?.slice(7) ?? 5);
const seed = process.argv.find((a) => a.startsWith("--seed="))?.slice(7);
const cases = seed === undefined ? generateCases(messages) : generateCases(messages, Number(seed));
const stats = new Map();
const failures = [];
for (const c of cases) {
  const diff = compareRuns(runProtoc(c.args, c.stdin), await runProtoforge(c.args, c.stdin));
  for (const key of [c.mode, `${c.mode}/${c.variant}`]) {
    const s = stats.get(key) ?? { same: 0, total: 0 };
    s.total++;
    if (!diff) s.same++;
    stats.set(key, s);
  }
  if (diff) failures.push({ c, diff });
}
for (const [key, s] of [...stats].sort()) console.log(`${key.padEnd(22)} ${s.same}/${s.total} identical`);
console.log(`all                    ${cases.length - failures.length}/${cases.length} identical (${messages} messages${seed === undefined ? "" : `, seed ${seed}`})`);
for (const { c, diff } of failures.slice(0, show)) {
  console.log(`\n=== ${c.id} ${c.variant} ${c.type} ${c.args.join(" ")}\nstdin ${Buffer.from(c.stdin).toString("hex").slice(0, 400)}\n${diff}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
