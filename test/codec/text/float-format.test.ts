// Float formatting: C's %g with glibc's rounding (ties to even, from the exact binary value) and
// protoc's choice of precision. The fixtures in print.test.ts add 1,000 random bit patterns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDouble, formatFloat, formatG } from "../../../src/codec/text/float-format.js";

test("formatG: printf %g, cross-checked against C/Python", () => {
  const cases: [number, number, string][] = [
    [0.125, 2, "0.12"],
    [2.5, 1, "2"],
    [3.5, 1, "4"],
    [0.5, 1, "0.5"],
    [1e21, 6, "1e+21"],
    [123456789, 9, "123456789"],
    [1234567890, 9, "1.23456789e+09"],
    [0.0001, 6, "0.0001"],
    [0.00001, 6, "1e-05"],
    [100000, 6, "100000"],
    [1000000, 6, "1e+06"],
    [999999.5, 6, "1e+06"],
    [9.9999995, 6, "10"],
    [2 ** -13, 9, "0.000122070312"],
    [5e-324, 15, "4.94065645841247e-324"],
    [1.7976931348623157e308, 17, "1.7976931348623157e+308"],
    [0.1, 17, "0.10000000000000001"],
    [1 / 3, 15, "0.333333333333333"],
    [12345650, 6, "1.23456e+07"],
    [12345750, 6, "1.23458e+07"],
    [-1.5, 6, "-1.5"],
    [0, 6, "0"],
    [-0, 6, "-0"],
    [1e100, 15, "1e+100"],
  ];
  for (const [v, p, want] of cases) assert.equal(formatG(v, p), want, `%.${p}g of ${v}`);
});

test("formatDouble: %.15g, else %.17g; inf, -inf, nan", () => {
  assert.equal(formatDouble(0.1), "0.1");
  assert.equal(formatDouble(0.1 + 0.2), "0.30000000000000004");
  assert.equal(formatDouble(1 / 3), "0.33333333333333331");
  assert.equal(formatDouble(1e300), "1e+300");
  assert.equal(formatDouble(123456789012345678), "1.2345678901234568e+17");
  assert.equal(formatDouble(5e-324), "4.94065645841247e-324");
  assert.equal(formatDouble(-0), "-0");
  assert.equal(formatDouble(Infinity), "inf");
  assert.equal(formatDouble(-Infinity), "-inf");
  assert.equal(formatDouble(NaN), "nan");
  assert.equal(formatDouble(-NaN), "nan");
});

test("formatFloat: %.6g, else %.9g; always %.9g for subnormals (glibc's strtof reports a range error)", () => {
  const f = Math.fround;
  assert.equal(formatFloat(f(0.1)), "0.1");
  assert.equal(formatFloat(f(3.192837)), "3.192837");
  assert.equal(formatFloat(f(3.4028235e38)), "3.40282347e+38");
  assert.equal(formatFloat(f(1.17549435e-38)), "1.17549435e-38");
  assert.equal(formatFloat(f(1.4e-45)), "1.40129846e-45");
  assert.equal(formatFloat(f(1e-40)), "9.9999461e-41");
  assert.equal(formatFloat(f(16777216)), "16777216");
  assert.equal(formatFloat(2 ** -13), "0.000122070312");
  assert.equal(formatFloat(f(1e-6)), "1e-06");
  assert.equal(formatFloat(-0), "-0");
  assert.equal(formatFloat(Infinity), "inf");
  assert.equal(formatFloat(NaN), "nan");
});

test("formatFloat: every printed float parses back to the same float", () => {
  const buf = new Float32Array(1);
  const bits = new Uint32Array(buf.buffer);
  let seed = 12345;
  for (let i = 0; i < 20000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bits[0] = seed ^ (seed << 7);
    const v = buf[0]!;
    if (Number.isNaN(v)) continue;
    const s = formatFloat(v);
    assert.equal(Math.fround(Number(s.replace("inf", "Infinity"))), v, `${v} printed as ${s}`);
  }
});
