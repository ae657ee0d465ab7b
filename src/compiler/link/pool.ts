/**
 * The pool of a compilation: every file built so far and every name they define (protoc's
 * DescriptorPool::Tables). Names are global: packages, messages, enums, enum values (as siblings
 * of their enum), fields, oneofs, extensions, services and methods, by fully-qualified name.
 */
import type { FieldDesc, FileDesc, MessageDesc, SymbolEntry } from "./model.js";

/** Files and symbols of one compilation. */
export class Pool {
  /** Built files by name. */
  readonly files = new Map<string, FileDesc>();
  /** Every symbol by fully-qualified name (no leading dot). */
  readonly symbols = new Map<string, SymbolEntry>();
  /** Extensions by extendee and number, across files (the first one registered wins). */
  private readonly extensions = new Map<MessageDesc, Map<number, FieldDesc>>();
  /** Files whose build is in progress, outermost first (to detect import cycles). */
  readonly pending: string[] = [];

  /** Adds a symbol unless the name is taken; returns false when it is. */
  addSymbol(name: string, entry: SymbolEntry): boolean {
    if (this.symbols.has(name)) return false;
    this.symbols.set(name, entry);
    return true;
  }

  /** Looks a symbol up by fully-qualified name. */
  findSymbol(name: string): SymbolEntry | undefined {
    return this.symbols.get(name);
  }

  /** Registers an extension; false when its extendee already has one with that number. */
  addExtension(field: FieldDesc): boolean {
    const extendee = field.containingType;
    if (extendee === undefined) return true;
    let m = this.extensions.get(extendee);
    if (m === undefined) this.extensions.set(extendee, (m = new Map()));
    if (m.has(field.number)) return false;
    m.set(field.number, field);
    return true;
  }

  /** The extension of `extendee` with `number`, if any. */
  findExtension(extendee: MessageDesc, number: number): FieldDesc | undefined {
    return this.extensions.get(extendee)?.get(number);
  }

  /** All extensions of `extendee` known to the pool. */
  extensionsOf(extendee: MessageDesc): Iterable<FieldDesc> {
    return this.extensions.get(extendee)?.values() ?? [];
  }

  /** Removes everything a failed file added (protoc rolls back to its checkpoint). */
  rollback(file: FileDesc): void {
    for (const [name, s] of this.symbols) if (s.file === file) this.symbols.delete(name);
    for (const m of this.extensions.values()) for (const [n, f] of m) if (f.file === file) m.delete(n);
    if (this.files.get(file.name) === file) this.files.delete(file.name);
  }
}
