import { readFileSync } from "node:fs";
import { decodeFileDescriptorSet } from "../descriptor-set.js";
import type { FileDescriptorProto } from "../reflect/descriptor-types.js";

/**
 * The files of the --descriptor_set_in sets, as protoc's merged descriptor database sees them: by
 * name, the first occurrence winning (within a set and across sets); symbols found by full name.
 */
export class FileDatabase {
  private readonly byName = new Map<string, FileDescriptorProto>();

  /** Adds the files of one set; names already present are skipped. */
  addSet(files: readonly FileDescriptorProto[]): void {
    for (const f of files) if (!this.byName.has(f.name ?? "")) this.byName.set(f.name ?? "", f);
  }

  /** The file of this name, if a set has one. */
  file(name: string): FileDescriptorProto | undefined {
    return this.byName.get(name);
  }

  /** Every file, in the order the sets list them. */
  files(): IterableIterator<FileDescriptorProto> {
    return this.byName.values();
  }

  /** The file that defines `symbol` (a message, enum, extension or service, or something nested in one), by full name without a leading dot. */
  fileContainingSymbol(symbol: string): FileDescriptorProto | undefined {
    for (const f of this.byName.values()) {
      for (const top of topLevelSymbols(f)) if (symbol === top || symbol.startsWith(top + ".")) return f;
    }
    return undefined;
  }
}

/** The full names of a file's top-level messages, enums, extensions and services. */
function topLevelSymbols(f: FileDescriptorProto): string[] {
  const prefix = f.package ? `${f.package}.` : "";
  const names = (xs: readonly { name?: string }[]) => xs.map((x) => prefix + (x.name ?? ""));
  return [...names(f.messageType), ...names(f.enumType), ...names(f.extension), ...names(f.service)];
}

/** The database, or the line protoc prints when a set cannot be read. */
export type LoadSetsResult = { readonly ok: true; readonly db: FileDatabase } | { readonly ok: false; readonly error: string };

/** Reads a file's bytes; `"unreadable"` when it opens but cannot be read (a directory), `"missing"` when it does not open. */
export type ReadSetFile = (path: string) => Uint8Array | "missing" | "unreadable";

/** Reads a descriptor set file with node:fs. */
export const readSetFile: ReadSetFile = (path) => {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EISDIR" ? "unreadable" : "missing";
  }
};

/**
 * Loads the --descriptor_set_in files in order. Like protoc, any failure to open is reported as
 * `NAME: No such file or directory`, and bytes that are not a FileDescriptorSet as `NAME: Unable to parse.`
 */
export function loadDescriptorSets(paths: readonly string[], read: ReadSetFile = readSetFile): LoadSetsResult {
  const db = new FileDatabase();
  for (const path of paths) {
    const bytes = read(path);
    if (bytes === "missing") return { ok: false, error: `${path}: No such file or directory` };
    let files: FileDescriptorProto[] | undefined;
    if (bytes !== "unreadable") {
      try {
        files = decodeFileDescriptorSet(bytes).file;
      } catch {
        files = undefined;
      }
    }
    if (!files) return { ok: false, error: `${path}: Unable to parse.` };
    db.addSet(files);
  }
  return { ok: true, db };
}
