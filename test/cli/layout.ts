// The directory the CLI cases run in, built the same way for protoc (scripts/cli-record.mjs) and
// for protoforge (the tests), so that recorded outputs can be compared.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../support/protoc.js";

/** test/cli/fixtures in the source tree (tests run from dist/). */
export const fixturesDir = join(repoRoot, "test/cli/fixtures");

/** The descriptor sets scripts/cli-record.mjs compiles (file name → protoc arguments after -I and -o). */
export const descriptorSets: Readonly<Record<string, readonly string[]>> = {
  "cli.binpb": ["cli_test.proto", "cli_test3.proto"],
  "a.binpb": ["a.proto"],
  "ac.binpb": ["a.proto", "c.proto"],
  "ext.binpb": ["--include_imports", "b.proto", "x.proto"],
};

const M_PROTO = 'syntax = "proto3";\nmessage M { int32 x = 1; }\n';
const BAD_PROTO = 'syntax = "proto3";\nmessage M { int32 x = 1 }\n';

/**
 * Creates a fresh case directory: `a/m.proto`, `b/m.proto` (the same file twice, for shadowing),
 * `a/bad.proto` (a syntax error at 2:25), the directory `a/sub`, argument files under `args/`,
 * and the recorded descriptor sets under `sets/`. Returns its path.
 */
export function makeLayout(): string {
  const dir = mkdtempSync(join(tmpdir(), "pf-cli-"));
  for (const d of ["a/sub", "b", "args", "sets"]) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, "a/m.proto"), M_PROTO);
  writeFileSync(join(dir, "b/m.proto"), M_PROTO);
  writeFileSync(join(dir, "a/bad.proto"), BAD_PROTO);
  writeFileSync(join(dir, "args/raw.args"), "--decode_raw\n");
  writeFileSync(join(dir, "args/crlf.args"), "--decode_raw\r\n");
  writeFileSync(join(dir, "args/empty-line.args"), "--decode_raw\n\n");
  writeFileSync(join(dir, "args/no-newline.args"), "--decode_raw");
  writeFileSync(join(dir, "args/nested.args"), "@args/no-newline.args\n");
  writeFileSync(join(dir, "args/spaces.args"), "--error_format=msvs\n--decode_raw\n");
  for (const set of Object.keys(descriptorSets)) cpSync(join(fixturesDir, set), join(dir, "sets", set));
  return dir;
}

/** Replaces the case directory's path by `$TMP`, so that outputs recorded in one directory compare in another. */
export function withPlaceholder(text: string, dir: string): string {
  return text.split(dir).join("$TMP");
}

/** Replaces `$TMP` in an argument by the case directory's path. */
export function resolveArg(arg: string, dir: string): string {
  return arg.split("$TMP").join(dir);
}
