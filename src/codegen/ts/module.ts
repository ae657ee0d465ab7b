import type { DescEnum, DescFile, DescMessage } from "../../reflect/descriptors.js";
import { Imports, type Flavour } from "../imports.js";
import { fileSymbols, NameScope, type FileSymbols } from "../names.js";
import type { TsOptions } from "./options.js";
import { importSpecifier, runtimeSpecifier } from "./paths.js";

/**
 * What the emitters of one generated module share: the file, the flavour being written, the names
 * the module exports, and its imports (each reference to another module's symbol goes through
 * here, so only what is used is imported, under a name that does not clash).
 */
export class ModuleContext {
  readonly symbols: FileSymbols;
  readonly scope = new NameScope();
  private readonly imports = new Imports(this.scope);

  constructor(
    readonly file: DescFile,
    readonly flavour: Flavour,
    readonly options: TsOptions,
  ) {
    this.symbols = fileSymbols(file);
    for (const n of this.symbols.names) this.scope.reserve(n);
  }

  /** True when writing TypeScript source (not JavaScript, not declarations). */
  get ts(): boolean {
    return this.flavour === "ts";
  }

  /** True when type annotations are written (TypeScript and declarations). */
  get typed(): boolean {
    return this.flavour !== "js";
  }

  /** The local name of a runtime export (`preferred` as alias, if given); `typeOnly` for types. */
  runtime(name: string, typeOnly = false, preferred?: string): string {
    return this.imports.use(runtimeSpecifier(this.file, this.options), name, typeOnly, preferred);
  }

  /** The TypeScript type name of a message or enum, imported when it lives in another file. */
  typeName(desc: DescMessage | DescEnum): string {
    return this.symbol(desc.file, fileSymbols(desc.file).type.get(desc), true);
  }

  /** The schema constant of a message or enum, imported when it lives in another file. */
  schemaName(desc: DescMessage | DescEnum): string {
    return this.symbol(desc.file, fileSymbols(desc.file).schema.get(desc), false);
  }

  /** The constant holding a file's descriptor, imported unless it is this file. */
  fileName(file: DescFile): string {
    return this.symbol(file, fileSymbols(file).file, false);
  }

  /** The import declarations used so far. */
  renderImports(): string[] {
    return this.imports.render(this.flavour);
  }

  private symbol(file: DescFile, name: string | undefined, typeOnly: boolean): string {
    if (name === undefined) throw new Error(`${file.name}: no generated name (a map entry?)`);
    if (file === this.file) return name;
    return this.imports.use(importSpecifier(this.file, file, this.options), name, typeOnly);
  }
}
