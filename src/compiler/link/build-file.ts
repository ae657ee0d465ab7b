/**
 * Stage 3 (with stages 4 and 5 called in protoc's order): protoc's DescriptorBuilder::BuildFile
 * for one lowered file. Dependencies are loaded first (an import cycle is an error); then the
 * file's descriptors are built and registered, cross-linked, options interpreted (non-extension
 * options, feature resolution, extension options), source info paths of interpreted options
 * rewritten, and everything validated. A file with errors is rolled back out of the pool.
 */
import type { Diagnostic } from "../diagnostic.js";
import type { FileDescriptorProto } from "../../reflect/descriptor-types.js";
import type { SourceLocationTable } from "../lower/locations.js";
import type { DeferredOptionLocations } from "../lower/option-locations.js";
import { buildEnum, buildService } from "./build-enum-service.js";
import { buildField, buildMessage } from "./build-message.js";
import { Builder } from "./builder.js";
import { crossLinkFile } from "./cross-link.js";
import { EMPTY_FEATURES, Edition, type FileDesc } from "./model.js";
import type { Pool } from "./pool.js";
import { afterCrossLink } from "../options/pipeline.js";
import type { LifetimeCheck } from "../options/lifetimes.js";

/** What building a file needs from the compilation. */
export interface BuildEnv {
  readonly pool: Pool;
  readonly diagnostics: Diagnostic[];
  /** Files given to the compiler directly (unused imports are reported for these). */
  readonly directInputs: ReadonlySet<string>;
  /** Loads (parses and builds) a file not yet in the pool; errors are reported by the loader. */
  load(name: string): FileDesc | undefined;
  /** Feature lifetime checks of built files, run when the requested file is loaded. */
  readonly deferred: LifetimeCheck[];
}

/**
 * protoc's BuildFile: builds `proto` into the pool, or returns undefined after reporting errors.
 * `table` holds the error positions of `proto` (of this file only: it is dropped once the file is built);
 * `optionLocations` the locations inside its option statements if the lowering deferred them.
 */
export function buildFile(env: BuildEnv, proto: FileDescriptorProto, table: SourceLocationTable, optionLocations?: DeferredOptionLocations): FileDesc | undefined {
  const name = proto.name ?? "";
  const pool = env.pool;
  const cycleAt = pool.pending.indexOf(name);
  if (cycleAt !== -1) {
    const b = new Builder(pool, name, table, env.diagnostics);
    const chain = [...pool.pending.slice(cycleAt), name].join(" -> ");
    const message = `File recursively imports itself: ${chain}`;
    if (cycleAt < pool.pending.length - 1) b.error(pool.pending[cycleAt + 1]!, proto, "IMPORT", message);
    else b.error(name, proto, "IMPORT", message);
    return undefined;
  }
  if ((proto.package ?? "").length > 511) {
    new Builder(pool, name, table, env.diagnostics).error(proto.package!, proto, "NAME", "Package name is too long");
    return undefined;
  }
  pool.pending.push(name);
  for (const dep of [...proto.dependency, ...proto.optionDependency]) {
    if (!pool.files.has(dep)) env.load(dep);
  }
  pool.pending.pop();
  const b = new Builder(pool, name, table, env.diagnostics, optionLocations);
  const file = buildFileImpl(env, b, proto);
  if (file === undefined && b.file !== undefined) {
    // protoc rolls the file back out of the pool, and drops its pending feature lifetime checks.
    pool.rollback(b.file);
    const kept = env.deferred.filter((c) => c.file !== b.file);
    env.deferred.length = 0;
    env.deferred.push(...kept);
  }
  return file;
}

function editionOf(b: Builder, proto: FileDescriptorProto): number {
  if (proto.edition !== undefined) return proto.edition;
  if (proto.syntax === undefined || proto.syntax === "" || proto.syntax === "proto2") return Edition.PROTO2;
  if (proto.syntax === "proto3") return Edition.PROTO3;
  b.error(proto.name ?? "", proto, "OTHER", `Unrecognized syntax: ${proto.syntax}`);
  return Edition.UNKNOWN;
}

