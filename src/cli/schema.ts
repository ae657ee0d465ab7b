import { compile } from "../compiler/compile.js";
import { PrebuiltFiles, type GeneratorRequestFiles } from "../compiler/prebuilt.js";
import type { DescriptorProto, FieldDescriptorProto, FileDescriptorProto } from "../reflect/descriptor-types.js";
import { protoCamelCase } from "../reflect/names.js";
import type { DescFile, DescMessage } from "../reflect/descriptors.js";
import type { Registry } from "../reflect/registry.js";
import { DescriptorPool, type FindFileProto } from "./descriptor-pool.js";
import { loadDescriptorSets, type FileDatabase, type ReadSetFile } from "./file-database.js";
import { formatDiagnostic } from "./diagnostics.js";
import { mapInputFiles } from "./input-files.js";
import type { CliOptions } from "./options.js";
import { nodeFileSystem, type DiskSourceTree, type SourceFileSystem } from "./source-tree.js";

/** The descriptors a command works with: the input files, and type lookup as protoc does it. */
export interface Schema {
  /** The input files, built, in command-line order. */
  readonly files: readonly DescFile[];
  /** The message type of this full name (protoc's FindMessageTypeByName: no leading dot). */
  findMessage(typeName: string): DescMessage | undefined;
  /** Where extensions are looked up when decoding, printing and parsing messages. */
  extensionRegistry(): Registry;
  /**
   * The files --descriptor_set_out writes, in protoc's order (with --include_imports, imports
   * first; --include_source_info and --retain_options applied). Only there when the command
   * writes descriptors or code.
   */
  readonly descriptorSet?: () => readonly FileDescriptorProto[];
  /** The files of a CodeGeneratorRequest, as protoc's plugin host builds them. Only there when the command writes descriptors or code. */
  readonly requestFiles?: () => RequestFiles;
  /**
   * The virtual paths of the inputs and everything they import, imports first (protoc's
   * GetTransitiveDependencies order), for --dependency_out; there when the inputs were compiled.
   */
  readonly dependencyFiles?: readonly string[];
  /** True when building the files printed warnings (which --fatal_warnings turns into exit code 1 at the end). */
  readonly foundWarnings?: boolean;
}

/** The descriptor parts of a CodeGeneratorRequest. */
export type RequestFiles = GeneratorRequestFiles;

/** A schema, or the exit code after the errors have been printed. */
export type SchemaResult = { readonly ok: true; readonly schema: Schema } | { readonly ok: false; readonly code: number };

/** How loadSchema prints and reads. */
export interface SchemaEnv {
  /** Prints one line to stderr. */
  error(line: string): void;
  readonly fs?: SourceFileSystem;
  readonly readSet?: ReadSetFile;
}

/**
 * The one place where the CLI gets descriptors.
 *
 * Follows protoc's Run(): reads the --descriptor_set_in sets; without --proto_path, every input
 * file and type comes from them; with --proto_path (`sourceTree`), input files are mapped to
 * virtual paths, and every file is looked up in the source tree first, then in the sets (protoc's
 * SourceTreeDescriptorDatabase with the sets as its fallback). When any file the inputs need is
 * in the source tree, the inputs are compiled, files of the sets built from their descriptors;
 * otherwise all come from the sets. Files from the sets are built again with the compiler's
 * linker when descriptors or code are written, as protoc writes built files.
 */
