import { readFileSync, statSync } from "node:fs";
import type { ProtoPath } from "./options.js";
import { errnoText } from "./errno.js";

/** Where the compiler reads .proto files from: files by virtual path (the name used in `import`). */
export interface SourceTree {
  /** The text of a file, or undefined when no proto_path has it (see DiskSourceTree.open for why). */
  readFile(virtualPath: string): string | undefined;
  /** The path to show in messages about a file: its disk path when it is found, else the virtual path itself. */
  diskPath(virtualPath: string): string;
}

/** A file opened by virtual path, or why it could not be. */
export type OpenResult =
  | { readonly ok: true; readonly diskPath: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: string };

/** The outcome of mapping a disk file back to a virtual path (protoc's DiskFileToVirtualFile). */
export type ToVirtualResult =
  | { readonly kind: "success"; readonly virtualPath: string }
  | { readonly kind: "shadowed"; readonly virtualPath: string; readonly shadowingDiskPath: string }
  | { readonly kind: "cannot-open"; readonly virtualPath: string; readonly error: string }
  | { readonly kind: "no-mapping" };

/** The message protoc gives for a virtual path that is not in canonical form. */
export const NON_CANONICAL_PATH_ERROR = 'Backslashes, consecutive slashes, ".", or ".." are not allowed in the virtual path';

/**
 * Canonicalizes a path as protoc does: empty and `.` segments dropped, a leading and a trailing
 * `/` kept (so `.` and `./` become the empty string). `..` is left alone.
 */
export function canonicalizePath(path: string): string {
  const parts: string[] = [];
  if (path.startsWith("/")) parts.push("");
  for (const p of path.split("/")) if (p !== "" && p !== ".") parts.push(p);
  if (path.endsWith("/")) parts.push("");
  return parts.join("/");
}

/** True when a path has a `..` segment. */
export function containsParentReference(path: string): boolean {
  return path === ".." || path.startsWith("../") || path.endsWith("/..") || path.includes("/../");
}

/**
 * Maps `filename` from under `oldPrefix` to under `newPrefix` (protoc's ApplyMapping). An empty
 * old prefix matches every relative path; otherwise it must be the whole name or a directory of it.
 * Names that would need `..` do not match.
 */
export function applyMapping(filename: string, oldPrefix: string, newPrefix: string): string | undefined {
  const join = (rest: string) => (newPrefix === "" ? rest : `${newPrefix}/${rest}`);
  if (oldPrefix === "") {
    if (containsParentReference(filename) || filename.startsWith("/")) return undefined;
    return join(filename);
  }
  if (!filename.startsWith(oldPrefix)) return undefined;
  if (filename.length === oldPrefix.length) return newPrefix;
  let restStart = -1;
  if (filename[oldPrefix.length] === "/") restStart = oldPrefix.length + 1;
  else if (oldPrefix.endsWith("/")) restStart = oldPrefix.length;
  if (restStart < 0) return undefined;
  const rest = filename.slice(restStart);
  return containsParentReference(rest) ? undefined : join(rest);
}

/** What DiskSourceTree needs from the file system (node:fs by default; tests may fake it). */
export interface SourceFileSystem {
  /** True when something exists at `path` (access F_OK). */
  exists(path: string): boolean;
  /** True when `path` is a directory. */
  isDirectory(path: string): boolean;
  /** The file's bytes, or the errno code (`EACCES`, `ENOENT`…) that reading it failed with. */
  read(path: string): Uint8Array | { readonly code: string };
}

/** The real file system. */
export const nodeFileSystem: SourceFileSystem = {
  exists: (path) => {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  },
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  read: (path) => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      return { code: (e as NodeJS.ErrnoException).code ?? "EIO" };
    }
  },
};

/**
 * protoc's DiskSourceTree: a list of (virtual prefix, disk directory) mappings searched in order.
 * Reads files by virtual path and maps command-line file names back to virtual paths.
 */
export class DiskSourceTree implements SourceTree {
  private readonly mappings: readonly ProtoPath[];

  constructor(protoPaths: readonly ProtoPath[], private readonly fs: SourceFileSystem = nodeFileSystem) {
    this.mappings = protoPaths.map((p) => ({ virtualPath: p.virtualPath, diskPath: canonicalizePath(p.diskPath) }));
  }

  /** Opens a file by virtual path: the first mapping under which it exists as a readable file wins. */
  open(virtualPath: string): OpenResult {
    if (virtualPath !== canonicalizePath(virtualPath) || containsParentReference(virtualPath)) return { ok: false, error: NON_CANONICAL_PATH_ERROR };
    for (const m of this.mappings) {
      const diskPath = applyMapping(virtualPath, m.virtualPath, m.diskPath);
      if (diskPath === undefined) continue;
      const opened = this.openDiskFile(diskPath);
      if (opened.ok) return opened;
      if (opened.code === "EACCES") return { ok: false, error: `Read access is denied for file: ${diskPath}` };
    }
    return { ok: false, error: "File not found." };
  }

  /** {@inheritDoc SourceTree.readFile} */
  readFile(virtualPath: string): string | undefined {
    const r = this.open(virtualPath);
    return r.ok ? new TextDecoder().decode(r.bytes) : undefined;
  }

  /** {@inheritDoc SourceTree.diskPath} */
  diskPath(virtualPath: string): string {
    return this.virtualFileToDiskFile(virtualPath) ?? virtualPath;
  }

  /** The disk path a virtual path is read from, or undefined when it is not found. */
  virtualFileToDiskFile(virtualPath: string): string | undefined {
    const r = this.open(virtualPath);
    return r.ok ? r.diskPath : undefined;
  }

  /**
   * Maps a disk file name to its virtual path through the first mapping whose directory contains
   * it; "shadowed" when an earlier mapping has a file under the same virtual path.
   */
  diskFileToVirtualFile(diskFile: string): ToVirtualResult {
    const canonical = canonicalizePath(diskFile);
    let index = -1;
    let virtualPath = "";
    for (let i = 0; i < this.mappings.length; i++) {
      const v = applyMapping(canonical, this.mappings[i]!.diskPath, this.mappings[i]!.virtualPath);
      if (v !== undefined) {
        index = i;
        virtualPath = v;
        break;
      }
    }
    if (index < 0) return { kind: "no-mapping" };
    for (let i = 0; i < index; i++) {
      const shadow = applyMapping(virtualPath, this.mappings[i]!.virtualPath, this.mappings[i]!.diskPath);
      if (shadow !== undefined && this.fs.exists(shadow)) return { kind: "shadowed", virtualPath, shadowingDiskPath: shadow };
    }
    const opened = this.openDiskFile(diskFile);
    if (!opened.ok) return { kind: "cannot-open", virtualPath, error: opened.error };
    return { kind: "success", virtualPath };
  }

  private openDiskFile(path: string): { ok: true; diskPath: string; bytes: Uint8Array } | { ok: false; code: string; error: string } {
    if (this.fs.isDirectory(path)) return { ok: false, code: "EISDIR", error: "Input file is a directory." };
    const r = this.fs.read(path);
    if (r instanceof Uint8Array) return { ok: true, diskPath: path, bytes: r };
    return { ok: false, code: r.code, error: errnoText(r.code) };
  }
}
