/** Reads messages from the proto3 JSON format. */
import type { DescExtension, DescField, DescMessage, DescOneof } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import { createEmpty } from "../../message/create.js";
import { getSetValue, setFieldValue } from "../../message/fields.js";
import { utf8Decode } from "../../wire/utf8.js";
import { JsonError } from "./errors.js";
import { addExtensionValue } from "./extensions.js";
import { nodeFromValue } from "./json-from-value.js";
import { DEFAULT_MAX_DEPTH, parseJsonText } from "./json-reader.js";
import { jsonTypeName, type JsonMember, type JsonNode, type JsonValue } from "./json-types.js";
import { readFail, type JsonReadOptions, type ReadContext } from "./options.js";
import { NULL_VALUE_ENUM, quote, readEnum, readMapKey, readScalar } from "./scalar-read.js";
import { wktConverter } from "./wkt.js";
import type { GenMessage } from "../../reflect/embedded-file.js";

/** Creates a message of type `desc` from a plain JSON value (e.g. from JSON.parse). */
export function fromJson<T extends Message = Message>(desc: GenMessage<T>, json: JsonValue, options?: JsonReadOptions): T {
  return mergeFromJson(desc, createEmpty<T>(desc), json, options);
}

/** Creates a message of type `desc` from JSON text; throws a JsonError with path and line:column on bad input. */
export function fromJsonString<T extends Message = Message>(desc: GenMessage<T>, text: string, options?: JsonReadOptions): T {
  return mergeFromJsonString(desc, createEmpty<T>(desc), text, options);
}

/** Creates a message of type `desc` from UTF-8 encoded JSON text; invalid UTF-8 is an error. */
export function fromJsonBytes<T extends Message = Message>(desc: GenMessage<T>, bytes: Uint8Array, options?: JsonReadOptions): T {
  const text = utf8Decode(bytes, 0, bytes.length, true);
  if (text === undefined) throw new JsonError("encoding", "$", "JSON text is not valid UTF-8");
  return fromJsonString(desc, text, options);
}

/**
 * Reads a plain JSON value into an existing message: singular fields present in the JSON are
 * replaced, messages are merged, list elements appended, map entries added. JSON null leaves a field alone.
 */
export function mergeFromJson<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, json: JsonValue, options?: JsonReadOptions): T {
  const ctx = readerContext(options, undefined);
  ctx.readMessage(desc, msg, nodeFromValue(json, ctx.maxDepth));
  return msg;
}

/** Reads JSON text into an existing message (see mergeFromJson). */
export function mergeFromJsonString<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, text: string, options?: JsonReadOptions): T {
  const ctx = readerContext(options, text);
  ctx.readMessage(desc, msg, parseJsonText(text, ctx.maxDepth));
  return msg;
}

function readerContext(options: JsonReadOptions | undefined, source: string | undefined): ReadContext {
  const path: (string | number)[] = [];
  const ctx: ReadContext = {
    ignoreUnknownFields: options?.ignoreUnknownFields ?? false,
    registry: options?.registry,
    maxDepth: options?.maxDepth ?? DEFAULT_MAX_DEPTH,
    path,
    fail: readFail(source, path),
    readMessage: (desc, msg, node) => readMessage(ctx, desc, msg, node),
    isWellKnown: (typeName) => wktConverter(typeName) !== undefined,
  };
  return ctx;
}

function readMessage(ctx: ReadContext, desc: DescMessage, msg: Message, node: JsonNode): void {
  const wkt = wktConverter(desc.typeName);
  if (wkt) return wkt.fromJson(desc, msg, node, ctx);
  if (node.kind !== "object") return ctx.fail("type", `expected an object for message ${desc.typeName}, got ${jsonTypeName(node)}`, node.at);
  let seen: Map<number, string> | undefined;
  let oneofs: Map<DescOneof, string> | undefined;
  for (const m of node.members) {
    ctx.path.push(m.key);
    const field = desc.fieldByJsonName(m.key) ?? desc.fieldByName(m.key);
    if (!field) {
      readUnknownMember(ctx, desc, msg, m);
      ctx.path.pop();
      continue;
    }
    // The same field under its JSON name and its proto name.
    const earlier = (seen ??= new Map()).get(field.number);
    if (earlier !== undefined) ctx.fail("duplicate", `field ${field.name} is given twice (as ${quote(earlier)} and ${quote(m.key)})`, m.keyAt);
    seen.set(field.number, m.key);
    if (m.value.kind !== "null" || takesNull(field)) {
      const other = field.oneof ? oneofs?.get(field.oneof) : undefined;
      if (other !== undefined) ctx.fail("oneof", `oneof ${field.oneof!.name} has more than one field set (${quote(other)} and ${quote(m.key)})`, m.keyAt);
      const v = readValue(ctx, field, m.value, getSetValue(msg, field));
      if (v !== undefined) {
        setFieldValue(msg, field, v);
        if (field.oneof) (oneofs ??= new Map()).set(field.oneof, m.key);
      }
    }
    ctx.path.pop();
  }
}

