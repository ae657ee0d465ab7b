/** Writes messages in the proto3 JSON format. */
import type { DescExtension, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import type { ScalarValue } from "../../reflect/scalar.js";
import { getFieldValue, getSetValue } from "../../message/fields.js";
import { findInvalidValue } from "../../message/check-values.js";
import { formatPath, JsonError } from "./errors.js";
import { getExtensionValues } from "./extensions.js";
import { setJsonProperty, type JsonObject, type JsonValue } from "./json-types.js";
import { stringifyJson } from "./json-writer.js";
import type { JsonWriteOptions, JsonWriteStringOptions, WriteContext } from "./options.js";
import { writeEnum, writeMapKey, writeScalar } from "./scalar-write.js";
import { wktConverter } from "./wkt.js";
import type { GenMessage } from "../../reflect/embedded-file.js";

/** Converts a message to a plain JSON value (a JsonError names the path of a value JSON cannot represent). */
export function toJson<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, options?: JsonWriteOptions): JsonValue {
  // A value of the wrong type fails here, with its path, rather than be written as something else.
  const bad = findInvalidValue(desc, msg, options?.useProtoFieldName ? (f) => f.name : (f) => f.jsonName);
  if (bad) throw new JsonError(bad.kind, formatPath(bad.path), bad.message);
  return writerContext(options).writeMessage(desc, msg);
}

/** Converts a message to JSON text. */
export function toJsonString<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, options?: JsonWriteStringOptions): string {
  return stringifyJson(toJson(desc, msg, options), options?.prettySpaces ?? 0);
}

function writerContext(options: JsonWriteOptions | undefined): WriteContext {
  const path: (string | number)[] = [];
  const ctx: WriteContext = {
    emitDefaultValues: options?.emitDefaultValues ?? false,
    enumAsInteger: options?.enumAsInteger ?? false,
    useProtoFieldName: options?.useProtoFieldName ?? false,
    registry: options?.registry,
    path,
    fail(code, problem) {
      throw new JsonError(code, formatPath(path), problem);
    },
    writeMessage: (desc, msg) => writeMessage(ctx, desc, msg),
    isWellKnown: (typeName) => wktConverter(typeName) !== undefined,
  };
  return ctx;
}

function writeMessage(ctx: WriteContext, desc: DescMessage, msg: Message): JsonValue {
  const wkt = wktConverter(desc.typeName);
  if (wkt) return wkt.toJson(desc, msg, ctx);
  const out: JsonObject = {};
  for (const field of desc.fields) {
    let v = getSetValue(msg, field);
    if (v === undefined) {
      // emitDefaultValues covers fields without presence only: implicit scalars and enums, lists, maps.
      if (!ctx.emitDefaultValues || field.oneof || field.presence !== "implicit") continue;
      v = getFieldValue(msg, field);
    }
    const name = ctx.useProtoFieldName ? field.name : field.jsonName;
    ctx.path.push(name);
    setJsonProperty(out, name, writeValue(ctx, field, v));
    ctx.path.pop();
  }
  if (ctx.registry && msg.$unknown) {
    for (const { ext, value } of getExtensionValues(desc, msg, ctx.registry, (problem) => ctx.fail("value", problem))) {
      const name = `[${ext.typeName}]`;
      ctx.path.push(name);
      setJsonProperty(out, name, writeValue(ctx, ext, value));
      ctx.path.pop();
    }
  }
  return out;
}

/** The JSON of a field's value (a list, a map or a singular value). */
function writeValue(ctx: WriteContext, field: DescField | DescExtension, v: unknown): JsonValue {
  switch (field.fieldKind) {
    case "scalar":
      return writeScalar(ctx, field.scalar, v as ScalarValue);
    case "enum":
      return writeEnum(field.enum, v as number, ctx.enumAsInteger);
    case "message":
      return ctx.writeMessage(field.message, v as Message);
    case "list": {
      const list = v as unknown[];
      const out: JsonValue[] = [];
      for (let i = 0; i < list.length; i++) {
        ctx.path.push(i);
        out.push(writeElement(ctx, field, list[i]));
        ctx.path.pop();
      }
      return out;
    }
    case "map": {
      const out: JsonObject = {};
      for (const [k, e] of v as Map<ScalarValue, unknown>) {
        const key = writeMapKey(ctx, k);
        ctx.path.push(key);
        setJsonProperty(out, key, writeElement(ctx, field, e));
        ctx.path.pop();
      }
      return out;
    }
  }
}

/** The JSON of one list element or map value. */
function writeElement(ctx: WriteContext, field: DescField | DescExtension, e: unknown): JsonValue {
  if (field.fieldKind !== "list" && field.fieldKind !== "map") return null;
  switch (field.elementKind) {
    case "scalar":
      return writeScalar(ctx, field.scalar, e as ScalarValue);
    case "enum":
      return writeEnum(field.enum, e as number, ctx.enumAsInteger);
    case "message":
      return ctx.writeMessage(field.message, e as Message);
  }
}
