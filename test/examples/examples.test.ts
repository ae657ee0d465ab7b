import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { protocPath, repoRoot } from "../support/protoc.js";

const run = (script: string, ...args: string[]) => execFileSync(process.execPath, [join(repoRoot, "examples", script), ...args], { encoding: "utf8" });

test("tutorial: one program writes lm.helloworld, another reads it back (and protoc agrees)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pf-example-"));
  try {
    const file = join(dir, "hello.bin");
    assert.equal(run("tutorial/writer.mjs", file), `wrote ${file}\n`);
    assert.equal(run("tutorial/reader.mjs", file), "id: 101\nstr: hello\n");
    const decoded = execFileSync(protocPath, [`-I${join(repoRoot, "examples/tutorial")}`, "--decode=lm.helloworld", "helloworld.proto"], { input: readFileSync(file), encoding: "utf8" });
    assert.equal(decoded, 'id: 101\nstr: "hello"\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("address book: add people to a file, then list them", () => {
  const dir = mkdtempSync(join(tmpdir(), "pf-example-"));
  try {
    const file = join(dir, "book.bin");
    assert.equal(run("addressbook/add-person.mjs", file, "1234", "John Doe", "jdoe@example.com", "home:555-4321", "mobile:555-1111"), `added John Doe (1 people in ${file})\n`);
    assert.equal(run("addressbook/add-person.mjs", file, "5678", "Ada Lovelace"), `added Ada Lovelace (2 people in ${file})\n`);
    assert.equal(
      run("addressbook/list-people.mjs", file),
      [
        "Person ID: 1234",
        "  Name: John Doe",
        "  E-mail address: jdoe@example.com",
        "  Home #: 555-4321",
        "  Mobile #: 555-1111",
        "Person ID: 5678",
        "  Name: Ada Lovelace",
        "",
      ].join("\n"),
    );
    assert.throws(() => run("addressbook/add-person.mjs", file, "x", "Bad"), /usage: add-person/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("dynamic compilation: a .proto compiled at run time encodes and decodes an address book", () => {
  const out = run("roundtrip/roundtrip.mjs");
  assert.match(out, /^encoded 120 bytes: 0a640a0c416461204c6f76656c616365/);
  assert.match(out, /balance_micros: -9007199254740993\n/);
  assert.match(out, /round trip OK: the decoded message equals the original\n$/);
});
