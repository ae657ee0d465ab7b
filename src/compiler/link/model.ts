/**
 * The linker's descriptors: one object per file, message, field, oneof, enum, enum value,
 * service, method and extension range, mirroring what protoc's DescriptorBuilder builds (names,
 * scopes, resolved types, working options, features). Each keeps the FileDescriptorProto part it
 * was built from (`proto`), which is also the key for error positions.
 */
import type {
  DescriptorProto,
  DescriptorProto_ExtensionRange,
  EnumDescriptorProto,
  EnumOptions,
  EnumValueDescriptorProto,
  EnumValueOptions,
  ExtensionRangeOptions,
  FeatureSet,
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
} from "../../reflect/descriptor-types.js";

/** Resolved features: every core FeatureSet field as an enum number (0 when unknown). */
export interface Features {
  readonly fieldPresence: number;
  readonly enumType: number;
  readonly repeatedFieldEncoding: number;
  readonly utf8Validation: number;
  readonly messageEncoding: number;
  readonly jsonFormat: number;
  readonly enforceNamingStyle: number;
  readonly defaultSymbolVisibility: number;
  readonly enforceProtoLimits: number;
  /** pb.cpp string_type, when inferred from `ctype = CORD` or set; 0 otherwise. */
  readonly cppStringType: number;
}

/** What every descriptor with options has: the working options message and its features. */
export interface WithOptions<O> {
  /** The options as interpreted so far (a copy of the proto's; features moved out once resolved). */
  options: O | undefined;
  /** Features set explicitly on this element (protoc's proto_features_). */
  protoFeatures: FeatureSet | undefined;
  /** Features in force (protoc's merged_features_). */
  features: Features;
}

/** A file being built or built. */
export interface FileDesc extends WithOptions<FileOptions> {
  readonly kind: "file";
  readonly proto: FileDescriptorProto;
  readonly name: string;
  readonly package: string;
  /** google.protobuf.Edition number: 998 for proto2, 999 for proto3. */
  edition: number;
  /** Direct dependencies in proto.dependency order; undefined where the import failed. */
  readonly dependencies: (FileDesc | undefined)[];
  /** Indexes into dependencies of the public imports. */
  readonly publicDependencies: number[];
  /** Indexes into dependencies of the weak imports. */
  readonly weakDependencies: number[];
  /** Names of `import option` dependencies. */
  readonly optionDependencies: string[];
  readonly messages: MessageDesc[];
  readonly enums: EnumDesc[];
  readonly services: ServiceDesc[];
  readonly extensions: FieldDesc[];
  /** SourceCodeInfo (updated as options are interpreted), when the proto had one. */
  sourceCodeInfo: SourceCodeInfo | undefined;
}

/** A message type. */
export interface MessageDesc extends WithOptions<MessageOptions> {
  readonly kind: "message";
  readonly proto: DescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  /** The enclosing message, if nested. */
  readonly parent: MessageDesc | undefined;
  readonly fields: FieldDesc[];
  readonly oneofs: OneofDesc[];
  readonly nestedTypes: MessageDesc[];
  readonly enums: EnumDesc[];
  /** Extensions declared inside this message (its extension scope). */
  readonly extensions: FieldDesc[];
  readonly extensionRanges: ExtensionRangeDesc[];
  /** Fields by number, extensions excluded. */
  readonly fieldsByNumber: Map<number, FieldDesc>;
  /** Fields, oneofs, nested types, enums, enum values (of nested enums) and extensions by name. */
  readonly children: Map<string, AnyDesc>;
}

/** An extension range of a message. */
export interface ExtensionRangeDesc extends WithOptions<ExtensionRangeOptions> {
  readonly kind: "extensionRange";
  readonly proto: DescriptorProto_ExtensionRange;
  readonly start: number;
  readonly end: number;
  readonly message: MessageDesc;
  readonly index: number;
}

/** A field or an extension. */
export interface FieldDesc extends WithOptions<FieldOptions> {
  readonly kind: "field";
  readonly proto: FieldDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly number: number;
  /** 1 optional, 2 required, 3 repeated (required may be set later from features). */
  label: number;
  /** FieldDescriptorProto.Type, set once known (after cross-linking for named types). */
  type: number | undefined;
  readonly isExtension: boolean;
  /** For fields: the message; for extensions: the scope they are declared in (undefined at file level). */
  readonly scope: MessageDesc | undefined;
  /** The message the field belongs to: its message, or an extension's extendee once linked. */
  containingType: MessageDesc | undefined;
  /** The oneof (real or synthetic), for fields. */
  readonly oneof: OneofDesc | undefined;
  readonly proto3Optional: boolean;
  readonly hasJsonName: boolean;
  /** The JSON name: json_name when given, else the lowerCamelCase name. */
  readonly jsonName: string;
  /** Resolved message type (message and group fields). */
  messageType: MessageDesc | undefined;
  /** Resolved enum type. */
  enumType: EnumDesc | undefined;
  /** Whether a default is set (and valid so far). */
  hasDefault: boolean;
  /** The default as protoc prints it (DefaultValueAsString), once known. */
  defaultText: string | undefined;
  /** The `ctype` option protoc moves out of the options (kept for validation and output). */
  legacyCtype: number | undefined;
  /** The index in its parent's list. */
  readonly index: number;
}

