import type { BinaryReader } from "../../wire/reader.js";
import type { BinaryWriter } from "../../wire/writer.js";
import { WireType } from "../../wire/wire-type.js";
import { ScalarType, type ScalarValue } from "../../reflect/scalar.js";

/** The wire type a scalar type is written with. */
export function scalarWireType(t: ScalarType): WireType {
  switch (t) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return WireType.Bit32;
    default:
      return WireType.Varint;
  }
}

/** Reads one scalar value (not strings: see the caller, which knows whether to validate UTF-8). */
export function readScalar(r: BinaryReader, t: ScalarType, validateUtf8: boolean): ScalarValue {
  switch (t) {
    case ScalarType.DOUBLE: return r.double();
    case ScalarType.FLOAT: return r.float();
    case ScalarType.INT64: return r.int64();
    case ScalarType.UINT64: return r.uint64();
    case ScalarType.INT32: return r.int32();
    case ScalarType.FIXED64: return r.fixed64();
    case ScalarType.FIXED32: return r.fixed32();
    case ScalarType.BOOL: return r.bool();
    case ScalarType.STRING: return r.string(validateUtf8);
    case ScalarType.BYTES: return r.bytes();
    case ScalarType.UINT32: return r.uint32();
    case ScalarType.SFIXED32: return r.sfixed32();
    case ScalarType.SFIXED64: return r.sfixed64();
    case ScalarType.SINT32: return r.sint32();
    case ScalarType.SINT64: return r.sint64();
  }
}

/**
 * Writes one scalar value without a tag. A string of a field that does not require valid UTF-8
 * (`validateUtf8` false) is written with the bytes its escapes stand for (see BinaryWriter#stringEscaped).
 */
export function writeScalar(w: BinaryWriter, t: ScalarType, v: ScalarValue, validateUtf8 = true): void {
  switch (t) {
    case ScalarType.DOUBLE: w.double(v as number); return;
    case ScalarType.FLOAT: w.float(v as number); return;
    case ScalarType.INT64: w.int64(v as bigint); return;
    case ScalarType.UINT64: w.uint64(v as bigint); return;
    case ScalarType.INT32: w.int32(v as number); return;
    case ScalarType.FIXED64: w.fixed64(v as bigint); return;
    case ScalarType.FIXED32: w.fixed32(v as number); return;
    case ScalarType.BOOL: w.bool(v as boolean); return;
    case ScalarType.STRING: validateUtf8 ? w.string(v as string) : w.stringEscaped(v as string); return;
    case ScalarType.BYTES: w.bytes(v as Uint8Array); return;
    case ScalarType.UINT32: w.uint32(v as number); return;
    case ScalarType.SFIXED32: w.sfixed32(v as number); return;
    case ScalarType.SFIXED64: w.sfixed64(v as bigint); return;
    case ScalarType.SINT32: w.sint32(v as number); return;
    case ScalarType.SINT64: w.sint64(v as bigint); return;
  }
}

/** Reads a packed value of a packable scalar type (not string or bytes), appending to `list`. */
export function readPacked(r: BinaryReader, t: ScalarType, list: ScalarValue[]): void {
  switch (t) {
    case ScalarType.DOUBLE: return r.packedDouble(list as number[]);
    case ScalarType.FLOAT: return r.packedFloat(list as number[]);
    case ScalarType.INT64: return r.packedInt64(list as bigint[]);
    case ScalarType.UINT64: return r.packedUint64(list as bigint[]);
    case ScalarType.INT32: return r.packedInt32(list as number[]);
    case ScalarType.FIXED64: return r.packedFixed64(list as bigint[]);
    case ScalarType.FIXED32: return r.packedFixed32(list as number[]);
    case ScalarType.BOOL: return r.packedBool(list as boolean[]);
    case ScalarType.UINT32: return r.packedUint32(list as number[]);
    case ScalarType.SFIXED32: return r.packedSfixed32(list as number[]);
    case ScalarType.SFIXED64: return r.packedSfixed64(list as bigint[]);
    case ScalarType.SINT32: return r.packedSint32(list as number[]);
    case ScalarType.SINT64: return r.packedSint64(list as bigint[]);
    case ScalarType.STRING: case ScalarType.BYTES: throw new Error(`readPacked: scalar type ${t} is not packable`);
  }
}

/** Writes the length and values of a packed list of a packable scalar type (the tag is the caller's). */
export function writePacked(w: BinaryWriter, t: ScalarType, list: readonly ScalarValue[]): void {
  switch (t) {
    case ScalarType.DOUBLE: w.packedDouble(list as number[]); return;
    case ScalarType.FLOAT: w.packedFloat(list as number[]); return;
    case ScalarType.INT64: w.packedInt64(list as bigint[]); return;
    case ScalarType.UINT64: w.packedUint64(list as bigint[]); return;
    case ScalarType.INT32: w.packedInt32(list as number[]); return;
    case ScalarType.FIXED64: w.packedFixed64(list as bigint[]); return;
    case ScalarType.FIXED32: w.packedFixed32(list as number[]); return;
    case ScalarType.BOOL: w.packedBool(list as boolean[]); return;
    case ScalarType.UINT32: w.packedUint32(list as number[]); return;
    case ScalarType.SFIXED32: w.packedSfixed32(list as number[]); return;
    case ScalarType.SFIXED64: w.packedSfixed64(list as bigint[]); return;
    case ScalarType.SINT32: w.packedSint32(list as number[]); return;
    case ScalarType.SINT64: w.packedSint64(list as bigint[]); return;
    case ScalarType.STRING: case ScalarType.BYTES: throw new Error(`writePacked: scalar type ${t} is not packable`);
  }
}
