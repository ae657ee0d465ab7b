import type { DescField, DescMessage } from "../reflect/descriptors.js";
import type { Message, OneofValue } from "../reflect/message.js";
import { isScalarZero, scalarZeroValue, type ScalarValue } from "../reflect/scalar.js";
import { createEmpty } from "./create.js";

type Fields = Record<string, unknown>;

/**
 * The value of a field if it is set, else undefined. "Set" follows the field's presence: explicit
 * presence means assigned, implicit means non-zero, lists and maps mean non-empty.
 */
export function getSetValue(msg: Message, field: DescField): unknown {
  const m = msg as unknown as Fields;
  if (field.oneof) {
    const o = m[field.oneof.localName] as OneofValue | undefined;
    return o?.case === field.localName ? o.value : undefined;
  }
  const v = m[field.localName];
  if (v === undefined || v === null) return undefined;
  switch (field.fieldKind) {
    case "list":
      return (v as unknown[]).length > 0 ? v : undefined;
    case "map":
      return (v as Map<unknown, unknown>).size > 0 ? v : undefined;
    case "scalar":
      return field.presence === "implicit" && isScalarZero(field.scalar, v) ? undefined : v;
    case "enum":
      return field.presence === "implicit" && v === 0 ? undefined : v;
    default:
      return v;
  }
}

/** True when the field is set (see getSetValue). */
export function isFieldSet(msg: Message, field: DescField): boolean {
  return getSetValue(msg, field) !== undefined;
}

/** The field's value, or its default when unset (the [default = …] value, the zero value, or undefined for messages). */
export function getFieldValue(msg: Message, field: DescField): unknown {
  const v = getSetValue(msg, field);
  if (v !== undefined) return v;
  switch (field.fieldKind) {
    case "scalar":
      return field.defaultValue ?? scalarZeroValue(field.scalar);
    case "enum":
      return field.defaultValue;
    case "list":
      return (msg as unknown as Fields)[field.localName] ?? [];
    case "map":
      return (msg as unknown as Fields)[field.localName] ?? new Map();
    default:
      return undefined;
  }
}

/** Sets a field (for a oneof member, selects it). */
export function setFieldValue(msg: Message, field: DescField, value: unknown): void {
  const m = msg as unknown as Fields;
  if (field.oneof) m[field.oneof.localName] = { case: field.localName, value };
  else m[field.localName] = value;
}

/** Clears a field: back to unset, zero or empty. */
export function clearField(msg: Message, field: DescField): void {
  const m = msg as unknown as Fields;
  if (field.oneof) {
    const o = m[field.oneof.localName] as OneofValue | undefined;
    if (o?.case === field.localName) m[field.oneof.localName] = { case: undefined };
    return;
  }
  switch (field.fieldKind) {
    case "list":
      m[field.localName] = [];
      return;
    case "map":
      m[field.localName] = new Map();
      return;
    case "scalar":
      if (field.presence === "implicit") m[field.localName] = scalarZeroValue(field.scalar);
      else delete m[field.localName];
      return;
    case "enum":
      if (field.presence === "implicit") m[field.localName] = 0;
      else delete m[field.localName];
      return;
    default:
      delete m[field.localName];
  }
}

/** The default value of a singular scalar or enum field. */
export function fieldDefault(field: DescField): ScalarValue | undefined {
  if (field.fieldKind === "scalar") return field.defaultValue ?? scalarZeroValue(field.scalar);
  if (field.fieldKind === "enum") return field.defaultValue;
  return undefined;
}

/** Checks that `msg` is a message of type `desc`. */
export function assertMessageType(desc: DescMessage, msg: Message): void {
  if (msg.$typeName !== desc.typeName) throw new TypeError(`expected a message of type ${desc.typeName}, got ${String(msg.$typeName)}`);
}

/** The value a map entry's missing key or value takes: the zero value, the first enum value, an empty message. */
export function entryZeroValue(field: DescField): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return scalarZeroValue(field.scalar);
    case "enum":
      return field.enum.values[0]?.number ?? 0;
    case "message":
      return createEmpty(field.message);
    default:
      return undefined;
  }
}
