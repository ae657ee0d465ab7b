#!/usr/bin/env node
// Compares protoforge's compiler with protoc, one file at a time, over every .proto file of
// google-proto-files (include roots: the corpus, its google/protobuf/compiler/ruby directory and
// protoc's include/), protoc's bundled includes and the conformance protos. Each file's
// FileDescriptorSet (--include_imports) is compared byte for byte, without and with
// --include_source_info; files protoc rejects must be rejected too. Prints counts and, for each
// differing file, the first differing field path.
//
// Build first (npx tsc -p .). Usage:
//   node scripts/compat-protoc.mjs [--filter SUBSTRING] [--limit N] [--jobs N] [--no-cache] [--errors]
// protoc's outputs are cached under $TMPDIR/protoforge-compat-<protoc version>.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { corpusSets, protoc, protocVersion, root, selectFiles } from "./lib/corpus.mjs";

const { compile } = await import(join(root, "dist/src/compiler/compile.js"));
const { toBinary } = await import(join(root, "dist/src/codec/binary/to-binary.js"));
const { bootDescriptorFile } = await import(join(root, "dist/src/reflect/boot/boot.js"));
const { firstDifference } = await import(join(root, "scripts/compiler-wire-diff.mjs"));
const { formatDiagnostic } = await import(join(root, "dist/src/compiler/diagnostic.js"));

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const filter = opt("--filter");
const limit = Number(opt("--limit") ?? Infinity);
const jobs = Number(opt("--jobs") ?? cpus().length);
const useCache = !args.includes("--no-cache");

const cacheDir = join(tmpdir(), `protoforge-compat-${protocVersion()}`);
mkdirSync(cacheDir, { recursive: true });

const sets = corpusSets();

/** protoc's result for one file and mode: { ok, bytes?, stderr }, cached on disk. */
function runProtoc(set, file, sourceInfo) {
  const key = createHash("sha1").update(JSON.stringify([set.roots, file, sourceInfo])).digest("hex");
  const cached = join(cacheDir, key);
  if (useCache && existsSync(cached + ".json")) {
    const meta = JSON.parse(readFileSync(cached + ".json", "utf8"));
    return Promise.resolve({ ...meta, bytes: meta.ok ? readFileSync(cached + ".pb") : undefined });
  }
  return new Promise((resolve) => {
    const out = cached + ".pb";
    const argv = [...set.roots.map((r) => "-I" + r), "--include_imports", "--descriptor_set_out=" + out, ...(sourceInfo ? ["--include_source_info"] : []), file];
    const p = spawn(protoc, argv, { cwd: tmpdir() });
    let stderr = "";
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => {
      const meta = { ok: code === 0, stderr };
      writeFileSync(cached + ".json", JSON.stringify(meta));
      resolve({ ...meta, bytes: meta.ok ? readFileSync(out) : undefined });
    });
  });
}

const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet");

/** protoforge's result for one file and mode. */
function runOurs(set, file, sourceInfo) {
  const r = compile({ files: [file], includePaths: set.roots, includeSourceInfo: sourceInfo });
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics };
  return { ok: true, diagnostics: r.diagnostics, bytes: toBinary(setDesc, { $typeName: "google.protobuf.FileDescriptorSet", file: r.files }) };
}

