// Only the command line parser is loaded up front: each mode loads what it needs (the compiler,
// the code generators, the text format codec), so that `--version` or `--decode_raw` does not
// pay for loading them all.
import { parseArgs, type ArgsEnv } from "./args.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import type { DescExtension, DescMessage } from "../reflect/descriptors.js";
import type { CodecResult } from "./decode.js";
import type { ReadSetFile } from "./file-database.js";
import { nodeArgsEnv } from "./node-env.js";
import type { CliOptions } from "./options.js";
import { nodeOutputFileSystem, type OutputFileSystem } from "./output-fs.js";
import type { Schema } from "./schema.js";
import { DiskSourceTree, nodeFileSystem, type SourceFileSystem } from "./source-tree.js";
import { errnoText } from "./errno.js";

/** The program's standard streams. */
export interface CliIo {
  /** All of standard input, as bytes. */
  readStdin(): Promise<Uint8Array>;
  /** Writes bytes (or ASCII text) to standard output, unchanged. */
  writeStdout(data: Uint8Array | string): void;
  /** Writes text to standard error. */
  writeStderr(text: string): void;
}

/** What the CLI needs from the file system; node:fs unless a test says otherwise. */
export interface CliEnv {
  readonly args: ArgsEnv;
  readonly fs: SourceFileSystem;
  readonly readSet?: ReadSetFile;
  /** Where generated files, archives, descriptor sets and dependency files are written (node:fs by default). */
  readonly outputFs?: OutputFileSystem;
}

/** The name protoforge uses for itself in messages (protoc uses argv[0], which a Node program cannot see as typed). */
export const EXECUTABLE_NAME = "protoforge";

const defaultEnv: CliEnv = { args: nodeArgsEnv, fs: nodeFileSystem };

/**
 * Runs a protoc command line (without the program name) and returns the exit code: 0 on success,
 * 1 on any error, as protoc. Everything is printed through `io`.
 */
export async function runCli(argv: readonly string[], io: CliIo, env: CliEnv = defaultEnv): Promise<number> {
  const parsed = parseArgs(argv, EXECUTABLE_NAME, env.args);
  if (parsed.stdout) io.writeStdout(parsed.stdout);
  if (parsed.stderr) io.writeStderr(parsed.stderr);
  if (parsed.kind === "exit") return parsed.code;
  const o = parsed.options;
  // protoc's InitializeDiskSourceTree appends its include directory (the well-known types) to the -I paths.
  const tree = o.protoPaths.length > 0 ? new DiskSourceTree([...o.protoPaths, ...(await import("./default-proto-path.js")).defaultProtoPaths()], env.fs) : undefined;
  const error = (line: string) => io.writeStderr(line + "\n");
  const { loadSchema } = await import("./schema.js");
  const loaded = loadSchema(o, tree, { error, fs: env.fs, ...(env.readSet ? { readSet: env.readSet } : {}) });
  if (!loaded.ok) return loaded.code;
  const schema: Schema = loaded.schema;
  // protoc writes its outputs before encoding or decoding.
  const fs = env.outputFs ?? nodeOutputFileSystem;
  let outputFiles: readonly string[] = [];
  if (o.outputs.length > 0) {
    const { runGenerators } = await import("./generate.js");
    const generated = runGenerators(o, schema.requestFiles!(), { writeStderr: (t) => io.writeStderr(t), fs });
    if (generated.code !== 0) return generated.code;
    outputFiles = generated.outputFiles;
  }
  if (o.dependencyOut !== "") {
    // --dependency_out excludes --descriptor_set_in, so the inputs were compiled from the source tree.
    const targets = [...outputFiles, ...(o.descriptorSetOut !== "" ? [o.descriptorSetOut] : []), ...(o.editionDefaultsOut !== "" ? [o.editionDefaultsOut] : [])];
    const manifest = { outputs: targets, files: schema.dependencyFiles ?? [], diskPath: (name: string) => tree?.virtualFileToDiskFile(name) };
    const { writeDependencyManifest } = await import("./dependency-file.js");
    if (!writeDependencyManifest(o.dependencyOut, manifest, fs, (t) => io.writeStderr(t))) return 1;
  }
  if (o.descriptorSetOut !== "") {
    const written = await writeDescriptorSet(o.descriptorSetOut, schema.descriptorSet!(), fs);
    if (written) {
      error(written);
      return 1;
    }
  }
  if (o.editionDefaultsOut !== "") {
    const written = await writeEditionDefaults(o, schema, fs);
    if (written) {
      error(written);
      return 1;
    }
  }
  // protoc's last check: --fatal_warnings fails the run once everything is done.
  const warningsFail = o.fatalWarnings && schema.foundWarnings === true ? 1 : 0;
  if (o.mode === "print") {
    // protoc fails on warnings before it prints (after it encodes or decodes: see below).
    if (warningsFail !== 0) return warningsFail;
    const { freeFieldNumbers } = await import("./free-field-numbers.js");
    io.writeStdout(freeFieldNumbers(schema.files));
    return 0;
  }
  if (o.mode === "compile") return warningsFail;
  const code = await runCodec(o, schema, io);
  return code !== 0 ? code : warningsFail;
}

