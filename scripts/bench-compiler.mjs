#!/usr/bin/env node
// Times protoforge's compiler against protoc on the corpus of scripts/compat-protoc.mjs, both
// writing the FileDescriptorSet of `--include_imports --descriptor_set_out`, without and with
// --include_source_info, single-threaded (one compilation at a time, protoc and protoforge
// alternating file by file so that load on the machine hits both alike).
//
//   per file   each file compiled on its own. protoc: one process per file (wall time, from a
//              small helper process). protoforge: one compile() call per file in this warm
//              process (serializing and writing the set included; nothing kept between calls).
//   cli        a sample of the files with protoforge's CLI as a fresh `node` process each, next
//              to protoc on the same files: what running the command once costs, Node start-up
//              included.
//   batch      the files of one directory in one invocation (protoc with all of them on the
//              command line, protoforge one compile() with all of them); directories that either
//              rejects (files that conflict when compiled together) are skipped.
//
// Nothing is cached: protoc runs every time and its output is compared with protoforge's.
// Build first (npx tsc -p .). Usage:
//   node scripts/bench-compiler.mjs [--filter SUBSTRING] [--limit N] [--every N] [--runs N] [--warmup N]
//     [--only per-file|cli|batch] [--source-info off|on|both] [--cli-sample N] [--top N] [--progress]
// --limit applies to each corpus set; --every N times every Nth file of the per-file measurement
// (batches keep all directories); --runs N times everything N times and keeps the fastest.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { corpusSets, protoc, protocVersion, root, selectFiles } from "./lib/corpus.mjs";
import { processTimer } from "./lib/process-timer.mjs";
import { printMeasurement } from "./lib/bench-report.mjs";

const { compile } = await import(join(root, "dist/src/compiler/compile.js"));
const { toBinary } = await import(join(root, "dist/src/codec/binary/to-binary.js"));
const { bootDescriptorFile } = await import(join(root, "dist/src/reflect/boot/boot.js"));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const filter = opt("--filter");
const limit = Number(opt("--limit", Infinity));
const every = Number(opt("--every", 1));
const runs = Number(opt("--runs", 1));
const warmup = Number(opt("--warmup", 40));
const only = opt("--only");
const sourceModes = { off: [false], on: [true], both: [false, true] }[opt("--source-info", "both")];
const cliSample = Number(opt("--cli-sample", 30));
const top = Number(opt("--top", 8));
const progress = process.stderr.isTTY || args.includes("--progress");
const groups = [{ label: "google/ads/googleads", test: (n) => n.includes(": google/ads/googleads/") }];

const work = mkdtempSync(join(tmpdir(), "protoforge-bench-"));
const protocOut = join(work, "protoc.pb");
const oursOut = join(work, "protoforge.pb");
const cliOut = join(work, "cli.pb");
const timer = processTimer();
const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet");
const sets = corpusSets().map((set) => ({ ...set, files: selectFiles(set, filter, limit) }));

/** protoforge: one compile() call, the set serialized and written as protoc writes it. */
function ours(set, files, sourceInfo) {
  const t = performance.now();
  const r = compile({ files, includePaths: set.roots, includeSourceInfo: sourceInfo });
  let bytes;
  if (r.ok) {
    bytes = toBinary(setDesc, { $typeName: "google.protobuf.FileDescriptorSet", file: r.files });
    writeFileSync(oursOut, bytes);
  }
  return { ms: performance.now() - t, ok: r.ok, bytes };
}

const outArgs = (set, out, sourceInfo) => [...set.roots.map((r) => "-I" + r), "--include_imports", "--descriptor_set_out=" + out, ...(sourceInfo ? ["--include_source_info"] : [])];

/** protoc: one process. */
async function theirs(set, files, sourceInfo) {
  const r = await timer.run(protoc, [...outArgs(set, protocOut, sourceInfo), ...files], work);
  return { ms: r.ms, ok: r.status === 0, bytes: r.status === 0 ? readFileSync(protocOut) : undefined };
}

