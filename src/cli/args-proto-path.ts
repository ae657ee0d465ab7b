import type { ParseOutcome, ParseOutput } from "./args.js";
import type { FlagEnv } from "./args-flags.js";
import type { CliOptions } from "./options.js";

/** The separator of path lists in --proto_path and --descriptor_set_in (protoc on Linux and macOS). */
export const PATH_LIST_SEPARATOR = ":";

/**
 * Adds the entries of one `-I`/`--proto_path` value: a `:`-separated list (empty parts skipped),
 * each `DIR` or `VIRTUAL=DIR`. A directory that does not exist draws a warning, as in protoc; when
 * only the whole entry exists (a directory whose name contains `=`), it is taken as the directory.
 */
export function addProtoPath(value: string, o: CliOptions, env: FlagEnv, out: ParseOutput): ParseOutcome | undefined {
  for (const part of value.split(PATH_LIST_SEPARATOR)) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    let virtualPath = eq < 0 ? "" : part.slice(0, eq);
    let diskPath = eq < 0 ? part : part.slice(eq + 1);
    if (diskPath === "") return out.fail('--proto_path passed empty directory name.  (Use "." for current directory.)');
    if (!env.exists(diskPath)) {
      if (env.exists(part)) {
        virtualPath = "";
        diskPath = part;
      } else {
        out.error(`${diskPath}: warning: directory does not exist.`);
      }
    }
    o.protoPaths.push({ virtualPath, diskPath });
  }
  return undefined;
}
