// Descriptors for the JSON codec tests, built by hand from FileDescriptorProtos: the well-known
// types (as in google/protobuf/*.proto), a proto3 message with one field of every kind, and a
// proto2 message with a group, a closed enum and extensions.
import { bootDescriptorFile } from "../../../src/reflect/boot/boot.js";
import type { DescMessage } from "../../../src/reflect/descriptors.js";
import type { FileDescriptorProto } from "../../../src/reflect/descriptor-types.js";
import { createFileRegistry } from "../../../src/reflect/file-registry.js";
import type { Registry } from "../../../src/reflect/registry.js";
import { create } from "../../../src/message/create.js";

const T = { double: 1, float: 2, int64: 3, uint64: 4, int32: 5, fixed64: 6, fixed32: 7, bool: 8, string: 9, group: 10, message: 11, bytes: 12, uint32: 13, enum: 14, sfixed32: 15, sfixed64: 16, sint32: 17, sint64: 18 } as const;
type TypeName = keyof typeof T;

interface FieldInit {
  name: string;
  number: number;
  label: number;
  type: number;
  typeName?: string;
  oneofIndex?: number;
  jsonName?: string;
  proto3Optional?: boolean;
  extendee?: string;
}

/** A field: `type` is a scalar name or, for messages, enums and groups, "message:.pkg.Type". */
function field(name: string, number: number, type: TypeName | `${"message" | "enum" | "group"}:${string}`, more: Partial<FieldInit> & { repeated?: boolean; optional?: boolean; required?: boolean } = {}): FieldInit {
  const [kind, ref] = type.split(":") as [TypeName, string | undefined];
  const { repeated, optional, required, ...rest } = more;
  const f: FieldInit = { name, number, label: repeated ? 3 : required ? 2 : 1, type: T[kind], ...rest };
  if (ref) f.typeName = ref;
  if (optional) f.proto3Optional = true;
  return f;
}

/** A map field and its entry message (to be nested in the containing message). */
function map(name: string, number: number, key: TypeName, value: Parameters<typeof field>[2]) {
  const entryName = name.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase()) + "Entry";
  return {
    entryName,
    field: (owner: string) => field(name, number, `message:${owner}.${entryName}`, { repeated: true }),
    entry: { name: entryName, field: [field("key", 1, key), field("value", 2, value)], options: { mapEntry: true } },
  };
}

const wktFile = {
  name: "google/protobuf/wkt_for_tests.proto",
  package: "google.protobuf",
  syntax: "proto3",
  enumType: [{ name: "NullValue", value: [{ name: "NULL_VALUE", number: 0 }] }],
  messageType: [
    { name: "Any", field: [field("type_url", 1, "string"), field("value", 2, "bytes")] },
    { name: "Timestamp", field: [field("seconds", 1, "int64"), field("nanos", 2, "int32")] },
    { name: "Duration", field: [field("seconds", 1, "int64"), field("nanos", 2, "int32")] },
    { name: "FieldMask", field: [field("paths", 1, "string", { repeated: true })] },
    { name: "Empty", field: [] },
    (() => {
      const m = map("fields", 1, "string", "message:.google.protobuf.Value");
      return { name: "Struct", field: [m.field(".google.protobuf.Struct")], nestedType: [m.entry] };
    })(),
    {
      name: "Value",
      oneofDecl: [{ name: "kind" }],
      field: [
        field("null_value", 1, "enum:.google.protobuf.NullValue", { oneofIndex: 0 }),
        field("number_value", 2, "double", { oneofIndex: 0 }),
        field("string_value", 3, "string", { oneofIndex: 0 }),
        field("bool_value", 4, "bool", { oneofIndex: 0 }),
        field("struct_value", 5, "message:.google.protobuf.Struct", { oneofIndex: 0 }),
        field("list_value", 6, "message:.google.protobuf.ListValue", { oneofIndex: 0 }),
      ],
    },
    { name: "ListValue", field: [field("values", 1, "message:.google.protobuf.Value", { repeated: true })] },
    ...(["double", "float", "int64", "uint64", "int32", "uint32", "bool", "string", "bytes"] as const).map((t) => ({
      name: t === "uint64" || t === "uint32" ? `UInt${t.slice(4)}Value` : `${t[0]!.toUpperCase()}${t.slice(1)}Value`,
      field: [field("value", 1, t)],
    })),
  ],
};

