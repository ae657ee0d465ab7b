/**
 * The per-file state of protoc's DescriptorBuilder: error reporting with protoc's positions,
 * symbol registration (AddSymbol, AddPackage, ValidateSymbolName) and name lookup (FindSymbol,
 * LookupSymbol) with protoc's scoping and dependency rules and its "not defined" diagnostics.
 */
import type { Diagnostic, Severity } from "../diagnostic.js";
import type { ErrorLocation, SourceLocationTable } from "../lower/locations.js";
import type { DeferredOptionLocations } from "../lower/option-locations.js";
import type { AnyOptions, OptionsKind } from "../lower/protos.js";
import type { AnyDesc, FieldDesc, FileDesc, MessageDesc, OptionsOwner, SymbolEntry } from "./model.js";
import { copyOptions, OPTIONS_FIELD, type OptionsJob } from "./options-job.js";
import type { Pool } from "./pool.js";

/** protoc's MessageHints: field numbers to suggest after number errors in a message. */
export interface MessageHints {
  fieldsToSuggest: number;
  firstReason: object | undefined;
  firstReasonLocation: ErrorLocation;
}

/** Whether a relative lookup accepts any symbol or only types (messages and enums). */
export type ResolveMode = "all" | "types";

/** Builder state for one file. */
export class Builder {
  /** True once an error was reported for this file. */
  hadErrors = false;
  /** The file being built (set once allocated). */
  file!: FileDesc;
  /** Files whose symbols this file may use: its imports and their public imports, transitively. */
  readonly dependencies = new Set<FileDesc>();
  /** Same for `import option` dependencies. */
  readonly optionDependencies = new Set<FileDesc>();
  /** Imports not used so far (only tracked for files given on the command line). */
  readonly unusedDependencies = new Set<FileDesc>();
  /** Set by a lookup that found the name in a file not imported. */
  possibleUndeclaredDependency: FileDesc | undefined;
  possibleUndeclaredDependencyName = "";
  /** Set by a lookup whose first component resolved but the rest did not. */
  undefineResolvedName = "";
  /** Options to interpret, in the order protoc allocates them. */
  readonly jobs: OptionsJob[] = [];
  /** Fields and extensions of this file by containing type and number (protoc's fields_by_number_). */
  readonly fieldsByNumber = new Map<MessageDesc | undefined, Map<number, FieldDesc>>();
  /** Field number hints per message (keyed by message; undefined for file-level extensions). */
  readonly messageHints = new Map<MessageDesc | undefined, MessageHints>();
  /** How many more levels of nested messages are allowed. */
  recursionDepth = 32;
  /** `import option` files that could not be loaded (an error only if the file has options to interpret). */
  readonly unknownOptionDependencies: string[] = [];

  constructor(
    readonly pool: Pool,
    /** The file name used in diagnostics. */
    readonly filename: string,
    readonly table: SourceLocationTable,
    private readonly diagnostics: Diagnostic[],
    /** The locations inside this file's option statements, when the lowering deferred them. */
    readonly optionLocations?: DeferredOptionLocations,
  ) {}

  /** Reports an error about `elementName` at `where` of `proto` (protoc's AddError). */
  error(elementName: string, proto: object, where: ErrorLocation, message: string): void {
    this.report(elementName, proto, where, message, "error");
    this.hadErrors = true;
  }

  /** Reports a warning (protoc's AddWarning). */
  warning(elementName: string, proto: object, where: ErrorLocation, message: string): void {
    this.report(elementName, proto, where, message, "warning");
  }

  private report(elementName: string, proto: object, where: ErrorLocation, message: string, severity: Severity): void {
    const at = where === "IMPORT" ? this.table.findImport(proto, elementName) : this.table.find(proto, where);
    this.diagnostics.push({ file: this.filename, line: at.line, column: at.column, message, severity });
  }

