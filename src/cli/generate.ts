/**
 * protoc's plugin host (command_line_interface.cc GeneratePluginOutput, GeneratorContextImpl):
 * each `--X_out` in order gets a CodeGeneratorRequest, runs its plugin (or the built-in
 * TypeScript generator for `--ts_out`), and its response's files are collected in memory per
 * output directory; the first failure stops everything and nothing is written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { constants as osConstants } from "node:os";
import { dirname } from "node:path";
import { fromBinary } from "../codec/binary/from-binary.js";
import { toBinary } from "../codec/binary/to-binary.js";
import { runPluginBytes } from "../codegen/plugin.js";
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "../codegen/plugin-proto.js";
import { codeGeneratorRequestDesc, codeGeneratorResponseDesc } from "../codegen/plugin-schema.js";
import { tsGenerator } from "../codegen/ts/generator.js";
import type { DescriptorProto, FileDescriptorProto } from "../reflect/descriptor-types.js";
import { errnoText } from "./errno.js";
import type { CliOptions, OutputDirective } from "./options.js";
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
  readonly writeFile?: (path: string, data: Uint8Array) => void;
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

/** One output location's files, as protoc's GeneratorContextImpl holds them. */
class OutputDirectory {
  readonly files = new Map<string, string>();
  hadError = false;
}

/**
 * Runs every `--X_out` of `o` and writes their files; returns 0, or 1 after printing protoc's
 * messages. `requestFiles` gives the request's descriptors.
 */
export function runGenerators(o: CliOptions, requestFiles: RequestFiles, env: GenerateEnv): number {
  const error = (line: string) => env.writeStderr(line + "\n");
  const spawn = env.spawn ?? nodeSpawn;
  const dirs = new Map<string, OutputDirectory>();
  for (const out of o.outputs) {
    let location = out.location;
    if (/\.(zip|jar|srcjar)$/.test(location)) {
      error(`protoforge: writing ${out.flag} output to an archive (${location}) is not available yet.`);
      return 1;
    }
    if (!location.endsWith("/")) location += "/";
    let dir = dirs.get(location);
    if (!dir) dirs.set(location, (dir = new OutputDirectory()));
    const request = buildRequest(requestFiles, requestParameter(o, out));
    const requestBytes = toBinary(codeGeneratorRequestDesc(), request);
    let responseBytes: Uint8Array;
    const pluginPath = o.plugins.get(out.plugin);
    if (out.plugin === BUILTIN_TS_PLUGIN && pluginPath === undefined) {
      responseBytes = runPluginBytes(tsGenerator, requestBytes);
    } else {
      const prefix = o.pluginCommandPrefixes.get(out.plugin) ?? [];
      const program = pluginPath ?? out.plugin;
      const [command, ...args] = prefix.length > 0 ? [...prefix, program] : [program];
      const run = spawn(command!, args, requestBytes);
      if (run.stderr.length > 0) env.writeStderr(Buffer.from(run.stderr).toString("utf8"));
      if (run.error) {
        if (run.error === "ENOENT" || run.error === "EACCES") {
          error(`${out.plugin}: program not found or is not executable`);
          error("Please specify a program using absolute path or make sure the program is available in your PATH system variable");
          error(`${out.flag}: ${out.plugin}: Plugin failed with status code 1.`);
        } else {
          error(`${out.flag}: ${out.plugin}: ${errnoText(run.error)}`);
        }
        return 1;
      }
      if (run.signal !== null) {
        const n = (osConstants.signals as Record<string, number>)[run.signal] ?? 0;
        error(`${out.flag}: ${out.plugin}: Plugin killed by signal ${n}.`);
        return 1;
      }
      if (run.status !== 0) {
        error(`${out.flag}: ${out.plugin}: Plugin failed with status code ${run.status ?? -1}.`);
        return 1;
      }
      responseBytes = run.stdout;
    }
    let response: CodeGeneratorResponse;
    try {
      response = fromBinary<CodeGeneratorResponse>(codeGeneratorResponseDesc(), responseBytes);
    } catch {
      error(`${out.flag}: ${out.plugin}: Plugin output is unparseable: ${cEscape(responseBytes)}`);
      return 1;
    }
    const features = BigInt(response.supportedFeatures ?? 0n);
    let unsupported = false;
    if ((features & 1n) === 0n) {
      const withOptional = requestFiles.sourceFileDescriptors.find(hasProto3Optional);
      if (withOptional) {
        error(
          `${withOptional.name ?? ""}: is a proto3 file that contains optional fields, but code generator ${out.plugin} hasn't been updated to support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional.`,
        );
        unsupported = true;
      }
    }
    const failure = collectFiles(response, out.plugin, dir, error) ?? (unsupported ? "" : undefined);
    if (failure !== undefined) {
      error(`${out.flag}: ${failure}`);
      return 1;
    }
  }
  return writeAll(dirs, env.writeFile ?? defaultWrite, error);
}

