// The output writers on their own: the ZIP format, the dependency manifest, edition names, and
// the errors of writing through a file system that fails (outputs.test.ts compares with protoc).
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { manifestText, writeDependencyManifest } from "../../src/cli/dependency-file.js";
import { OutputDirectory } from "../../src/cli/output-directory.js";
import type { OutputFileSystem } from "../../src/cli/output-fs.js";
import { fileEdition, unsupportedText } from "../../src/cli/plugin-support.js";
import { editionNames, editionNumber, editionText } from "../../src/cli/editions.js";
import { crc32, zipArchive } from "../../src/cli/zip-writer.js";

test("crc32", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("an empty archive is only the end record", () => {
  assert.equal(Buffer.from(zipArchive([])).toString("hex"), "504b0506" + "00".repeat(18));
});

test("one entry: local header, data, central directory, end record", () => {
  const zip = Buffer.from(zipArchive([{ name: "a", data: Uint8Array.of(0x41) }]));
  assert.equal(
    zip.toString("hex"),
    "504b0304" + "0a00" + "0000" + "0000" + "0000" + "2100" + "8b9ed9d3" + "01000000" + "01000000" + "0100" + "0000" + "61" + "41" +
      "504b0102" + "0a00" + "0a00" + "0000" + "0000" + "0000" + "2100" + "8b9ed9d3" + "01000000" + "01000000" + "0100" + "0000" + "0000" + "0000" + "0000" + "00000000" + "00000000" + "61" +
      "504b0506" + "0000" + "0000" + "0100" + "0100" + "2f000000" + "20000000" + "0000",
  );
});

test("dependency manifest text", () => {
  const disk = (name: string) => (name === "lost.proto" ? undefined : `/src/${name}`);
  assert.deepEqual(manifestText({ outputs: [], files: ["a.proto"], diskPath: disk }), { text: "" });
  assert.deepEqual(manifestText({ outputs: ["x"], files: [], diskPath: disk }), { text: "x:" });
  assert.deepEqual(manifestText({ outputs: ["x", "y"], files: ["a.proto", "b.proto"], diskPath: disk }), { text: "x \\\ny: /src/a.proto\\\n /src/b.proto" });
  assert.deepEqual(manifestText({ outputs: ["x"], files: ["a.proto", "lost.proto", "b.proto"], diskPath: disk }), { text: "x: /src/a.proto\\\n", missing: "lost.proto" });
});

/** A file system that records writes and fails where told. */
function fakeFs(fail: Record<string, string> = {}): OutputFileSystem & { written: Map<string, string>; dirs: string[] } {
  const written = new Map<string, string>();
  const dirs: string[] = [];
  return {
    written,
    dirs,
    access: (p) => fail[`access ${p}`],
    mkdir: (p) => fail[`mkdir ${p}`] ?? void dirs.push(p),
    writeFile: (p, d) => fail[`write ${p}`] ?? void written.set(p, new TextDecoder().decode(d)),
  };
}

test("dependency manifest: a file without a disk path stops it after writing what came before", () => {
  const fs = fakeFs();
  let stderr = "";
  const ok = writeDependencyManifest("d.d", { outputs: ["x"], files: ["lost.proto"], diskPath: () => undefined }, fs, (t) => (stderr += t));
  assert.equal(ok, false);
  assert.equal(stderr, "Unable to identify path for file lost.proto\n");
  assert.equal(fs.written.get("d.d"), "x:");
  const denied = fakeFs({ "write d.d": "EACCES" });
  stderr = "";
  assert.equal(writeDependencyManifest("d.d", { outputs: [], files: [], diskPath: () => undefined }, denied, (t) => (stderr += t)), false);
  assert.equal(stderr, "d.d: Permission denied\n");
});

test("writing a directory: parents made one by one, errors as protoc prints them", () => {
  const dir = new OutputDirectory();
  const error = (line: string) => assert.fail(line);
  dir.write("b/c/d.txt", "d", error);
  dir.write("a.txt", "a", error);
  const fs = fakeFs();
  assert.equal(dir.writeToDisk("out/", false, fs, (t) => assert.fail(t)), true);
  assert.deepEqual(fs.dirs, ["out/b", "out/b/c"]);
  assert.deepEqual([...fs.written], [["out/a.txt", "a"], ["out/b/c/d.txt", "d"]]);

  let stderr = "";
  assert.equal(dir.writeToDisk("out/", false, fakeFs({ "mkdir out/b/c": "EACCES" }), (t) => (stderr += t)), false);
  assert.equal(stderr, "b/c/d.txt: while trying to create directory out/b/c: Permission denied\n");
  stderr = "";
  assert.equal(dir.writeToDisk("out/", false, fakeFs({ "access out/": "ENOTDIR" }), (t) => (stderr += t)), false);
  assert.equal(stderr, "out/: Not a directory\n");
  stderr = "";
  assert.equal(dir.writeToDisk("out/", false, fakeFs({ "write out/a.txt": "ENOSPC" }), (t) => (stderr += t)), false);
  assert.equal(stderr, "out/a.txt: No space left on device");
});

test("a location with an error writes nothing", () => {
  const dir = new OutputDirectory();
  let errors = "";
  dir.write("a.txt", "a", (l) => (errors += l));
  dir.write("a.txt", "b", (l) => (errors += l));
  dir.insert("none.txt", "p", "x", (l) => (errors += l));
  dir.insert("a.txt", "nope", "x", (l) => (errors += l));
  assert.equal(errors, 'a.txt: Tried to write the same file twice.none.txt: Tried to insert into file that doesn\'t exist.a.txt: insertion point "nope" not found.');
  const fs = fakeFs();
  assert.equal(dir.writeToDisk("out/", false, fs, () => {}), false);
  assert.equal(dir.writeToZip("out.zip", false, fs, () => {}), false);
  assert.equal(fs.written.size, 0);
});

test("edition names as protoc prints them", () => {
  assert.deepEqual([998, 999, 1000, 1001, 1002, 9999, 900, 0, 5, -1].map(editionText), ["PROTO2", "PROTO3", "2023", "2024", "2026", "UNSTABLE", "LEGACY", "UNKNOWN", "", ""]);
  // Names and numbers come from descriptor.proto's Edition enum, both ways.
  assert.deepEqual(editionNames().slice(0, 7), ["UNKNOWN", "LEGACY", "PROTO2", "PROTO3", "2023", "2024", "2026"]);
  for (const name of editionNames()) assert.equal(editionText(editionNumber(name)!), name);
  assert.equal(editionNumber("2025"), undefined);
  assert.equal(editionNumber("EDITION_2023"), undefined);
  assert.equal(fileEdition({ syntax: "editions", edition: 1001 } as never), 1001);
  assert.equal(fileEdition({ syntax: "proto3" } as never), 999);
  assert.equal(fileEdition({} as never), 998);
});

test("nothing unsupported: no text", () => {
  const file = { name: "e.proto", syntax: "editions", edition: 1000, messageType: [] } as never;
  assert.equal(unsupportedText("protoc-gen-x", { features: 2n, minimumEdition: 1000, maximumEdition: 1000 }, [file], false), "");
  assert.equal(unsupportedText("protoc-gen-x", { features: 0n, minimumEdition: 0, maximumEdition: 0 }, [file], true), "");
});
