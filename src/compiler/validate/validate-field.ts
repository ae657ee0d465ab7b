/**
 * protoc's ValidateOptions for fields (with ValidateFieldFeatures, ValidateMapEntry and
 * ValidateJSType) and ValidateProto3Field, with protoc's messages and error positions.
 */
import type { Builder } from "../link/builder.js";
import { Edition, Label, Type, cppType, isPackableType, type FieldDesc } from "../link/model.js";
import { toJsonName } from "../link/build-message.js";
import { isLite } from "./validate.js";
import { fieldFeatureSupportError } from "./feature-support.js";
import { validateExtensionDeclaration } from "./extension-declarations.js";

const OPTION_EXTENDEES = new Set(
  ["FileOptions", "MessageOptions", "FieldOptions", "EnumOptions", "EnumValueOptions", "ServiceOptions", "MethodOptions", "OneofOptions", "ExtensionRangeOptions"].flatMap(
    (n) => [`google.protobuf.${n}`, `proto2.${n}`],
  ),
);

/** True when the field tracks presence (protoc's has_presence). */
export function hasPresence(f: FieldDesc): boolean {
  if (f.label === Label.REPEATED) return false;
  return cppType(f.type ?? 0) === "message" || f.isExtension || f.oneof !== undefined || f.features.fieldPresence !== 2;
}

function isRequired(f: FieldDesc): boolean {
  return f.features.fieldPresence === 3;
}

function isMap(f: FieldDesc): boolean {
  return f.type === Type.MESSAGE && (f.messageType?.options?.mapEntry ?? false);
}

/** Checks a field of a proto3 file. */
export function validateProto3Field(b: Builder, f: FieldDesc): void {
  const p = f.proto;
  if (f.isExtension && !OPTION_EXTENDEES.has(f.containingType?.fullName ?? "")) {
    b.error(f.fullName, p, "EXTENDEE", "Extensions in proto3 are only allowed for defining options.");
  }
  if (isRequired(f)) b.error(f.fullName, p, "TYPE", "Required fields are not allowed in proto3.");
  if (f.hasDefault) b.error(f.fullName, p, "DEFAULT_VALUE", "Explicit default values are not allowed in proto3.");
  if (f.enumType !== undefined && f.enumType.features.enumType === 2) {
    b.error(f.fullName, p, "TYPE", `Enum type "${f.enumType.fullName}" is not an open enum, but is used in "${f.containingType?.fullName}" which is a proto3 message type.`);
  }
  if (f.type === Type.GROUP) b.error(f.fullName, p, "TYPE", "Groups are not supported in proto3 syntax.");
}

/** protoc's ValidateOptions(FieldDescriptor). */
export function validateField(b: Builder, f: FieldDesc): void {
  const p = f.proto;
  const o = f.options;
  const support = fieldFeatureSupportError(f);
  if (support !== undefined) b.error(f.fullName, p, "OPTION_NAME", support);
  validateFieldFeatures(b, f);
  if (f.file.edition >= Edition.E2024 && f.legacyCtype !== undefined) {
    b.error(f.fullName, p, "TYPE", "ctype option is not allowed under edition 2024 and beyond. Use the feature string_type = VIEW|CORD|STRING|... instead.");
  }
  if (o?.lazy === true || o?.unverifiedLazy === true) {
    if (f.type !== Type.MESSAGE) b.error(f.fullName, p, "TYPE", "[lazy = true] can only be specified for submessage fields.");
    if (o.unverifiedLazy === true && f.isExtension) b.error(f.fullName, p, "TYPE", "Extensions cannot be marked as unverified_lazy.");
  }
  if (o?.packed === true && !(f.label === Label.REPEATED && isPackableType(f.type))) {
    b.error(f.fullName, p, "TYPE", "[packed = true] can only be specified for repeated primitive fields.");
  }
  const container = f.containingType;
  if (container !== undefined && container.options?.messageSetWireFormat === true) {
    if (f.isExtension) {
      if (isRequired(f) || f.label === Label.REPEATED || f.type !== Type.MESSAGE) {
        b.error(f.fullName, p, "TYPE", "Extensions of MessageSets must be optional messages.");
      }
    } else {
      b.error(f.fullName, p, "NAME", "MessageSets cannot have fields, only extensions.");
    }
  }
  if (isLite(f.file) && container !== undefined && !isLite(container.file)) {
    b.error(
      f.fullName,
      p,
      "EXTENDEE",
      "Extensions to non-lite types can only be declared in non-lite files.  Note that you cannot extend a non-lite type to contain a lite type, but the reverse is allowed.",
    );
  }
  if (f.type === Type.GROUP && f.messageType?.options?.mapEntry === true) {
    b.error(f.fullName, p, "TYPE", "Groups cannot be map entries. Use a regular message field with map<KeyType, ValueType> syntax instead.");
  }
  if (isMap(f)) validateMapField(b, f);
  validateJsType(b, f);
  if (f.isExtension && f.hasJsonName && f.jsonName !== toJsonName(f.name)) {
    b.error(f.fullName, p, "OPTION_NAME", "option json_name is not allowed on extension fields.");
  }
  if (f.jsonName.includes("\0")) b.error(f.fullName, p, "OPTION_NAME", "json_name cannot have embedded null characters.");
  validateExtensionDeclaration(b, f);
}

