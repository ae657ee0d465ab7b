import type { DiskSourceTree, SourceFileSystem } from "./source-tree.js";

/** Input files as virtual paths, or the line protoc prints when one of them cannot be mapped. */
export type MapInputsResult = { readonly ok: true; readonly files: string[] } | { readonly ok: false; readonly error: string };

/**
 * Turns the input file names given on the command line into virtual paths, as protoc does: a name
 * that is not on disk must be a virtual path (or a file of a --descriptor_set_in); a file on disk
 * must lie under a proto_path, and not be shadowed by a file of the same virtual path in an earlier one.
 */
export function mapInputFiles(inputs: readonly string[], tree: DiskSourceTree, fs: SourceFileSystem, inDescriptorSets: (name: string) => boolean): MapInputsResult {
  const files: string[] = [];
  for (const input of inputs) {
    const r = mapInputFile(input, tree, fs, inDescriptorSets(input));
    if (typeof r !== "string") return r;
    files.push(r);
  }
  return { ok: true, files };
}

function mapInputFile(input: string, tree: DiskSourceTree, fs: SourceFileSystem, inFallback: boolean): string | { ok: false; error: string } {
  if (!fs.exists(input)) {
    if (tree.virtualFileToDiskFile(input) !== undefined || inFallback) return input;
    return { ok: false, error: `Could not make proto path relative: ${input}: No such file or directory` };
  }
  const r = tree.diskFileToVirtualFile(input);
  switch (r.kind) {
    case "success":
      return r.virtualPath;
    case "shadowed":
      return {
        ok: false,
        error: `${input}: Input is shadowed in the --proto_path by "${r.shadowingDiskPath}".  Either use the latter file as your input or reorder the --proto_path so that the former file's location comes first.`,
      };
    case "cannot-open":
      if (inFallback) return input;
      return { ok: false, error: `Could not map to virtual file: ${input}: ${r.error}` };
    case "no-mapping":
      if (tree.virtualFileToDiskFile(input) !== undefined || inFallback) return input;
      return {
        ok: false,
        error:
          `${input}: File does not reside within any path specified using --proto_path (or -I).  You must specify a --proto_path which encompasses this file.  ` +
          "Note that the proto_path must be an exact prefix of the .proto file names -- protoc is too dumb to figure out when two paths (e.g. absolute and relative) are equivalent (it's harder than you think).",
      };
  }
}