export function loadSchema(options: CliOptions, sourceTree: DiskSourceTree | undefined, env: SchemaEnv): SchemaResult {
  const fail = (line: string): SchemaResult => {
    env.error(line);
    return { ok: false, code: 1 };
  };
  let db: FileDatabase | undefined;
  if (options.descriptorSetIn.length > 0) {
    const loaded = loadDescriptorSets(options.descriptorSetIn, env.readSet);
    if (!loaded.ok) return fail(loaded.error);
    db = loaded.db;
  }
  const report = (file: string, message: string) => env.error(`${sourceTree ? sourceTree.diskPath(file) : file}: ${message}`);
  let inputs = options.inputFiles;
  let find: FindFileProto;
  if (!sourceTree) {
    for (const input of inputs) {
      const proto = db?.file(input);
      if (!proto) return fail(`Could not find file in descriptor database: ${input}: No such file or directory`);
      if (options.disallowServices && proto.service.length > 0) return fail(`${proto.name ?? ""}: This file contains services, but --disallow_services was used.`);
    }
    find = (name) => db?.file(name);
  } else {
    const mapped = mapInputFiles(inputs, sourceTree, env.fs ?? nodeFileSystem, (name) => db?.file(name) !== undefined);
    if (!mapped.ok) return fail(mapped.error);
    inputs = mapped.files;
    const fromSets = db;
    if (fromSets === undefined || needsSourceTree(inputs, sourceTree, fromSets)) return compileSchema(options, inputs, sourceTree, env, fromSets);
    // No file the inputs need is in the source tree (see needsSourceTree): all come from the sets.
    find = (name) => {
      const proto = fromSets.file(name);
      if (!proto) {
        const opened = sourceTree.open(name);
        report(name, opened.ok ? "File not found." : opened.error);
      }
      return proto;
    };
  }
  const pool = new DescriptorPool(find, report);
  const files: DescFile[] = [];
  for (const input of inputs) {
    const file = pool.buildFile(input);
    if (!file) return { ok: false, code: 1 };
    if (options.disallowServices && file.services.length > 0) return fail(`${file.name}: This file contains services, but --disallow_services was used.`);
    files.push(file);
  }
  const schema = poolSchema(pool, files, sourceTree ? undefined : db);
  if (options.outputs.length === 0 && options.descriptorSetOut === "") return { ok: true, schema };
  // Every file came from the descriptor sets (a file found in the source tree would have been compiled).
  // With a source tree, protoc checks the inputs' imports are used, as for files it compiles.
  const linked = PrebuiltFiles.build(inputs, (name) => db?.file(name), sourceTree !== undefined);
  for (const d of linked.diagnostics) env.error(formatDiagnostic(options.errorFormat, d.file, d.line + 1, d.column + 1, d.message, d.severity));
  if (!linked.files) return { ok: false, code: 1 };
  const built = linked.files;
  const writeOptions = { includeImports: options.includeImports, includeSourceInfo: options.includeSourceInfo, retainOptions: options.retainOptions };
  return {
    ok: true,
    schema: {
      ...schema,
      descriptorSet: () => built.files(writeOptions),
      requestFiles: () => built.requestFiles(),
      foundWarnings: linked.diagnostics.some((d) => d.severity === "warning"),
    },
  };
}

/**
 * True when a file the inputs need, directly or through the imports of files in the descriptor
 * sets, is in the source tree: protoc reads the source tree first, so such a file is compiled
 * from its .proto source (and the sets only fill in what the source tree does not have).
 */
function needsSourceTree(inputs: readonly string[], sourceTree: DiskSourceTree, db: FileDatabase): boolean {
  const seen = new Set<string>();
  const pending = [...inputs];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (sourceTree.open(name).ok) return true;
    pending.push(...(db.file(name)?.dependency ?? []));
  }
  return false;
}

/**
 * Compiles the input files from the source tree (protoc's SourceTreeDescriptorDatabase), printing
 * the diagnostics as protoc's ErrorPrinter does: virtual paths shown as the disk paths they are
 * read from, 1-based positions, in --error_format. Errors make the exit code 1; warnings only print.
 */
