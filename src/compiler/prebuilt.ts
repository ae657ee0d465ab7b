/**
 * Files that come compiled already, as FileDescriptorProtos (protoc's --descriptor_set_in), built
 * as protoc's DescriptorPool builds them from its descriptor database, with the compiler's
 * DescriptorBuilder; then written out as protoc writes built files: CopyTo with json names,
 * source info, and source-retention options stripped unless retained (GetTransitiveDependencies).
 */
import type { Diagnostic } from "./diagnostic.js";
import { buildFile, type BuildEnv } from "./link/build-file.js";
import type { FileDesc } from "./link/model.js";
import { Pool } from "./link/pool.js";
import { SourceLocationTable } from "./lower/locations.js";
import { validateLifetimes } from "./options/lifetimes.js";
import { outputFile } from "./output/output.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";

/** How built files are written: protoc's TransitiveDependencyOptions and --include_imports. */
export interface WriteOptions {
  readonly includeImports: boolean;
  readonly includeSourceInfo: boolean;
  readonly retainOptions: boolean;
}

/** The descriptor parts of a CodeGeneratorRequest. */
export interface GeneratorRequestFiles {
  /** The input files (virtual paths), in command-line order, repeats kept. */
  readonly fileToGenerate: readonly string[];
  /** Every file, depth-first post-order, with source info and json_name; source-retention options stripped from the files to generate. */
  readonly protoFile: readonly FileDescriptorProto[];
  /** The files to generate, deduplicated, with all options. */
  readonly sourceFileDescriptors: readonly FileDescriptorProto[];
}

/** Input files built with everything they import. */
export class PrebuiltFiles {
  private constructor(
    private readonly pool: Pool,
    private readonly inputs: readonly FileDesc[],
  ) {}

  /**
   * Builds the input files (virtual paths, in command-line order) and their imports from the
   * descriptors `find` gives. `checkInputs`: report unused imports of the inputs, as protoc does
   * for its direct inputs when it has a source tree. Returns the diagnostics, and the files
   * unless there were errors.
   */
  static build(
    inputs: readonly string[],
    find: (name: string) => FileDescriptorProto | undefined,
    checkInputs: boolean,
  ): { readonly files?: PrebuiltFiles; readonly diagnostics: readonly Diagnostic[] } {
    const pool = new Pool();
    const diagnostics: Diagnostic[] = [];
    const env: BuildEnv = {
      pool,
      diagnostics,
      directInputs: new Set(checkInputs ? inputs : []),
      deferred: [],
      load: (name) => {
        const proto = find(name);
        // A file from a descriptor set has no source positions: an empty table of its own.
        return proto ? buildFile(env, proto, new SourceLocationTable()) : undefined;
      },
    };
    const built: FileDesc[] = [];
    for (const name of inputs) {
      let file = pool.files.get(name);
      if (file === undefined) {
        file = env.load(name);
        if (!validateLifetimes(pool, env.deferred, env.directInputs, diagnostics)) file = undefined;
      }
      if (file === undefined) return { diagnostics };
      built.push(file);
    }
    if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
    return { files: new PrebuiltFiles(pool, built), diagnostics };
  }

  /**
   * The files protoc writes for the inputs: each input after its imports, every file once
   * (without `includeImports`, only the inputs, still in that order).
   */
  files(o: WriteOptions): FileDescriptorProto[] {
    const out: FileDescriptorProto[] = [];
    const seen = new Set<FileDesc>();
    if (!o.includeImports) {
      for (const f of this.inputs) {
        for (const d of this.directDependencies(f)) if (!this.inputs.includes(d)) seen.add(d);
      }
    }
    const visit = (f: FileDesc): void => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const d of this.directDependencies(f)) visit(d);
      out.push(outputFile(this.pool, f, o.includeSourceInfo, o.retainOptions));
    };
    this.inputs.forEach(visit);
    return out;
  }

  /**
   * The descriptors of a CodeGeneratorRequest (CreateCodeGeneratorRequest): every file with
   * source info and json names; the files to generate with source-retention options stripped in
   * proto_file and kept in source_file_descriptors.
   */
  requestFiles(): GeneratorRequestFiles {
    const retained = this.files({ includeImports: true, includeSourceInfo: true, retainOptions: true });
    const stripped = this.files({ includeImports: true, includeSourceInfo: true, retainOptions: false });
    const toGenerate = new Set(this.inputs.map((f) => f.name));
    return {
      fileToGenerate: this.inputs.map((f) => f.name),
      protoFile: stripped.map((f, i) => (toGenerate.has(f.name ?? "") ? f : retained[i]!)),
      sourceFileDescriptors: retained.filter((f) => toGenerate.has(f.name ?? "")),
    };
  }

  /** A file's imports, then its `import option` files that were loaded. */
  private directDependencies(f: FileDesc): FileDesc[] {
    const deps: FileDesc[] = [];
    for (const d of f.dependencies) if (d !== undefined) deps.push(d);
    for (const name of f.optionDependencies) {
      const d = this.pool.files.get(name);
      if (d !== undefined) deps.push(d);
    }
    return deps;
  }
}
