/** Exact number handling for JSON: integers from number text without going through doubles, range limits, and float32 printing. */

const NUMBER_TEXT = /^(-)?(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

/** True when `s` is a number in JSON syntax (used for numbers quoted in strings). */
export function isJsonNumberText(s: string): boolean {
  return NUMBER_TEXT.test(s);
}

// Any integer with more digits than this is out of every protobuf integer range.
const MAX_DIGITS = 30;
const OVERFLOW = 10n ** BigInt(MAX_DIGITS + 1);

/**
 * The exact integer value of JSON number text such as "1e5", "100.000" or "-9223372036854775808";
 * undefined when it has a fractional part or is not a JSON number. Values too large for any
 * protobuf integer come back as some value beyond ±10^30, which every range check rejects.
 */
export function integerFromText(text: string): bigint | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return undefined;
  const negative = m[1] === "-";
  const frac = m[3] ?? "";
  let digits = (m[2]! + frac).replace(/^0+/, "");
  if (digits === "") return 0n;
  const expText = m[4] ?? "0";
  // An exponent this long is beyond any range: either a fraction or an overflow.
  if (expText.replace(/^[+-]?0*/, "").length > 6) return expText.startsWith("-") ? undefined : negative ? -OVERFLOW : OVERFLOW;
  let exp = Number(expText) - frac.length;
  while (exp < 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    exp++;
  }
  if (exp < 0) return undefined;
  if (digits.length + exp > MAX_DIGITS) return negative ? -OVERFLOW : OVERFLOW;
  const v = BigInt(digits) * 10n ** BigInt(exp);
  return negative ? -v : v;
}

/** The inclusive range of each integer kind. */
export const INT_RANGES = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
} as const;

/** The largest finite float32 value. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The double holding the shortest decimal that reads back as the same float32 (0.1 for the
 * float32 nearest 0.1), so float fields print as written rather than as their double expansion.
 */
export function float32Shortest(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}
