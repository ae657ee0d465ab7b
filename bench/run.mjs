#!/usr/bin/env node
// `npm run bench`: protoforge against protobufjs, protobuf-es, JSON, msgpackr, avsc and XML on four
// message shapes. Generates the contenders' code (bench/.gen), checks every contender on every
// shape (one child process per shape), then times them: each shape and contender in a child
// process of its own (warm-up, then rounds), in passes that take every shape and contender in
// turn; measures shape C's memory (a child per contender); prints a table and writes the results.
//
// Environment:
//   BENCH_QUICK=1          a quick run (1 pass, 3 rounds of 40 ms): for trying the harness, not for figures
//   BENCH_PROCESSES=n      passes, i.e. processes per shape and contender (default 3)
//   BENCH_ROUNDS=n         timed rounds per process (default 6)
//   BENCH_TIME_MS=n        milliseconds per operation per round (default 120)
//   BENCH_WARMUP_MS=n      warm-up per operation in each process (default 500)
//   BENCH_CLOCK=cpu|wall   report ops per second of process CPU time (default) or of wall time
//   BENCH_SHAPES=A,C       only these shapes
//   BENCH_CONTENDERS=es,x  only contenders whose id contains one of these (protobufjs and
//                          protoforge dynamic always run: ratios and byte checks need them)
//   BENCH_MEMORY=0         skip the memory measurement
//   BENCH_WRITE=1|0        write docs/benchmarks.md and bench/results/ (default: only on a full,
//                          non-quick run; other runs write bench/.out/)
import { fork, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, relative } from "node:path";
import { BASELINE, findContenders } from "./lib/contenders.mjs";
import { benchDir, outDir, protoforgeBuild, resultsDir, rootDir } from "./lib/paths.mjs";
import { consoleReport, markdownResults, svgChart } from "./lib/report.mjs";
import { installedVersion, setup } from "./lib/setup.mjs";
import { aggregate } from "./lib/stats.mjs";

const env = process.env;
const quick = env.BENCH_QUICK === "1";
const int = (name, dflt) => (env[name] ? Number.parseInt(env[name], 10) : dflt);
const list = (name) => (env[name] ? env[name].split(",").map((s) => s.trim()).filter(Boolean) : undefined);

const config = {
  processes: int("BENCH_PROCESSES", quick ? 1 : 3),
  rounds: int("BENCH_ROUNDS", quick ? 3 : 6),
  timeMs: int("BENCH_TIME_MS", quick ? 40 : 120),
  warmupMs: int("BENCH_WARMUP_MS", quick ? 150 : 500),
  clock: env.BENCH_CLOCK === "wall" ? "wall" : "cpu",
};
const shapeIds = list("BENCH_SHAPES") ?? ["A", "B", "C", "D"];
const full = !quick && !env.BENCH_CLOCK && !env.BENCH_PROCESSES && !env.BENCH_SHAPES && !env.BENCH_CONTENDERS && !env.BENCH_ROUNDS && !env.BENCH_TIME_MS && !env.BENCH_WARMUP_MS;
const write = env.BENCH_WRITE ? env.BENCH_WRITE === "1" : full;
const memoryShape = env.BENCH_MEMORY === "0" || !shapeIds.includes("C") ? undefined : "C";

// `node bench/run.mjs --report`: renders the table, docs/benchmarks.md and the chart again from
// bench/results/latest.json, without measuring (after a change to the report's layout).
if (process.argv.includes("--report")) {
  const saved = JSON.parse(readFileSync(join(resultsDir, "latest.json"), "utf8"));
  console.log(consoleReport(saved));
  writeOutputs(saved, true);
  process.exit(0);
}

if (!existsSync(join(protoforgeBuild, "index.js"))) {
  console.error("protoforge is not built: run `npx tsc -p .` (npm run bench does).");
  process.exit(1);
}
const started = Date.now();
const loadStart = loadavg()[0];
console.log(`bench: load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores${loadStart > cpus().length / 2 ? " (busy machine: figures will be noisy)" : ""}`);
setup();

const { shapes: shapeList } = await import("./lib/shapes.mjs");
const worker = join(benchDir, "worker.mjs");

const contenders = await findContenders(list("BENCH_CONTENDERS"));
const ids = contenders.map((c) => c.id);

