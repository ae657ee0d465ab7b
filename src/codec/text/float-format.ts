/**
 * Floating-point numbers formatted exactly as protoc prints them: C's `%.*g` (computed from the
 * exact binary value, ties rounded to even, as glibc does), shortest of two precisions that
 * round-trips, `inf`, `-inf`, `nan`.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const FLT_MIN_NORMAL = 2 ** -126;

/** Formats a double as protoc does (SimpleDtoa): `%.15g`, or `%.17g` when that does not round-trip. */
export function formatDouble(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const short = formatG(v, 15);
  return Number(short) === v ? short : formatG(v, 17);
}

/**
 * Formats a float as protoc does (SimpleFtoa): `%.6g`, or `%.9g` when strtof would not give the
 * same float back (or would report a range error, as glibc does for every subnormal result).
 */
export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const subnormal = v !== 0 && Math.abs(v) < FLT_MIN_NORMAL;
  if (!subnormal) {
    const short = formatG(v, 6);
    if (strtof(short) === v) return short;
  }
  return formatG(v, 9);
}

/** Parses a decimal string to the nearest float, rounding once (Math.fround(Number(s)) can round twice). */
function strtof(s: string): number {
  const d = Number(s);
  const f = Math.fround(d);
  if (f === d || !Number.isFinite(f)) return f;
  // Double rounding can only go wrong when `d` lies exactly halfway between two floats.
  if (!isFloatMidpoint(d)) return f;
  const other = nextFloatToward(f, d);
  const cmp = compareDecimalToDouble(s, d);
  if (cmp === 0) return f; // a true tie: fround already rounded to even
  return (cmp > 0) === (other > f) ? other : f;
}

/** True when double `d` lies exactly halfway between two adjacent floats (it has exactly 25 significant bits). */
function isFloatMidpoint(d: number): boolean {
  if (Math.abs(d) >= FLT_MIN_NORMAL) {
    f64[0] = d;
    return (u32[littleEndian ? 0 : 1]! & 0x1fffffff) === 0x10000000;
  }
  const f = Math.fround(d);
  return d - f === nextFloatToward(f, d) - d;
}

/** The float next to `f` in the direction of `toward`. */
function nextFloatToward(f: number, toward: number): number {
  if (f === 0) return toward > 0 ? 2 ** -149 : -(2 ** -149);
  const buf = new Float32Array([f]);
  const bits = new Int32Array(buf.buffer);
  bits[0] = bits[0]! + ((f > 0) === (toward > f) ? 1 : -1);
  return buf[0]!;
}

/** Splits a finite double into sign, integer mantissa and binary exponent: |v| = mantissa * 2^exponent. */
function decompose(v: number): { negative: boolean; mantissa: bigint; exponent: number } {
  f64[0] = v;
  const hi = u32[littleEndian ? 1 : 0]!;
  const lo = u32[littleEndian ? 0 : 1]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { negative: hi >>> 31 === 1, mantissa, exponent };
}

/** The exact decimal value of a finite non-zero |v|: significant digits (no trailing zeros) and the decimal exponent of the first digit. */
function exactDigits(v: number): { digits: string; exp10: number } {
  const { mantissa, exponent } = decompose(v);
  let digits: string;
  let pointPos: number;
  if (exponent >= 0) {
    digits = (mantissa << BigInt(exponent)).toString();
    pointPos = digits.length;
  } else {
    digits = (mantissa * 5n ** BigInt(-exponent)).toString();
    pointPos = digits.length + exponent;
  }
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 0x30) end--;
  return { digits: digits.slice(0, end), exp10: pointPos - 1 };
}

/** Rounds a digit string to `precision` digits, ties to even; returns the new digits and the carry into a new leading digit. */
function roundDigits(digits: string, precision: number): { digits: string; carry: boolean } {
  if (digits.length <= precision) return { digits, carry: false };
  const next = digits.charCodeAt(precision) - 0x30;
  let kept = digits.slice(0, precision);
  const restNonZero = digits.length > precision + 1; // trailing zeros were stripped
  const last = kept.charCodeAt(precision - 1) - 0x30;
  const up = next > 5 || (next === 5 && (restNonZero || last % 2 === 1));
  if (!up) return { digits: kept, carry: false };
  const chars = kept.split("");
  let i = precision - 1;
  while (i >= 0 && chars[i] === "9") chars[i--] = "0";
  if (i < 0) return { digits: "1" + chars.join(""), carry: true };
  chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
  kept = chars.join("");
  return { digits: kept, carry: false };
}

/**
 * The first `precision` significant digits of finite positive `v`, rounded as glibc does, and the
 * decimal exponent of the first. JavaScript's toExponential rounds correctly too, except that it
 * breaks exact ties upwards, not to even: only then (digits after the cut reading 500…) is the
 * exact decimal expansion computed.
 */
function roundedDigits(v: number, precision: number): { digits: string; exp10: number } {
  const longer = v.toExponential(precision + 2);
  if (longer.slice(precision + 1, precision + 4) !== "500") {
    const e = v.toExponential(precision - 1);
    const at = e.indexOf("e");
    return { digits: e.slice(0, at).replace(".", ""), exp10: Number(e.slice(at + 1)) };
  }
  const exact = exactDigits(v);
  const rounded = roundDigits(exact.digits, precision);
  return { digits: rounded.digits.slice(0, precision), exp10: exact.exp10 + (rounded.carry ? 1 : 0) };
}

/** C's `printf("%.{precision}g", v)` for a finite number. */
export function formatG(v: number, precision: number): string {
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const sign = v < 0 ? "-" : "";
  const { digits: rawDigits, exp10 } = roundedDigits(Math.abs(v), precision);
  let digits = rawDigits;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 0x30) end--;
  digits = digits.slice(0, end);
  if (exp10 < -4 || exp10 >= precision) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp10);
    return `${sign}${mantissa}e${exp10 < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  if (exp10 < 0) return `${sign}0.${"0".repeat(-exp10 - 1)}${digits}`;
  if (digits.length <= exp10 + 1) return `${sign}${digits}${"0".repeat(exp10 + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp10 + 1)}.${digits.slice(exp10 + 1)}`;
}

/** Compares the decimal number written in `s` with the double `d` exactly: negative, zero or positive. */
function compareDecimalToDouble(s: string, d: number): number {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return 0;
  const negative = m[1] === "-";
  const intPart = m[2] ?? "";
  const frac = m[3] ?? "";
  let num = BigInt((intPart + frac).replace(/^0+(?=\d)/, "") || "0");
  const exp10 = Number(m[4] ?? "0") - frac.length;
  const { mantissa, exponent } = decompose(d);
  let den = 1n;
  let other = mantissa;
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den = 10n ** BigInt(-exp10);
  // compare num/den with other * 2^exponent
  if (exponent >= 0) other <<= BigInt(exponent);
  else num <<= BigInt(-exponent);
  const lhs = num;
  const rhs = other * den;
  const cmp = lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
  return negative ? -cmp : cmp;
}
