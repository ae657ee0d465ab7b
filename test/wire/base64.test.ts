import { test } from "node:test";
import assert from "node:assert/strict";
import { base64Encode, base64Decode } from "../../src/wire/index.js";

const ascii = (s: string) => new TextEncoder().encode(s);

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = (seed * 2654435761 + 1) >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = (x >>> 16) & 0xff;
  }
  return b;
}

test("base64Encode: RFC 4648 test vectors", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ];
  for (const [plain, enc] of vectors) {
    assert.equal(base64Encode(ascii(plain)), enc);
    assert.equal(base64Encode(ascii(plain), true), enc.replace(/=+$/, ""));
    assert.deepEqual(base64Decode(enc), ascii(plain));
    assert.deepEqual(base64Decode(enc.replace(/=+$/, "")), ascii(plain));
  }
});

test("base64: the two alphabets differ in 62 and 63", () => {
  const b = Uint8Array.of(0xfb, 0xff, 0xbf);
  assert.equal(base64Encode(b), "+/+/");
  assert.equal(base64Encode(b, true), "-_-_");
  assert.equal(base64Encode(Uint8Array.of(0xfb, 0xff)), "+/8=");
  assert.equal(base64Encode(Uint8Array.of(0xfb, 0xff), true), "-_8");
  assert.deepEqual(base64Decode("+/+/"), b);
  assert.deepEqual(base64Decode("-_-_"), b);
  assert.deepEqual(base64Decode("+_-/"), b); // both alphabets are accepted, even mixed
  assert.deepEqual(base64Decode("-_8="), Uint8Array.of(0xfb, 0xff));
});

test("base64 matches Buffer for every length 0..200 and round-trips", () => {
  for (let n = 0; n <= 200; n++) {
    const b = pattern(n, n);
    const std = base64Encode(b);
    const url = base64Encode(b, true);
    assert.equal(std, Buffer.from(b).toString("base64"), `length ${n}`);
    assert.equal(url, Buffer.from(b).toString("base64url"), `length ${n}`);
    assert.deepEqual(base64Decode(std), b, `length ${n}`);
    assert.deepEqual(base64Decode(url), b, `length ${n}`);
  }
});

test("base64Decode rejects invalid input", () => {
  for (const s of [
    "A", // a dangling single character
    "AAAAA",
    "Zg=", // wrong amount of padding
    "Zg===",
    "Zm9v=",
    "Zm9v====",
    "=",
    "==",
    "Zg==Zg==", // padding in the middle
    "Zm 9v", // whitespace
    "Zm9v\n",
    "Zm9*",
    "Zm9.",
    "Zm9\u00e9",
    "Zm9\u{1F600}",
  ]) {
    assert.equal(base64Decode(s), undefined, JSON.stringify(s));
  }
});