/** A key that names no field: an extension "[pkg.ext]", or an unknown field (skipped or an error). */
function readUnknownMember(ctx: ReadContext, desc: DescMessage, msg: Message, m: JsonMember): void {
  if (m.key.startsWith("[") && m.key.endsWith("]")) {
    const name = m.key.slice(1, -1);
    const ext = ctx.registry?.getExtension(name);
    if (ext && ext.extendee.typeName === desc.typeName) {
      if (m.value.kind === "null" && !takesNull(ext)) return;
      const v = readValue(ctx, ext, m.value, undefined);
      if (v !== undefined) addExtensionValue(msg, ext, v);
      return;
    }
    if (ctx.ignoreUnknownFields) return;
    ctx.fail("unresolved", `unknown extension ${quote(name)} of ${desc.typeName}`, m.keyAt);
  }
  if (ctx.ignoreUnknownFields) return;
  ctx.fail("unknown-field", `unknown field ${quote(m.key)} in message ${desc.typeName}`, m.keyAt);
}

/** True when JSON null is a value of the field (google.protobuf.Value and NullValue), not "unset". */
function takesNull(field: DescField | DescExtension): boolean {
  if (field.fieldKind === "message") return field.message.typeName === "google.protobuf.Value";
  return field.fieldKind === "enum" && field.enum.typeName === NULL_VALUE_ENUM;
}

/**
 * The value a field gets from `node`, merged with `existing` (its current value, if set): a message
 * is read into the existing one, lists are appended to, maps added to. Undefined means "leave the
 * field alone" (an unknown enum name that is ignored).
 */
function readValue(ctx: ReadContext, field: DescField | DescExtension, node: JsonNode, existing: unknown): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return readScalar(ctx, field.scalar, node);
    case "enum":
      return readEnum(ctx, field.enum, node);
    case "message": {
      const sub = (existing as Message | undefined) ?? createEmpty(field.message);
      ctx.readMessage(field.message, sub, node);
      return sub;
    }
    case "list": {
      if (node.kind !== "array") return ctx.fail("type", `expected an array for repeated field ${field.name}, got ${jsonTypeName(node)}`, node.at);
      const list = (existing as unknown[] | undefined) ?? [];
      for (let i = 0; i < node.items.length; i++) {
        ctx.path.push(i);
        const e = readElement(ctx, field, node.items[i]!);
        if (e !== undefined) list.push(e);
        ctx.path.pop();
      }
      return list;
    }
    case "map": {
      if (node.kind !== "object") return ctx.fail("type", `expected an object for map field ${field.name}, got ${jsonTypeName(node)}`, node.at);
      const map = (existing as Map<unknown, unknown> | undefined) ?? new Map<unknown, unknown>();
      for (const m of node.members) {
        ctx.path.push(m.key);
        const k = readMapKey(ctx, field.mapKey, m.key, m.keyAt);
        const e = readElement(ctx, field, m.value);
        if (e !== undefined) map.set(k, e);
        ctx.path.pop();
      }
      return map;
    }
  }
}

/** One list element or map value; null is only allowed where it is a value (Value, NullValue). */
function readElement(ctx: ReadContext, field: DescField | DescExtension, node: JsonNode): unknown {
  if (field.fieldKind !== "list" && field.fieldKind !== "map") return undefined;
  switch (field.elementKind) {
    case "scalar":
      if (node.kind === "null") break;
      return readScalar(ctx, field.scalar, node);
    case "enum":
      if (node.kind === "null" && field.enum.typeName !== NULL_VALUE_ENUM) break;
      return readEnum(ctx, field.enum, node);
    case "message": {
      if (node.kind === "null" && field.message.typeName !== "google.protobuf.Value") break;
      const sub = createEmpty(field.message);
      ctx.readMessage(field.message, sub, node);
      return sub;
    }
  }
  const what = field.fieldKind === "list" ? "a list element" : "a map value";
  return ctx.fail("type", `null is not allowed as ${what} of field ${field.name}`, node.at);
}
