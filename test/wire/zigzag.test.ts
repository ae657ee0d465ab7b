import { test } from "node:test";
import assert from "node:assert/strict";
import { zigzagEncode32, zigzagDecode32, zigzagEncode64, zigzagDecode64 } from "../../src/wire/index.js";

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

test("zigzagEncode32: table of known values", () => {
  const table: [number, number][] = [
    [0, 0],
    [-1, 1],
    [1, 2],
    [-2, 3],
    [2, 4],
    [63, 126],
    [-64, 127],
    [64, 128],
    [INT32_MAX, 0xfffffffe],
    [INT32_MIN, 0xffffffff],
    [INT32_MAX - 1, 0xfffffffc],
    [INT32_MIN + 1, 0xfffffffd],
  ];
  for (const [n, z] of table) {
    assert.equal(zigzagEncode32(n), z, `encode ${n}`);
    assert.equal(zigzagDecode32(z), n, `decode ${z}`);
  }
});

test("zigzagEncode32 returns an unsigned number, zigzagDecode32 a signed one", () => {
  assert.ok(zigzagEncode32(INT32_MIN) > 0);
  assert.equal(zigzagEncode32(INT32_MIN), 4294967295);
  assert.equal(zigzagDecode32(0xffffffff), -2147483648);
  // Zero decodes to +0, not -0.
  assert.ok(Object.is(zigzagDecode32(0), 0));
});

test("zigzag32 round-trips a spread of int32 values", () => {
  const values: number[] = [];
  for (let bit = 0; bit < 32; bit++) {
    const p = 2 ** bit;
    for (const v of [p - 1, p, p + 1, -p, -p - 1, -p + 1]) {
      if (v >= INT32_MIN && v <= INT32_MAX) values.push(v);
    }
  }
  for (const v of values) {
    const z = zigzagEncode32(v);
    assert.ok(z >= 0 && z <= 0xffffffff && Number.isInteger(z), `encode ${v} -> ${z}`);
    // The encoding is |v|*2 for positives and |v|*2-1 for negatives.
    assert.equal(z, v >= 0 ? v * 2 : -v * 2 - 1, `encode ${v}`);
    assert.equal(zigzagDecode32(z), v, `round-trip ${v}`);
  }
});

test("zigzagEncode64: table of known values", () => {
  const table: [bigint, bigint][] = [
    [0n, 0n],
    [-1n, 1n],
    [1n, 2n],
    [-2n, 3n],
    [2147483647n, 4294967294n],
    [-2147483648n, 4294967295n],
    [2147483648n, 4294967296n],
    [-2147483649n, 4294967297n],
    [INT64_MAX, UINT64_MAX - 1n],
    [INT64_MIN, UINT64_MAX],
    [INT64_MIN + 1n, UINT64_MAX - 2n],
  ];
  for (const [n, z] of table) {
    assert.equal(zigzagEncode64(n), z, `encode ${n}`);
    assert.equal(zigzagDecode64(z), n, `decode ${z}`);
  }
});

test("zigzag64 round-trips a spread of int64 values", () => {
  for (let bit = 0n; bit < 64n; bit++) {
    const p = 1n << bit;
    for (const v of [p - 1n, p, p + 1n, -p, -p - 1n, -p + 1n]) {
      if (v < INT64_MIN || v > INT64_MAX) continue;
      const z = zigzagEncode64(v);
      assert.ok(z >= 0n && z <= UINT64_MAX, `encode ${v} -> ${z}`);
      assert.equal(z, v >= 0n ? v * 2n : -v * 2n - 1n, `encode ${v}`);
      assert.equal(zigzagDecode64(z), v, `round-trip ${v}`);
    }
  }
});
