// A small process that runs commands for scripts/lib/process-timer.mjs and times them: one JSON
// request per line on stdin ({ file, argv, cwd }), one JSON answer per line on stdout
// ({ ms, status, stderr }). Running commands from here rather than from the benchmark keeps the
// benchmark's own (large) heap out of the fork.
import { spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

for await (const line of createInterface({ input: process.stdin })) {
  const { file, argv, cwd } = JSON.parse(line);
  const t = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ms, status: r.status, stderr: r.stderr ?? String(r.error) }) + "\n");
}
