import type { DescFile, DescMessage } from "../reflect/descriptors.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";
import { bootFeatureDefaults } from "../reflect/boot/boot.js";
import { MutableRegistry } from "../reflect/registry.js";
import { definedTypeNames, unresolvedNames } from "./unresolved-names.js";

/** Where the pool finds a file's descriptor by name; undefined when nowhere (the finder reports why, if protoc would). */
export type FindFileProto = (name: string) => FileDescriptorProto | undefined;

/** Receives an error about a file, printed by the caller as protoc's ErrorPrinter does (`FILE: MESSAGE`). */
export type ReportFileError = (file: string, message: string) => void;

/**
 * A descriptor pool that builds files on demand, as protoc's DescriptorPool does over a descriptor
 * database: a file is built after its imports; a file whose import is missing or broken fails
 * with protoc's messages (`Import "x" was not found or had errors.`, then `"T" is not defined.`
 * for each reference it cannot resolve), and so does every file importing it.
 */
export class DescriptorPool {
  /** The files built so far and everything they define. */
  readonly registry = new MutableRegistry();
  private readonly failed = new Set<string>();
  private readonly building = new Set<string>();

  constructor(private readonly find: FindFileProto, private readonly report: ReportFileError) {}

  /** Builds a file (and its imports) if needed; undefined when it or one of its imports could not be built. */
  buildFile(name: string): DescFile | undefined {
    const done = this.registry.getFile(name);
    if (done) return done;
    if (this.failed.has(name) || this.building.has(name)) return undefined;
    const proto = this.find(name);
    if (!proto) {
      this.failed.add(name);
      return undefined;
    }
    this.building.add(name);
    try {
      const file = this.buildProto(name, proto);
      if (!file) this.failed.add(name);
      return file;
    } finally {
      this.building.delete(name);
    }
  }

  /** The message type of this full name, building the file that defines it when `fileOf` names one. */
  findMessage(typeName: string, fileOf?: (typeName: string) => string | undefined): DescMessage | undefined {
    const known = this.registry.getMessage(typeName);
    if (known || !fileOf) return known;
    const file = fileOf(typeName);
    if (file === undefined || !this.buildFile(file)) return undefined;
    return this.registry.getMessage(typeName);
  }

  private buildProto(name: string, proto: FileDescriptorProto): DescFile | undefined {
    const deps: DescFile[] = [];
    let missing = false;
    for (const dep of proto.dependency) {
      const d = this.buildFile(dep);
      if (d) deps.push(d);
      else {
        missing = true;
        this.report(name, `Import "${dep}" was not found or had errors.`);
      }
    }
    // protoc's cross-linking reports every reference it cannot resolve; our builder would stop at the first.
    const known = visibleTypeNames(proto, deps);
    const unresolved = unresolvedNames(proto, (n) => known.has(n));
    for (const ref of unresolved) this.report(name, `"${ref}" is not defined.`);
    if (missing || unresolved.length > 0) return undefined;
    // Built in a child registry first, so that a file that fails halfway leaves nothing behind.
    const child = new MutableRegistry(this.registry);
    try {
      const [file] = child.addFileProtos([proto], bootFeatureDefaults());
      if (!file) return undefined;
      this.registry.addFile(file);
      return file;
    } catch (e) {
      this.report(name, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }
}

/** The types a file can refer to: its own, its imports', and those its imports re-export with `import public`. */
function visibleTypeNames(proto: FileDescriptorProto, deps: readonly DescFile[]): Set<string> {
  const names = definedTypeNames(proto);
  const seen = new Set<DescFile>();
  const addFile = (f: DescFile): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const n of definedTypeNames(f.proto)) names.add(n);
    for (const i of f.proto.publicDependency) {
      const pub = f.dependencies.find((d) => d.name === f.proto.dependency[i]);
      if (pub) addFile(pub);
    }
  };
  deps.forEach(addFile);
  return names;
}