  /** protoc's AddNotDefinedError: explains a failed lookup of `symbol`. */
  notDefined(elementName: string, proto: object, where: ErrorLocation, symbol: string): void {
    if (this.possibleUndeclaredDependency === undefined && this.undefineResolvedName === "") {
      this.error(elementName, proto, where, `"${symbol}" is not defined.`);
      return;
    }
    if (this.possibleUndeclaredDependency !== undefined) {
      this.error(
        elementName,
        proto,
        where,
        `"${this.possibleUndeclaredDependencyName}" seems to be defined in "${this.possibleUndeclaredDependency.name}", which is not imported by "${this.filename}".  To use it here, please add the necessary import.`,
      );
    }
    if (this.undefineResolvedName !== "") {
      this.error(
        elementName,
        proto,
        where,
        `"${symbol}" is resolved to "${this.undefineResolvedName}", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., ".${symbol}") to start from the outermost scope.`,
      );
    }
  }

  /** Adds to the hints for `message` (protoc's RequestHintOnFieldNumbers). */
  requestHint(message: MessageDesc | undefined, reason: object, where: ErrorLocation, rangeStart = 0, rangeEnd = 1): void {
    let h = this.messageHints.get(message);
    if (h === undefined) this.messageHints.set(message, (h = { fieldsToSuggest: 0, firstReason: undefined, firstReasonLocation: "OTHER" }));
    const fit = (v: number) => Math.min(Math.max(v, 0), 536870911);
    h.fieldsToSuggest = fit(h.fieldsToSuggest + fit(fit(rangeEnd) - fit(rangeStart)));
    if (h.firstReason !== undefined) return;
    h.firstReason = reason;
    h.firstReasonLocation = where;
  }

  /**
   * protoc's AllocateOptions: gives `owner` a working copy of the parsed options and queues them
   * for interpretation when they have uninterpreted options.
   */
  allocateOptions(owner: OptionsOwner, original: AnyOptions | undefined, kind: OptionsKind, elementPath: readonly number[], nameScope: string, elementName: string): void {
    if (original === undefined) return;
    const copy = copyOptions(original);
    (owner as { options: AnyOptions | undefined }).options = copy;
    if (copy.uninterpretedOption.length > 0) {
      this.jobs.push({ owner, original, nameScope, elementName, path: [...elementPath, OPTIONS_FIELD[kind]] });
    }
  }

  // ---- registration

  /** Registers `desc` under `fullName`; reports protoc's "already defined" errors. */
  addSymbol(fullName: string, desc: AnyDesc, proto: object): boolean {
    if (fullName.includes("\0")) {
      this.error(fullName, proto, "NAME", `"${fullName}" contains null character.`);
      return false;
    }
    if (this.pool.addSymbol(fullName, { kind: desc.kind, desc, file: this.file } as SymbolEntry)) return true;
    const other = this.pool.findSymbol(fullName)!.file;
    if (other === this.file) {
      const dot = fullName.lastIndexOf(".");
      if (dot === -1) this.error(fullName, proto, "NAME", `"${fullName}" is already defined.`);
      else this.error(fullName, proto, "NAME", `"${fullName.slice(dot + 1)}" is already defined in "${fullName.slice(0, dot)}".`);
    } else {
      this.error(fullName, proto, "NAME", `"${fullName}" is already defined in file "${other.name}".`);
    }
    return false;
  }

  /** Registers a package and its parents (protoc's AddPackage). */
  addPackage(name: string, proto: object, toplevel: boolean): void {
    if (name.includes("\0")) {
      this.error(name, proto, "NAME", `"${name}" contains null character.`);
      return;
    }
    const existing = this.pool.findSymbol(name);
    if (existing === undefined) {
      this.pool.addSymbol(name, { kind: "package", file: this.file, full: toplevel });
      const dot = name.lastIndexOf(".");
      if (dot === -1) {
        this.validateSymbolName(name, name, proto);
      } else {
        this.addPackage(name.slice(0, dot), proto, false);
        this.validateSymbolName(name.slice(dot + 1), name, proto);
      }
    } else if (existing.kind !== "package") {
      this.error(name, proto, "NAME", `"${name}" is already defined (as something other than a package) in file "${existing.file.name}".`);
    }
  }

