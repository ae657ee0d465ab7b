/**
 * Fields, map fields and groups, with their `[...]` options, `default` and `json_name`: a port of
 * protoc's ParseMessageField, ParseMapType, ParseType, ParseDefaultAssignment and ParseJsonName.
 */
import type { DefaultValueNode, FieldNode, FieldOption, JsonNameNode, OptionList, TypeRef } from "./ast.js";
import { cEscape, simpleDtoa } from "./c-format.js";
import { latin1ToUtf8 } from "./chars.js";
import { parseMessageBlock } from "./parse-message.js";
import { parseBracketList, parseOption } from "./parse-options.js";
import { Edition, type ParserCore } from "./parser-core.js";

/** FieldDescriptorProto.Type numbers. */
export const FieldType = {
  DOUBLE: 1, FLOAT: 2, INT64: 3, UINT64: 4, INT32: 5, FIXED64: 6, FIXED32: 7, BOOL: 8, STRING: 9,
  GROUP: 10, MESSAGE: 11, BYTES: 12, UINT32: 13, ENUM: 14, SFIXED32: 15, SFIXED64: 16, SINT32: 17, SINT64: 18,
} as const;

const T = FieldType;
const SCALARS: ReadonlyMap<string, number> = new Map([
  ["double", T.DOUBLE], ["float", T.FLOAT], ["uint64", T.UINT64], ["fixed64", T.FIXED64],
  ["fixed32", T.FIXED32], ["bool", T.BOOL], ["string", T.STRING], ["group", T.GROUP],
  ["bytes", T.BYTES], ["uint32", T.UINT32], ["sfixed32", T.SFIXED32], ["sfixed64", T.SFIXED64],
  ["int32", T.INT32], ["int64", T.INT64], ["sint32", T.SINT32], ["sint64", T.SINT64],
]);

/** Edition UNSTABLE's names: int types default to fixed-width encodings, varints get new names. */
const UNSTABLE_SCALARS: ReadonlyMap<string, number> = new Map([
  ["double", T.DOUBLE], ["float", T.FLOAT], ["uint64", T.FIXED64], ["bool", T.BOOL],
  ["string", T.STRING], ["group", T.GROUP], ["bytes", T.BYTES], ["uint32", T.FIXED32],
  ["int32", T.SFIXED32], ["int64", T.SFIXED64], ["varint32", T.INT32], ["varint64", T.INT64],
  ["uvarint32", T.UINT32], ["uvarint64", T.UINT64], ["zigzag32", T.SINT32], ["zigzag64", T.SINT64],
]);

const OBSOLETE_IN_UNSTABLE: ReadonlyMap<string, string> = new Map([
  ["fixed32", "uint32"], ["fixed64", "uint64"], ["sfixed32", "int32"],
  ["sfixed64", "int64"], ["sint32", "zigzag32"], ["sint64", "zigzag64"],
]);

/** Nesting of group bodies allowed before the parser gives up (protoc's later stages allow 32). */
const MAX_GROUP_DEPTH = 100;

/** Where a field appears: protoc rejects map fields in oneofs and extend blocks. */
export interface FieldContext {
  readonly inOneof: boolean;
  readonly inExtend: boolean;
}

/** Parses a field with an optional label into `field` (already added to its parent). */
export function parseMessageField(p: ParserCore, field: FieldNode, ctx: FieldContext): boolean {
  parseLabel(p, field);
  return parseFieldNoLabel(p, field, ctx);
}

function parseLabel(p: ParserCore, field: FieldNode): void {
  const text = p.lexer.text;
  if (text !== "optional" && text !== "repeated" && text !== "required") return;
  if (text === "optional" && p.syntax === "editions") {
    p.error(
      'Label "optional" is not supported in editions. By default, all singular fields have presence unless features.field_presence is set.',
    );
  }
  if (text === "required" && p.syntax === "editions") {
    p.error('Label "required" is not supported in editions, use features.field_presence = LEGACY_REQUIRED.');
  }
  field.label = { value: text, token: p.cur };
  p.advance();
}

