import type { DescFile } from "../../reflect/descriptors.js";
import type { TsOptions } from "./options.js";

/** The files protoc ships in its include directory; their modules come with the protoforge package (`protoforge/wkt/…`). */
export const wellKnownFiles: readonly string[] = [
  "any",
  "api",
  "c_sharp_features",
  "compiler/plugin",
  "cpp_features",
  "cpp_file_options",
  "cpp_options",
  "descriptor",
  "duration",
  "empty",
  "field_mask",
  "go_features",
  "java_features",
  "json_enumvalue_options",
  "json_options",
  "source_context",
  "struct",
  "timestamp",
  "type",
  "wrappers",
].map((n) => `google/protobuf/${n}.proto`);

const wellKnown = new Set(wellKnownFiles);

/** True for a file whose generated module ships with the protoforge package. */
export function isWellKnownFile(name: string): boolean {
  return wellKnown.has(name);
}

/** The path of a file's generated module without extension: `foo/bar.proto` → `foo/bar_pb`. */
export function modulePath(file: DescFile | string): string {
  const name = typeof file === "string" ? file : file.name;
  return name.replace(/\.proto$/, "") + "_pb";
}

/** The specifier `from`'s module imports `to`'s module by. */
export function importSpecifier(from: DescFile, to: DescFile, options: TsOptions): string {
  if (options.wktImport !== undefined && isWellKnownFile(to.name)) {
    return `${options.wktImport}/${to.name.replace(/^google\/protobuf\//, "").replace(/\.proto$/, "")}`;
  }
  const ext = options.importExtension === "none" ? "" : `.${options.importExtension}`;
  return relativeSpecifier(modulePath(from), modulePath(to) + ext);
}

/** The specifier of the runtime module in `from`'s module. */
export function runtimeSpecifier(from: DescFile, options: TsOptions): string {
  const r = options.runtimeImport;
  return r.startsWith(".") ? relativeSpecifier(modulePath(from), normalize(r)) : r;
}

/** A relative import from the module at `fromPath` to `toPath` (both relative to one root, `/`-separated). */
export function relativeSpecifier(fromPath: string, toPath: string): string {
  const from = fromPath.split("/").slice(0, -1);
  const to = toPath.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}

/** Resolves `.` and `..` segments of a relative path (leading `..` segments are kept). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "." || seg === "") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}
