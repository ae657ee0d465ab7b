#!/usr/bin/env node
// Runs one contender's encode or decode of one shape in a loop, to be profiled:
//   node --cpu-prof --cpu-prof-dir=bench/.out/prof bench/profile.mjs C protoforge-dynamic decode [seconds]
// then bench/profile.mjs --top FILE.cpuprofile prints the functions with the most self time.
// Needs `npm run bench` (or `node bench/lib/setup.mjs`) to have generated bench/.gen first.
import { readFileSync } from "node:fs";

if (process.argv[2] === "--top") {
  top(process.argv[3], Number(process.argv[4] ?? 25));
} else {
  const [shapeId, id, kind, seconds = "5"] = process.argv.slice(2);
  const { findContenders } = await import("./lib/contenders.mjs");
  const { shapeById } = await import("./lib/shapes.mjs");
  const shape = shapeById(shapeId);
  const c = (await findContenders()).find((x) => x.id === id);
  if (!c || (kind !== "encode" && kind !== "decode")) {
    console.error("usage: profile.mjs SHAPE CONTENDER-ID encode|decode [seconds]");
    process.exit(2);
  }
  const codec = (await c.load()).prepare(shape, shape.build());
  const fn = kind === "encode" ? codec.encode : codec.decode;
  const arg = kind === "encode" ? codec.value : codec.encode(codec.value);
  const cpu0 = process.cpuUsage();
  const end = performance.now() + Number(seconds) * 1000;
  let n = 0;
  let sink;
  while (performance.now() < end) {
    for (let i = 0; i < 16; i++) sink = fn(arg);
    n += 16;
  }
  const cpu = process.cpuUsage(cpu0);
  const perCpu = n / ((cpu.user + cpu.system) / 1e6);
  console.log(`${c.label} ${kind} shape ${shape.id}: ${Math.round(n / Number(seconds))} ops/s, ${Math.round(perCpu)} per CPU second${sink ? "" : " "}`);
}

/** Prints the functions of a .cpuprofile with the most self time. */
function top(file, count) {
  const prof = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++) {
    const n = byId.get(prof.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}
