import type { AnyDesc, DescFile } from "../reflect/descriptors.js";
import type { SourceCodeInfo_Location } from "../reflect/descriptor-types.js";

/** The comments attached to a declaration in its .proto file (from source_code_info). */
export interface DescComments {
  readonly leading: string | undefined;
  readonly trailing: string | undefined;
  readonly leadingDetached: readonly string[];
}

const byFile = new WeakMap<DescFile, Map<string, SourceCodeInfo_Location>>();

function locations(file: DescFile): Map<string, SourceCodeInfo_Location> {
  let m = byFile.get(file);
  if (!m) {
    m = new Map();
    for (const loc of file.proto.sourceCodeInfo?.location ?? []) {
      const key = loc.path.join(",");
      if (!m.has(key)) m.set(key, loc);
    }
    byFile.set(file, m);
  }
  return m;
}

/**
 * The source path of a declaration (SourceCodeInfo.Location.path): field numbers of
 * FileDescriptorProto and its nested messages, and indexes into repeated fields.
 */
export function sourcePath(desc: AnyDesc): number[] {
  switch (desc.kind) {
    case "file":
      return [];
    case "message":
      return desc.parent
        ? [...sourcePath(desc.parent), 3, desc.parent.nestedMessages.indexOf(desc)]
        : [4, desc.file.messages.indexOf(desc)];
    case "enum":
      return desc.parent ? [...sourcePath(desc.parent), 4, desc.parent.nestedEnums.indexOf(desc)] : [5, desc.file.enums.indexOf(desc)];
    case "field":
      return [...sourcePath(desc.parent), 2, desc.parent.fields.indexOf(desc)];
    case "oneof":
      return [...sourcePath(desc.parent), 8, desc.parent.proto.oneofDecl.indexOf(desc.proto)];
    case "enum_value":
      return [...sourcePath(desc.parent), 2, desc.parent.values.indexOf(desc)];
    case "extension":
      return desc.parent
        ? [...sourcePath(desc.parent), 6, desc.parent.nestedExtensions.indexOf(desc)]
        : [7, desc.file.extensions.indexOf(desc)];
    case "service":
      return [6, desc.file.services.indexOf(desc)];
    case "rpc":
      return [...sourcePath(desc.parent), 2, desc.parent.methods.indexOf(desc)];
  }
}

function fileOf(desc: AnyDesc): DescFile {
  switch (desc.kind) {
    case "file":
      return desc;
    case "field":
    case "oneof":
      return desc.parent.file;
    case "enum_value":
    case "rpc":
      return desc.parent.file;
    default:
      return desc.file;
  }
}

/** The comments of a declaration; empty when the file has no source info. */
export function getComments(desc: AnyDesc): DescComments {
  const loc = locations(fileOf(desc)).get(sourcePath(desc).join(","));
  return { leading: loc?.leadingComments, trailing: loc?.trailingComments, leadingDetached: loc?.leadingDetachedComments ?? [] };
}

/** The lines of a comment, with the one space after `//` removed and trailing blank lines dropped. */
export function commentLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines.map((l) => (l.startsWith(" ") ? l.slice(1) : l).trimEnd());
}

/**
 * A TSDoc block: the leading comment, the trailing comment, then `tags` (e.g. `@generated from …`),
 * separated by blank lines; `*\/` in comments is escaped. Indented by `indent`.
 */
export function docBlock(comments: DescComments | undefined, tags: readonly string[], indent = ""): string {
  const sections: string[][] = [];
  if (comments?.leading) sections.push(commentLines(comments.leading));
  if (comments?.trailing) sections.push(commentLines(comments.trailing));
  if (tags.length > 0) sections.push([...tags]);
  const lines = sections.flatMap((s, i) => (i === 0 ? s : ["", ...s])).map((l) => l.replace(/\*\//g, "*\\/"));
  if (lines.length === 1) return `${indent}/** ${lines[0]} */`;
  return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join("\n");
}
