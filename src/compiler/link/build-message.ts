/**
 * Building messages, fields, oneofs and extension ranges from their protos, with the checks
 * protoc's DescriptorBuilder makes while building (BuildMessage, BuildFieldOrExtension,
 * BuildOneof, BuildExtensionRange, BuildReservedRange), in protoc's order.
 */
import type { DescriptorProto, FieldDescriptorProto } from "../../reflect/descriptor-types.js";
import { simpleDtoa, simpleFtoa } from "../c-format.js";
import { buildEnum } from "./build-enum-service.js";
import type { Builder } from "./builder.js";
import { EMPTY_FEATURES, Edition, Label, cppType, type ExtensionRangeDesc, type FieldDesc, type FileDesc, type MessageDesc, type OneofDesc } from "./model.js";
import { parseCDouble, safeDoubleToFloat } from "./numbers.js";

const NO_PATH: readonly number[] = [];

/** FieldDescriptor::kMaxNumber. */
export const MAX_FIELD_NUMBER = 536870911;

/** Builds a message and everything in it; `path` is its SourceCodeInfo path. */
export function buildMessage(b: Builder, proto: DescriptorProto, parent: MessageDesc | undefined, path: readonly number[]): MessageDesc {
  const file = b.file;
  const scope = parent === undefined ? file.package : parent.fullName;
  const name = proto.name ?? "";
  const fullName = scope === "" ? name : `${scope}.${name}`;
  b.validateSymbolName(name, fullName, proto);
  const msg: MessageDesc = {
    kind: "message", proto, name, fullName, file, parent,
    fields: [], oneofs: [], nestedTypes: [], enums: [], extensions: [], extensionRanges: [],
    fieldsByNumber: new Map(), children: new Map(),
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  proto.oneofDecl.forEach((o, i) => msg.oneofs.push(buildOneof(b, o, msg, i, [...path, 8, i])));
  // Element paths are only needed for options to interpret.
  proto.field.forEach((f, i) => msg.fields.push(buildField(b, f, msg, false, i, f.options === undefined ? NO_PATH : [...path, 2, i])));
  proto.enumType.forEach((e, i) => msg.enums.push(buildEnum(b, e, msg, [...path, 4, i])));
  proto.extensionRange.forEach((r, i) => msg.extensionRanges.push(buildExtensionRange(b, r, msg, i, [...path, 5, i])));
  proto.extension.forEach((f, i) => msg.extensions.push(buildField(b, f, msg, true, i, [...path, 6, i])));
  for (const r of proto.reservedRange) {
    const start = r.start ?? 0;
    const end = r.end ?? 0;
    if (start <= 0) {
      b.requestHint(msg, r, "NUMBER", start, end);
      b.error(msg.fullName, r, "NUMBER", "Reserved numbers must be positive integers.");
    }
    if (start >= end) b.error(msg.fullName, r, "NUMBER", "Reserved range end number must be greater than start number.");
  }
  b.allocateOptions(msg, proto.options, "message", path, msg.fullName, msg.fullName);
  b.recursionDepth--;
  try {
    if (b.recursionDepth <= 0) {
      b.error(msg.fullName, proto, "OTHER", "Reached maximum recursion limit for nested messages.");
    } else {
      proto.nestedType.forEach((n, i) => msg.nestedTypes.push(buildMessage(b, n, msg, [...path, 3, i])));
    }
  } finally {
    b.recursionDepth++;
  }
  b.addSymbol(msg.fullName, msg, proto);
  checkRanges(b, msg, proto);
  return msg;
}

/** Reserved and extension range checks protoc makes once a message's members are built. */
function checkRanges(b: Builder, msg: MessageDesc, proto: DescriptorProto): void {
  const reserved = proto.reservedRange;
  for (let i = 0; i < reserved.length; i++) {
    const r1 = reserved[i]!;
    for (let j = i + 1; j < reserved.length; j++) {
      const r2 = reserved[j]!;
      if (r1.end! > r2.start! && r2.end! > r1.start!) {
        b.error(msg.fullName, r1, "NUMBER", `Reserved range ${r2.start} to ${r2.end! - 1} overlaps with already-defined range ${r1.start} to ${r1.end! - 1}.`);
      }
    }
  }
  const names = new Set<string>();
  for (const name of proto.reservedName) {
    if (names.has(name)) b.error(name, proto, "NAME", `Field name "${name}" is reserved multiple times.`);
    names.add(name);
  }
  for (const field of msg.fields) {
    proto.extensionRange.forEach((r, j) => {
      const range = msg.extensionRanges[j]!;
      if (range.start <= field.number && field.number < range.end) {
        b.requestHint(msg, r, "NUMBER");
        b.error(field.fullName, r, "NUMBER", `Extension range ${range.start} to ${range.end - 1} includes field "${field.name}" (${field.number}).`);
      }
    });
    for (const r of reserved) {
      if (r.start! <= field.number && field.number < r.end!) {
        b.requestHint(msg, r, "NUMBER");
        b.error(field.fullName, r, "NUMBER", `Field "${field.name}" uses reserved number ${field.number}.`);
      }
    }
    if (names.has(field.name)) b.error(field.fullName, field.proto, "NAME", `Field name "${field.name}" is reserved.`);
  }
  msg.extensionRanges.forEach((r1, i) => {
    for (const r2 of reserved) {
      if (r1.end > r2.start! && r2.end! > r1.start) {
        b.error(msg.fullName, r1.proto, "NUMBER", `Extension range ${r1.start} to ${r1.end - 1} overlaps with reserved range ${r2.start} to ${r2.end! - 1}.`);
      }
    }
    for (let j = i + 1; j < msg.extensionRanges.length; j++) {
      const r2 = msg.extensionRanges[j]!;
      if (r1.end > r2.start && r2.end > r1.start) {
        b.error(msg.fullName, r1.proto, "NUMBER", `Extension range ${r2.start} to ${r2.end - 1} overlaps with already-defined range ${r1.start} to ${r1.end - 1}.`);
      }
    }
  });
}

function buildOneof(b: Builder, proto: DescriptorProto["oneofDecl"][number], msg: MessageDesc, index: number, path: readonly number[]): OneofDesc {
  const name = proto.name ?? "";
  const fullName = `${msg.fullName}.${name}`;
  b.validateSymbolName(name, fullName, proto);
  const oneof: OneofDesc = {
    kind: "oneof", proto, name, fullName, file: b.file, message: msg, index, fields: [],
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  b.allocateOptions(oneof, proto.options, "oneof", path, fullName, fullName);
  if (b.addSymbol(fullName, oneof, proto)) msg.children.set(name, oneof);
  return oneof;
}

function buildExtensionRange(b: Builder, proto: DescriptorProto["extensionRange"][number], msg: MessageDesc, index: number, path: readonly number[]): ExtensionRangeDesc {
  const range: ExtensionRangeDesc = {
    kind: "extensionRange", proto, start: proto.start ?? 0, end: proto.end ?? 0, message: msg, index,
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  if (range.start <= 0) {
    b.requestHint(msg, proto, "NUMBER", range.start, range.end);
    b.error(msg.fullName, proto, "NUMBER", "Extension numbers must be positive integers.");
  }
  if (range.start >= range.end) b.error(msg.fullName, proto, "NUMBER", "Extension range end number must be greater than start number.");
  b.allocateOptions(range, proto.options, "extensionRange", path, msg.fullName, msg.fullName);
  return range;
}

/** protoc's ToJsonName: drops underscores and upper-cases the letter after each. */
export { protoCamelCase as toJsonName } from "../../reflect/names.js";
import { protoCamelCase as toJsonName } from "../../reflect/names.js";

/** Builds a field (of `parent`) or an extension (declared in `parent`, or at file level when undefined). */
export function buildField(b: Builder, proto: FieldDescriptorProto, parent: MessageDesc | undefined, isExtension: boolean, index: number, path: readonly number[]): FieldDesc {
  const file: FileDesc = b.file;
  const scope = parent === undefined ? file.package : parent.fullName;
  const name = proto.name ?? "";
  const fullName = scope === "" ? name : `${scope}.${name}`;
  b.validateSymbolName(name, fullName, proto);
  const oneofIndex = proto.oneofIndex;
  const field: FieldDesc = {
    kind: "field", proto, name, fullName, file, number: proto.number ?? 0, label: proto.label ?? 0, type: proto.type,
    isExtension, scope: parent, containingType: isExtension ? undefined : parent, oneof: undefined,
    proto3Optional: proto.proto3Optional ?? false, hasJsonName: proto.jsonName !== undefined,
    jsonName: proto.jsonName ?? toJsonName(name), messageType: undefined, enumType: undefined,
    hasDefault: proto.defaultValue !== undefined, defaultText: undefined, legacyCtype: undefined, index,
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  if (field.proto3Optional && file.edition !== Edition.PROTO3) {
    b.error(fullName, proto, "TYPE", `The [proto3_optional=true] option may only be set on proto3fields, not ${fullName}`);
  }
  if (field.label === Label.REQUIRED && isExtension) b.error(fullName, proto, "TYPE", `The extension ${fullName} cannot be required.`);
  if (field.hasDefault && field.label === Label.REPEATED) b.error(fullName, proto, "DEFAULT_VALUE", "Repeated fields can't have default values.");
  if (proto.type !== undefined && field.hasDefault) parseDefault(b, field, proto.defaultValue!);
  if (field.number <= 0) {
    b.requestHint(parent, proto, "NUMBER");
    b.error(fullName, proto, "NUMBER", "Field numbers must be positive integers.");
  } else if (!isExtension && field.number > MAX_FIELD_NUMBER) {
    b.requestHint(parent, proto, "NUMBER");
    b.error(fullName, proto, "NUMBER", `Field numbers cannot be greater than ${MAX_FIELD_NUMBER}.`);
  }
  if (isExtension) {
    if (proto.extendee === undefined) b.error(fullName, proto, "EXTENDEE", "FieldDescriptorProto.extendee not set for extension field.");
    if (oneofIndex !== undefined) b.error(fullName, proto, "TYPE", "FieldDescriptorProto.oneof_index should not be set for extensions.");
  } else {
    if (proto.extendee !== undefined) b.error(fullName, proto, "EXTENDEE", "FieldDescriptorProto.extendee set for non-extension field.");
    if (oneofIndex !== undefined) {
      if (oneofIndex < 0 || oneofIndex >= parent!.oneofs.length) {
        b.error(fullName, proto, "TYPE", `FieldDescriptorProto.oneof_index ${oneofIndex} is out of range for type "${parent!.name}".`);
      } else {
        (field as { oneof: OneofDesc }).oneof = parent!.oneofs[oneofIndex]!;
      }
    }
  }
  b.allocateOptions(field, proto.options, "field", path, fullName, fullName);
  if (b.addSymbol(fullName, field, proto) && parent !== undefined) parent.children.set(name, field);
  return field;
}

/** Checks and normalizes a default for a scalar type (protoc parses it now, prints it back on output). */
function parseDefault(b: Builder, field: FieldDesc, text: string): void {
  const err = (m: string) => b.error(field.fullName, field.proto, "DEFAULT_VALUE", m);
  const kind = cppType(field.type!);
  switch (kind) {
    case "int32": case "int64": case "uint32": case "uint64": {
      const v = parseCInteger(text, kind);
      if (v === undefined) err(`Couldn't parse default value "${text}".`);
      else field.defaultText = v;
      return;
    }
    case "float": case "double": {
      let v: number | undefined;
      if (text === "inf") v = Infinity;
      else if (text === "-inf") v = -Infinity;
      else if (text === "nan") v = NaN;
      else v = parseCDouble(text);
      if (v === undefined) {
        err(`Couldn't parse default value "${text}".`);
        return;
      }
      field.defaultText = field.type === 2 ? simpleFtoa(safeDoubleToFloat(v)) : simpleDtoa(v);
      return;
    }
    case "bool":
      if (text === "true" || text === "false") field.defaultText = text;
      else err("Boolean default must be true or false.");
      return;
    case "string":
      field.defaultText = text;
      return;
    case "enum":
      return;
    case "message":
      err("Messages can't have default values.");
      field.hasDefault = false;
      return;
  }
}

/** strtol/strtoll/strtoul/strtoull with base 0, then the C++ conversion to the field's width; undefined when not all consumed. */
function parseCInteger(text: string, kind: "int32" | "int64" | "uint32" | "uint64"): string | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (m === null) return undefined;
  const neg = m[1] === "-";
  const digits = m[2]!;
  let v = digits.length > 1 && digits[0] === "0" && (digits[1] === "x" || digits[1] === "X") ? BigInt(digits) : digits[0] === "0" && digits.length > 1 ? BigInt("0o" + digits.slice(1)) : BigInt(digits);
  if (neg) v = -v;
  const bits = kind === "int32" || kind === "uint32" ? 32 : 64;
  if (kind === "int32" || kind === "int64") {
    const max = (1n << 63n) - 1n;
    if (v > max) v = max;
    if (v < -max - 1n) v = -max - 1n;
    return BigInt.asIntN(bits, v).toString();
  }
  const max = (1n << 64n) - 1n;
  if (v > max || v < -max) v = max;
  return BigInt.asUintN(bits, v).toString();
}
