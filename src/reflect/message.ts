import type { WireType } from "../wire/wire-type.js";
import { ownCopy } from "../wire/alloc.js";

/**
 * A field the decoder did not know, kept so it can be written back unchanged: `data` holds the
 * bytes after the tag (for a group, up to and including its end tag). Extensions live here too.
 */
export interface UnknownField {
  no: number;
  wireType: WireType;
  data: Uint8Array;
  /**
   * Set on values of a known extension (set through the extension API or a parser that knew it):
   * they are written in field-number order among the fields, as protoc writes extensions,
   * while other unknown fields follow the fields.
   */
  ext?: true;
}

/** A copy of an unknown field, sharing nothing with the original. */
export function copyUnknownField(u: UnknownField): UnknownField {
  const c: UnknownField = { no: u.no, wireType: u.wireType, data: ownCopy(u.data, 0, u.data.length) };
  if (u.ext) c.ext = true;
  return c;
}

/**
 * Every message is a plain object: `$typeName` names its type, each field is a property
 * under its local (lowerCamelCase) name, and `$unknown` keeps unknown fields and extensions.
 */
export interface Message<TypeName extends string = string> {
  readonly $typeName: TypeName;
  $unknown?: UnknownField[];
}

/** The value of a oneof: the member that is set and its value, or `case: undefined`. */
export type OneofValue<Case extends string = string, Value = unknown> =
  | { case: Case; value: Value }
  | { case: undefined; value?: undefined };

/** The key types a map field can have at run time (64-bit keys are bigint, bool keys boolean). */
export type MapKey = string | number | bigint | boolean;
