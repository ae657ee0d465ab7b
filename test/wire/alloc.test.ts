import { test } from "node:test";
import assert from "node:assert/strict";
import { allocBytes, copyBytes, emptyBytes } from "../../src/wire/alloc.js";
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

test("emptyBytes: a new empty array each time, also after its shared buffer was transferred away", () => {
  const a = emptyBytes();
  const b = emptyBytes();
  assert.ok(a instanceof Uint8Array);
  assert.equal(a.length, 0);
  assert.notEqual(a, b);
  structuredClone(a.buffer, { transfer: [a.buffer as ArrayBuffer] });
  assert.equal(a.length, 0);
  const c = emptyBytes();
  assert.equal(c.length, 0);
  assert.equal(c.buffer.byteLength, 8);
  // An empty array whose buffer is detached still writes as an empty value.
  assert.deepEqual([...new BinaryWriter().bytes(b).finish()], [0]);
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

/** Writes a value of about `size` bytes: nested forks, strings and bytes (the same calls give the same bytes). */
function writeValue(w: BinaryWriter, size: number, seed: number): void {
  w.uint32(seed).fork();
  w.string("x".repeat(size % 50)).fork();
  w.bytes(new Uint8Array(size).fill(seed & 0xff));
  w.join().uint32(size).join().double(seed / 3);
}

test("finishShared: views never overlap or change, whatever the sizes; growth moves open forks along", () => {
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const w = new BinaryWriter();
  const kept: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < 3000; i++) {
    const r = rnd();
    const size = r < 0.7 ? Math.floor(rnd() * 100) : r < 0.95 ? Math.floor(rnd() * 6000) : Math.floor(rnd() * 100000);
    const expected = new BinaryWriter();
    writeValue(expected, size, i);
    writeValue(w, size, i);
    const out = w.finishShared();
    assert.deepEqual(out, expected.finish(), `value ${i} of ${size} bytes`);
    kept.push([out, out.slice()]);
  }
  for (const [out, copy] of kept) assert.deepEqual(out, copy);
});

test("finishShared: a result whose buffer was transferred away does not break the writer", () => {
  const w = new BinaryWriter();
  w.string("first");
  w.finishShared(); // the writer moves on to a new buffer
  w.string("second");
  const a = w.finishShared();
  structuredClone(a.buffer, { transfer: [a.buffer as ArrayBuffer] }); // detaches the writer's buffer
  assert.equal(a.byteLength, 0);
  w.string("second").fork().uint32(300).join();
  const b = w.finishShared();
  const expected = new BinaryWriter();
  expected.string("second").fork().uint32(300).join();
  assert.deepEqual(b, expected.finish());
});

test("finish() and reset() after finishShared() see only the value being written", () => {
  const w = new BinaryWriter();
  w.uint32(1);
  const a = w.finishShared();
  w.uint32(2);
  assert.equal(w.length, 1);
  w.reset();
  assert.equal(w.length, 0);
  w.uint32(3);
  assert.deepEqual([...w.finish()], [3]);
  assert.deepEqual([...a], [1]);
});

test("finishShared: a large result takes the writer's buffer when it fills it, else is copied and the next buffer fits it", () => {
  const w = new BinaryWriter();
  const value = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);
  const fitting = (n: number) => (n + (n >>> 4) + 7) & ~7;
  // The first large value grows the buffer by doubling (128 KiB): 70,000 bytes do not fill it, so it is copied.
  w.raw(value(70000, 1));
  const a = w.finishShared();
  assert.deepEqual(a, value(70000, 1));
  assert.equal(a.buffer.byteLength, 70000, "a copy of its own size");
  assert.equal(w.capacity, fitting(70000));
  // A value of the same size now fills the buffer: the result takes it, its unused end zeroed.
  w.uint32(5).fork().raw(value(69990, 2)).join();
  const b = w.finishShared();
  assert.equal(b.byteOffset, 0);
  assert.equal(b.buffer.byteLength, fitting(70000));
  assert.ok(new Uint8Array(b.buffer, b.length).every((x) => x === 0));
  const expected = new BinaryWriter().uint32(5).fork().raw(value(69990, 2)).join().finish();
  assert.deepEqual(b, expected);
  // The writer goes on in a new buffer: later values do not touch the results handed out.
  assert.equal(w.capacity, fitting(70000));
  w.raw(value(70001, 3));
  const c = w.finishShared();
  assert.notEqual(c.buffer, b.buffer);
  assert.deepEqual(b, expected);
  assert.deepEqual(a, value(70000, 1));
  assert.deepEqual(c, value(70001, 3));
  // c took a buffer that was not zero-filled when made (larger than a slab): its unused end is zeroed too.
  assert.equal(c.buffer.byteLength, fitting(70000));
  assert.ok(new Uint8Array(c.buffer, c.length).every((x) => x === 0));
  // Small values after large ones: copies, never views of a buffer a result took or of the writer's own.
  const own = () => (w as unknown as { arrayBuffer: ArrayBuffer }).arrayBuffer;
  w.uint32(1);
  const d = w.finishShared();
  assert.deepEqual([...d], [1]);
  assert.ok(d.buffer !== b.buffer && d.buffer !== c.buffer && d.buffer !== own());
  // A length reserved and never filled in (misuse) reads 0, not whatever the memory held before.
  w.raw(Uint8Array.of(0x7f, 0x7f));
  w.reset();
  w.beginDelimited(10);
  const e = w.finish();
  assert.deepEqual([...e], [10, 0]);
  w.reset();
});