function defaultWrite(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** GeneratePluginOutput's loop over the response's files; the error text (without the flag) on failure. */
function collectFiles(response: CodeGeneratorResponse, plugin: string, dir: OutputDirectory, error: (line: string) => void): string | undefined {
  if (response.error !== undefined && response.error !== "") return response.error;
  type Open = { name: string; insertionPoint: string; content: string };
  let current: Open | undefined;
  const close = (f: Open) => {
    if (f.insertionPoint === "") {
      if (dir.files.has(f.name)) {
        error(`${f.name}: Tried to write the same file twice.`);
        dir.hadError = true;
      } else {
        dir.files.set(f.name, f.content);
      }
      return;
    }
    const target = dir.files.get(f.name);
    if (target === undefined) {
      error(`${f.name}: Tried to insert into file that doesn't exist.`);
      dir.hadError = true;
      return;
    }
    const inserted = insert(target, f.insertionPoint, f.content);
    if (inserted === undefined) {
      error(`${f.name}: insertion point "${f.insertionPoint}" not found.`);
      dir.hadError = true;
      return;
    }
    dir.files.set(f.name, inserted);
  };
  for (const file of response.file) {
    const name = file.name ?? "";
    const insertionPoint = file.insertionPoint ?? "";
    if (insertionPoint !== "" || name !== "") {
      if (current) close(current);
      current = { name: normalizeName(name), insertionPoint, content: file.content ?? "" };
    } else if (!current) {
      return `${plugin}: First file chunk returned by plugin did not specify a file name.`;
    } else {
      current.content += file.content ?? "";
    }
  }
  if (current) close(current);
  return undefined;
}

function hasProto3Optional(file: FileDescriptorProto): boolean {
  const message = (m: DescriptorProto): boolean => m.field.some((f) => f.proto3Optional === true) || m.nestedType.some(message);
  return file.messageType.some(message);
}

/** `./` segments dropped, a leading `/` kept under the output directory. */
function normalizeName(name: string): string {
  return name
    .split("/")
    .filter((s) => s !== ".")
    .join("/");
}

/** MemoryOutputStream's insertion: before the marker's line, each line indented as the marker line. */
function insert(target: string, point: string, data: string): string | undefined {
  const magic = `@@protoc_insertion_point(${point})`;
  let pos = target.indexOf(magic);
  if (pos < 0) return undefined;
  if (data !== "" && !data.endsWith("\n")) data += "\n";
  let indent: string;
  if (pos > 3 && target.slice(pos - 3, pos - 1) === "/*") {
    pos -= 3;
    indent = "";
  } else {
    pos = target.lastIndexOf("\n", pos) + 1;
    let end = pos;
    while (end < target.length && (target[end] === " " || target[end] === "\t")) end++;
    indent = target.slice(pos, end);
  }
  if (indent !== "") data = data.replace(/[^\n]*\n/g, (line) => indent + line);
  return target.slice(0, pos) + data + target.slice(pos);
}

/** WriteAllToDisk for every location: nothing is written when any location had an error. */
function writeAll(dirs: Map<string, OutputDirectory>, write: (path: string, data: Uint8Array) => void, error: (line: string) => void): number {
  for (const dir of dirs.values()) if (dir.hadError) return 1;
  const encoder = new TextEncoder();
  for (const [location, dir] of dirs) {
    const prefix = location.slice(0, -1);
    if (prefix !== "" && !existsSync(prefix)) {
      error(`${prefix}: No such file or directory`);
      return 1;
    }
    for (const [name, content] of dir.files) {
      const path = location + name.replace(/^\/+/, "");
      try {
        write(path, encoder.encode(content));
      } catch (e) {
        error(`${path}: ${errnoText((e as NodeJS.ErrnoException).code ?? "EIO")}`);
        return 1;
      }
    }
  }
  return 0;
}
