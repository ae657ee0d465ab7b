import { BinaryReader } from "../../wire/reader.js";
import { WireType } from "../../wire/wire-type.js";
import type { UnknownField } from "../../reflect/message.js";
import { escapeBytes } from "./escape.js";
import { parseUnknownFieldSet, type RawField } from "./unknown-guess.js";
import type { TextOutput } from "./text-output.js";

/** protoc's budget for guessing that a length-delimited unknown field is a message (one less per level). */
export const UNKNOWN_FIELD_RECURSION_LIMIT = 10;

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
      // protoc parses the bytes with a fresh CodedInputStream whose recursion limit is the budget.
      const nested = f.value.length > 0 && budget > 0 ? parseUnknownFieldSet(f.value, budget) : undefined;
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

/** Decodes one unknown field kept by the binary decoder (its bytes after the tag, already checked by that decoder). */
function decodeUnknown(u: UnknownField): RawField | undefined {
  try {
    const r = new BinaryReader(u.data);
    if (u.wireType === WireType.StartGroup) {
      const fields = readGroup(r, u.no);
      return fields && { no: u.no, kind: "group", fields };
    }
    return readValue(r, u.no, u.wireType);
  } catch {
    return undefined;
  }
}

/** Reads the fields of a group up to its end tag. */
function readGroup(r: BinaryReader, groupNo: number): RawField[] | undefined {
  const fields: RawField[] = [];
  while (!r.done) {
    const no = r.tag();
    const wt = r.wireType;
    if (wt === WireType.EndGroup) return no === groupNo ? fields : undefined;
    const f = readValue(r, no, wt);
    if (!f) return undefined;
    fields.push(f);
  }
  return undefined;
}

function readValue(r: BinaryReader, no: number, wt: WireType): RawField | undefined {
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
      const fields = readGroup(r, no);
      return fields && { no, kind: "group", fields };
    }
    default:
      return undefined;
  }
}
