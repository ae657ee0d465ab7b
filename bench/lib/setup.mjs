// Bench setup: generates, from bench/proto/bench.proto, into bench/.gen/ (not committed):
//   bench.binpb         FileDescriptorSet made by protoc (protoforge loads it at run time)
//   es/bench_pb.js      @bufbuild/protobuf v2 code from protoc-gen-es, run by real protoc
//   pbjs/bench.js       protobufjs static code (pbjs -t static-module -w es6) and its .d.ts (pbts)
//   protoforge-dist/src     a copy of the built protoforge (dist/src), which the benchmark runs
//   protoforge/bench_pb.js  protoforge generated code (protoc-gen-protoforge, target=js+dts)
// A stamp of the inputs (the .proto, this file, the tool versions) skips the work when nothing
// changed; protoforge's copy and generated code are made on every run, from the current build.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, relative } from "node:path";
import { descriptorSetFile, genDir, protoFile, protoforgeBuild, protoforgeDist, rootDir } from "./paths.mjs";

const modules = join(rootDir, "node_modules");
const tools = ["protoc", "protobufjs", "protobufjs-cli", "@bufbuild/protobuf", "@bufbuild/protoc-gen-es"];

/** Installed version of a package, read from its package.json. */
export function installedVersion(name) {
  return JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;
}

function stamp() {
  const h = createHash("sha256");
  h.update(readFileSync(protoFile));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const t of tools) h.update(`${t}@${installedVersion(t)}\n`);
  return h.digest("hex");
}

function run(file, args) {
  execFileSync(file, args, { cwd: rootDir, stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * Copies the built protoforge and checks that the copy loads (a build by other work may have been
 * half-way when copied: then it tries again), then generates protoforge's code for the shapes.
 */
function snapshotProtoforge() {
  if (!existsSync(join(protoforgeBuild, "index.js"))) throw new Error("protoforge is not built: run `npx tsc -p .` (npm run bench does)");
  for (let attempt = 1; ; attempt++) {
    rmSync(join(protoforgeDist, ".."), { recursive: true, force: true });
    cpSync(protoforgeBuild, protoforgeDist, { recursive: true });
    const probe = `await import(${JSON.stringify(pathToFileURL(join(protoforgeDist, "index.js")).href)}); await import(${JSON.stringify(pathToFileURL(join(protoforgeDist, "codegen", "runtime.js")).href)});`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
    if (r.status === 0) break;
    if (attempt === 5) throw new Error(`the copy of dist/src does not load:\n${r.stderr}`);
    execFileSync("sleep", ["3"]);
  }
  generateProtoforge();
}

/** Generates protoforge's code for the shapes with protoc-gen-protoforge, importing the runtime from the copy. */
function generateProtoforge() {
  const out = join(genDir, "protoforge");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run(process.execPath, [
    join(modules, "protoc", "protoc.cjs"),
    `-I${join(rootDir, "bench", "proto")}`,
    `--plugin=protoc-gen-protoforge=${join(rootDir, "bin", "protoc-gen-protoforge")}`,
    `--protoforge_out=${out}`,
    `--protoforge_opt=target=js+dts,runtime_import=${relative(out, join(protoforgeDist, "codegen", "runtime.js"))}`,
    "bench.proto",
  ]);
}

/** Generates bench/.gen/ unless it is up to date; returns true when it generated the other libraries' code. */
export function setup({ force = false, log = console.log } = {}) {
  const stampFile = join(genDir, "stamp");
  const want = stamp();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, "utf8") === want) {
    snapshotProtoforge();
    return false;
  }
  rmSync(genDir, { recursive: true, force: true });
  mkdirSync(join(genDir, "es"), { recursive: true });
  mkdirSync(join(genDir, "pbjs"), { recursive: true });
  const protoDir = join(rootDir, "bench", "proto");
  const protoc = join(modules, "protoc", "protoc.cjs");
  const t0 = performance.now();

  log("setup: protoc --descriptor_set_out");
  run(process.execPath, [protoc, `-I${protoDir}`, "--include_imports", `--descriptor_set_out=${descriptorSetFile}`, "bench.proto"]);

  log("setup: protoc --es_out (protoc-gen-es)");
  run(process.execPath, [
    protoc,
    `-I${protoDir}`,
    `--plugin=protoc-gen-es=${join(modules, ".bin", "protoc-gen-es")}`,
    `--es_out=${join(genDir, "es")}`,
    "--es_opt=target=js+dts,import_extension=js",
    "bench.proto",
  ]);

  log("setup: pbjs -t static-module -w es6, pbts");
  const pbjsOut = join(genDir, "pbjs", "bench.js");
  // The es6 wrapper imports "protobufjs/minimal", which Node's ESM resolver cannot find without the extension.
  run(process.execPath, [join(modules, "protobufjs-cli", "bin", "pbjs"), "-t", "static-module", "-w", "es6", "--dependency", "protobufjs/minimal.js", "-o", pbjsOut, protoFile]);
  run(process.execPath, [join(modules, "protobufjs-cli", "bin", "pbts"), "-o", join(genDir, "pbjs", "bench.d.ts"), pbjsOut]);

  log("setup: copy of dist/src, protoc --protoforge_out (protoc-gen-protoforge)");
  snapshotProtoforge();
  writeFileSync(stampFile, want);
  log(`setup: generated bench/.gen in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup({ force: process.argv.includes("--force") });
