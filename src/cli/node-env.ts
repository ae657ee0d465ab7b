import { readFileSync } from "node:fs";
import type { ArgsEnv } from "./args.js";
import { helpText } from "./help.js";
import { nodeFileSystem } from "./source-tree.js";
import { versionText } from "./version.js";
import { editionNames } from "./editions.js";

/** What --notices prints: protoforge has no runtime dependencies, so there is nothing third-party to credit. */
export const NOTICES_TEXT = "protoforge is released under the MIT license and includes no third-party code at run time.";

/**
 * Reads an `@argsfile` as protoc does (std::getline): lines split at `\n`, a `\r` kept, no line
 * after a final newline. A directory opens but has no lines.
 */
function readArgsFile(path: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EISDIR" ? [] : undefined;
  }
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The command line parser's view of the real file system and texts. */
export const nodeArgsEnv: ArgsEnv = {
  exists: (path) => nodeFileSystem.exists(path),
  helpText,
  versionText,
  noticesText: () => NOTICES_TEXT,
  editionNames,
  readArgsFile,
};