/** Runs `fn` over items with at most `n` in flight. */
async function pool(items, n, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

const totals = { files: 0, protocOk: 0, protocRejected: 0 };
const modes = [
  { name: "without source info", sourceInfo: false },
  { name: "with source info", sourceInfo: true },
];
const counts = modes.map(() => ({ identical: 0, sameWarnings: 0, different: 0, bothRejected: 0, sameErrors: 0, weReject: 0, weAccept: 0 }));

/** The disk path protoc prints for a virtual file name (the first include root holding it). */
function diskPath(set, name) {
  for (const r of set.roots) if (existsSync(join(r, name))) return join(r, name);
  return name;
}
const report = [];
const t0 = performance.now();
let oursMs = 0;

for (const set of sets) {
  const files = selectFiles(set, filter, limit);
  // In chunks: protoc in parallel (or from the cache), then our compiler in this process.
  for (let at = 0; at < files.length; at += 64) {
    const chunk = files.slice(at, at + 64);
    const theirs = new Map();
    await pool(chunk.flatMap((f) => modes.map((m) => [f, m])), jobs, async ([f, m]) => {
      theirs.set(`${f}\0${m.sourceInfo}`, await runProtoc(set, f, m.sourceInfo));
    });
    for (const file of chunk) compareFile(set, file, theirs);
  }
}

function compareFile(set, file, theirs) {
  totals.files++;
  modes.forEach((mode, mi) => {
    const t = theirs.get(`${file}\0${mode.sourceInfo}`);
    if (mi === 0) t.ok ? totals.protocOk++ : totals.protocRejected++;
    const s = performance.now();
    let o;
    try {
      o = runOurs(set, file, mode.sourceInfo);
    } catch (e) {
      o = { ok: false, crash: e };
    }
    oursMs += performance.now() - s;
    const c = counts[mi];
    const where = `${set.name}: ${file} (${mode.name})`;
    if (!t.ok && !o.ok) {
      c.bothRejected++;
      const ourText = o.crash !== undefined ? String(o.crash) : o.diagnostics.map((d) => formatDiagnostic({ ...d, file: diskPath(set, d.file) })).join("\n");
      if (ourText.trim() === t.stderr.trim()) c.sameErrors++;
      else report.push(`${where}: both reject, different errors\n  protoc: ${t.stderr.trim().split("\n").join("\n          ")}\n  ours:   ${ourText.split("\n").join("\n          ")}`);
    } else if (!t.ok) {
      c.weAccept++;
      report.push(`${where}: protoc rejects, we accept: ${t.stderr.trim().split("\n")[0]}`);
    } else if (!o.ok) {
      c.weReject++;
      const why = o.crash !== undefined ? `crash: ${o.crash.stack?.split("\n").slice(0, 3).join(" | ")}` : o.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line + 1}:${d.column + 1}: ${d.message}`)[0];
      report.push(`${where}: we reject: ${why}`);
    } else if (Buffer.compare(Buffer.from(o.bytes), t.bytes) === 0) {
      c.identical++;
      const ourText = o.diagnostics.map((d) => formatDiagnostic({ ...d, file: diskPath(set, d.file) })).join("\n");
      // protoc reports unused imports in hash-set order, which varies between runs: compare as sets.
      const sorted = (x) => x.trim().split("\n").sort().join("\n");
      if (sorted(ourText) === sorted(t.stderr)) c.sameWarnings++;
      else if (mi === 0) report.push(`${where}: warnings differ\n  protoc: ${t.stderr.trim().split("\n").join("\n          ")}\n  ours:   ${ourText.split("\n").join("\n          ")}`);
    } else {
      c.different++;
      report.push(`${where}: ${firstDifference(o.bytes, t.bytes)}`);
    }
  });
}

for (const line of report) console.log(line);
console.log(`\n${totals.files} files; protoc accepts ${totals.protocOk}, rejects ${totals.protocRejected}`);
modes.forEach((m, i) => {
  const c = counts[i];
  console.log(
    `${m.name}: identical ${c.identical}/${totals.protocOk} (same warnings ${c.sameWarnings}), different ${c.different}, we reject ${c.weReject}, we accept what protoc rejects ${c.weAccept}, both reject ${c.bothRejected} (same errors ${c.sameErrors})`,
  );
});
console.log(`time ${((performance.now() - t0) / 1000).toFixed(1)} s (protoforge ${(oursMs / 1000).toFixed(1)} s)`);
process.exitCode = counts.every((c) => c.different === 0 && c.weReject === 0 && c.weAccept === 0) ? 0 : 1;
