/** Reads scalar and enum values from JSON as the proto3 JSON mapping specifies. */
import type { DescEnum } from "../../reflect/descriptors.js";
import { ScalarType, scalarTypeName, type ScalarValue } from "../../reflect/scalar.js";
import { base64Decode } from "../../wire/base64.js";
import { jsonTypeName, type JsonNode } from "./json-types.js";
import { INT_RANGES, integerFromText, isJsonNumberText } from "./numbers.js";
import type { ReadContext } from "./options.js";

/** The enum whose values are written as JSON null. */
export const NULL_VALUE_ENUM = "google.protobuf.NullValue";

/** Quotes a string for an error message, shortened when long. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + "…" : s);
}

/** A number node's text as is, a string node's content quoted: how a value is shown in error messages. */
function shown(node: JsonNode): string {
  return node.kind === "number" ? node.text : node.kind === "string" ? quote(node.value) : node.kind;
}

/** A 32-bit range as bigints (for the exact path) and as numbers (for the fast path). */
type Int32Range = readonly [bigint, bigint, number, number];
const INT32: Int32Range = [...INT_RANGES.int32, -0x80000000, 0x7fffffff];
const UINT32: Int32Range = [...INT_RANGES.uint32, 0, 0xffffffff];

// Integers written plainly with at most 15 digits are exact as doubles: no need for bigint.
const PLAIN_INTEGER = /^-?(?:0|[1-9][0-9]{0,14})$/;

/** Reads a scalar of type `t` from a JSON node; throws for a wrong JSON type, malformed content or a value out of range. */
export function readScalar(ctx: ReadContext, t: ScalarType, node: JsonNode): ScalarValue {
  switch (t) {
    case ScalarType.STRING:
      if (node.kind !== "string") return wrongType(ctx, t, node);
      return node.value;
    case ScalarType.BOOL:
      if (node.kind !== "bool") return wrongType(ctx, t, node);
      return node.value;
    case ScalarType.BYTES: {
      if (node.kind !== "string") return wrongType(ctx, t, node);
      const b = base64Decode(node.value);
      if (!b) ctx.fail("value", `invalid base64 for bytes: ${quote(node.value)}`, node.at);
      return b;
    }
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return readFloat(ctx, t, node);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return readInt32(ctx, t, node, INT32);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return readInt32(ctx, t, node, UINT32);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return readInteger(ctx, t, node, INT_RANGES.uint64);
    default:
      return readInteger(ctx, t, node, INT_RANGES.int64);
  }
}

function wrongType(ctx: ReadContext, t: ScalarType, node: JsonNode): never {
  const what = t === ScalarType.STRING ? "a string" : t === ScalarType.BOOL ? "true or false" : t === ScalarType.BYTES ? "a base64 string" : "a number or a numeric string";
  return ctx.fail("type", `expected ${what} for ${scalarTypeName(t)}, got ${jsonTypeName(node)}`, node.at);
}

/** The number text of an integer node: a JSON number, or a string holding one. */
function integerText(ctx: ReadContext, t: ScalarType, node: JsonNode): string {
  if (node.kind === "number") return node.text;
  if (node.kind !== "string") return wrongType(ctx, t, node);
  if (!isJsonNumberText(node.value)) ctx.fail("value", `invalid ${scalarTypeName(t)}: ${quote(node.value)}`, node.at);
  return node.value;
}

/** A 32-bit integer (see readInteger), as a number. */
function readInt32(ctx: ReadContext, t: ScalarType, node: JsonNode, range: Int32Range): number {
  const text = integerText(ctx, t, node);
  if (PLAIN_INTEGER.test(text)) {
    const v = Number(text);
    if (v < range[2] || v > range[3]) ctx.fail("range", `${scalarTypeName(t)} out of range: ${shown(node)}`, node.at);
    return v === 0 ? 0 : v; // no -0
  }
  return Number(readInteger(ctx, t, node, [range[0], range[1]]));
}

/** An integer from a JSON number or a string holding one ("1e2" and "100.0" are 100); fractions and out-of-range values fail. */
function readInteger(ctx: ReadContext, t: ScalarType, node: JsonNode, range: readonly [bigint, bigint]): bigint {
  const v = integerFromText(integerText(ctx, t, node));
  if (v === undefined) ctx.fail("value", `${scalarTypeName(t)} must be an integer, got ${shown(node)}`, node.at);
  if (v < range[0] || v > range[1]) ctx.fail("range", `${scalarTypeName(t)} out of range: ${shown(node)}`, node.at);
  return v;
}

/** A double or float from a JSON number, a numeric string, or "NaN", "Infinity", "-Infinity". */
function readFloat(ctx: ReadContext, t: ScalarType, node: JsonNode): number {
  let v: number;
  if (node.kind === "number") v = Number(node.text);
  else if (node.kind === "string") {
    const s = node.value;
    if (s === "NaN") return NaN;
    if (s === "Infinity") return Infinity;
    if (s === "-Infinity") return -Infinity;
    if (!isJsonNumberText(s)) ctx.fail("value", `invalid ${scalarTypeName(t)}: ${quote(s)}`, node.at);
    v = Number(s);
  } else return wrongType(ctx, t, node);
  if (t === ScalarType.FLOAT) v = Math.fround(v);
  if (!Number.isFinite(v)) ctx.fail("range", `${scalarTypeName(t)} out of range: ${shown(node)}`, node.at);
  return v;
}

/** Reads a map key from its JSON object key: "true"/"false" for bool keys, decimal text for integer keys. */
export function readMapKey(ctx: ReadContext, t: ScalarType, key: string, at: number): ScalarValue {
  switch (t) {
    case ScalarType.STRING:
      return key;
    case ScalarType.BOOL:
      if (key === "true") return true;
      if (key === "false") return false;
      return ctx.fail("value", `invalid bool map key ${quote(key)}: expected "true" or "false"`, at);
    default:
      return readScalar(ctx, t, { kind: "string", value: key, at });
  }
}

/**
 * Reads an enum value: a value name, or an integer. Returns undefined for an unknown name when
 * unknown fields are ignored (the caller then leaves the field alone). JSON null is NULL_VALUE
 * for google.protobuf.NullValue.
 */
export function readEnum(ctx: ReadContext, e: DescEnum, node: JsonNode): number | undefined {
  switch (node.kind) {
    case "null":
      if (e.typeName === NULL_VALUE_ENUM) return 0;
      break;
    case "string": {
      const v = e.valueByName(node.value);
      if (v) return v.number;
      if (ctx.ignoreUnknownFields) return undefined;
      return ctx.fail("value", `unknown value ${quote(node.value)} for enum ${e.typeName}`, node.at);
    }
    case "number": {
      const v = integerFromText(node.text);
      if (v === undefined) ctx.fail("value", `enum ${e.typeName} must be an integer, got ${node.text}`, node.at);
      if (v < INT_RANGES.int32[0] || v > INT_RANGES.int32[1]) ctx.fail("range", `enum ${e.typeName} out of range: ${node.text}`, node.at);
      return Number(v);
    }
  }
  return ctx.fail("type", `expected a name or number for enum ${e.typeName}, got ${jsonTypeName(node)}`, node.at);
}
