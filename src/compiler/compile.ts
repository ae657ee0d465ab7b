/**
 * Stage 6, the compiler's API: .proto files to FileDescriptorProtos as `protoc
 * --include_imports --descriptor_set_out` writes them, with protoc's diagnostics.
 *
 * Files are found by virtual path under `includePaths` (like protoc's -I) or through `readFile`.
 * Each input is loaded with everything it imports (each file parsed and built once, imports
 * first; a failed file is not retried); like protoc, the first input that fails stops the run.
 * The result lists files in protoc's descriptor set order: for each input, its imports
 * (transitively, depth first, when `includeImports`) and then the input itself.
 */
import { existsSync } from "node:fs";
import type { Diagnostic } from "./diagnostic.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import { parse } from "./parser.js";
import { lowerFile } from "./lower/lower.js";
import { SourceLocationTable } from "./lower/locations.js";
import { DeferredOptionLocations } from "./lower/option-locations.js";
import { buildFile, editionName, type BuildEnv } from "./link/build-file.js";
import { Edition, type FileDesc } from "./link/model.js";
import { Pool } from "./link/pool.js";
import { CallbackSourceTree, DiskSourceTree, type SourceTree } from "./source-tree.js";
import { outputFile } from "./output/output.js";
import { checkInputs } from "./validate/cli-checks.js";
import { validateLifetimes } from "./options/lifetimes.js";

/** What to compile and how. */
export interface CompileOptions {
  /** The files to compile: virtual paths, or (with includePaths) disk paths under an include path. */
  readonly files: readonly string[];
  /** Directories to look files up in, in order (protoc's -I / --proto_path). */
  readonly includePaths?: readonly string[];
  /** Reads a file by virtual path (used instead of includePaths); undefined when it does not exist. */
  readonly readFile?: (virtualPath: string) => Uint8Array | string | undefined;
  /** Include imported files in the result (protoc's --include_imports). Default true. */
  readonly includeImports?: boolean;
  /** Include SourceCodeInfo (protoc's --include_source_info). Default false. */
  readonly includeSourceInfo?: boolean;
  /** Keep options with retention = RETENTION_SOURCE (protoc's --retain_options). Default false. */
  readonly retainOptions?: boolean;
  /**
   * Files already compiled (protoc's --descriptor_set_in): a file that is not in the source tree
   * is looked up here by virtual path, and built from its descriptor as it is, as protoc's
   * SourceTreeDescriptorDatabase falls back to the descriptor sets.
   */
  readonly fallback?: (virtualPath: string) => FileDescriptorProto | undefined;
}

/** The result of a compilation. */
export interface CompileResult {
  /** The descriptor set's files, in protoc's order; empty when there were errors. */
  readonly files: FileDescriptorProto[];
  /** Errors and warnings in protoc's order (positions 0-based, file names virtual). */
  readonly diagnostics: Diagnostic[];
  /** True when there was no error. */
  readonly ok: boolean;
}

/** Compiles .proto files as protoc does. An internal failure is reported as an error diagnostic, never thrown. */
export function compile(options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  try {
    return compileFiles(options, diagnostics);
  } catch (e) {
    const message = `internal compiler error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    diagnostics.push({ file: options.files[0] ?? "", line: -1, column: 0, message, severity: "error" });
    return { files: [], diagnostics, ok: false };
  }
}

function compileFiles(options: CompileOptions, diagnostics: Diagnostic[]): CompileResult {
  const tree: SourceTree =
    options.readFile !== undefined ? new CallbackSourceTree(options.readFile) : new DiskSourceTree(options.includePaths ?? []);
  if (options.readFile === undefined) {
    for (const dir of options.includePaths ?? []) {
      if (!existsSync(dir)) diagnostics.push({ file: dir, line: -1, column: 0, message: "directory does not exist.", severity: "warning" });
    }
  }
  const inputs: string[] = [];
  for (const f of options.files) {
    const v = tree.toVirtual(f);
    if ("error" in v) {
      diagnostics.push({ file: f, line: -1, column: 0, message: v.error, severity: "error" });
      return { files: [], diagnostics, ok: false };
    }
    inputs.push(v.path);
  }
  const pool = new Pool();
  const knownBad = new Set<string>();
  const env: BuildEnv = {
    pool,
    diagnostics,
    directInputs: new Set(inputs),
    load: (name) => load(name),
    deferred: [],
  };
  const load = (name: string): FileDesc | undefined => {
    if (knownBad.has(name)) return undefined;
    const file = loadFile(env, tree, name, options.includeSourceInfo ?? false, options.fallback);
    if (file === undefined) knownBad.add(name);
    return file;
  };
  const parsed: FileDesc[] = [];
  for (const name of inputs) {
    knownBad.clear();
    let file = pool.files.get(name);
    if (file === undefined) {
      file = load(name);
      if (!validateLifetimes(pool, env.deferred, env.directInputs, diagnostics)) file = undefined;
    }
    if (file === undefined) return { files: [], diagnostics, ok: false };
    parsed.push(file);
  }
  checkInputs(pool, parsed, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { files: [], diagnostics, ok: false };
  const unsupported = parsed.find((f) => f.edition > Edition.E2026 && !canSkipEditionCheck(f.name));
  if (unsupported !== undefined) {
    const message = `is a file using edition ${editionName(unsupported.edition)}, which is later than the protoc maximum supported edition 2026.`;
    diagnostics.push({ file: unsupported.name, line: -1, column: 0, message, severity: "error" });
    return { files: [], diagnostics, ok: false };
  }
  const files: FileDescriptorProto[] = [];
  const seen = new Set<FileDesc>();
  if (options.includeImports === false) {
    for (const f of parsed) for (const d of f.dependencies) if (d !== undefined && !parsed.includes(d)) seen.add(d);
  }
  const visit = (f: FileDesc): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const d of f.dependencies) if (d !== undefined) visit(d);
    for (const name of f.optionDependencies) {
      const d = pool.files.get(name);
      if (d !== undefined) visit(d);
    }
    files.push(outputFile(pool, f, options.includeSourceInfo ?? false, options.retainOptions ?? false));
  };
  for (const f of parsed) visit(f);
  return { files, diagnostics, ok: true };
}

/** Files protoc exempts from its edition support check (protoc's CanSkipEditionCheck). */
function canSkipEditionCheck(name: string): boolean {
  return ["google/protobuf/", "upb/", "com/google/protobuf/", "conformance/test_protos/", "test_messages_edition_unstable"].some((p) => name.startsWith(p));
}

/** protoc's SourceTreeDescriptorDatabase::FindFileByName (the source tree, then the fallback) followed by BuildFile. */
function loadFile(env: BuildEnv, tree: SourceTree, name: string, sourceInfo: boolean, fallback: CompileOptions["fallback"]): FileDesc | undefined {
  const opened = tree.open(name);
  if ("error" in opened) {
    const proto = fallback?.(name);
    // A file from a descriptor set has no source positions: an empty table of its own.
    if (proto !== undefined) return buildFile(env, proto, new SourceLocationTable());
    env.diagnostics.push({ file: name, line: -1, column: 0, message: opened.error, severity: "error" });
    return undefined;
  }
  const r = parse(opened.bytes, { fileName: name });
  env.diagnostics.push(...r.diagnostics);
  if (!r.ok) return undefined;
  const table = new SourceLocationTable();
  const optionLocations = sourceInfo ? new DeferredOptionLocations(r.ast.tokens) : undefined;
  const proto = lowerFile(r.ast, name, table, sourceInfo, optionLocations);
  return buildFile(env, proto, table, optionLocations);
}