/** Runs one child; returns its JSON result. */
function child(shape, mode, childIds, flags = []) {
  const r = spawnSync(process.execPath, [...flags, worker, JSON.stringify({ ...config, shape, mode, ids: childIds })], {
    cwd: rootDir,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  if (r.status !== 0) {
    console.error(`bench: the ${mode} child of shape ${shape} (${childIds.join(", ")}) failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  const result = JSON.parse(r.stdout.trim().split("\n").pop());
  if (result.problems.length) {
    console.error(`bench: shape ${shape} fails its checks, nothing is timed:\n  ${result.problems.join("\n  ")}`);
    process.exit(1);
  }
  return result;
}

const results = { baseline: BASELINE, config, labels: {}, notes: {}, shapes: [] };
const shapes = shapeIds.map((id) => {
  const shape = shapeList.find((s) => s.id === id);
  if (!shape) throw new Error(`BENCH_SHAPES: unknown shape ${id}`);
  return { id, title: shape.title, typeName: shape.typeName, ids, passes: [] };
});

// Checks first, all contenders of a shape together (they compare bytes with each other).
for (const shape of shapes) {
  const r = child(shape.id, "check", ids);
  Object.assign(results.labels, r.labels);
  Object.assign(results.notes, r.notes);
  shape.checks = r.checks;
  shape.protobufSize = r.checks[BASELINE].size;
  console.log(`bench: shape ${shape.id} checked: ${ids.length} contenders round-trip, protobuf bytes ${[...new Set(ids.map((id) => r.checks[id].bytes).filter(Boolean))].join(" / ")}`);
}

// Then passes: every shape, and within it every contender in a process of its own, all started
// together. A process holds one library, as an application would, so no library's JIT feedback or
// garbage changes another's figures, and V8's per-process decisions (optimization, pretenuring)
// are sampled once per pass. The processes take turns (only one runs at a time): each warms up,
// then round after round every contender measures encode and decode in a rotating order, so that
// the rounds compared with each other were measured under the same machine load, seconds apart.
for (let p = 0; p < config.processes; p++) {
  for (const [si, shape] of shapes.entries()) {
    const t0 = Date.now();
    shape.passes.push(await timedPass(shape.id, p + si));
    console.log(`bench: pass ${p + 1}/${config.processes}, shape ${shape.id}: ${ids.length} processes in ${((Date.now() - t0) / 1000).toFixed(0)} s (load ${loadavg()[0].toFixed(2)})`);
  }
}

/** One pass over a shape: a serving child per contender, interleaved rounds; returns each contender's rounds. */
async function timedPass(shapeId, rotation) {
  const servers = ids.map((id) => server(shapeId, id));
  try {
    for (const s of servers) await s.ready;
    for (const s of servers) await s.call({ cmd: "warmup" });
    const pass = Object.fromEntries(ids.map((id) => [id, []]));
    for (let r = 0; r < config.rounds; r++) {
      for (let i = 0; i < servers.length; i++) {
        const s = servers[(rotation + r + i) % servers.length];
        const kinds = r % 2 === 0 ? ["encode", "decode"] : ["decode", "encode"];
        const round = { cpu: { [s.id]: {} }, wall: { [s.id]: {} } };
        for (const kind of kinds) {
          const m = await s.call({ cmd: "measure", kind });
          round.cpu[s.id][kind] = m.cpu;
          round.wall[s.id][kind] = m.wall;
        }
        pass[s.id].push(round);
      }
    }
    return pass;
  } finally {
    for (const s of servers) s.child.disconnect?.();
  }
}

/** A child serving one contender over IPC: `call(msg)` sends a request and resolves with its reply. */
function server(shapeId, id) {
  const child = fork(worker, [JSON.stringify({ ...config, shape: shapeId, mode: "serve", ids: [id] })], { cwd: rootDir, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let pending;
  const failed = new Promise((_, reject) => {
    child.once("exit", (code, signal) => reject(new Error(`the serving child of ${id} (shape ${shapeId}) exited (${code ?? signal})`)));
  });
  failed.catch(() => {});
  const next = () =>
    Promise.race([
      new Promise((resolve) => {
        pending = resolve;
      }),
      failed,
    ]);
  child.on("message", (msg) => pending?.(msg));
  const ready = next();
  return {
    id,
    child,
    ready,
    call(msg) {
      const reply = next();
      child.send(msg);
      return reply;
    },
  };
}

// Round r of pass p of every contender forms one round: ratios to the baseline are taken there.
for (const shape of shapes) {
  const rounds = [];
  for (const pass of shape.passes) {
    for (let r = 0; r < config.rounds; r++) {
      const round = { cpu: {}, wall: {} };
      for (const id of ids) {
        round.cpu[id] = pass[id][r].cpu[id];
        round.wall[id] = pass[id][r].wall[id];
      }
      rounds.push(round);
    }
  }
  shape.rounds = rounds;
  shape.summary = aggregate(rounds.map((x) => x[config.clock]), ids, BASELINE);
  shape.wallSummary = aggregate(rounds.map((x) => x.wall), ids, BASELINE);
  shape.processes = shape.passes.map((_, p) => aggregate(rounds.slice(p * config.rounds, (p + 1) * config.rounds).map((x) => x[config.clock]), ids, BASELINE));
  delete shape.passes;
  results.shapes.push(shape);
}

if (memoryShape) {
  const t0 = Date.now();
  const byId = {};
  for (const id of ids) byId[id] = child(memoryShape, "memory", [id], ["--expose-gc", "--min-semi-space-size=256", "--max-semi-space-size=256"]).memory[id];
  results.memory = { shape: memoryShape, ids, byId };
  console.log(`bench: shape ${memoryShape} memory: ${ids.length} processes in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

results.env = {
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  node: process.versions.node,
  cpu: cpus()[0]?.model ?? "unknown CPU",
  cores: cpus().length,
  loadStart,
  loadEnd: loadavg()[0],
  versions: Object.fromEntries(["protobufjs", "protobufjs-cli", "@bufbuild/protobuf", "@bufbuild/protoc-gen-es", "protoc", "msgpackr", "avsc", "fast-xml-parser"].map((p) => [p, installedVersion(p)])),
  seconds: Math.round((Date.now() - started) / 1000),
};

console.log(consoleReport(results));
console.log(`\nbench: ${results.env.seconds} s in all; load average at start ${loadStart.toFixed(2)}, at end ${results.env.loadEnd.toFixed(2)}`);

writeOutputs(results, write);

/** Writes latest.json, the chart and the Markdown: to bench/results/ and docs/benchmarks.md, or to bench/.out/. */
function writeOutputs(results, write) {
  const dir = write ? resultsDir : outDir;
  mkdirSync(dir, { recursive: true });
  // Every round is kept, with four significant digits, one line per shape.
  const round4 = (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  const { shapes: shapeResults, ...rest } = results;
  const lines = shapeResults.map((sh) => JSON.stringify(sh, round4));
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(rest, round4).slice(0, -1)},"shapes":[\n${lines.join(",\n")}\n]}\n`);
  writeFileSync(join(dir, "ratios.svg"), svgChart(results));
  const docFile = join(rootDir, "docs", "benchmarks.md");
  const section = markdownResults(results, write ? relative(join(rootDir, "docs"), join(dir, "ratios.svg")) : "ratios.svg");
  if (write) {
    writeFileSync(docFile, spliceResults(existsSync(docFile) ? readFileSync(docFile, "utf8") : undefined, section));
    console.log(`bench: wrote docs/benchmarks.md and ${relative(rootDir, dir)}/{latest.json,ratios.svg}`);
  } else {
    writeFileSync(join(dir, "results.md"), `${section}\n`);
    console.log(`bench: wrote ${relative(rootDir, dir)}/{latest.json,ratios.svg,results.md} (docs/benchmarks.md is written by full runs only, or with BENCH_WRITE=1)`);
  }
}

/** Puts the generated section between the markers of docs/benchmarks.md, keeping the hand-written text around it. */
function spliceResults(doc, section) {
  const start = "<!-- bench:results:start (generated by npm run bench; edits inside are overwritten) -->";
  const end = "<!-- bench:results:end -->";
  const block = `${start}\n${section}\n${end}`;
  if (doc === undefined || !doc.includes(end)) return `# Benchmarks\n\nRun \`npm run bench\`.\n\n## Results\n\n${block}\n`;
  const i = doc.indexOf("<!-- bench:results:start");
  return doc.slice(0, i) + block + doc.slice(doc.indexOf(end) + end.length);
}
