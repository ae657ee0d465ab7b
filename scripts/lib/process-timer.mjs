// Times commands (wall clock, one process each) through a helper process, one at a time.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const child = join(dirname(fileURLToPath(import.meta.url)), "process-timer-child.mjs");

/** Starts the helper; `run(file, argv, cwd)` resolves to { ms, status, stderr }; `close()` ends it. */
export function processTimer() {
  const p = spawn(process.execPath, [child], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting = [];
  createInterface({ input: p.stdout }).on("line", (line) => waiting.shift()(JSON.parse(line)));
  return {
    run(file, argv, cwd) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        p.stdin.write(JSON.stringify({ file, argv, cwd }) + "\n");
      });
    },
    close() {
      p.stdin.end();
    },
  };
}
