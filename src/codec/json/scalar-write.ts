/** Writes scalar and enum values as the proto3 JSON mapping specifies. */
import type { DescEnum } from "../../reflect/descriptors.js";
import { ScalarType, type ScalarValue } from "../../reflect/scalar.js";
import { base64Encode } from "../../wire/base64.js";
import { isWellFormedString } from "../../wire/utf8.js";
import type { JsonValue } from "./json-types.js";
import { float32Shortest } from "./numbers.js";
import type { WriteContext } from "./options.js";
import { NULL_VALUE_ENUM } from "./scalar-read.js";

/**
 * The JSON form of a scalar: 64-bit integers as decimal strings, non-finite floats as "NaN",
 * "Infinity" and "-Infinity", bytes as padded standard base64. Strings with lone surrogates fail.
 */
export function writeScalar(ctx: WriteContext, t: ScalarType, v: ScalarValue): JsonValue {
  switch (t) {
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT: {
      const n = v as number;
      if (Number.isNaN(n)) return "NaN";
      if (n === Infinity) return "Infinity";
      if (n === -Infinity) return "-Infinity";
      return t === ScalarType.FLOAT ? float32Shortest(n) : n;
    }
    case ScalarType.STRING:
      if (!isWellFormedString(v as string)) ctx.fail("encoding", "string holds a lone surrogate");
      return v as string;
    case ScalarType.BYTES:
      return base64Encode(v as Uint8Array);
    case ScalarType.BOOL:
      return v as boolean;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return String(v);
    default:
      return v as number;
  }
}

/** The JSON object key of a map key: its decimal or "true"/"false" text. */
export function writeMapKey(ctx: WriteContext, k: ScalarValue): string {
  if (typeof k === "string" && !isWellFormedString(k)) ctx.fail("encoding", "map key holds a lone surrogate");
  return String(k);
}

/** An enum value as JSON: its name, or its number when unknown or when asked; NullValue is null. */
export function writeEnum(e: DescEnum, v: number, asInteger: boolean): JsonValue {
  if (e.typeName === NULL_VALUE_ENUM) return null;
  if (asInteger) return v;
  return e.value(v)?.name ?? v;
}
