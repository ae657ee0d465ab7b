/**
 * protoc's GenerateDependencyManifestFile (--dependency_out=FILE): a make rule naming every file
 * written (generated files, then --descriptor_set_out and --edition_defaults_out) as targets of
 * the .proto files they were made from (the input and everything it imports, as disk paths).
 */
import { errnoText } from "./errno.js";
import type { OutputFileSystem } from "./output-fs.js";

/** What the manifest is made of. */
export interface DependencyManifest {
  /** The targets, in order. */
  readonly outputs: readonly string[];
  /** The virtual paths of the input and its imports, imports first (protoc's GetTransitiveDependencies order). */
  readonly files: readonly string[];
  /** The disk path a virtual path is read from, or undefined when it is not on disk. */
  diskPath(virtualPath: string): string | undefined;
}

/**
 * The manifest's text, as protoc prints it: `a \`, `b:` (one target a line, the last with a colon),
 * then ` /disk/x.proto\` and so on, the last dependency ending the file without a newline. Empty when
 * there are no targets. `missing` is the first file without a disk path (protoc stops there).
 */
export function manifestText(m: DependencyManifest): { readonly text: string; readonly missing?: string } {
  if (m.outputs.length === 0) return { text: "" };
  let text = m.outputs.map((o, i) => (i === m.outputs.length - 1 ? `${o}:` : `${o} \\\n`)).join("");
  for (let i = 0; i < m.files.length; i++) {
    const disk = m.diskPath(m.files[i]!);
    if (disk === undefined) return { text, missing: m.files[i]! };
    text += ` ${disk}`;
    if (i < m.files.length - 1) text += "\\\n";
  }
  return { text };
}

/** Writes the manifest to `path`; false after printing protoc's error. The file is created even when empty. */
export function writeDependencyManifest(path: string, m: DependencyManifest, fs: OutputFileSystem, stderr: (text: string) => void): boolean {
  const { text, missing } = manifestText(m);
  const code = fs.writeFile(path, new TextEncoder().encode(text));
  if (code !== undefined) {
    stderr(`${path}: ${errnoText(code)}\n`);
    return false;
  }
  if (missing !== undefined) {
    stderr(`Unable to identify path for file ${missing}\n`);
    return false;
  }
  return true;
}
