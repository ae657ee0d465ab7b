import type { DescEnum } from "../../reflect/descriptors.js";
import { ScalarType, type ScalarValue } from "../../reflect/scalar.js";
import { utf8Decode, utf8DecodeEscaped } from "../../wire/utf8.js";
import { isDigit, isHexDigit, isOctalDigit } from "./cursor.js";
import { TextFormatError } from "./errors.js";
import type { Tokenizer } from "./tokenizer.js";

/** The largest values of the integer types, as bigint. */
const INT32_MAX = 0x7fffffffn;
const UINT32_MAX = 0xffffffffn;
const INT64_MAX = 0x7fffffffffffffffn;
const UINT64_MAX = 0xffffffffffffffffn;

/** protoc clamps doubles between FLT_MAX and this value (FLT_MAX rounded to 8 digits) to FLT_MAX. */
const MAX_FLOAT_AS_DOUBLE_ROUNDED = 3.4028235677973366e38;
const FLT_MAX = 3.4028234663852886e38;

/**
 * The value of an integer token as protoc's Tokenizer::ParseInteger reads it: `0x` hex, a leading
 * `0` octal, else decimal; undefined when a digit does not fit the base or the value exceeds `max`.
 * (A token the tokenizer reported an error for, such as `0x` or `09`, still gets a value or none, as in protoc.)
 */
function integerTokenValue(text: string, max: bigint): bigint | undefined {
  const hex = text.charCodeAt(0) === 0x30 && (text.charCodeAt(1) === 0x78 || text.charCodeAt(1) === 0x58);
  const octal = !hex && text.charCodeAt(0) === 0x30;
  const digits = hex ? text.slice(2) : text;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (hex ? !isHexDigit(c) : octal ? !isOctalDigit(c) : !isDigit(c)) return undefined;
  }
  if (digits.length === 0) return 0n;
  const v = BigInt(hex ? "0x" + digits : octal ? "0o" + digits : digits);
  return v > max ? undefined : v;
}

/** Consumes an unsigned integer token no greater than `max`. */
export function consumeUnsigned(tk: Tokenizer, max: bigint): bigint {
  const t = tk.current;
  if (t.type !== "integer") tk.fail(`Expected integer, got: ${t.text}`, "invalid-value");
  const v = integerTokenValue(t.text, max);
  if (v === undefined) tk.fail(`Integer out of range (${t.text})`, "invalid-value");
  tk.next();
  return v;
}

/** Consumes an integer with an optional `-`, within [-max-1, max]. */
export function consumeSigned(tk: Tokenizer, max: bigint): bigint {
  const negative = tk.tryConsume("-");
  const v = consumeUnsigned(tk, negative ? max + 1n : max);
  return negative ? -v : v;
}

/** Consumes a floating-point value: a decimal integer or float token (`f` suffix allowed), or inf, infinity, nan in any case; `-` allowed before each. */
export function consumeDouble(tk: Tokenizer): number {
  const negative = tk.tryConsume("-");
  const t = tk.current;
  let v: number;
  if (t.type === "integer") {
    // protoc rejects hex and octal here (IsHexNumber, IsOctNumber), not a malformed `09`.
    const second = t.text.charCodeAt(1);
    if (t.text.charCodeAt(0) === 0x30 && (second === 0x78 || second === 0x58 || isOctalDigit(second))) tk.fail(`Expect a decimal number, got: ${t.text}`, "invalid-value");
    v = Number(t.text);
  } else if (t.type === "float") {
    const last = t.text.charCodeAt(t.text.length - 1);
    v = Number(last === 0x66 || last === 0x46 ? t.text.slice(0, -1) : t.text);
  } else if (t.type === "identifier") {
    const lower = t.text.toLowerCase();
    if (lower === "inf" || lower === "infinity") v = Infinity;
    else if (lower === "nan") v = NaN;
    else tk.fail(`Expected double, got: ${lower}`, "invalid-value");
  } else tk.fail(`Expected double, got: ${t.text}`, "invalid-value");
  tk.next();
  return negative ? -v : v;
}

