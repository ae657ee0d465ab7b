// DiskSourceTree: protoc's path rules, then real directories (recorded.test.ts compares the mapping of input files with protoc).
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { applyMapping, canonicalizePath, DiskSourceTree, NON_CANONICAL_PATH_ERROR, type SourceFileSystem } from "../../src/cli/source-tree.js";

test("canonicalizePath drops empty and '.' segments, keeps leading and trailing '/'", () => {
  const table: [string, string][] = [
    [".", ""],
    ["./", ""],
    ["", ""],
    ["a/./b//c", "a/b/c"],
    ["/abs/dir/", "/abs/dir/"],
    ["/", "/"],
    ["../x", "../x"],
    ["a/../b", "a/../b"],
  ];
  for (const [input, want] of table) assert.equal(canonicalizePath(input), want, input);
});

test("applyMapping: an empty prefix matches relative paths; a prefix must be a directory", () => {
  const table: [string, string, string, string | undefined][] = [
    ["foo/bar", "", "baz", "baz/foo/bar"],
    ["foo/bar", "foo", "baz", "baz/bar"],
    ["foo", "foo", "bar", "bar"],
    ["foo/bar", "baz", "qux", undefined],
    ["foobar", "foo", "baz", undefined],
    ["foo/bar", "", "", "foo/bar"],
    ["/abs/x", "", "d", undefined],
    ["../x", "", "d", undefined],
    ["foo/../x", "foo", "d", undefined],
    ["/tmp/x.proto", "/", "", "tmp/x.proto"],
    ["x.proto", "", "/", "//x.proto"],
  ];
  for (const [file, from, to, want] of table) assert.equal(applyMapping(file, from, to), want, `${file} ${from} ${to}`);
});

const root = mkdtempSync(join(tmpdir(), "pf-st-"));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "one/pkg"), { recursive: true });
mkdirSync(join(root, "two/pkg"), { recursive: true });
mkdirSync(join(root, "two/dir.proto"), { recursive: true });
writeFileSync(join(root, "one/pkg/a.proto"), "one a");
writeFileSync(join(root, "two/pkg/a.proto"), "two a");
writeFileSync(join(root, "two/pkg/b.proto"), "two b");

test("files are read from the first proto path that has them", () => {
  const tree = new DiskSourceTree([{ virtualPath: "", diskPath: join(root, "one") }, { virtualPath: "", diskPath: join(root, "two") }]);
  assert.equal(tree.readFile("pkg/a.proto"), "one a");
  assert.equal(tree.readFile("pkg/b.proto"), "two b");
  assert.equal(tree.diskPath("pkg/b.proto"), `${root}/two/pkg/b.proto`);
  assert.equal(tree.diskPath("pkg/none.proto"), "pkg/none.proto");
  assert.deepEqual(tree.open("pkg/none.proto"), { ok: false, error: "File not found." });
});

test("virtual paths must be canonical", () => {
  const tree = new DiskSourceTree([{ virtualPath: "", diskPath: join(root, "one") }]);
  for (const bad of ["pkg//a.proto", "./pkg/a.proto", "pkg/../pkg/a.proto", "pkg/./a.proto", "../a.proto"]) assert.deepEqual(tree.open(bad), { ok: false, error: NON_CANONICAL_PATH_ERROR }, bad);
});

test("a directory is not a file: the search goes on", () => {
  const tree = new DiskSourceTree([{ virtualPath: "", diskPath: join(root, "two") }]);
  assert.deepEqual(tree.open("dir.proto"), { ok: false, error: "File not found." });
  assert.deepEqual(tree.diskFileToVirtualFile(join(root, "two/dir.proto")), { kind: "cannot-open", virtualPath: "dir.proto", error: "Input file is a directory." });
});

test("virtual prefixes map to directories", () => {
  const tree = new DiskSourceTree([{ virtualPath: "v/w", diskPath: join(root, "two/pkg") }]);
  assert.equal(tree.readFile("v/w/b.proto"), "two b");
  assert.equal(tree.readFile("b.proto"), undefined);
  assert.deepEqual(tree.diskFileToVirtualFile(join(root, "two/pkg/b.proto")), { kind: "success", virtualPath: "v/w/b.proto" });
});

test("an earlier proto path with the same virtual file shadows a later one", () => {
  const tree = new DiskSourceTree([{ virtualPath: "", diskPath: join(root, "one") }, { virtualPath: "", diskPath: join(root, "two") }]);
  assert.deepEqual(tree.diskFileToVirtualFile(join(root, "two/pkg/a.proto")), { kind: "shadowed", virtualPath: "pkg/a.proto", shadowingDiskPath: `${root}/one/pkg/a.proto` });
  assert.deepEqual(tree.diskFileToVirtualFile(join(root, "two/pkg/b.proto")), { kind: "success", virtualPath: "pkg/b.proto" });
  assert.deepEqual(tree.diskFileToVirtualFile("elsewhere/x.proto"), { kind: "no-mapping" });
});

test("unreadable files: protoc's messages", () => {
  const fs: SourceFileSystem = { exists: () => true, isDirectory: () => false, read: () => ({ code: "EACCES" }) };
  const tree = new DiskSourceTree([{ virtualPath: "", diskPath: "d" }], fs);
  assert.deepEqual(tree.open("x.proto"), { ok: false, error: "Read access is denied for file: d/x.proto" });
  assert.deepEqual(tree.diskFileToVirtualFile("d/x.proto"), { kind: "cannot-open", virtualPath: "x.proto", error: "Permission denied" });
});
