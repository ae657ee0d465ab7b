import { BinaryReader } from "../../wire/reader.js";
import { WireType } from "../../wire/wire-type.js";
import type { FileDescriptorProto } from "../descriptor-types.js";

/**
 * A decoder for just the parts of a FileDescriptorProto that descriptors are built from, so that
 * descriptor.proto can be read before any descriptor exists. The full message is decoded later
 * with the regular binary codec.
 */

type Kind = "string" | "int" | "bool" | Schema;
interface Schema {
  readonly typeName: string;
  readonly fields: Readonly<Record<number, readonly [name: string, kind: Kind, repeated: boolean]>>;
}

const editionDefault: Schema = { typeName: "google.protobuf.FieldOptions.EditionDefault", fields: { 3: ["edition", "int", false], 2: ["value", "string", false] } };
const fieldOptions: Schema = { typeName: "google.protobuf.FieldOptions", fields: { 2: ["packed", "bool", false], 20: ["editionDefaults", editionDefault, true] } };
const field: Schema = {
  typeName: "google.protobuf.FieldDescriptorProto",
  fields: {
    1: ["name", "string", false],
    2: ["extendee", "string", false],
    3: ["number", "int", false],
    4: ["label", "int", false],
    5: ["type", "int", false],
    6: ["typeName", "string", false],
    7: ["defaultValue", "string", false],
    8: ["options", fieldOptions, false],
    9: ["oneofIndex", "int", false],
    10: ["jsonName", "string", false],
    17: ["proto3Optional", "bool", false],
  },
};
const enumValue: Schema = { typeName: "google.protobuf.EnumValueDescriptorProto", fields: { 1: ["name", "string", false], 2: ["number", "int", false] } };
const enumType: Schema = { typeName: "google.protobuf.EnumDescriptorProto", fields: { 1: ["name", "string", false], 2: ["value", enumValue, true] } };
const oneof: Schema = { typeName: "google.protobuf.OneofDescriptorProto", fields: { 1: ["name", "string", false] } };
const range: Schema = { typeName: "google.protobuf.DescriptorProto.ExtensionRange", fields: { 1: ["start", "int", false], 2: ["end", "int", false] } };
const messageOptions: Schema = { typeName: "google.protobuf.MessageOptions", fields: { 1: ["messageSetWireFormat", "bool", false], 7: ["mapEntry", "bool", false] } };
const message: Schema = {
  typeName: "google.protobuf.DescriptorProto",
  fields: {
    1: ["name", "string", false],
    2: ["field", field, true],
    4: ["enumType", enumType, true],
    5: ["extensionRange", range, true],
    6: ["extension", field, true],
    7: ["options", messageOptions, false],
    8: ["oneofDecl", oneof, true],
  },
};
// A message type contains itself (nested types).
(message.fields as Record<number, readonly [string, Kind, boolean]>)[3] = ["nestedType", message, true];
const file: Schema = {
  typeName: "google.protobuf.FileDescriptorProto",
  fields: {
    1: ["name", "string", false],
    2: ["package", "string", false],
    3: ["dependency", "string", true],
    4: ["messageType", message, true],
    5: ["enumType", enumType, true],
    7: ["extension", field, true],
    12: ["syntax", "string", false],
    14: ["edition", "int", false],
  },
};

// The repeated fields of each type that builders iterate over, so they are always arrays.
const repeatedByType: Record<string, readonly string[]> = {
  "google.protobuf.FileDescriptorProto": ["dependency", "publicDependency", "weakDependency", "optionDependency", "messageType", "enumType", "service", "extension"],
  "google.protobuf.DescriptorProto": ["field", "nestedType", "enumType", "extensionRange", "extension", "oneofDecl", "reservedRange", "reservedName"],
  "google.protobuf.EnumDescriptorProto": ["value", "reservedRange", "reservedName"],
  "google.protobuf.FieldOptions": ["editionDefaults", "targets", "uninterpretedOption"],
};

function decode(r: BinaryReader, end: number, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = { $typeName: schema.typeName };
  for (const name of repeatedByType[schema.typeName] ?? []) out[name] = [];
  const saved = r.end;
  r.end = end;
  while (r.pos < end) {
    const no = r.tag();
    const spec = schema.fields[no];
    if (!spec) {
      r.skip();
      continue;
    }
    const [name, kind, repeated] = spec;
    let value: unknown;
    if (kind === "string") value = r.string();
    else if (kind === "int") value = r.int32();
    else if (kind === "bool") value = r.bool();
    else {
      if (r.wireType !== WireType.LengthDelimited) throw new Error(`boot: field ${name} is not length-delimited`);
      const len = r.length();
      value = decode(r, r.pos + len, kind);
    }
    if (repeated) (out[name] as unknown[]).push(value);
    else out[name] = value;
  }
  r.end = saved;
  return out;
}

/** Decodes the descriptor-building parts of a serialized FileDescriptorProto. */
export function bootDecodeFile(bytes: Uint8Array): FileDescriptorProto {
  return decode(new BinaryReader(bytes), bytes.length, file) as unknown as FileDescriptorProto;
}
