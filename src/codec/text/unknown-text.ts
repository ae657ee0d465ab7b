import { BinaryReader } from "../../wire/reader.js";
import { WireType } from "../../wire/wire-type.js";
import type { UnknownField } from "../../reflect/message.js";
import { escapeBytes } from "./escape.js";
import type { TextOutput } from "./text-output.js";

/** protoc's budget for guessing that a length-delimited unknown field is a message (one less per level). */
export const UNKNOWN_FIELD_RECURSION_LIMIT = 10;

/** One field of an unknown field set, decoded as far as the wire format allows. */
type RawField =
  | { no: number; kind: "varint" | "fixed32" | "fixed64"; value: bigint }
  | { no: number; kind: "bytes"; value: Uint8Array }
  | { no: number; kind: "group"; fields: RawField[] };

/**
 * Prints unknown fields as protoc does: field numbers as names, varints as unsigned 64-bit
 * decimals, fixed32/fixed64 as zero-padded lowercase hex, groups as `N { … }`, and
 * length-delimited values as `N { … }` when they parse completely as a message (and the budget
 * allows), else as an escaped string.
 */
export function printUnknownFields(fields: readonly UnknownField[], out: TextOutput, budget = UNKNOWN_FIELD_RECURSION_LIMIT): void {
  for (const u of fields) {
    const raw = decodeUnknown(u);
    if (raw) printRaw(raw, out, budget);
  }
}

function printRaw(f: RawField, out: TextOutput, budget: number): void {
  const name = String(f.no);
  switch (f.kind) {
    case "varint":
      out.field(name, f.value.toString());
      return;
    case "fixed32":
      out.field(name, "0x" + f.value.toString(16).padStart(8, "0"));
      return;
    case "fixed64":
      out.field(name, "0x" + f.value.toString(16).padStart(16, "0"));
      return;
    case "group":
      out.open(name);
      for (const g of f.fields) printRaw(g, out, budget - 1);
      out.close();
      return;
    case "bytes": {
      const nested = f.value.length > 0 && budget > 0 ? parseFieldSet(f.value, budget) : undefined;
      if (!nested) {
        out.field(name, `"${escapeBytes(f.value)}"`);
        return;
      }
      out.open(name);
      for (const g of nested) printRaw(g, out, budget - 1);
      out.close();
    }
  }
}

/** Decodes one kept unknown field (its bytes after the tag). */
function decodeUnknown(u: UnknownField): RawField | undefined {
  try {
    const r = new BinaryReader(u.data);
    if (u.wireType === WireType.StartGroup) {
      const fields = readFields(r, u.no, Number.MAX_SAFE_INTEGER);
      return fields && { no: u.no, kind: "group", fields };
    }
    return readValue(r, u.no, u.wireType, Number.MAX_SAFE_INTEGER);
  } catch {
    return undefined;
  }
}

/** Parses bytes as a complete unknown field set, allowing groups `depth` deep; undefined when they are not one. */
function parseFieldSet(bytes: Uint8Array, depth: number): RawField[] | undefined {
  try {
    const r = new BinaryReader(bytes);
    return readFields(r, 0, depth);
  } catch {
    return undefined;
  }
}

/** Reads fields until the end (groupNo 0) or the end tag of group `groupNo`. */
function readFields(r: BinaryReader, groupNo: number, depth: number): RawField[] | undefined {
  const fields: RawField[] = [];
  while (!r.done) {
    const no = r.tag();
    const wt = r.wireType;
    if (wt === WireType.EndGroup) return no === groupNo ? fields : undefined;
    const f = readValue(r, no, wt, depth);
    if (!f) return undefined;
    fields.push(f);
  }
  return groupNo === 0 ? fields : undefined;
}

function readValue(r: BinaryReader, no: number, wt: WireType, depth: number): RawField | undefined {
  switch (wt) {
    case WireType.Varint:
      return { no, kind: "varint", value: r.uint64() };
    case WireType.Bit32:
      return { no, kind: "fixed32", value: BigInt(r.fixed32()) };
    case WireType.Bit64:
      return { no, kind: "fixed64", value: r.fixed64() };
    case WireType.LengthDelimited:
      return { no, kind: "bytes", value: r.bytesView() };
    case WireType.StartGroup: {
      if (depth <= 0) return undefined;
      const fields = readFields(r, no, depth - 1);
      return fields && { no, kind: "group", fields };
    }
    default:
      return undefined;
  }
}