/** Parses a field after its label (oneof members have none). */
export function parseFieldNoLabel(p: ParserCore, field: FieldNode, ctx: FieldContext): boolean {
  if (!parseFieldType(p, field, ctx)) return false;
  const nameToken = p.cur;
  field.nameToken = nameToken;
  const name = p.consumeIdentifier("Expected field name.");
  if (name === undefined) return false;
  field.name = name;
  if (!p.consume("=", "Missing field number.")) return false;
  field.numberToken = p.cur;
  const number = p.consumeInteger("Expected field number.");
  if (number === undefined) return false;
  field.number = number;
  if (p.lookingAt("[") && !parseFieldOptions(p, field)) return false;

  if (field.type?.scalar !== T.GROUP) return p.consumeEndOfDeclaration(";", field);
  const c = name.charCodeAt(0);
  if (c < 65 || c > 90) p.errorAtToken(nameToken, "Group names must start with a capital letter.");
  if (!p.lookingAt("{")) {
    p.error("Missing group body.");
    return false;
  }
  if (p.groupDepth >= MAX_GROUP_DEPTH) {
    p.error("Reached maximum recursion limit for nested messages.");
    return false;
  }
  const body = { start: field.start, end: field.start, decls: [] };
  field.group = body;
  p.groupDepth++;
  const ok = parseMessageBlock(p, body);
  p.groupDepth--;
  body.end = p.prev;
  return ok;
}

/** Parses the type (or `map<K, V>`); protoc's type location spans it. */
function parseFieldType(p: ParserCore, field: FieldNode, ctx: FieldContext): boolean {
  const start = p.cur;
  let type: TypeRef | undefined;
  if (p.tryConsume("map")) {
    if (p.lookingAt("<")) return parseMapType(p, field, ctx, start);
    type = { name: "map", scalar: 0, start, end: start };
  }
  // proto3 and editions fields without a label are optional; proto2 requires one.
  if (field.label === undefined && !ctx.inOneof && p.syntax !== "proto3" && p.syntax !== "editions") {
    p.error('Expected "required", "optional", or "repeated".');
  }
  type ??= parseType(p);
  if (type === undefined) return false;
  field.type = type;
  return true;
}

function parseMapType(p: ParserCore, field: FieldNode, ctx: FieldContext, start: number): boolean {
  if (ctx.inOneof) {
    p.error("Map fields are not allowed in oneofs.");
    return false;
  }
  if (field.label !== undefined) {
    p.error("Field labels (required/optional/repeated) are not allowed on map fields.");
    return false;
  }
  if (ctx.inExtend) {
    p.error("Map fields are not allowed to be extensions.");
    return false;
  }
  if (!p.consume("<")) return false;
  const key = parseType(p);
  if (key === undefined || !p.consume(",")) return false;
  const value = parseType(p);
  if (value === undefined || !p.consume(">")) return false;
  field.map = { key, value };
  field.type = { name: "map", scalar: 0, start, end: p.prev };
  return true;
}

/** Parses a scalar type keyword or a message/enum type name. */
function parseType(p: ParserCore): TypeRef | undefined {
  const start = p.cur;
  const text = p.lexer.text;
  const unstable = p.syntax === "editions" && p.edition === Edition.UNSTABLE;
  const scalar = (unstable ? UNSTABLE_SCALARS : SCALARS).get(text);
  if (scalar !== undefined) {
    if (p.syntax === "editions" && scalar === T.GROUP) {
      p.error(
        "Group syntax is no longer supported in editions. To get group behavior you can specify features.message_encoding = DELIMITED on a message field.",
      );
    }
    p.advance();
    return { name: text, scalar, start, end: start };
  }
  const replacement = unstable ? OBSOLETE_IN_UNSTABLE.get(text) : undefined;
  if (replacement !== undefined) {
    p.error(`Type '${text}' is obsolete in unstable editions, use '${replacement}' instead.`);
    p.advance();
    return { name: text, scalar: T.INT32, start, end: start };
  }
  return parseUserDefinedType(p);
}

/** Parses a message or enum type name such as `.a.b.C`; protoc complains about scalar keywords here. */
export function parseUserDefinedType(p: ParserCore): TypeRef | undefined {
  const start = p.cur;
  const text = p.lexer.text;
  if (SCALARS.has(text)) {
    p.error("Expected message type.");
    p.advance();
    return { name: text, scalar: 0, start, end: start };
  }
  let name = p.tryConsume(".") ? "." : "";
  const first = p.consumeIdentifier("Expected type name.");
  if (first === undefined) return undefined;
  name += first;
  while (p.tryConsume(".")) {
    const part = p.consumeIdentifier("Expected identifier.");
    if (part === undefined) return undefined;
    name += "." + part;
  }
  return { name, scalar: 0, start, end: p.prev };
}