function buildFileImpl(env: BuildEnv, b: Builder, proto: FileDescriptorProto): FileDesc | undefined {
  const pool = env.pool;
  const edition = editionOf(b, proto);
  const file: FileDesc = {
    kind: "file", proto, name: proto.name ?? "", package: proto.package ?? "", edition,
    dependencies: [], publicDependencies: [], weakDependencies: [], optionDependencies: [...proto.optionDependency],
    messages: [], enums: [], services: [], extensions: [],
    sourceCodeInfo: proto.sourceCodeInfo,
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  b.file = file;
  const featureError = editionSupportError(edition);
  if (featureError !== undefined) b.error(file.name, proto, "EDITIONS", featureError);
  if (pool.files.has(file.name)) {
    b.error(file.name, proto, "OTHER", "A file with this name is already in the pool.");
    return undefined;
  }
  pool.files.set(file.name, file);
  if (file.package !== "") {
    if (file.package.split(".").length - 1 > 100) {
      b.error(file.package, proto, "NAME", "Exceeds Maximum Package Depth");
      return undefined;
    }
    b.addPackage(file.package, proto, true);
  }
  linkDependencies(env, b, file);
  proto.messageType.forEach((m, i) => file.messages.push(buildMessage(b, m, undefined, [4, i])));
  proto.enumType.forEach((e, i) => file.enums.push(buildEnum(b, e, undefined, [5, i])));
  proto.service.forEach((s, i) => file.services.push(buildService(b, s, [6, i])));
  proto.extension.forEach((f, i) => file.extensions.push(buildField(b, f, undefined, true, i, [7, i])));
  b.allocateOptions(file, proto.options, "file", [], file.package === "" ? "dummy" : `${file.package}.dummy`, file.name);
  crossLinkFile(b, file);
  afterCrossLink(b, file, env.deferred);
  return b.hadErrors ? undefined : file;
}

/** The error FeatureResolver::Create reports for editions outside protoc's supported range. */
function editionSupportError(edition: number): string | undefined {
  if (edition === Edition.UNKNOWN) return undefined;
  if (edition < Edition.PROTO2) return `Edition ${editionName(edition)} is earlier than the minimum supported edition PROTO2`;
  if (edition > Edition.E2026 && edition !== Edition.UNSTABLE) {
    return `Edition ${editionName(edition)} is later than the maximum supported edition 2026`;
  }
  return undefined;
}

/** An Edition enum value as absl prints it in protoc's messages (the name without `EDITION_`). */
export function editionName(edition: number): string {
  const names: Record<number, string> = {
    0: "UNKNOWN", 900: "LEGACY", 998: "PROTO2", 999: "PROTO3", 1000: "2023", 1001: "2024", 1002: "2026",
    9999: "UNSTABLE", 1: "1_TEST_ONLY", 2: "2_TEST_ONLY", 99997: "99997_TEST_ONLY", 99998: "99998_TEST_ONLY",
    99999: "99999_TEST_ONLY", 0x7fffffff: "MAX",
  };
  return names[edition] ?? String(edition);
}

/** Resolves imports (protoc's dependency loop), public and weak import indexes. */
function linkDependencies(env: BuildEnv, b: Builder, file: FileDesc): void {
  const proto = file.proto;
  const pool = env.pool;
  const seen = new Set<string>();
  const optionDeps: (FileDesc | undefined)[] = [];
  const count = proto.dependency.length;
  const all = [...proto.dependency, ...proto.optionDependency];
  all.forEach((name, i) => {
    const isOptionDep = i >= count;
    if (seen.has(name)) b.error(name, proto, "IMPORT", `Import "${name}" was listed twice.`);
    seen.add(name);
    const dep = pool.files.get(name);
    if (dep === undefined) {
      if (!isOptionDep) b.error(name, proto, "IMPORT", `Import "${name}" was not found or had errors.`);
      else b.unknownOptionDependencies.push(name);
    } else if (env.directInputs.has(file.name) && dep.publicDependencies.length === 0) {
      b.unusedDependencies.add(dep);
    }
    if (isOptionDep) optionDeps.push(dep);
    else file.dependencies.push(dep);
  });
  for (const index of proto.publicDependency) {
    if (index >= 0 && index < count) {
      file.publicDependencies.push(index);
      const dep = file.dependencies[index];
      if (dep !== undefined) b.unusedDependencies.delete(dep);
    } else {
      b.error(file.name, proto, "OTHER", "Invalid public dependency index.");
    }
  }
  for (const dep of file.dependencies) b.recordPublicDependencies(dep, b.dependencies);
  for (const dep of optionDeps) b.recordPublicDependencies(dep, b.optionDependencies);
  for (const index of proto.weakDependency) {
    if (index >= 0 && index < count) file.weakDependencies.push(index);
    else b.error(file.name, proto, "OTHER", "Invalid weak dependency index.");
  }
}
