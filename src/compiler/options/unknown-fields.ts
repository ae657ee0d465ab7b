/**
 * Unknown fields as protoc's UnknownFieldSet holds interpreted options before the options
 * message is reparsed: `{ no, wireType, data }` with `data` the bytes after the tag, exactly the
 * runtime's `$unknown` entries.
 */
import { BinaryReader } from "../../wire/reader.js";
import { BinaryWriter } from "../../wire/writer.js";
import { WireType } from "../../wire/wire-type.js";
import type { UnknownField } from "../../reflect/message.js";

const scratch = new BinaryWriter();

/**
 * One writer for the short-lived values of option interpretation, emptied for each use; finish()
 * copies the value out. Not for a value whose writing writes another with this writer.
 */
export function scratchWriter(): BinaryWriter {
  scratch.reset();
  return scratch;
}

/** A varint field (the value as an unsigned 64-bit two's complement). */
export function varintField(no: number, value: bigint): UnknownField {
  return { no, wireType: WireType.Varint, data: scratchWriter().uint64(BigInt.asUintN(64, value)).finish() };
}

/** A fixed32 field from its 32 bits. */
export function fixed32Field(no: number, bits: number): UnknownField {
  return { no, wireType: WireType.Bit32, data: scratchWriter().fixed32(bits >>> 0).finish() };
}

/** A fixed64 field from its 64 bits. */
export function fixed64Field(no: number, bits: bigint): UnknownField {
  return { no, wireType: WireType.Bit64, data: scratchWriter().fixed64(BigInt.asUintN(64, bits)).finish() };
}

/** A float field. */
export function floatField(no: number, value: number): UnknownField {
  return { no, wireType: WireType.Bit32, data: scratchWriter().float(value).finish() };
}

/** A double field. */
export function doubleField(no: number, value: number): UnknownField {
  return { no, wireType: WireType.Bit64, data: scratchWriter().double(value).finish() };
}

/** A length-delimited field. */
export function bytesField(no: number, value: Uint8Array): UnknownField {
  return { no, wireType: WireType.LengthDelimited, data: scratchWriter().bytes(value).finish() };
}

/** A group field holding `fields`. */
export function groupField(no: number, fields: readonly UnknownField[]): UnknownField {
  const w = scratchWriter();
  writeFields(w, fields);
  w.tag(no, WireType.EndGroup);
  return { no, wireType: WireType.StartGroup, data: w.finish() };
}

/** Writes fields with their tags. */
export function writeFields(w: BinaryWriter, fields: readonly UnknownField[]): void {
  for (const f of fields) w.tag(f.no, f.wireType).raw(f.data);
}

/** Serializes fields (an UnknownFieldSet) to bytes. */
export function serializeFields(fields: readonly UnknownField[]): Uint8Array {
  const w = scratchWriter();
  writeFields(w, fields);
  return w.finish();
}

/** Parses bytes into fields; undefined when malformed. */
export function parseFields(bytes: Uint8Array): UnknownField[] | undefined {
  const r = new BinaryReader(bytes);
  const out: UnknownField[] = [];
  try {
    while (!r.done) {
      const no = r.tag();
      const wt = r.wireType;
      if (wt === WireType.EndGroup) return undefined;
      out.push({ no, wireType: wt, data: r.skip(wt, no) });
    }
  } catch {
    return undefined;
  }
  return out;
}

/** The payload of a length-delimited field (without its length prefix). */
export function lengthDelimitedPayload(f: UnknownField): Uint8Array {
  const r = new BinaryReader(f.data);
  return r.bytes();
}

/** The fields inside a group field (without its end tag). */
export function groupPayload(f: UnknownField): UnknownField[] {
  const r = new BinaryReader(f.data);
  const out: UnknownField[] = [];
  for (;;) {
    const no = r.tag();
    const wt = r.wireType;
    if (wt === WireType.EndGroup) return out;
    out.push({ no, wireType: wt, data: r.skip(wt, no) });
  }
}