function parseFieldOptions(p: ParserCore, field: FieldNode): boolean {
  const list: OptionList<FieldOption> = { start: p.cur, end: p.cur, entries: [] };
  field.options = list;
  const options = list.entries;
  return parseBracketList(p, list, () => {
    if (p.lookingAt("default")) return parseDefault(p, field, options);
    if (p.lookingAt("json_name")) return parseJsonName(p, options);
    return parseOption(p, options, false);
  });
}

function parseDefault(p: ParserCore, field: FieldNode, entries: FieldOption[]): boolean {
  if (entries.some((e) => e.kind === "default")) p.error('Already set option "default".');
  p.advance(); // "default"
  if (!p.consume("=")) return false;
  const node: DefaultValueNode = { kind: "default", value: "", start: p.cur, end: p.cur };
  entries.push(node);
  const ok = parseDefaultValue(p, field.type?.scalar ?? 0, node);
  node.end = p.prev;
  return ok;
}

/** Reads the default value and normalizes it as protoc stores it in default_value. */
function parseDefaultValue(p: ParserCore, type: number, node: DefaultValueNode): boolean {
  if (type === 0) {
    // A named type (enum or message, unknown yet): take the token as is.
    node.value = latin1ToUtf8(p.lexer.text);
    p.advance();
    return true;
  }
  switch (type) {
    case T.INT32: case T.INT64: case T.SINT32: case T.SINT64: case T.SFIXED32: case T.SFIXED64: {
      const is32 = type === T.INT32 || type === T.SINT32 || type === T.SFIXED32;
      let max = is32 ? 0x7fffffffn : 0x7fffffffffffffffn;
      const sign = p.tryConsume("-") ? "-" : "";
      if (sign !== "") max += 1n;
      const v = p.consumeInteger64(max, "Expected integer for field default value.");
      if (v === undefined) return false;
      node.value = sign + v.toString();
      return true;
    }
    case T.UINT32: case T.UINT64: case T.FIXED32: case T.FIXED64: {
      const max = type === T.UINT32 || type === T.FIXED32 ? 0xffffffffn : 0xffffffffffffffffn;
      if (p.tryConsume("-")) p.error("Unsigned field can't have negative default value.");
      const v = p.consumeInteger64(max, "Expected integer for field default value.");
      if (v === undefined) return false;
      node.value = v.toString();
      return true;
    }
    case T.FLOAT: case T.DOUBLE: {
      const sign = p.tryConsume("-") ? "-" : "";
      const v = p.consumeNumber("Expected number.");
      if (v === undefined) return false;
      node.value = sign + simpleDtoa(v);
      return true;
    }
    case T.BOOL:
      if (p.lookingAt("true") || p.lookingAt("false")) {
        node.value = p.lexer.text;
        p.advance();
        return true;
      }
      p.error('Expected "true" or "false".');
      return false;
    case T.STRING: {
      const s = p.consumeString("Expected string for field default value.");
      if (s === undefined) return false;
      node.value = s.value;
      node.bytes = s.bytes;
      return true;
    }
    case T.BYTES: {
      const s = p.consumeString("Expected string.");
      if (s === undefined) return false;
      node.value = cEscape(s.bytes);
      return true;
    }
    default:
      p.error("Messages can't have default values.");
      return false;
  }
}

function parseJsonName(p: ParserCore, entries: FieldOption[]): boolean {
  if (entries.some((e) => e.kind === "json_name")) p.error('Already set option "json_name".');
  const node: JsonNameNode = { kind: "json_name", value: "", start: p.cur, end: p.cur };
  entries.push(node);
  const ok = parseJsonNameValue(p, node);
  node.end = p.prev;
  return ok;
}

function parseJsonNameValue(p: ParserCore, node: JsonNameNode): boolean {
  p.advance(); // "json_name"
  if (!p.consume("=")) return false;
  const s = p.consumeString("Expected string for JSON name.");
  if (s === undefined) return false;
  node.value = s.value;
  node.valueSpan = { start: s.start, end: s.end };
  return true;
}
