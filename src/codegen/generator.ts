// Generators and how they run: on a CodeGeneratorRequest, a FileDescriptorSet or a registry.
import type { DescFile } from "../reflect/descriptors.js";
import type { DescriptorProto } from "../reflect/descriptor-types.js";
import type { Registry } from "../reflect/registry.js";
import { createFileRegistry } from "../reflect/file-registry.js";
import { decodeFileDescriptorSet } from "../descriptor-set.js";
import { PluginError } from "./errors.js";
import type { CodeGeneratorRequest, CodeGeneratorResponse, CodeGeneratorResponse_File, Version } from "./plugin-proto.js";

/** A code generator: turns the files to generate into output files. */
export interface CodeGenerator {
  /** Its name, e.g. `protoc-gen-xml`; errors are prefixed with it. */
  readonly name: string;
  /** Whether it handles proto3 `optional` fields (protoc refuses such files otherwise). Default true. */
  readonly supportsProto3Optional?: boolean;
  /** The editions it handles (Edition numbers, e.g. Edition.E2023); without this, editions files are refused. */
  readonly editions?: { readonly minimum: number; readonly maximum: number };
  /** Writes the output: called once per run with every file to generate. Throw PluginError to report a problem. */
  generate(ctx: GeneratorContext): void;
}

/** What a generator sees of one run. */
export interface GeneratorContext {
  /** The files to generate, in the order given. */
  readonly files: readonly DescFile[];
  /** Every file of the run: the files to generate and all they import. */
  readonly registry: Registry;
  /** The parameter, as given (`--x_opt=a=1,b` gives `a=1,b`). */
  readonly parameter: string;
  /** The parameter split at commas into key/value pairs (`b` gives `["b", ""]`). */
  readonly options: readonly (readonly [string, string])[];
  /** The version of protoc (or of the host) that runs the generator, if known: `36.2`. */
  readonly compilerVersion: string | undefined;
  /** Adds an output file (a path relative to the output directory). */
  addFile(name: string, content: string): void;
}

/** An output file. */
export interface GeneratedFile {
  readonly name: string;
  readonly content: string;
}

/** Splits a plugin parameter into key/value pairs: `a=1,b,,c=x=y` gives a=1, b="", c="x=y". */
export function parseParameter(parameter: string): [string, string][] {
  return parameter
    .split(",")
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const i = p.indexOf("=");
      return i < 0 ? [p.trim(), ""] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
}

/** Runs a generator on the files of a registry; throws PluginError for a file it does not support. */
export function runGenerator(generator: CodeGenerator, input: { registry: Registry; files: readonly DescFile[]; parameter?: string; compilerVersion?: string }): GeneratedFile[] {
  for (const f of input.files) checkSupported(generator, f);
  const out: GeneratedFile[] = [];
  const names = new Set<string>();
  const parameter = input.parameter ?? "";
  generator.generate({
    files: input.files,
    registry: input.registry,
    parameter,
    options: parseParameter(parameter),
    compilerVersion: input.compilerVersion,
    addFile(name, content) {
      if (names.has(name)) throw new PluginError(`${generator.name}: the file ${name} was written twice`);
      names.add(name);
      out.push({ name, content });
    },
  });
  return out;
}

function checkSupported(g: CodeGenerator, f: DescFile): void {
  if (f.syntax === "editions") {
    const e = g.editions;
    if (!e) throw new PluginError(`${f.name}: ${g.name} does not support editions`);
    if (f.edition < e.minimum || f.edition > e.maximum) {
      throw new PluginError(`${f.name}: ${g.name} does not support edition ${editionName(f.edition)} (it supports ${editionName(e.minimum)} to ${editionName(e.maximum)})`);
    }
  }
  if (g.supportsProto3Optional === false && f.proto.messageType.some(hasProto3Optional)) {
    throw new PluginError(`${f.name}: ${g.name} does not support proto3 optional fields`);
  }
}

/** An edition's name as .proto files write it: 998 → "proto2", 1000 → "2023". */
export function editionName(edition: number): string {
  const names: Record<number, string> = { 998: "proto2", 999: "proto3", 1000: "2023", 1001: "2024", 1002: "2026", 9999: "UNSTABLE" };
  return names[edition] ?? String(edition);
}

function hasProto3Optional(m: DescriptorProto): boolean {
  return m.field.some((f) => f.proto3Optional === true) || m.nestedType.some(hasProto3Optional);
}

/** Runs a generator on a decoded CodeGeneratorRequest and answers with a CodeGeneratorResponse (errors included). */
export function generateFromRequest(generator: CodeGenerator, request: CodeGeneratorRequest): CodeGeneratorResponse {
  const features = (generator.supportsProto3Optional === false ? 0n : 1n) | (generator.editions ? 2n : 0n);
  const base = {
    $typeName: "google.protobuf.compiler.CodeGeneratorResponse" as const,
    supportedFeatures: features,
    minimumEdition: generator.editions ? generator.editions.minimum : undefined,
    maximumEdition: generator.editions ? generator.editions.maximum : undefined,
  };
  try {
    const registry = createFileRegistry(request.protoFile);
    const files = [...new Set(request.fileToGenerate)].map((name) => {
      const f = registry.getFile(name);
      if (!f) throw new PluginError(`${name}: not among the request's files`);
      return f;
    });
    const generated = runGenerator(generator, { registry, files, parameter: request.parameter ?? "", compilerVersion: versionString(request.compilerVersion) });
    const file = generated.map((g): CodeGeneratorResponse_File => ({ $typeName: "google.protobuf.compiler.CodeGeneratorResponse.File", name: g.name, content: g.content }));
    return { ...base, file };
  } catch (e) {
    const message = e instanceof PluginError ? e.message : `${generator.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    return { ...base, error: message, file: [] };
  }
}

function versionString(v: Version | undefined): string | undefined {
  if (!v) return undefined;
  return `${v.major ?? 0}.${v.minor ?? 0}.${v.patch ?? 0}${v.suffix ? `-${v.suffix}` : ""}`;
}

/**
 * Runs a generator in-process on a serialized FileDescriptorSet (e.g. from `protoc
 * --descriptor_set_out=… --include_imports --include_source_info`); `files` are the names of the
 * files to generate (default: every file of the set). Throws PluginError on failure.
 */
export function generateFromDescriptorSet(generator: CodeGenerator, setBytes: Uint8Array, options?: { files?: readonly string[]; parameter?: string }): GeneratedFile[] {
  const protos = decodeFileDescriptorSet(setBytes).file;
  const registry = createFileRegistry(protos);
  const names = options?.files ?? protos.map((p) => p.name ?? "");
  const files = names.map((n) => {
    const f = registry.getFile(n);
    if (!f) throw new PluginError(`${n}: not in the descriptor set`);
    return f;
  });
  return runGenerator(generator, { registry, files, parameter: options?.parameter });
}
