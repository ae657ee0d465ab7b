import type { ScalarType, ScalarValue } from "./scalar.js";
import type {
  DescriptorProto,
  EnumDescriptorProto,
  EnumValueDescriptorProto,
  FieldDescriptorProto,
  FileDescriptorProto,
  MethodDescriptorProto,
  OneofDescriptorProto,
  ServiceDescriptorProto,
} from "./descriptor-types.js";
import type { ResolvedFeatures } from "./features.js";

/** Any descriptor. */
export type AnyDesc = DescFile | DescMessage | DescField | DescOneof | DescEnum | DescEnumValue | DescExtension | DescService | DescMethod;

/** A .proto file. */
export interface DescFile {
  readonly kind: "file";
  /** The file's path, e.g. "google/protobuf/timestamp.proto". */
  readonly name: string;
  /** The package, "" when none. */
  readonly packageName: string;
  readonly syntax: "proto2" | "proto3" | "editions";
  /** The edition number (Edition enum): 998 for proto2, 999 for proto3, 1000 for 2023, … */
  readonly edition: number;
  readonly dependencies: readonly DescFile[];
  readonly messages: readonly DescMessage[];
  readonly enums: readonly DescEnum[];
  readonly extensions: readonly DescExtension[];
  readonly services: readonly DescService[];
  readonly features: ResolvedFeatures;
  readonly proto: FileDescriptorProto;
}

/** A message type. */
export interface DescMessage {
  readonly kind: "message";
  /** The fully-qualified name, without leading dot: "pkg.Outer.Inner". */
  readonly typeName: string;
  readonly name: string;
  readonly file: DescFile;
  readonly parent: DescMessage | undefined;
  /** Fields in declaration order (oneof members included). */
  readonly fields: readonly DescField[];
  /** Fields ordered by number: the order in which they are serialized. */
  readonly fieldsByNumber: readonly DescField[];
  /** Oneofs (synthetic proto3-optional oneofs are not listed). */
  readonly oneofs: readonly DescOneof[];
  /** Fields not in a oneof and oneofs, in declaration order: the properties of a message object. */
  readonly members: readonly (DescField | DescOneof)[];
  readonly nestedMessages: readonly DescMessage[];
  readonly nestedEnums: readonly DescEnum[];
  readonly nestedExtensions: readonly DescExtension[];
  readonly isMapEntry: boolean;
  /** message_set_wire_format: extensions are written as MessageSet items. */
  readonly isMessageSet: boolean;
  /** Extension ranges as [start, end) pairs. */
  readonly extensionRanges: readonly (readonly [number, number])[];
  readonly features: ResolvedFeatures;
  readonly proto: DescriptorProto;
  /** Looks up a field by number. */
  field(number: number): DescField | undefined;
  /** Looks up a field by its .proto name. */
  fieldByName(name: string): DescField | undefined;
  /** Looks up a field by its JSON name. */
  fieldByJsonName(jsonName: string): DescField | undefined;
}

/** How a field tracks presence. */
export type FieldPresence = "explicit" | "implicit" | "required";

/** What all fields and extensions share. */
interface FieldCommon {
  readonly name: string;
  readonly number: number;
  /** The name of the JSON property (json_name, or the lowerCamelCase name). */
  readonly jsonName: string;
  readonly presence: FieldPresence;
  /** Set where strings must be valid UTF-8 (features.utf8_validation = VERIFY). */
  readonly validateUtf8: boolean;
  readonly deprecated: boolean;
  readonly features: ResolvedFeatures;
  readonly proto: FieldDescriptorProto;
}

/** The part of a field that says what it holds. */
export type FieldKindInfo =
  | {
      readonly fieldKind: "scalar";
      readonly scalar: ScalarType;
      /** The explicit default ([default = …]) or undefined; the zero value applies then. */
      readonly defaultValue: ScalarValue | undefined;
    }
  | {
      readonly fieldKind: "enum";
      readonly enum: DescEnum;
      /** The default: [default = …], else the first value. */
      readonly defaultValue: number;
    }
  | {
      readonly fieldKind: "message";
      readonly message: DescMessage;
      /** Group / delimited encoding instead of a length prefix. */
      readonly delimited: boolean;
    }
  | ({ readonly fieldKind: "list"; readonly packed: boolean } & ElementInfo)
  | ({ readonly fieldKind: "map"; readonly mapKey: ScalarType; readonly entry: DescMessage } & ElementInfo);

/** The element type of a list, or the value type of a map. */
export type ElementInfo =
  | { readonly elementKind: "scalar"; readonly scalar: ScalarType }
  | { readonly elementKind: "enum"; readonly enum: DescEnum }
  | { readonly elementKind: "message"; readonly message: DescMessage; readonly delimited: boolean };

/** A field of a message. */
export type DescField = {
  readonly kind: "field";
  /** The property name in message objects (lowerCamelCase). */
  readonly localName: string;
  readonly parent: DescMessage;
  /** The oneof this field belongs to (not set for synthetic proto3-optional oneofs). */
  readonly oneof: DescOneof | undefined;
} & FieldCommon &
  FieldKindInfo;

/** An extension: a field declared outside the message it extends. */
export type DescExtension = {
  readonly kind: "extension";
  /** The fully-qualified name, without leading dot. */
  readonly typeName: string;
  readonly file: DescFile;
  /** The message whose scope it is declared in, if any. */
  readonly parent: DescMessage | undefined;
  readonly extendee: DescMessage;
} & FieldCommon &
  FieldKindInfo;

/** A oneof. */
export interface DescOneof {
  readonly kind: "oneof";
  readonly name: string;
  readonly localName: string;
  readonly parent: DescMessage;
  readonly fields: readonly DescField[];
  readonly proto: OneofDescriptorProto;
}

/** An enum type. */
export interface DescEnum {
  readonly kind: "enum";
  readonly typeName: string;
  readonly name: string;
  readonly file: DescFile;
  readonly parent: DescMessage | undefined;
  readonly values: readonly DescEnumValue[];
  /** Open enums keep unknown numbers in the field; closed ones move them to unknown fields. */
  readonly open: boolean;
  readonly features: ResolvedFeatures;
  readonly proto: EnumDescriptorProto;
  /** The first value declared with this number. */
  value(number: number): DescEnumValue | undefined;
  valueByName(name: string): DescEnumValue | undefined;
}

/** A value of an enum type. */
export interface DescEnumValue {
  readonly kind: "enum_value";
  readonly name: string;
  readonly number: number;
  readonly parent: DescEnum;
  readonly proto: EnumValueDescriptorProto;
}

/** A service. */
export interface DescService {
  readonly kind: "service";
  readonly typeName: string;
  readonly name: string;
  readonly file: DescFile;
  readonly methods: readonly DescMethod[];
  readonly proto: ServiceDescriptorProto;
}

/** A method of a service. */
export interface DescMethod {
  readonly kind: "rpc";
  readonly name: string;
  readonly parent: DescService;
  readonly input: DescMessage;
  readonly output: DescMessage;
  readonly clientStreaming: boolean;
  readonly serverStreaming: boolean;
  readonly proto: MethodDescriptorProto;
}
