/**
 * protoc's plugin host (command_line_interface.cc GeneratePluginOutput, GeneratorContextImpl):
 * each `--X_out` in order gets a CodeGeneratorRequest, runs its plugin (or the built-in
 * TypeScript generator for `--ts_out`), and its response's files are collected in memory per
 * output location (a directory or an archive); a failing generator stops everything before
 * anything is written. Then each location is written in turn.
 */
import { spawnSync } from "node:child_process";
import { constants as osConstants } from "node:os";
import { fromBinary } from "../codec/binary/from-binary.js";
import { toBinary } from "../codec/binary/to-binary.js";
import { runPluginBytes } from "../codegen/plugin.js";
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "../codegen/plugin-proto.js";
import { codeGeneratorRequestDesc, codeGeneratorResponseDesc } from "../codegen/plugin-schema.js";
import { tsGenerator } from "../codegen/ts/generator.js";
import { errnoText } from "./errno.js";
import type { CliOptions, OutputDirective } from "./options.js";
import { isArchiveLocation, OutputDirectory } from "./output-directory.js";
import { nodeOutputFileSystem, type OutputFileSystem } from "./output-fs.js";
import { unsupportedText } from "./plugin-support.js";
import type { RequestFiles } from "./schema.js";

/** protoc's compiler_version as its plugin host writes it (protoc 36.2). */
export const COMPILER_VERSION = { major: 7, minor: 36, patch: 2, suffix: "" } as const;

/** The plugin `--ts_out` runs in-process when no --plugin=protoc-gen-ts is given. */
export const BUILTIN_TS_PLUGIN = "protoc-gen-ts";

/** How generation runs plugins and writes files; node's by default. */
export interface GenerateEnv {
  /** Prints text to stderr, unchanged. */
  writeStderr(text: string): void;
  /** Runs a plugin: the program and its arguments, with the request on stdin. */
  readonly spawn?: (command: string, args: readonly string[], input: Uint8Array) => PluginRun;
  /** Where output files and archives are written (node:fs by default). */
  readonly fs?: OutputFileSystem;
}

/** What a plugin process did. */
export interface PluginRun {
  /** Spawn error code (ENOENT, EACCES) when it could not be started. */
  readonly error?: string;
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
}

function nodeSpawn(command: string, args: readonly string[], input: Uint8Array): PluginRun {
  const p = spawnSync(command, args, { input, maxBuffer: 1 << 30 });
  const error = p.error ? ((p.error as NodeJS.ErrnoException).code ?? "EIO") : undefined;
  return { ...(error ? { error } : {}), status: p.status, signal: p.signal, stdout: p.stdout ?? new Uint8Array(), stderr: p.stderr ?? new Uint8Array() };
}

/** The parameter protoc passes: `--X_out`'s PARAMS, then the joined `--X_opt`s after a comma when both are non-empty. */
export function requestParameter(o: CliOptions, out: OutputDirective): string {
  let parameter = out.parameter;
  const opts = o.pluginParameters.get(out.plugin) ?? "";
  if (opts !== "") parameter = parameter === "" ? opts : `${parameter},${opts}`;
  return parameter;
}

/** The CodeGeneratorRequest protoc sends a plugin, fields in protoc's order. */
export function buildRequest(files: RequestFiles, parameter: string): CodeGeneratorRequest {
  return {
    $typeName: "google.protobuf.compiler.CodeGeneratorRequest",
    fileToGenerate: [...files.fileToGenerate],
    ...(parameter !== "" ? { parameter } : {}),
    protoFile: [...files.protoFile],
    sourceFileDescriptors: [...files.sourceFileDescriptors],
    compilerVersion: { $typeName: "google.protobuf.compiler.Version", ...COMPILER_VERSION },
  };
}

/** protoc's CEscape: \n \r \t \" \' \\ escaped, other bytes outside printable ASCII as three octal digits. */
export function cEscape(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    switch (b) {
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      case 0x22: out += '\\"'; break;
      case 0x27: out += "\\'"; break;
      case 0x5c: out += "\\\\"; break;
      default:
        out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : "\\" + b.toString(8).padStart(3, "0");
    }
  }
  return out;
}

/** What generation produced: the exit code, and the output files' paths for --dependency_out. */
export interface GenerateResult {
  readonly code: number;
  /** Each location's file names after the location (`./` dropped from the front), location by location in order of first use. */
  readonly outputFiles: readonly string[];
}

/**
 * Runs every `--X_out` of `o` into its output location (a directory, or a .zip/.jar/.srcjar
 * archive), then writes every location; returns 1 after printing protoc's messages on the first
 * failure. `requestFiles` gives the request's descriptors.
 */
