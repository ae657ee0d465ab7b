import { test } from "node:test";
import assert from "node:assert/strict";
import { asciiString, MAX_ASCII_STRING } from "../../src/wire/ascii.js";

test("asciiString: every length up to MAX_ASCII_STRING, at an offset; undefined when any byte is not ASCII", () => {
  assert.equal(MAX_ASCII_STRING, 32);
  for (let n = 0; n <= MAX_ASCII_STRING; n++) {
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

test("src/wire/ascii.ts is what scripts/gen-ascii.mjs writes", async () => {
  const { spawnSync } = await import("node:child_process");
  const r = spawnSync(process.execPath, ["scripts/gen-ascii.mjs", "--check"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});
