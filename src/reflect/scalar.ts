import { emptyBytes } from "../wire/alloc.js";

/** Scalar field types, numbered as in FieldDescriptorProto.Type (group, message and enum are not scalars). */
export const ScalarType = {
  DOUBLE: 1,
  FLOAT: 2,
  INT64: 3,
  UINT64: 4,
  INT32: 5,
  FIXED64: 6,
  FIXED32: 7,
  BOOL: 8,
  STRING: 9,
  BYTES: 12,
  UINT32: 13,
  SFIXED32: 15,
  SFIXED64: 16,
  SINT32: 17,
  SINT64: 18,
} as const;
export type ScalarType = (typeof ScalarType)[keyof typeof ScalarType];

/** The JavaScript value of a scalar field. */
export type ScalarValue = number | bigint | boolean | string | Uint8Array;

/** True for the scalar types whose values are bigint. */
export function isBigIntScalar(t: ScalarType): boolean {
  return t === ScalarType.INT64 || t === ScalarType.UINT64 || t === ScalarType.FIXED64 || t === ScalarType.SFIXED64 || t === ScalarType.SINT64;
}

/** True for the scalar types that may be packed (all but string and bytes). */
export function isPackableScalar(t: ScalarType): boolean {
  return t !== ScalarType.STRING && t !== ScalarType.BYTES;
}

/** The zero value of a scalar type: what an implicit-presence field holds when unset. */
export function scalarZeroValue(t: ScalarType): ScalarValue {
  switch (t) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BYTES:
      return emptyBytes();
    case ScalarType.BOOL:
      return false;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return 0n;
    default:
      return 0;
  }
}

/** True when `v` is the zero value of scalar type `t` (for floats, -0 is not zero: it is written). */
export function isScalarZero(t: ScalarType, v: unknown): boolean {
  switch (t) {
    case ScalarType.STRING:
      return v === "";
    case ScalarType.BYTES:
      return v instanceof Uint8Array && v.length === 0;
    case ScalarType.BOOL:
      return v === false;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return v === 0 && !Object.is(v, -0);
    default:
      return isBigIntScalar(t) ? v === 0n : v === 0;
  }
}

/** Names of the scalar types as written in .proto files. */
export function scalarTypeName(t: ScalarType): string {
  switch (t) {
    case ScalarType.DOUBLE: return "double";
    case ScalarType.FLOAT: return "float";
    case ScalarType.INT64: return "int64";
    case ScalarType.UINT64: return "uint64";
    case ScalarType.INT32: return "int32";
    case ScalarType.FIXED64: return "fixed64";
    case ScalarType.FIXED32: return "fixed32";
    case ScalarType.BOOL: return "bool";
    case ScalarType.STRING: return "string";
    case ScalarType.BYTES: return "bytes";
    case ScalarType.UINT32: return "uint32";
    case ScalarType.SFIXED32: return "sfixed32";
    case ScalarType.SFIXED64: return "sfixed64";
    case ScalarType.SINT32: return "sint32";
    case ScalarType.SINT64: return "sint64";
  }
}
