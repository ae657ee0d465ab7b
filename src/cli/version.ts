import { readFileSync } from "node:fs";

/** The protoc release whose flags and behaviour protoforge follows. */
export const PROTOC_COMPATIBLE_VERSION = "36.2";

/** protoforge's version, read from its package.json (`unknown` if that cannot be read). */
export function protoforgeVersion(): string {
  try {
    // dist/src/cli/version.js → package.json three levels up.
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The --version output. protoc builds that embed protoc print their own line first and then
 * `libprotoc X.Y` (CommandLineInterface::SetVersionInfo); protoforge does the same, so that
 * users see what they run and tools that look for `libprotoc X.Y` learn which protoc it follows.
 */
export function versionText(): string {
  return `protoforge ${protoforgeVersion()}\nlibprotoc ${PROTOC_COMPATIBLE_VERSION}\n`;
}