  /** Names must be non-empty and made of letters, digits and underscores. */
  validateSymbolName(name: string, fullName: string, proto: object): void {
    if (name === "") {
      this.error(fullName, proto, "NAME", "Missing name.");
      return;
    }
    if (!/^[A-Za-z0-9_]*$/.test(name)) this.error(fullName, proto, "NAME", `"${name}" is not a valid identifier.`);
  }

  // ---- lookup

  /** Records `file` and its public imports, transitively, as usable dependencies. */
  recordPublicDependencies(file: FileDesc | undefined, into: Set<FileDesc>): void {
    if (file === undefined || into.has(file)) return;
    into.add(file);
    for (const i of file.publicDependencies) this.recordPublicDependencies(file.dependencies[i], into);
  }

  /** Finds a symbol in the pool, marking its file as used (protoc's FindSymbolNotEnforcingDeps). */
  findSymbolNotEnforcingDeps(name: string): SymbolEntry | undefined {
    const result = this.pool.findSymbol(name);
    if (result !== undefined && result.kind !== "package") {
      const f = result.file;
      if (f === this.file || this.dependencies.has(f) || this.optionDependencies.has(f)) this.unusedDependencies.delete(f);
    }
    return result;
  }

  /** Finds a symbol defined in this file or a file it may use (protoc's FindSymbol). */
  findSymbol(name: string): SymbolEntry | undefined {
    const result = this.findSymbolNotEnforcingDeps(name);
    if (result === undefined) return undefined;
    const f = result.file;
    if (f === this.file || this.dependencies.has(f)) return result;
    if (this.optionDependencies.has(f) && result.kind === "field") return result;
    if (result.kind === "package") {
      // A package may be declared by several files; any usable one will do.
      if (isInPackage(this.file, name)) return result;
      for (const d of this.dependencies) if (isInPackage(d, name)) return result;
      for (const d of this.optionDependencies) if (isInPackage(d, name)) return result;
    }
    this.possibleUndeclaredDependency = f;
    this.possibleUndeclaredDependencyName = name;
    return undefined;
  }

  /**
   * Resolves `name` relative to the scope `relativeTo` (a fully-qualified name whose last part
   * is dropped first) as protoc's LookupSymbolNoPlaceholder does: a leading dot means
   * fully-qualified; otherwise the first component is searched from the innermost scope outwards
   * and the rest is looked up inside what it names.
   */
  lookupSymbol(name: string, relativeTo: string, mode: ResolveMode = "all"): SymbolEntry | undefined {
    this.possibleUndeclaredDependency = undefined;
    this.undefineResolvedName = "";
    if (name.startsWith(".")) return this.findSymbol(name.slice(1));
    const dot = name.indexOf(".");
    const firstPart = dot === -1 ? name : name.slice(0, dot);
    let scope = relativeTo;
    for (;;) {
      const cut = scope.lastIndexOf(".");
      if (cut === -1) return this.findSymbol(name);
      scope = scope.slice(0, cut);
      const candidate = scope + "." + firstPart;
      const result = this.findSymbol(candidate);
      if (result !== undefined) {
        if (firstPart.length < name.length) {
          if (isAggregate(result)) {
            const full = scope + "." + name;
            const found = this.findSymbol(full);
            if (found === undefined) this.undefineResolvedName = full;
            return found;
          }
        } else if (mode === "all" || isType(result)) {
          return result;
        }
      }
    }
  }
}

function isType(s: SymbolEntry): boolean {
  return s.kind === "message" || s.kind === "enum";
}

function isAggregate(s: SymbolEntry): boolean {
  return isType(s) || s.kind === "package" || s.kind === "service";
}

function isInPackage(file: FileDesc, pkg: string): boolean {
  return file.package.startsWith(pkg) && (file.package.length === pkg.length || file.package[pkg.length] === ".");
}
