import { test } from "node:test";
import assert from "node:assert/strict";
import { asciiString, MAX_SHORT_STRING, unitsString } from "../../src/wire/short-strings.js";

test("asciiString: every length up to MAX_SHORT_STRING, at an offset; undefined when any byte is not ASCII", () => {
  assert.equal(MAX_SHORT_STRING, 32);
  for (let n = 0; n <= MAX_SHORT_STRING; n++) {
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(0x20 + ((i * 13) % 0x5f))).join("");
    const b = new Uint8Array(n + 3);
    b.set(Buffer.from(text, "latin1"), 3);
    assert.equal(asciiString(b, 3, n), text, `${n} bytes`);
    for (let at = 0; at < n; at++) {
      for (const bad of [0x80, 0xc3, 0xff]) {
        const c = b.slice();
        c[3 + at] = bad;
        assert.equal(asciiString(c, 3, n), undefined, `${n} bytes, 0x${bad.toString(16)} at ${at}`);
      }
    }
  }
  assert.equal(asciiString(new Uint8Array([0x7f, 0]), 0, 2), "\x7f\0");
  assert.throws(() => asciiString(new Uint8Array(40), 0, 33), { name: "RangeError", message: "asciiString: 33 bytes (at most 32)" });
});

test("unitsString: the first n code units, for every n up to MAX_SHORT_STRING, surrogates kept as they are", () => {
  const u = new Uint16Array(40);
  for (let i = 0; i < u.length; i++) u[i] = [0x41, 0xe9, 0x4f60, 0xd83d, 0xde00, 0xffff, 0][i % 7]!;
  for (let n = 0; n <= MAX_SHORT_STRING; n++) {
    const want = Array.from(u.subarray(0, n), (c) => String.fromCharCode(c)).join("");
    assert.equal(unitsString(u, n), want, `${n} units`);
  }
  assert.throws(() => unitsString(u, 33), { name: "RangeError", message: "unitsString: 33 code units (at most 32)" });
});

test("src/wire/short-strings.ts is what scripts/gen-short-strings.mjs writes", async () => {
  const { spawnSync } = await import("node:child_process");
  const r = spawnSync(process.execPath, ["scripts/gen-short-strings.mjs", "--check"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});
