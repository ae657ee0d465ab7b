// Runs the official conformance suites against conformance/testee and prints their summaries.
// The full runner output goes to conformance/.gen/conformance.log. Exits non-zero on any unexpected failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

const runner = process.env.CONFORMANCE_RUNNER ?? "../shared/bin/conformance-runner";
if (!existsSync(runner)) {
  console.error(`conformance: ${runner} not found (set CONFORMANCE_RUNNER to the conformance-runner script)`);
  process.exit(2);
}
const args = ["--enforce_recommended", "--maximum_edition", "2023", "conformance/testee"];
const mode = process.argv[2] ?? "compiled";
console.log(`conformance (${mode} codecs):`);
const env = { ...process.env, PROTOFORGE_CODEC: mode };
const res = spawnSync(runner, args, { encoding: "utf8", maxBuffer: 1 << 30, env });
const output = (res.stdout ?? "") + (res.stderr ?? "");
mkdirSync("conformance/.gen", { recursive: true });
writeFileSync("conformance/.gen/conformance.log", output);
const summaries = output.split("\n").filter((l) => l.startsWith("CONFORMANCE SUITE"));
for (const s of summaries) console.log(s);
const failed = res.status !== 0 || summaries.length === 0 || summaries.some((s) => !/ 0 unexpected failures/.test(s));
if (failed) {
  console.error(`conformance: FAILED (runner exit ${res.status}); see conformance/.gen/conformance.log`);
  console.error(output.split("\n").filter((l) => l.includes("ERROR") || l.includes("FAILED")).slice(0, 10).map((l) => l.slice(0, 400)).join("\n"));
  process.exit(1);
}