/** Rounds a double to float as protoc does: values just above FLT_MAX (that print as it) become FLT_MAX, not infinity. */
export function doubleToFloat(v: number): number {
  if (v > FLT_MAX && v <= MAX_FLOAT_AS_DOUBLE_ROUNDED) return FLT_MAX;
  if (v < -FLT_MAX && v >= -MAX_FLOAT_AS_DOUBLE_ROUNDED) return -FLT_MAX;
  return Math.fround(v);
}

/** Consumes one or more adjacent string tokens and returns their bytes, concatenated. */
export function consumeString(tk: Tokenizer): Uint8Array {
  const t = tk.current;
  if (t.type !== "string") tk.fail(`Expected string, got: ${t.text}`, "invalid-value");
  tk.next();
  if (tk.current.type !== "string") return t.bytes!;
  const parts = [t.bytes!];
  while (tk.current.type === "string") {
    parts.push(tk.current.bytes!);
    tk.next();
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Consumes an identifier; with `allowNumber`, an integer token is taken too (a field number). */
export function consumeIdentifier(tk: Tokenizer, allowNumber: boolean): string {
  const t = tk.current;
  if (t.type === "identifier" || (allowNumber && t.type === "integer")) {
    tk.next();
    return t.text;
  }
  tk.fail(`Expected identifier, got: ${t.text}`);
}

/** Consumes a bool: true, True, t, false, False, f, or the integers 0 and 1. */
export function consumeBool(tk: Tokenizer, fieldName: string): boolean {
  if (tk.current.type === "integer") return consumeUnsigned(tk, 1n) === 1n;
  const v = consumeIdentifier(tk, false);
  if (v === "true" || v === "True" || v === "t") return true;
  if (v === "false" || v === "False" || v === "f") return false;
  tk.fail(`Invalid value for boolean field "${fieldName}". Value: "${v}".`, "invalid-value");
}

/** Consumes an enum value by name or by number; an unknown number is accepted only for an open enum. */
export function consumeEnum(tk: Tokenizer, e: DescEnum, fieldName: string): number {
  const t = tk.current;
  let written: string;
  let number: number | undefined;
  if (t.type === "identifier") {
    written = consumeIdentifier(tk, false);
    const v = e.valueByName(written);
    if (v) return v.number;
  } else if (t.type === "integer" || tk.lookingAt("-")) {
    number = Number(consumeSigned(tk, INT32_MAX));
    written = String(number);
    if (e.value(number) || e.open) return number;
  } else tk.fail(`Expected integer or identifier, got: ${t.text}`, "invalid-value");
  tk.fail(`Unknown enumeration value of "${written}" for field "${fieldName}".`, "invalid-value");
}

/** Consumes a value of scalar type `t` for field `fieldName`, checking its range (and UTF-8, for strings that require it). */
export function consumeScalar(tk: Tokenizer, t: ScalarType, fieldName: string, validateUtf8: boolean): ScalarValue {
  switch (t) {
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return Number(consumeSigned(tk, INT32_MAX));
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return Number(consumeUnsigned(tk, UINT32_MAX));
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return consumeSigned(tk, INT64_MAX);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return consumeUnsigned(tk, UINT64_MAX);
    case ScalarType.FLOAT:
      return doubleToFloat(consumeDouble(tk));
    case ScalarType.DOUBLE:
      return consumeDouble(tk);
    case ScalarType.BOOL:
      return consumeBool(tk, fieldName);
    case ScalarType.BYTES:
      return consumeString(tk);
    case ScalarType.STRING: {
      const at = { line: tk.current.line + 1, column: tk.current.column + 1 };
      const bytes = consumeString(tk);
      if (!validateUtf8) return utf8DecodeEscaped(bytes, 0, bytes.length);
      const s = utf8Decode(bytes, 0, bytes.length, true);
      if (s === undefined) throw new TextFormatError(`String field "${fieldName}" contains invalid UTF-8 data.`, at, "invalid-value");
      return s;
    }
  }
}