function compileSchema(options: CliOptions, inputs: readonly string[], sourceTree: DiskSourceTree, env: SchemaEnv, db: FileDatabase | undefined): SchemaResult {
  const fallback = db === undefined ? undefined : (name: string) => db.file(name);
  const result = compile({
    files: inputs,
    readFile: (name) => {
      const opened = sourceTree.open(name);
      return opened.ok ? opened.bytes : undefined;
    },
    ...(fallback ? { fallback } : {}),
    includeImports: true,
    includeSourceInfo: options.includeSourceInfo,
    retainOptions: options.retainOptions,
  });
  for (const d of result.diagnostics) {
    env.error(formatDiagnostic(options.errorFormat, sourceTree.diskPath(d.file), d.line + 1, d.column + 1, d.message, d.severity));
  }
  if (!result.ok) return { ok: false, code: 1 };
  const byName = new Map(result.files.map((f) => [f.name ?? "", f]));
  const pool = new DescriptorPool((name) => byName.get(name), (file, message) => env.error(`${sourceTree.diskPath(file)}: ${message}`));
  const files: DescFile[] = [];
  for (const input of inputs) {
    const file = pool.buildFile(input);
    if (!file) return { ok: false, code: 1 };
    if (options.disallowServices && file.services.length > 0) {
      env.error(`${file.name}: This file contains services, but --disallow_services was used.`);
      return { ok: false, code: 1 };
    }
    files.push(file);
  }
  // Without --include_imports protoc writes only the inputs, in the order they have with imports.
  const inSet = options.includeImports ? result.files : result.files.filter((f) => inputs.includes(f.name ?? ""));
  const descriptorSet = () => inSet;
  const dependencyFiles = result.files.map((f) => f.name ?? "");
  const readFile = (name: string) => {
    const opened = sourceTree.open(name);
    return opened.ok ? opened.bytes : undefined;
  };
  let request: RequestFiles | undefined;
  const requestFiles = () => (request ??= buildRequestFiles(inputs, readFile, fallback));
  const foundWarnings = result.diagnostics.some((d) => d.severity === "warning");
  return { ok: true, schema: { ...poolSchema(pool, files, undefined), descriptorSet, requestFiles, dependencyFiles, foundWarnings } };
}

/**
 * protoc's plugin host: every file with source info and json_name (CopySourceCodeInfoTo,
 * CopyJsonNameTo); the files to generate without source-retention options in proto_file, with
 * them in source_file_descriptors; dependencies always keep them.
 */
function buildRequestFiles(
  inputs: readonly string[],
  readFile: (name: string) => Uint8Array | undefined,
  fallback: ((name: string) => FileDescriptorProto | undefined) | undefined,
): RequestFiles {
  const run = (retainOptions: boolean) => {
    const r = compile({ files: inputs, readFile, ...(fallback ? { fallback } : {}), includeImports: true, includeSourceInfo: true, retainOptions });
    if (!r.ok) throw new Error(`recompiling for a CodeGeneratorRequest failed: ${r.diagnostics.map((d) => d.message).join("; ")}`);
    return r.files.map(withJsonNames);
  };
  const stripped = run(false);
  const retained = run(true);
  const toGenerate = new Set(inputs);
  const protoFile = stripped.map((f, i) => (toGenerate.has(f.name ?? "") ? f : retained[i]!));
  const sourceFileDescriptors = retained.filter((f) => toGenerate.has(f.name ?? ""));
  return { fileToGenerate: [...inputs], protoFile, sourceFileDescriptors };
}

function withJsonNames(file: FileDescriptorProto): FileDescriptorProto {
  const field = (f: FieldDescriptorProto): FieldDescriptorProto => (f.jsonName !== undefined ? f : { ...f, jsonName: protoCamelCase(f.name ?? "") });
  const message = (m: DescriptorProto): DescriptorProto => ({
    ...m,
    field: m.field.map(field),
    extension: m.extension.map(field),
    nestedType: m.nestedType.map(message),
  });
  return { ...file, messageType: file.messageType.map(message), extension: file.extension.map(field) };
}

/**
 * Type and extension lookup over the pool. With only descriptor sets (`db`), protoc finds any type
 * and extension of the sets, building files as needed; with a source tree, only those of the files built.
 */
function poolSchema(pool: DescriptorPool, files: readonly DescFile[], db: FileDatabase | undefined): Schema {
  let extensions: Registry | undefined;
  return {
    files,
    findMessage: (typeName) => pool.findMessage(typeName, db && ((t) => db.fileContainingSymbol(t)?.name)),
    extensionRegistry: () => {
      if (!db) return pool.registry;
      if (!extensions) {
        // protoc finds an extension's file when it meets the extension; building them all up front is simpler.
        const quiet = new DescriptorPool((name) => db.file(name), () => {});
        for (const f of pool.registry.files()) quiet.registry.addFile(f);
        for (const f of db.files()) quiet.buildFile(f.name ?? "");
        extensions = quiet.registry;
      }
      return extensions;
    },
  };
}
