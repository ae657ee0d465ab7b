#!/usr/bin/env node
// Quick same-process comparison for development: alternates short rounds of the given contenders
// on one shape and operation, and prints each one's best round (CPU time) and ratios to the first.
//   node bench/ab.mjs SHAPE encode|decode CONTENDER-ID... [--rounds=N]
// Needs bench/.gen (made by `npm run bench` or `node bench/lib/setup.mjs`). Not a substitute for
// `npm run bench` (one process per contender); it is less disturbed by a busy machine.
import { findContenders } from "./lib/contenders.mjs";
import { shapeById } from "./lib/shapes.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 40);
const [shapeId, kind, ...ids] = args;
const shape = shapeById(shapeId);
const all = await findContenders();
const runs = [];
for (const id of ids) {
  const c = all.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no contender ${id}: ${all.map((x) => x.id).join(", ")}`);
  const codec = (await c.load()).prepare(shape, shape.build());
  const fn = kind === "encode" ? codec.encode : codec.decode;
  const arg = kind === "encode" ? codec.value : codec.encode(codec.value);
  runs.push({ id, fn, arg, best: Infinity });
}
// Iterations per round: about 20 ms of the first contender.
let n = 1;
for (;;) {
  const t = performance.now();
  for (let i = 0; i < n; i++) runs[0].fn(runs[0].arg);
  if (performance.now() - t > 20) break;
  n *= 2;
}
let sink;
for (let r = 0; r < rounds; r++) {
  for (const run of runs) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) sink = run.fn(run.arg);
    const u = process.cpuUsage(t);
    if (r >= 3) run.best = Math.min(run.best, (u.user + u.system) / n);
  }
}
for (const run of runs) console.log(`${run.id.padEnd(24)} ${(run.best * 1000).toFixed(0).padStart(9)} ns  ${(runs[0].best / run.best).toFixed(2)}x of ${runs[0].id}${sink ? "" : " "}`);
