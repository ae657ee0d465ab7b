// Copies the standard .proto files protoc installs (google/protobuf/*.proto, compiler/plugin.proto,
// the *_features.proto files) from the protoc package's include/ directory into protoforge's own
// include/, which the package ships and the CLI uses as its default proto path.
// Usage: node scripts/sync-include.mjs [--check] [--from DIR] [--to DIR]
//   --check  compare instead of copying: exit 1, listing every difference, when they differ.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const from = option("--from", join(root, "node_modules/protoc/include"));
const to = option("--to", join(root, "include"));
const check = args.includes("--check");

/** Every file under `dir`, as sorted paths relative to it. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

const source = listFiles(from);
if (source.length === 0) {
  console.error(`${from}: no files to copy from (is the protoc package installed?)`);
  process.exit(2);
}

if (!check) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  console.log(`copied ${source.length} files from ${relative(root, from) || from} to ${relative(root, to) || to}`);
  process.exit(0);
}

const target = listFiles(to);
const problems = [];
for (const f of source) {
  if (!target.includes(f)) problems.push(`missing: ${f}`);
  else if (!readFileSync(join(from, f)).equals(readFileSync(join(to, f)))) problems.push(`differs: ${f}`);
}
for (const f of target) if (!source.includes(f)) problems.push(`extra: ${f}`);
if (problems.length > 0) {
  console.error(`${to} is out of date with ${from} (run node scripts/sync-include.mjs):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`${target.length} files match`);
