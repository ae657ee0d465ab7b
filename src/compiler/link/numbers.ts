/** Number parsing as protoc's C++ does it when it reads default values back (absl::from_chars, SafeDoubleToFloat). */

const FLOAT_MAX = 3.4028234663852886e38;
const MAX_FLOAT_AS_DOUBLE_ROUNDED = 3.4028235677973366e38;

/** absl::from_chars for a whole string (decimal or `inf`/`infinity`/`nan`, optional `-`); undefined when anything is left over. */
export function parseCDouble(text: string): number | undefined {
  const m = /^(-?)(?:(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?)|((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))$/i.exec(text);
  if (m === null) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  if (m[2] !== undefined) return sign * Infinity;
  if (m[3] !== undefined) return NaN;
  return sign * Number(m[4]);
}

/** protoc's SafeDoubleToFloat: values just past the float range round to FLT_MAX, beyond that to infinity. */
export function safeDoubleToFloat(v: number): number {
  if (v > FLOAT_MAX) return v <= MAX_FLOAT_AS_DOUBLE_ROUNDED ? FLOAT_MAX : Infinity;
  if (v < -FLOAT_MAX) return v >= -MAX_FLOAT_AS_DOUBLE_ROUNDED ? -FLOAT_MAX : -Infinity;
  return Math.fround(v);
}
