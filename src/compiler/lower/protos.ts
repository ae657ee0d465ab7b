/**
 * Constructors for the descriptor.proto messages the compiler builds, in the runtime
 * representation (plain objects with `$typeName`, repeated fields as arrays, explicit-presence
 * fields left undefined). Each returns an empty message; callers fill in what protoc would set.
 */
import type {
  DescriptorProto,
  DescriptorProto_ExtensionRange,
  DescriptorProto_ReservedRange,
  EnumDescriptorProto,
  EnumDescriptorProto_EnumReservedRange,
  EnumOptions,
  EnumValueDescriptorProto,
  EnumValueOptions,
  ExtensionRangeOptions,
  FieldDescriptorProto,
  FieldOptions,
  FileDescriptorProto,
  FileOptions,
  MessageOptions,
  MethodDescriptorProto,
  MethodOptions,
  OneofDescriptorProto,
  OneofOptions,
  ServiceDescriptorProto,
  ServiceOptions,
  SourceCodeInfo,
  SourceCodeInfo_Location,
  UninterpretedOption,
  UninterpretedOption_NamePart,
} from "../../reflect/descriptor-types.js";
import type { Comments } from "../ast.js";

/** Any of the nine options messages of descriptor.proto. */
export type AnyOptions =
  | FileOptions
  | MessageOptions
  | FieldOptions
  | OneofOptions
  | EnumOptions
  | EnumValueOptions
  | ServiceOptions
  | MethodOptions
  | ExtensionRangeOptions;

/** An empty FileDescriptorProto. */
export function newFile(): FileDescriptorProto {
  return {
    $typeName: "google.protobuf.FileDescriptorProto",
    dependency: [],
    publicDependency: [],
    weakDependency: [],
    optionDependency: [],
    messageType: [],
    enumType: [],
    service: [],
    extension: [],
  };
}

/** An empty DescriptorProto. */
export function newMessage(): DescriptorProto {
  return {
    $typeName: "google.protobuf.DescriptorProto",
    field: [],
    extension: [],
    nestedType: [],
    enumType: [],
    extensionRange: [],
    oneofDecl: [],
    reservedRange: [],
    reservedName: [],
  };
}

/** An empty FieldDescriptorProto. */
export function newField(): FieldDescriptorProto {
  return { $typeName: "google.protobuf.FieldDescriptorProto" };
}

/** An empty OneofDescriptorProto. */
export function newOneof(name: string): OneofDescriptorProto {
  return { $typeName: "google.protobuf.OneofDescriptorProto", name };
}

/** An extension range [start, end). */
export function newExtensionRange(start: number, end: number): DescriptorProto_ExtensionRange {
  return { $typeName: "google.protobuf.DescriptorProto.ExtensionRange", start, end };
}

/** A message reserved range [start, end). */
export function newReservedRange(start: number, end: number): DescriptorProto_ReservedRange {
  return { $typeName: "google.protobuf.DescriptorProto.ReservedRange", start, end };
}

/** An enum reserved range [start, end] (inclusive). */
export function newEnumReservedRange(start: number, end: number): EnumDescriptorProto_EnumReservedRange {
  return { $typeName: "google.protobuf.EnumDescriptorProto.EnumReservedRange", start, end };
}

/** An empty EnumDescriptorProto. */
export function newEnum(): EnumDescriptorProto {
  return { $typeName: "google.protobuf.EnumDescriptorProto", value: [], reservedRange: [], reservedName: [] };
}

/** An empty EnumValueDescriptorProto. */
export function newEnumValue(): EnumValueDescriptorProto {
  return { $typeName: "google.protobuf.EnumValueDescriptorProto" };
}

/** An empty ServiceDescriptorProto. */
export function newService(): ServiceDescriptorProto {
  return { $typeName: "google.protobuf.ServiceDescriptorProto", method: [] };
}

/** An empty MethodDescriptorProto. */
export function newMethod(): MethodDescriptorProto {
  return { $typeName: "google.protobuf.MethodDescriptorProto" };
}

/** An UninterpretedOption with the given name parts and no value. */
export function newUninterpreted(parts: UninterpretedOption_NamePart[]): UninterpretedOption {
  return { $typeName: "google.protobuf.UninterpretedOption", name: parts };
}

/** One part of an option name. */
export function newNamePart(namePart: string, isExtension: boolean): UninterpretedOption_NamePart {
  return { $typeName: "google.protobuf.UninterpretedOption.NamePart", namePart, isExtension };
}

/** A SourceCodeInfo with the given locations. */
export function newSourceCodeInfo(location: SourceCodeInfo_Location[]): SourceCodeInfo {
  return { $typeName: "google.protobuf.SourceCodeInfo", location };
}

/** A SourceCodeInfo.Location, with a node's comments if any (each object is made with all its fields at once). */
export function newLocation(path: number[], span: number[], comments?: Comments): SourceCodeInfo_Location {
  const $typeName = "google.protobuf.SourceCodeInfo.Location";
  if (comments === undefined) return { $typeName, path, span, leadingDetachedComments: [] };
  const leadingDetachedComments = comments.detached.length > 0 ? [...comments.detached] : [];
  const { leading, trailing } = comments;
  if (leading !== undefined && trailing !== undefined) return { $typeName, path, span, leadingDetachedComments, leadingComments: leading, trailingComments: trailing };
  if (leading !== undefined) return { $typeName, path, span, leadingDetachedComments, leadingComments: leading };
  if (trailing !== undefined) return { $typeName, path, span, leadingDetachedComments, trailingComments: trailing };
  return { $typeName, path, span, leadingDetachedComments };
}

/** The `$typeName`s of the options messages, by the kind of element they belong to. */
export const OPTIONS_TYPE = {
  file: "google.protobuf.FileOptions",
  message: "google.protobuf.MessageOptions",
  field: "google.protobuf.FieldOptions",
  oneof: "google.protobuf.OneofOptions",
  enum: "google.protobuf.EnumOptions",
  enumValue: "google.protobuf.EnumValueOptions",
  service: "google.protobuf.ServiceOptions",
  method: "google.protobuf.MethodOptions",
  extensionRange: "google.protobuf.ExtensionRangeOptions",
} as const;

/** The kinds of element that have options. */
export type OptionsKind = keyof typeof OPTIONS_TYPE;

/** An empty options message of the given kind (every options message has `uninterpretedOption`). */
export function newOptions(kind: OptionsKind): AnyOptions {
  const base = { $typeName: OPTIONS_TYPE[kind], uninterpretedOption: [] };
  if (kind === "field") return { ...base, $typeName: OPTIONS_TYPE.field, targets: [], editionDefaults: [] };
  if (kind === "extensionRange") return { ...base, $typeName: OPTIONS_TYPE.extensionRange, declaration: [] };
  return base as AnyOptions;
}