/** --encode, --decode, --decode_raw: look the type up, then read stdin and write stdout. */
async function runCodec(o: CliOptions, schema: Schema, io: CliIo): Promise<number> {
  let result: CodecResult;
  if (o.codecType === "") {
    const { decodeRaw } = await import("./decode.js");
    result = decodeRaw(await io.readStdin());
  } else {
    const desc = schema.findMessage(o.codecType);
    if (!desc) {
      io.writeStderr(`Type not defined: ${o.codecType}\n`);
      return 1;
    }
    const input = await io.readStdin();
    const registry = schema.extensionRegistry();
    result =
      o.mode === "decode"
        ? (await import("./decode.js")).decode(desc, registry, input)
        : (await import("./encode.js")).encode(desc, registry, input, { errorFormat: o.errorFormat, deterministic: o.deterministicOutput });
  }
  if (result.stderr) io.writeStderr(result.stderr);
  if (result.stdout.length > 0) io.writeStdout(result.stdout);
  return result.code;
}

const FEATURE_SET = "google.protobuf.FeatureSet";

/** protoc's WriteEditionDefaults: the FeatureSetDefaults of the loaded files to --edition_defaults_out; the error line when there are none or they cannot be written. */
async function writeEditionDefaults(o: CliOptions, schema: Schema, fs: OutputFileSystem): Promise<string | undefined> {
  const { compileEditionDefaults, DEFAULT_MAXIMUM_EDITION, DEFAULT_MINIMUM_EDITION } = await import("./edition-defaults.js");
  const { editionNumber } = await import("./editions.js");
  const path = o.editionDefaultsOut;
  const featureSet = schema.findMessage(FEATURE_SET);
  if (featureSet === undefined) return `${path}: Could not find FeatureSet in descriptor pool.  Please make sure descriptor.proto is in your import path`;
  const extensions: DescExtension[] = [];
  const visit = (list: readonly DescExtension[], messages: readonly DescMessage[]) => {
    for (const x of list) if (x.extendee.typeName === FEATURE_SET) extensions.push(x);
    for (const m of messages) visit(m.nestedExtensions, m.nestedMessages);
  };
  for (const file of schema.extensionRegistry().files()) visit(file.extensions, file.messages);
  // The flags' values were checked against the same names when they were parsed.
  const edition = (name: string, fallback: number) => (name === "" || name === "UNKNOWN" ? fallback : editionNumber(name)!);
  const result = compileEditionDefaults(featureSet, extensions, edition(o.editionDefaultsMinimum, DEFAULT_MINIMUM_EDITION), edition(o.editionDefaultsMaximum, DEFAULT_MAXIMUM_EDITION));
  if (!result.ok) return `${path}: ${result.message}`;
  const code = fs.writeFile(path, result.bytes);
  return code === undefined ? undefined : `${path}: ${errnoText(code)}`;
}

/** protoc's WriteDescriptorSet: the FileDescriptorSet to FILE; the error line when it cannot be written. */
async function writeDescriptorSet(path: string, files: readonly FileDescriptorProto[], fs: OutputFileSystem): Promise<string | undefined> {
  const { encodeFileDescriptorSet } = await import("../descriptor-set.js");
  const code = fs.writeFile(path, encodeFileDescriptorSet(files));
  return code === undefined ? undefined : `${path}: ${errnoText(code)}`;
}
