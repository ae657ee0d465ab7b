/** What the well-known-type converters share: the handler interface and field access by number. */
import type { DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import { JsonError } from "./errors.js";
import type { JsonNode, JsonValue } from "./json-types.js";
import type { ReadContext, WriteContext } from "./options.js";

/** A well-known type with its own JSON form. */
export interface WktConverter {
  /** Writes the message as its special JSON form. */
  toJson(desc: DescMessage, msg: Message, ctx: WriteContext): JsonValue;
  /** Reads the special JSON form into the message (merging into what it holds). */
  fromJson(desc: DescMessage, msg: Message, node: JsonNode, ctx: ReadContext): void;
}

/** The field with number `no` of a well-known type; a descriptor without it is not the well-known type it claims to be. */
export function wktField(desc: DescMessage, no: number): DescField {
  const f = desc.field(no);
  if (!f) throw new JsonError("value", "$", `${desc.typeName} has no field number ${no}`);
  return f;
}
