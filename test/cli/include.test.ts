// The standard .proto files shipped in the package's include/ directory: identical to protoc's,
// listed in package.json "files", and the CLI's default proto path, with or without the protoc package.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { defaultProtoPaths, PACKAGED_INCLUDE_DIR } from "../../src/cli/default-proto-path.js";
import { protocPath, repoRoot } from "../support/protoc.js";

const tmp = mkdtempSync(join(tmpdir(), "protoforge-cli-include-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const script = join(repoRoot, "scripts/sync-include.mjs");
const syncScript = (...args: string[]) => {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("include/", () => {
  test("is the same as protoc's include directory (scripts/sync-include.mjs --check)", () => {
    assert.deepEqual(syncScript("--check"), { code: 0, stdout: "20 files match\n", stderr: "" });
  });

  test("--check names every file that differs, is missing or is extra", () => {
    const copy = join(tmp, "copy");
    cpSync(join(repoRoot, "include"), copy, { recursive: true });
    writeFileSync(join(copy, "google/protobuf/any.proto"), "changed");
    rmSync(join(copy, "google/protobuf/compiler/plugin.proto"));
    writeFileSync(join(copy, "google/protobuf/extra.proto"), "");
    const r = syncScript("--check", "--to", copy);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      `${copy} is out of date with ${join(repoRoot, "node_modules/protoc/include")} (run node scripts/sync-include.mjs):\n` +
        "  differs: google/protobuf/any.proto\n  missing: google/protobuf/compiler/plugin.proto\n  extra: google/protobuf/extra.proto\n",
    );
  });

  test("copying brings a copy back in line", () => {
    const copy = join(tmp, "resync");
    mkdirSync(join(copy, "google"), { recursive: true });
    writeFileSync(join(copy, "google/stale.proto"), "");
    assert.equal(syncScript("--to", copy).code, 0);
    assert.deepEqual(syncScript("--check", "--to", copy), { code: 0, stdout: "20 files match\n", stderr: "" });
  });

  test("--check without a source directory fails", () => {
    const r = syncScript("--check", "--from", join(tmp, "nowhere"));
    assert.deepEqual(r, { code: 2, stdout: "", stderr: `${join(tmp, "nowhere")}: no files to copy from (is the protoc package installed?)\n` });
  });

  test("is shipped with the package", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    assert.ok(pkg.files.includes("include"));
  });
});

describe("the default proto path", () => {
  test("is the package's include directory", () => {
    assert.equal(PACKAGED_INCLUDE_DIR, join(repoRoot, "include"));
    assert.deepEqual(defaultProtoPaths(), [{ virtualPath: "", diskPath: join(repoRoot, "include") }]);
  });

  test("is left out when the directory has no descriptor.proto, as protoc does", () => {
    mkdirSync(join(tmp, "empty/google/protobuf"), { recursive: true });
    writeFileSync(join(tmp, "empty/google/protobuf/timestamp.proto"), readFileSync(join(repoRoot, "include/google/protobuf/timestamp.proto")));
    assert.deepEqual(defaultProtoPaths(join(tmp, "empty")), []);
  });

  test("compiles the well-known types in an installed package without the protoc package", () => {
    // The package as npm installs it: dist/src, include and package.json, and no node_modules.
    const pkg = join(tmp, "installed/node_modules/protoforge");
    cpSync(join(repoRoot, "dist/src"), join(pkg, "dist/src"), { recursive: true });
    cpSync(join(repoRoot, "include"), join(pkg, "include"), { recursive: true });
    cpSync(join(repoRoot, "package.json"), join(pkg, "package.json"));
    const src = join(tmp, "installed/proto");
    mkdirSync(src, { recursive: true });
    writeFileSync(
      join(src, "when.proto"),
      'syntax = "proto3";\npackage w;\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/compiler/plugin.proto";\n' +
        "message When { google.protobuf.Timestamp at = 1; google.protobuf.compiler.Version v = 2; }\n",
    );
    const ours = join(tmp, "ours.binpb");
    const theirs = join(tmp, "theirs.binpb");
    const args = (out: string) => [`-I${src}`, "--include_imports", `--descriptor_set_out=${out}`, "when.proto"];
    const r = spawnSync(process.execPath, [join(pkg, "dist/src/cli/main.js"), ...args(ours)], { encoding: "utf8", cwd: tmp });
    assert.deepEqual([r.status, r.stderr], [0, ""]);
    const p = spawnSync(protocPath, args(theirs), { encoding: "utf8" });
    assert.deepEqual([p.status, p.stderr], [0, ""]);
    assert.ok(readFileSync(ours).equals(readFileSync(theirs)), "descriptor sets differ");
  });

  test("an installed package without include/ cannot find the well-known types", () => {
    const pkg = join(tmp, "bare/node_modules/protoforge");
    cpSync(join(repoRoot, "dist/src"), join(pkg, "dist/src"), { recursive: true });
    cpSync(join(repoRoot, "package.json"), join(pkg, "package.json"));
    const src = join(tmp, "bare/proto");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "when.proto"), 'syntax = "proto3";\nimport "google/protobuf/timestamp.proto";\nmessage When { google.protobuf.Timestamp at = 1; }\n');
    const r = spawnSync(process.execPath, [join(pkg, "dist/src/cli/main.js"), `-I${src}`, "-o", join(tmp, "bare.binpb"), "when.proto"], { encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr,
      "google/protobuf/timestamp.proto: File not found.\n" +
        `${join(src, "when.proto")}:2:1: Import "google/protobuf/timestamp.proto" was not found or had errors.\n` +
        `${join(src, "when.proto")}:3:16: "google.protobuf.Timestamp" is not defined.\n`,
    );
  });
});
