/** The six wire types of the binary format (0-5); 6 and 7 are invalid. */
export const WireType = {
  Varint: 0,
  Bit64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Bit32: 5,
} as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

/** Field numbers are 1 .. 2^29-1. */
export const MAX_FIELD_NUMBER = 0x1fffffff;

/** Combines a field number and a wire type into a tag value (an unsigned 32-bit number). */
export function makeTag(fieldNo: number, wireType: WireType): number {
  return ((fieldNo << 3) | wireType) >>> 0;
}