/** protoforge's CLI as a fresh process. */
async function cli(set, files, sourceInfo) {
  const r = await timer.run(process.execPath, [join(root, "dist/src/cli/main.js"), ...outArgs(set, cliOut, sourceInfo), ...files], work);
  return { ms: r.ms, ok: r.status === 0, bytes: r.status === 0 ? readFileSync(cliOut) : undefined };
}

/**
 * Times `a` and `b` on each job (alternating, `runs` times, the fastest kept). Returns the samples
 * of the jobs both accept (and, when `needOk`, only those), with counts of agreement.
 */
async function measure(jobs, a, b, sourceInfo, needOk) {
  const samples = [];
  const tally = { jobs: jobs.length, bothOk: 0, identical: 0, bothRejected: 0, disagree: 0 };
  for (const [n, job] of jobs.entries()) {
    if (progress && n % 250 === 0) process.stderr.write(`  ${n}/${jobs.length}\r`);
    let ta, tb;
    for (let i = 0; i < runs; i++) {
      const x = await a(job.set, job.files, sourceInfo);
      const y = await b(job.set, job.files, sourceInfo);
      if (ta === undefined || x.ms < ta.ms) ta = x;
      if (tb === undefined || y.ms < tb.ms) tb = y;
    }
    if (ta.ok && tb.ok) {
      tally.bothOk++;
      if (Buffer.compare(Buffer.from(ta.bytes), Buffer.from(tb.bytes)) === 0) tally.identical++;
    } else if (!ta.ok && !tb.ok) tally.bothRejected++;
    else tally.disagree++;
    if (needOk && !(ta.ok && tb.ok)) continue;
    samples.push({ name: job.name, protocMs: ta.ms, oursMs: tb.ms });
  }
  return { samples, tally };
}

const tallyText = (t, unit) =>
  `  ${t.jobs} ${unit}: both accept ${t.bothOk} (identical output ${t.identical}), both reject ${t.bothRejected}, only one accepts ${t.disagree}`;

/** `n` items spread evenly over `items`. */
const spread = (items, n) => (items.length <= n ? items : Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]));

const fileJobs = sets.flatMap((set) => set.files.map((f) => ({ set, files: [f], name: `${set.name}: ${f}` }))).filter((_, i) => i % every === 0);
const dirJobs = sets.flatMap((set) => {
  const byDir = new Map();
  for (const f of set.files) byDir.set(dirname(f), [...(byDir.get(dirname(f)) ?? []), f]);
  return [...byDir].map(([dir, files]) => ({ set, files, name: `${set.name}: ${dir}/ (${files.length})` }));
});

console.log(`protoc ${protocVersion()}, node ${process.version}; ${fileJobs.length} files (every ${every}) and ${dirJobs.length} directories; runs ${runs}`);
for (const job of spread(fileJobs, warmup)) for (const si of sourceModes) ours(job.set, job.files, si);


for (const si of sourceModes) {
  const mode = si ? "with source info" : "without source info";
  if (only === undefined || only === "per-file") {
    const m = await measure(fileJobs, theirs, ours, si, false);
    printMeasurement(`per file, ${mode}: protoc process vs protoforge compile() in a warm process`, m.samples, groups, top, "files");
    console.log(tallyText(m.tally, "files"));
  }
  if (only === undefined || only === "cli") {
    const m = await measure(spread(fileJobs, cliSample), theirs, cli, si, false);
    printMeasurement(`per file, ${mode}, sample: protoc process vs protoforge CLI process`, m.samples, groups, top, "files");
    console.log(tallyText(m.tally, "files"));
  }
  if (only === undefined || only === "batch") {
    const m = await measure(dirJobs, theirs, ours, si, true);
    printMeasurement(`batches, ${mode}: one directory per protoc process / per compile() call`, m.samples, groups, top, "dirs");
    console.log(tallyText(m.tally, "directories") + "; only directories both accept are timed");
  }
}
timer.close();
rmSync(work, { recursive: true, force: true });
