// Where the benchmark finds things: the repository, the built protoforge, the generated code.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The benchmark's own folder (bench/). */
export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root. */
export const rootDir = join(benchDir, "..");
/** Code and descriptors generated at setup time (not committed). */
export const genDir = join(benchDir, ".gen");
/** Output of runs that do not update the committed results (quick runs). */
export const outDir = join(benchDir, ".out");
/** Committed results of the last full run: JSON and the SVG chart. */
export const resultsDir = join(benchDir, "results");
/** The .proto file with the four shapes. */
export const protoFile = join(benchDir, "proto", "bench.proto");
/** The serialized FileDescriptorSet protoc makes from it. */
export const descriptorSetFile = join(genDir, "bench.binpb");
/** protoforge as built by `npx tsc -p .` (dist/src). */
export const protoforgeBuild = join(rootDir, "dist", "src");
/**
 * The copy of that build the benchmark runs (made at setup): other work may rebuild dist/ while a
 * run is under way, and a child process must not load half-written modules.
 */
export const protoforgeDist = join(genDir, "protoforge-dist", "src");