function validateFieldFeatures(b: Builder, f: FieldDesc): void {
  if (f.file.edition < Edition.E2023) return;
  const p = f.proto;
  const err = (m: string) => b.error(f.fullName, p, "NAME", m);
  if (p.label === Label.REQUIRED) err("Required label is not allowed under editions.  Use the feature field_presence = LEGACY_REQUIRED to control this behavior.");
  if (p.type === Type.GROUP) err("Group types are not allowed under editions.  Use the feature message_encoding = DELIMITED to control this behavior.");
  if (f.options?.packed !== undefined) err("Field option packed is not allowed under editions.  Use the repeated_field_encoding feature to control this behavior.");
  if (f.label !== Label.REPEATED && !hasPresence(f)) {
    if (f.hasDefault) err("Implicit presence fields can't specify defaults.");
    if (f.enumType !== undefined && f.enumType.features.enumType === 2) err("Implicit presence enum fields must always be open.");
  }
  if (f.isExtension && isRequired(f)) err("Extensions can't be required.");
  if (f.containingType?.options?.mapEntry === true) return;
  const explicit = f.protoFeatures;
  if (explicit === undefined) return;
  if (explicit.fieldPresence !== undefined) {
    if (f.oneof !== undefined) err("Oneof fields can't specify field presence.");
    else if (f.label === Label.REPEATED) err("Repeated fields can't specify field presence.");
    else if (f.isExtension && explicit.fieldPresence !== 3) err("Extensions can't specify field presence.");
    else if (f.messageType !== undefined && explicit.fieldPresence === 2) err("Message fields can't specify implicit presence.");
  }
  if (f.label !== Label.REPEATED && explicit.repeatedFieldEncoding !== undefined) err("Only repeated fields can specify repeated field encoding.");
  const stringMap = isMap(f) && (f.messageType?.fields.some((x) => x.type === Type.STRING) ?? false);
  if (f.type !== Type.STRING && !stringMap && explicit.utf8Validation !== undefined) err("Only string fields can specify utf8 validation.");
  if (!(f.label === Label.REPEATED && isPackableType(f.type)) && explicit.repeatedFieldEncoding === 1) {
    err("Only repeated primitive fields can specify PACKED repeated field encoding.");
  }
  if ((cppType(f.type ?? 0) !== "message" || isMap(f)) && explicit.messageEncoding !== undefined) err("Only message fields can specify message encoding.");
}

function validateMapField(b: Builder, f: FieldDesc): void {
  const p = f.proto;
  const entry = f.messageType!;
  const camel = toCamelCase(f.name) + "Entry";
  if (f.label !== Label.REPEATED || entry.name !== camel || f.containingType !== entry.parent) {
    let message = `${entry.fullName} is a synthetic MapEntry message type, which is not allowed to be used as a field type.`;
    const container = entry.parent;
    if (container !== undefined) {
      const alter = b.lookupSymbol(entry.name, container.fullName, "types");
      if (alter !== undefined && alter.kind !== "package" && alter.desc !== entry) message += ` Maybe you meant ".${alter.desc.fullName}"?`;
    }
    b.error(f.fullName, p, "TYPE", message);
  }
  const ok =
    entry.extensions.length === 0 &&
    entry.extensionRanges.length === 0 &&
    entry.nestedTypes.length === 0 &&
    entry.enums.length === 0 &&
    entry.fields.length === 2 &&
    entry.fields[0]!.label === Label.OPTIONAL && entry.fields[0]!.number === 1 && entry.fields[0]!.name === "key" &&
    entry.fields[1]!.label === Label.OPTIONAL && entry.fields[1]!.number === 2 && entry.fields[1]!.name === "value";
  if (!ok) {
    b.error(f.fullName, p, "TYPE", "map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.");
    return;
  }
  const key = entry.fields[0]!;
  const value = entry.fields[1]!;
  switch (key.type) {
    case Type.ENUM:
      b.error(f.fullName, p, "TYPE", "Key in map fields cannot be enum types.");
      break;
    case Type.FLOAT: case Type.DOUBLE: case Type.MESSAGE: case Type.GROUP: case Type.BYTES:
      b.error(f.fullName, p, "TYPE", "Key in map fields cannot be float/double, bytes or message types.");
      break;
  }
  if (value.type === Type.ENUM && value.enumType !== undefined && value.enumType.values[0]?.number !== 0) {
    b.error(f.fullName, p, "TYPE", "Enum value in map must define 0 as the first value.");
  }
}

/** protoc's ToCamelCase(name, lower_first = false). */
function toCamelCase(name: string): string {
  let out = "";
  let cap = true;
  for (const c of name) {
    if (c === "_") cap = true;
    else if (cap) {
      out += c >= "a" && c <= "z" ? c.toUpperCase() : c;
      cap = false;
    } else out += c;
  }
  return out;
}

function validateJsType(b: Builder, f: FieldDesc): void {
  const js = f.options?.jstype ?? 0;
  if (js === 0) return;
  switch (f.type) {
    case Type.UINT64: case Type.INT64: case Type.SINT64: case Type.FIXED64: case Type.SFIXED64:
      if (js === 1 || js === 2) return;
      b.error(f.fullName, f.proto, "TYPE", `Illegal jstype for int64, uint64, sint64, fixed64 or sfixed64 field: ${js}`);
      return;
    default:
      b.error(f.fullName, f.proto, "TYPE", "jstype is only allowed on int64, uint64, sint64, fixed64 or sfixed64 fields.");
  }
}
