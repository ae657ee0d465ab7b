/**
 * Where .proto files come from, with protoc's virtual path semantics (compiler/importer.cc's
 * DiskSourceTree): a virtual path like "google/protobuf/any.proto" is looked up under each include
 * path in order; virtual paths must be canonical (no "..", ".", "//" or backslashes). Input file
 * names given as disk paths are mapped back to virtual paths, as protoc does.
 */
import { readFileSync, statSync } from "node:fs";

/** The result of opening a virtual path: its bytes, or protoc's error text. */
export type OpenResult = { readonly bytes: Uint8Array; readonly diskPath?: string } | { readonly error: string };

/** Something files can be read from by virtual path. */
export interface SourceTree {
  /** Opens a file by virtual path. */
  open(virtualPath: string): OpenResult;
  /** Maps an input file name (a disk path or a virtual path) to its virtual path, or returns protoc's error (about the input). */
  toVirtual(input: string): { readonly path: string } | { readonly error: string };
}

/** protoc's CanonicalizePath: drops "." and empty parts, keeps leading and trailing slashes. */
export function canonicalizePath(path: string): string {
  const parts: string[] = [];
  if (path.startsWith("/")) parts.push("");
  for (const p of path.split("/")) if (p !== "" && p !== ".") parts.push(p);
  if (path.endsWith("/") && path !== "/") parts.push("");
  return parts.join("/");
}

function containsParentReference(path: string): boolean {
  return path === ".." || path.startsWith("../") || path.endsWith("/..") || path.includes("/../");
}

/** protoc's ApplyMapping: maps `filename` from one prefix to another, or undefined. */
function applyMapping(filename: string, oldPrefix: string, newPrefix: string): string | undefined {
  if (oldPrefix === "") {
    if (containsParentReference(filename) || filename.startsWith("/")) return undefined;
    return newPrefix === "" ? filename : `${newPrefix}/${filename}`;
  }
  if (!filename.startsWith(oldPrefix)) return undefined;
  if (filename.length === oldPrefix.length) return newPrefix;
  let after = -1;
  if (filename[oldPrefix.length] === "/") after = oldPrefix.length + 1;
  else if (oldPrefix.endsWith("/")) after = oldPrefix.length;
  if (after === -1) return undefined;
  const rest = filename.slice(after);
  if (containsParentReference(rest)) return undefined;
  return newPrefix === "" ? rest : `${newPrefix}/${rest}`;
}

type DiskRead = { bytes: Uint8Array } | { error: "directory" | "missing" | "denied" };

function readDisk(path: string): DiskRead {
  try {
    const b = readFileSync(path);
    return { bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "EISDIR") return { error: "directory" };
    // Unreadable: denied when the file itself is there, missing when a directory on the way is closed.
    if (code === "EACCES" && exists(path)) return { error: "denied" };
    return { error: "missing" };
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

const NOT_CANONICAL = 'Backslashes, consecutive slashes, ".", or ".." are not allowed in the virtual path';

/** protoc accepts only canonical virtual paths, so each file has exactly one name. */
function isCanonicalVirtualPath(path: string): boolean {
  return path === canonicalizePath(path) && !containsParentReference(path) && !path.includes("\\");
}

/** A source tree over include directories (protoc's -I), each mapped to the virtual root. */
export class DiskSourceTree implements SourceTree {
  private readonly mappings: { virtual: string; disk: string }[];
  /** Inputs toVirtual found by opening them, kept for the open() that loads them. */
  private readonly opened = new Map<string, OpenResult>();

  constructor(includePaths: readonly string[]) {
    this.mappings = includePaths.map((p) => ({ virtual: "", disk: canonicalizePath(p) }));
  }

  /** Opens a virtual path (protoc's OpenVirtualFile). */
  open(virtualPath: string): OpenResult {
    const done = this.opened.get(virtualPath);
    if (done !== undefined) {
      this.opened.delete(virtualPath);
      return done;
    }
    if (!isCanonicalVirtualPath(virtualPath)) return { error: NOT_CANONICAL };
    for (const m of this.mappings) {
      const disk = applyMapping(virtualPath, m.virtual, m.disk);
      if (disk === undefined) continue;
      const r = readDisk(disk);
      if ("bytes" in r) return { bytes: r.bytes, diskPath: disk };
      if (r.error === "denied") return { error: `Read access is denied for file: ${disk}` };
    }
    return { error: "File not found." };
  }

  /** Whether `input` opens as a virtual path; its contents are kept for loading it. */
  private openInput(input: string): boolean {
    const r = this.open(input);
    if (!("bytes" in r)) return false;
    this.opened.set(input, r);
    return true;
  }

  /** protoc's MakeProtoProtoPathRelative. */
  toVirtual(input: string): { readonly path: string } | { readonly error: string } {
    if (!exists(input)) {
      if (this.openInput(input)) return { path: input };
      return { error: `Could not make proto path relative: ${input}: No such file or directory` };
    }
    const canonical = canonicalizePath(input);
    for (let i = 0; i < this.mappings.length; i++) {
      const m = this.mappings[i]!;
      const virtual = applyMapping(canonical, m.disk, m.virtual);
      if (virtual === undefined) continue;
      for (let j = 0; j < i; j++) {
        const shadow = applyMapping(virtual, this.mappings[j]!.virtual, this.mappings[j]!.disk);
        if (shadow !== undefined && exists(shadow)) {
          return {
            error: `Input is shadowed in the --proto_path by "${shadow}".  Either use the latter file as your input or reorder the --proto_path so that the former file's location comes first.`,
          };
        }
      }
      if (!("bytes" in readDisk(input))) return { error: `Could not map to virtual file: ${input}: File not found.` };
      return { path: virtual };
    }
    if (this.openInput(input)) return { path: input };
    return {
      error: `File does not reside within any path specified using --proto_path (or -I).  You must specify a --proto_path which encompasses this file.  Note that the proto_path must be an exact prefix of the .proto file names -- protoc is too dumb to figure out when two paths (e.g. absolute and relative) are equivalent (it's harder than you think).`,
    };
  }
}

/** A source tree reading through a callback (virtual paths only). */
export class CallbackSourceTree implements SourceTree {
  constructor(private readonly read: (virtualPath: string) => Uint8Array | string | undefined) {}

  /** Opens a virtual path through the callback. */
  open(virtualPath: string): OpenResult {
    if (!isCanonicalVirtualPath(virtualPath)) return { error: NOT_CANONICAL };
    const r = this.read(virtualPath);
    if (r === undefined) return { error: "File not found." };
    return { bytes: typeof r === "string" ? new TextEncoder().encode(r) : r };
  }

  /** Input names are virtual paths already. */
  toVirtual(input: string): { readonly path: string } {
    return { path: input };
  }
}
