import { BinaryReader } from "../../wire/reader.js";
import { BinaryWriter } from "../../wire/writer.js";
import { WireType } from "../../wire/wire-type.js";
import type { UnknownField } from "../../reflect/message.js";

// MessageSet (message_set_wire_format) writes each extension as an item group:
//   repeated group Item = 1 { required int32 type_id = 2; required bytes message = 3; }

/** The type_id and message bytes of a MessageSet item stored as an unknown group, or undefined if it is not one. */
export function readMessageSetItem(u: UnknownField): { typeId: number; message: Uint8Array } | undefined {
  if (u.no !== 1 || u.wireType !== WireType.StartGroup) return undefined;
  const r = new BinaryReader(u.data);
  let typeId: number | undefined;
  let message: Uint8Array | undefined;
  try {
    for (;;) {
      const no = r.tag();
      const wt = r.wireType;
      if (wt === WireType.EndGroup) break;
      if (no === 2 && wt === WireType.Varint) typeId = r.uint32();
      else if (no === 3 && wt === WireType.LengthDelimited) message = r.bytesView();
      else r.skip(wt, no);
    }
  } catch {
    return undefined;
  }
  return typeId === undefined || message === undefined ? undefined : { typeId, message };
}

/** An unknown-field entry holding a MessageSet item for extension number `typeId`. */
export function messageSetItem(typeId: number, message: Uint8Array): UnknownField {
  const w = new BinaryWriter();
  w.tag(2, WireType.Varint).uint32(typeId);
  w.tag(3, WireType.LengthDelimited).bytes(message);
  w.tag(1, WireType.EndGroup);
  return { no: 1, wireType: WireType.StartGroup, data: w.finish() };
}
