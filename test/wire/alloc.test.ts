import { test } from "node:test";
import assert from "node:assert/strict";
import { allocBytes, copyBytes } from "../../src/wire/alloc.js";
import { utf8Decode } from "../../src/wire/utf8.js";
import { BinaryWriter } from "../../src/wire/writer.js";

test("copyBytes copies exactly, small arrays sharing a slab without overlapping", () => {
  const src = new Uint8Array(300).map((_, i) => i & 0xff);
  const a = copyBytes(src, 3, 13);
  const b = copyBytes(src, 100, 300);
  assert.deepEqual([...a], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual([...b], [...src.subarray(100, 300)]);
  a.fill(0xee);
  assert.deepEqual([...b], [...src.subarray(100, 300)], "writing one view leaves the next intact");
  assert.equal(a.buffer, b.buffer, "small arrays come from one slab");
});

test("large arrays own their buffer", () => {
  const big = allocBytes(10000);
  assert.equal(big.buffer.byteLength, 10000);
});

test("a slab transferred away is replaced, not reused", () => {
  const a = allocBytes(16);
  structuredClone(a.buffer, { transfer: [a.buffer as ArrayBuffer] }); // detaches the slab
  assert.equal(a.byteLength, 0);
  const b = allocBytes(16);
  assert.equal(b.byteLength, 16);
  b.fill(7);
  assert.deepEqual([...b], new Array(16).fill(7));
});

test("finishShared gives the same bytes as finish", () => {
  const w = new BinaryWriter();
  w.uint32(300).string("héllo");
  const owned = w.finish();
  w.uint32(300).string("héllo");
  assert.deepEqual([...w.finishShared()], [...owned]);
});

test("a valid U+FFFD in the input is not mistaken for invalid UTF-8", () => {
  const bytes = new Uint8Array([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  assert.equal(utf8Decode(bytes, 0, 5, true), "a\uFFFDb");
  assert.equal(utf8Decode(new Uint8Array([0x61, 0xff, 0x62]), 0, 3, true), undefined);
  assert.equal(utf8Decode(new Uint8Array([0x61, 0xff, 0x62]), 0, 3, false), "a\uFFFDb");
});