export function runGenerators(o: CliOptions, requestFiles: RequestFiles, env: GenerateEnv): GenerateResult {
  const dirs = new Map<string, OutputDirectory>();
  for (const out of o.outputs) {
    // protoc's AddTrailingSlash: an empty location stays empty, and is then taken for an archive name.
    let location = out.location;
    if (!isArchiveLocation(location) && location !== "" && !location.endsWith("/")) location += "/";
    let dir = dirs.get(location);
    if (!dir) dirs.set(location, (dir = new OutputDirectory()));
    if (!generateOutput(o, out, requestFiles, dir, env)) return { code: 1, outputFiles: [] };
  }
  const fs = env.fs ?? nodeOutputFileSystem;
  for (const [location, dir] of dirs) {
    let written: boolean;
    if (location.endsWith("/")) {
      written = dir.writeToDisk(location, o.unsafeAllowOutDirEscape, fs, env.writeStderr);
    } else {
      if (location.endsWith(".jar")) dir.addJarManifest();
      written = dir.writeToZip(location, o.unsafeAllowOutDirEscape, fs, env.writeStderr);
    }
    if (!written) return { code: 1, outputFiles: [] };
  }
  const outputFiles = [...dirs].flatMap(([location, dir]) => dir.names().map((name) => (location + name).replace(/^\.\//, "")));
  return { code: 0, outputFiles };
}

/** GenerateOutput for a plugin: runs it, takes its files, checks what it supports; false after printing why it failed. */
function generateOutput(o: CliOptions, out: OutputDirective, requestFiles: RequestFiles, dir: OutputDirectory, env: GenerateEnv): boolean {
  const error = (line: string) => env.writeStderr(line + "\n");
  const request = buildRequest(requestFiles, requestParameter(o, out));
  const responseBytes = runPlugin(o, out, toBinary(codeGeneratorRequestDesc(), request), env);
  if (responseBytes === undefined) return false;
  let response: CodeGeneratorResponse;
  try {
    response = fromBinary<CodeGeneratorResponse>(codeGeneratorResponseDesc(), responseBytes);
  } catch {
    error(`${out.flag}: ${out.plugin}: Plugin output is unparseable: ${cEscape(responseBytes)}`);
    return false;
  }
  const chunkError = takeFiles(response, dir, error);
  if (chunkError) {
    error(`${out.flag}: ${out.plugin}: ${chunkError}`);
    return false;
  }
  const support = {
    features: BigInt(response.supportedFeatures ?? 0n),
    minimumEdition: response.minimumEdition ?? 0,
    maximumEdition: response.maximumEdition ?? 0,
  };
  const unsupported = unsupportedText(out.plugin, support, requestFiles.sourceFileDescriptors, o.experimentalEditions);
  if (unsupported === "" && (response.error ?? "") === "") return true;
  env.writeStderr(unsupported);
  error(`${out.flag}: ${response.error ?? ""}`);
  return false;
}

/** Runs the plugin of `out` (or the built-in TypeScript generator) on the request; its response bytes, or undefined after printing why it failed. */
function runPlugin(o: CliOptions, out: OutputDirective, requestBytes: Uint8Array, env: GenerateEnv): Uint8Array | undefined {
  const error = (line: string) => env.writeStderr(line + "\n");
  const pluginPath = o.plugins.get(out.plugin);
  if (out.plugin === BUILTIN_TS_PLUGIN && pluginPath === undefined) return runPluginBytes(tsGenerator, requestBytes);
  const prefix = o.pluginCommandPrefixes.get(out.plugin) ?? [];
  const program = pluginPath ?? out.plugin;
  const [command, ...args] = prefix.length > 0 ? [...prefix, program] : [program];
  const run = (env.spawn ?? nodeSpawn)(command!, args, requestBytes);
  if (run.stderr.length > 0) env.writeStderr(Buffer.from(run.stderr).toString("utf8"));
  if (run.error) {
    if (run.error === "ENOENT" || run.error === "EACCES") {
      error(`${out.plugin}: program not found or is not executable`);
      error("Please specify a program using absolute path or make sure the program is available in your PATH system variable");
      error(`${out.flag}: ${out.plugin}: Plugin failed with status code 1.`);
    } else {
      error(`${out.flag}: ${out.plugin}: ${errnoText(run.error)}`);
    }
    return undefined;
  }
  if (run.signal !== null) {
    const n = (osConstants.signals as Record<string, number>)[run.signal] ?? 0;
    error(`${out.flag}: ${out.plugin}: Plugin killed by signal ${n}.`);
    return undefined;
  }
  if (run.status !== 0) {
    error(`${out.flag}: ${out.plugin}: Plugin failed with status code ${run.status ?? -1}.`);
    return undefined;
  }
  return run.stdout;
}

/**
 * GenerateCodeFromResponse: the response's files into the output location, each chunk without a
 * name continuing the file before it. Returns the error (without the plugin's name) when the
 * first chunk has no name.
 */
function takeFiles(response: CodeGeneratorResponse, dir: OutputDirectory, error: (line: string) => void): string | undefined {
  type Open = { name: string; insertionPoint: string; content: string };
  let current: Open | undefined;
  const close = (f: Open) => {
    if (f.insertionPoint === "") dir.write(f.name, f.content, error);
    else dir.insert(f.name, f.insertionPoint, f.content, error);
  };
  for (const file of response.file) {
    const name = file.name ?? "";
    const insertionPoint = file.insertionPoint ?? "";
    if (insertionPoint !== "" || name !== "") {
      if (current) close(current);
      current = { name, insertionPoint, content: file.content ?? "" };
    } else if (!current) {
      return "First file chunk returned by plugin did not specify a file name.";
    } else {
      current.content += file.content ?? "";
    }
  }
  if (current) close(current);
  return undefined;
}