/** A oneof. */
export interface OneofDesc extends WithOptions<OneofOptions> {
  readonly kind: "oneof";
  readonly proto: OneofDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly message: MessageDesc;
  readonly index: number;
  /** The member fields, in order. */
  readonly fields: FieldDesc[];
}

/** An enum type. */
export interface EnumDesc extends WithOptions<EnumOptions> {
  readonly kind: "enum";
  readonly proto: EnumDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly parent: MessageDesc | undefined;
  readonly values: EnumValueDesc[];
  /** Values by name (the enum's own scope). */
  readonly valuesByName: Map<string, EnumValueDesc>;
}

/** An enum value; its full name is a sibling of its enum's. */
export interface EnumValueDesc extends WithOptions<EnumValueOptions> {
  readonly kind: "enumValue";
  readonly proto: EnumValueDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly number: number;
  readonly enum: EnumDesc;
  readonly index: number;
}

/** A service. */
export interface ServiceDesc extends WithOptions<ServiceOptions> {
  readonly kind: "service";
  readonly proto: ServiceDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly methods: MethodDesc[];
}

/** A method. */
export interface MethodDesc extends WithOptions<MethodOptions> {
  readonly kind: "method";
  readonly proto: MethodDescriptorProto;
  readonly name: string;
  readonly fullName: string;
  readonly file: FileDesc;
  readonly service: ServiceDesc;
  inputType: MessageDesc | undefined;
  outputType: MessageDesc | undefined;
}

/** Any descriptor that can be named by a symbol. */
export type AnyDesc = MessageDesc | FieldDesc | OneofDesc | EnumDesc | EnumValueDesc | ServiceDesc | MethodDesc;

/** Any descriptor with options. */
export type OptionsOwner = FileDesc | AnyDesc | ExtensionRangeDesc;

/** A name in the pool: a descriptor, or a package (full or partial) first declared by `file`. */
export type SymbolEntry =
  | { readonly kind: "package"; readonly file: FileDesc; readonly full: boolean }
  | { readonly kind: AnyDesc["kind"]; readonly desc: AnyDesc; readonly file: FileDesc };

/** The edition numbers the linker compares against (google.protobuf.Edition). */
export { Edition } from "../../reflect/features.js";
import { Edition } from "../../reflect/features.js";

/** True for proto2 and proto3 (editions before 2023). */
export function isLegacyEdition(edition: number): boolean {
  return edition < Edition.E2023;
}

/** FieldDescriptorProto.Type numbers. */
export const Type = {
  DOUBLE: 1, FLOAT: 2, INT64: 3, UINT64: 4, INT32: 5, FIXED64: 6, FIXED32: 7, BOOL: 8, STRING: 9,
  GROUP: 10, MESSAGE: 11, BYTES: 12, UINT32: 13, ENUM: 14, SFIXED32: 15, SFIXED64: 16, SINT32: 17, SINT64: 18,
} as const;

/** FieldDescriptorProto.Label numbers. */
export const Label = { OPTIONAL: 1, REQUIRED: 2, REPEATED: 3 } as const;

/** C++ cpp_type of a field type: how protoc groups types for defaults and options. */
export type CppType = "int32" | "int64" | "uint32" | "uint64" | "double" | "float" | "bool" | "enum" | "string" | "message";

/** The cpp_type of a FieldDescriptorProto.Type. */
export function cppType(type: number): CppType {
  switch (type) {
    case Type.INT32: case Type.SINT32: case Type.SFIXED32: return "int32";
    case Type.INT64: case Type.SINT64: case Type.SFIXED64: return "int64";
    case Type.UINT32: case Type.FIXED32: return "uint32";
    case Type.UINT64: case Type.FIXED64: return "uint64";
    case Type.DOUBLE: return "double";
    case Type.FLOAT: return "float";
    case Type.BOOL: return "bool";
    case Type.ENUM: return "enum";
    case Type.STRING: case Type.BYTES: return "string";
    default: return "message";
  }
}

/** True for types that can be packed: scalars other than strings, bytes and messages. */
export function isPackableType(type: number | undefined): boolean {
  return type !== undefined && type !== Type.STRING && type !== Type.BYTES && type !== Type.MESSAGE && type !== Type.GROUP;
}

/** Features before resolution: everything unknown. */
export const EMPTY_FEATURES: Features = Object.freeze({
  fieldPresence: 0,
  enumType: 0,
  repeatedFieldEncoding: 0,
  utf8Validation: 0,
  messageEncoding: 0,
  jsonFormat: 0,
  enforceNamingStyle: 0,
  defaultSymbolVisibility: 0,
  enforceProtoLimits: 0,
  cppStringType: 0,
});
