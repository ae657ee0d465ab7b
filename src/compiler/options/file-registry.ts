/**
 * The runtime registry aggregate option values are parsed against: the file being built (linked,
 * its features resolved) and every file it may use (its imports and option imports,
 * transitively). Runtime descriptors are built only for the files a lookup reaches (with their
 * imports): a value of google.api.http needs google/api/http.proto, not the hundreds of other
 * files the file imports. Dependencies are built into one registry shared by the files of a
 * compilation.
 */
import { bootFeatureDefaults } from "../../reflect/boot/boot.js";
import type { DescEnum, DescExtension, DescFile, DescMessage, DescService } from "../../reflect/descriptors.js";
import { MutableRegistry, type Registry } from "../../reflect/registry.js";
import type { FileDesc, MessageDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { copyFile } from "../output/copy-to.js";

const shared = new WeakMap<Pool, MutableRegistry>();

/** A registry over `file` and the files it may use, filled on demand. */
export class FileRegistry implements Registry {
  private readonly base: MutableRegistry;
  /** Whether `file` may use a file (reaches it through imports), as far as asked. */
  private readonly usable = new Map<FileDesc, boolean>();
  private local: MutableRegistry | undefined;
  /** Messages found so far (a file's options mostly use a few types many times). */
  private readonly messages = new Map<string, DescMessage>();
  /** Files being added to `base` (an `import option` may close a cycle). */
  private readonly adding = new Set<FileDesc>();

  constructor(
    private readonly pool: Pool,
    private readonly file: FileDesc,
  ) {
    let base = shared.get(pool);
    if (base === undefined) shared.set(pool, (base = new MutableRegistry()));
    this.base = base;
  }

  getMessage(typeName: string): DescMessage | undefined {
    let m = this.messages.get(typeName);
    if (m === undefined) {
      this.reach(typeName);
      m = this.target().getMessage(typeName);
      if (m !== undefined) this.messages.set(typeName, m);
    }
    return m;
  }
  getEnum(typeName: string): DescEnum | undefined {
    this.reach(typeName);
    return this.target().getEnum(typeName);
  }
  getExtension(typeName: string): DescExtension | undefined {
    this.reach(typeName);
    return this.target().getExtension(typeName);
  }
  getExtensionFor(extendee: DescMessage | string, number: number): DescExtension | undefined {
    const name = typeof extendee === "string" ? extendee : extendee.typeName;
    const s = this.pool.findSymbol(name);
    if (s?.kind === "message") {
      const ext = this.pool.findExtension(s.desc as MessageDesc, number);
      if (ext !== undefined) this.ensure(ext.file);
    }
    return this.target().getExtensionFor(name, number);
  }
  getService(typeName: string): DescService | undefined {
    this.reach(typeName);
    return this.target().getService(typeName);
  }
  getFile(name: string): DescFile | undefined {
    const f = this.pool.files.get(name);
    if (f !== undefined) this.ensure(f);
    return this.target().getFile(name);
  }
  files(): Iterable<DescFile> {
    for (const f of this.closure()) this.ensure(f);
    this.ensure(this.file);
    return this.target().files();
  }

  /** The files `f` imports (directly, including option imports) that are in the pool. */
  private *imports(f: FileDesc): Iterable<FileDesc> {
    for (const d of f.dependencies) if (d !== undefined) yield d;
    for (const name of f.optionDependencies) {
      const d = this.pool.files.get(name);
      if (d !== undefined) yield d;
    }
  }

  /** Every file `file` may use, nearest first. */
  private *closure(): Iterable<FileDesc> {
    const seen = new Set<FileDesc>([this.file]);
    const queue = [this.file];
    for (let i = 0; i < queue.length; i++) {
      for (const d of this.imports(queue[i]!)) {
        if (seen.has(d)) continue;
        seen.add(d);
        queue.push(d);
        yield d;
      }
    }
  }

  /** Whether `file` may use `f` (searched breadth first: option types are mostly in direct imports). */
  private isUsable(f: FileDesc): boolean {
    let known = this.usable.get(f);
    if (known === undefined) {
      known = false;
      for (const d of this.closure()) {
        if (d === f) {
          known = true;
          break;
        }
      }
      this.usable.set(f, known);
    }
    return known;
  }

  private target(): Registry {
    return this.local ?? this.base;
  }

  /** Builds the file defining `typeName`, if this registry covers it. */
  private reach(typeName: string): void {
    const s = this.pool.findSymbol(typeName);
    if (s !== undefined && s.kind !== "package") this.ensure(s.file);
  }

  /** Builds `f` (with its imports) if it is `file` or a file `file` may use and not built yet. */
  private ensure(f: FileDesc): void {
    if (f === this.file) {
      if (this.local !== undefined) return;
      for (const d of this.imports(f)) this.addToBase(d);
      this.local = new MutableRegistry(this.base);
      this.local.addFileProtos([copyFile(f, false)], bootFeatureDefaults());
    } else if (this.isUsable(f)) {
      this.addToBase(f);
    }
  }

  private addToBase(f: FileDesc): void {
    if (this.adding.has(f) || this.base.getFile(f.name) !== undefined) return;
    this.adding.add(f);
    for (const d of this.imports(f)) this.addToBase(d);
    if (this.base.getFile(f.name) === undefined) this.base.addFileProtos([copyFile(f, false)], bootFeatureDefaults());
    this.adding.delete(f);
  }
}