const scalarNames = ["double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool", "string", "bytes", "uint32", "sfixed32", "sfixed64", "sint32", "sint64"] as const;
const maps = [
  map("map_string_int32", 60, "string", "int32"),
  map("map_int32_string", 61, "int32", "string"),
  map("map_int64_string", 62, "int64", "string"),
  map("map_bool_string", 63, "bool", "string"),
  map("map_uint32_string", 64, "uint32", "string"),
  map("map_string_msg", 65, "string", "message:.test.All"),
  map("map_string_color", 66, "string", "enum:.test.Color"),
  map("map_string_value", 67, "string", "message:.google.protobuf.Value"),
];
const wkts = ["Any", "Timestamp", "Duration", "FieldMask", "Struct", "Value", "ListValue", "Empty", "DoubleValue", "FloatValue", "Int64Value", "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue"];

const testFile = {
  name: "test/all.proto",
  package: "test",
  syntax: "proto3",
  dependency: ["google/protobuf/wkt_for_tests.proto"],
  enumType: [{ name: "Color", value: [{ name: "COLOR_UNSPECIFIED", number: 0 }, { name: "RED", number: 1 }, { name: "GREEN", number: 2 }] }],
  messageType: [
    {
      name: "All",
      oneofDecl: [{ name: "choice" }, { name: "_opt_int32" }],
      field: [
        ...scalarNames.map((t, i) => field(`s_${t}`, i + 1, t)),
        ...scalarNames.map((t, i) => field(`r_${t}`, i + 21, t, { repeated: true })),
        field("opt_int32", 40, "int32", { optional: true, oneofIndex: 1 }),
        field("color", 41, "enum:.test.Color"),
        field("colors", 42, "enum:.test.Color", { repeated: true }),
        field("child", 43, "message:.test.All"),
        field("children", 44, "message:.test.All", { repeated: true }),
        field("custom_name", 45, "int32", { jsonName: "renamed" }),
        field("null_value", 46, "enum:.google.protobuf.NullValue"),
        field("c_string", 50, "string", { oneofIndex: 0 }),
        field("c_int32", 51, "int32", { oneofIndex: 0 }),
        field("c_msg", 52, "message:.test.All", { oneofIndex: 0 }),
        field("c_null", 53, "enum:.google.protobuf.NullValue", { oneofIndex: 0 }),
        ...maps.map((m) => m.field(".test.All")),
        ...wkts.map((w, i) => field(`w_${w.toLowerCase()}`, 70 + i, `message:.google.protobuf.${w}`)),
        field("r_value", 90, "message:.google.protobuf.Value", { repeated: true }),
        field("r_int32_value", 91, "message:.google.protobuf.Int32Value", { repeated: true }),
      ],
      nestedType: maps.map((m) => m.entry),
    },
  ],
};

const proto2File = {
  name: "test/p2.proto",
  package: "p2",
  syntax: "proto2",
  enumType: [{ name: "Closed", value: [{ name: "ONE", number: 1 }, { name: "TWO", number: 2 }] }],
  messageType: [
    {
      name: "P2",
      field: [
        field("i32", 1, "int32"),
        field("closed", 2, "enum:.p2.Closed"),
        field("mygroup", 3, "group:.p2.P2.MyGroup"),
        field("req", 4, "string", { required: true }),
      ],
      nestedType: [{ name: "MyGroup", field: [field("a", 1, "int32")] }],
      extensionRange: [{ start: 100, end: 200 }],
    },
  ],
  extension: [
    field("ext_int32", 100, "int32", { extendee: ".p2.P2" }),
    field("ext_msg", 101, "message:.p2.P2", { extendee: ".p2.P2" }),
    field("ext_strings", 102, "string", { extendee: ".p2.P2", repeated: true }),
  ],
};

function fileProto(init: object): FileDescriptorProto {
  const desc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  return create<FileDescriptorProto>(desc, init as Record<string, unknown>);
}

/** A registry with the well-known types, test.All (proto3) and p2.P2 (proto2 with extensions). */
export const registry: Registry = createFileRegistry([wktFile, testFile, proto2File].map(fileProto));

/** A message type from the test registry. */
export function messageType(name: string): DescMessage {
  const d = registry.getMessage(name);
  if (!d) throw new Error(`no message ${name}`);
  return d;
}

/** test.All: a proto3 message with a field of every kind. */
export const All = messageType("test.All");
/** p2.P2: a proto2 message with a group, a closed enum, a required field and extensions. */
export const P2 = messageType("p2.P2");
