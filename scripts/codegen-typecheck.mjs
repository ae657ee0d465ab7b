// Generates TypeScript with protoc and protoc-gen-protoforge for every .proto file of the
// google-proto-files package and the well-known types, then type-checks the output with
// `tsc --strict --noEmit` (plus the other strictness flags users turn on). Run after `npm run build`:
//   node scripts/codegen-typecheck.mjs              every file (a few minutes)
//   node scripts/codegen-typecheck.mjs --sample 100 about 100 files, spread over the corpus
//   add --json for a machine-readable summary on stdout; --keep keeps the output in .tmp/
// Exits 1 when the plugin fails on a file protoc accepts (other than declining an edition it does
// not support), or tsc reports an error.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const protoc = join(root, "node_modules/protoc/bin/protoc-linux-x86_64");
const plugin = join(root, "bin/protoc-gen-protoforge");
const tsc = join(root, "node_modules/.bin/tsc");
const wktRoot = join(root, "node_modules/protoc/include");
const corpusRoot = join(root, "node_modules/google-proto-files");
const argv = process.argv.slice(2);
const sampleArg = argv.indexOf("--sample");
const sample = sampleArg >= 0 ? Number(argv[sampleArg + 1]) : 0;
const json = argv.includes("--json");
const keep = argv.includes("--keep");
const log = (s) => (json ? process.stderr : process.stdout).write(s + "\n");

/** The .proto files under `dir`, as paths relative to `base`, sorted. */
function protos(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? protos(join(dir, e.name), base) : e.name.endsWith(".proto") ? [relative(base, join(dir, e.name))] : []))
    .sort();
}

const wkt = protos(join(wktRoot, "google"), wktRoot);
const wktSet = new Set(wkt);
// Files of the corpus that protoc's include directory shadows are generated from protoc's copy.
let files = [...wkt, ...["google", "grafeas"].flatMap((d) => protos(join(corpusRoot, d), corpusRoot)).filter((f) => !wktSet.has(f))];
const total = files.length;
const work = join(root, sample > 0 ? ".tmp/codegen-typecheck-sample" : ".tmp/codegen-typecheck");
const out = join(work, "gen");
rmSync(work, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let sampled = 0;
if (sample > 0) {
  // Files spread evenly over the corpus, plus everything they import (their modules must exist).
  const step = files.length / sample;
  const picked = Array.from({ length: Math.min(sample, files.length) }, (_, i) => files[Math.floor(i * step)]);
  sampled = picked.length;
  const set = join(work, "sample.binpb");
  const res = spawnSync(protoc, [`-I${wktRoot}`, `-I${corpusRoot}`, "--include_imports", `--descriptor_set_out=${set}`, ...picked], { cwd: work, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`protoc rejected the sample: ${res.stderr}`);
  const { decodeFileDescriptorSet } = await import("../dist/src/descriptor-set.js");
  files = decodeFileDescriptorSet(new Uint8Array(readFileSync(set))).file.map((f) => f.name).sort();
}

/** Runs protoc with the plugin on some files; returns its exit status and stderr. */
function generate(batch) {
  const res = spawnSync(protoc, [`-I${wktRoot}`, `-I${corpusRoot}`, `--plugin=protoc-gen-protoforge=${plugin}`, `--protoforge_out=${out}`, ...batch], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return { ok: res.status === 0, stderr: res.stderr ?? "" };
}

const protocRejected = []; // protoc itself rejects the file (or an import): not ours
const refused = []; // the plugin declines the file by design (an edition it does not support)
const pluginFailed = []; // the plugin reported an error
let generatedFiles = 0;
const started = Date.now();
const batchSize = 250;
for (let i = 0; i < files.length; i += batchSize) {
  const batch = files.slice(i, i + batchSize);
  if (generate(batch).ok) {
    generatedFiles += batch.length;
    continue;
  }
  // Some file of the batch fails: find which, one by one.
  for (const f of batch) {
    const r = generate([f]);
    if (r.ok) generatedFiles++;
    else if (/--protoforge_out: .*does not support edition/.test(r.stderr)) refused.push({ file: f, error: r.stderr.trim().split("\n")[0] });
    else if (r.stderr.includes("--protoforge_out:")) pluginFailed.push({ file: f, error: r.stderr.trim().split("\n").slice(0, 3).join(" | ") });
    else protocRejected.push({ file: f, error: r.stderr.trim().split("\n")[0] });
  }
}
const generateSeconds = (Date.now() - started) / 1000;
log(`generated ${generatedFiles} of ${files.length} files (${sample > 0 ? `a sample of ${sampled} and their imports; ` : ""}corpus: ${total}) in ${generateSeconds.toFixed(1)} s; protoc rejected ${protocRejected.length}, the plugin refused ${refused.length} (unsupported edition) and failed on ${pluginFailed.length}`);
for (const p of pluginFailed.slice(0, 20)) log(`  plugin: ${p.file}: ${p.error}`);

writeFileSync(
  join(work, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        types: [],
        skipLibCheck: false,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        noImplicitOverride: true,
        noPropertyAccessFromIndexSignature: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
      },
      include: ["gen/**/*.ts"],
    },
    null,
    2,
  ),
);
const tsStarted = Date.now();
const check = spawnSync(tsc, ["-p", join(work, "tsconfig.json")], { cwd: work, encoding: "utf8", maxBuffer: 1 << 28 });
const tscSeconds = (Date.now() - tsStarted) / 1000;
const errorLines = (check.stdout + check.stderr).split("\n").filter((l) => /error TS\d+/.test(l));
const tsFiles = (function count(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : e.name.endsWith(".ts") ? 1 : 0), 0);
})(out);
log(`tsc --strict --noEmit: ${tsFiles} modules, ${errorLines.length} errors in ${tscSeconds.toFixed(1)} s (exit ${check.status})`);
for (const l of errorLines.slice(0, 20)) log(`  ${l}`);
if (check.status !== 0 && errorLines.length === 0) log((check.stdout + check.stderr).slice(0, 2000));

const summary = {
  corpus: total,
  sampled,
  files: files.length,
  generated: generatedFiles,
  protocRejected: protocRejected.length,
  refused: refused.length,
  pluginFailed: pluginFailed.length,
  modules: tsFiles,
  tscErrors: errorLines.length,
  tscExit: check.status,
  generateSeconds,
  tscSeconds,
  protocRejectedFiles: protocRejected.map((p) => `${p.file}: ${p.error}`),
  refusedFiles: refused.map((p) => `${p.file}: ${p.error}`),
  pluginFailures: pluginFailed.map((p) => `${p.file}: ${p.error}`),
  tscErrorSample: errorLines.slice(0, 20),
};
if (json) process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
if (!keep) rmSync(work, { recursive: true, force: true });
process.exitCode = pluginFailed.length > 0 || check.status !== 0 ? 1 : 0;
