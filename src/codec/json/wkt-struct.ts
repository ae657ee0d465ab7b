/** google.protobuf.Struct, Value and ListValue: arbitrary JSON objects, values and arrays. */
import type { DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import { createEmpty } from "../../message/create.js";
import { getFieldValue, getSetValue, setFieldValue } from "../../message/fields.js";
import { isWellFormedString } from "../../wire/utf8.js";
import { JsonError } from "./errors.js";
import { jsonTypeName, setJsonProperty, type JsonObject, type JsonValue } from "./json-types.js";
import type { WriteContext } from "./options.js";
import { wktField, type WktConverter } from "./wkt-support.js";

/** The message type of a message-typed field of a well-known type. */
function messageOf(desc: DescMessage, no: number): DescMessage {
  const f = wktField(desc, no);
  if (f.fieldKind === "message" || ((f.fieldKind === "list" || f.fieldKind === "map") && f.elementKind === "message")) return f.message;
  throw new JsonError("value", "$", `${desc.typeName} field ${no} is not a message field`);
}

function checkedString(ctx: WriteContext, s: string): string {
  if (!isWellFormedString(s)) ctx.fail("encoding", "string holds a lone surrogate");
  return s;
}

/** Value: null, a number, a string, a bool, an object (Struct) or an array (ListValue). */
export const valueJson: WktConverter = {
  toJson(desc, msg, ctx) {
    if (getSetValue(msg, wktField(desc, 1)) !== undefined) return null;
    const n = getSetValue(msg, wktField(desc, 2)) as number | undefined;
    if (n !== undefined) {
      if (!Number.isFinite(n)) ctx.fail("value", `google.protobuf.Value cannot hold ${n} in JSON`);
      return n;
    }
    const s = getSetValue(msg, wktField(desc, 3)) as string | undefined;
    if (s !== undefined) return checkedString(ctx, s);
    const b = getSetValue(msg, wktField(desc, 4)) as boolean | undefined;
    if (b !== undefined) return b;
    const st = getSetValue(msg, wktField(desc, 5)) as Message | undefined;
    if (st !== undefined) return ctx.writeMessage(messageOf(desc, 5), st);
    const l = getSetValue(msg, wktField(desc, 6)) as Message | undefined;
    if (l !== undefined) return ctx.writeMessage(messageOf(desc, 6), l);
    return ctx.fail("value", "google.protobuf.Value has no kind set");
  },
  fromJson(desc, msg, node, ctx) {
    switch (node.kind) {
      case "null":
        setFieldValue(msg, wktField(desc, 1), 0);
        return;
      case "bool":
        setFieldValue(msg, wktField(desc, 4), node.value);
        return;
      case "string":
        setFieldValue(msg, wktField(desc, 3), node.value);
        return;
      case "number": {
        const v = Number(node.text);
        if (!Number.isFinite(v)) ctx.fail("range", `number out of range for google.protobuf.Value: ${node.text}`, node.at);
        setFieldValue(msg, wktField(desc, 2), v);
        return;
      }
      case "object":
      case "array": {
        const no = node.kind === "object" ? 5 : 6;
        const sub = messageOf(desc, no);
        const m = createEmpty(sub);
        ctx.readMessage(sub, m, node);
        setFieldValue(msg, wktField(desc, no), m);
        return;
      }
    }
  },
};

/** Struct: a JSON object whose members are Values. */
export const structJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const valueDesc = messageOf(desc, 1);
    const out: JsonObject = {};
    for (const [k, v] of getFieldValue(msg, wktField(desc, 1)) as Map<string, Message>) {
      ctx.path.push(k);
      setJsonProperty(out, checkedString(ctx, k), ctx.writeMessage(valueDesc, v));
      ctx.path.pop();
    }
    return out;
  },
  fromJson(desc, msg, node, ctx) {
    if (node.kind !== "object") return ctx.fail("type", `expected an object for ${desc.typeName}, got ${jsonTypeName(node)}`, node.at);
    const field = wktField(desc, 1);
    const valueDesc = messageOf(desc, 1);
    const map = getFieldValue(msg, field) as Map<string, Message>;
    setFieldValue(msg, field, map);
    for (const m of node.members) {
      ctx.path.push(m.key);
      const v = createEmpty(valueDesc);
      ctx.readMessage(valueDesc, v, m.value);
      map.set(m.key, v);
      ctx.path.pop();
    }
  },
};

/** ListValue: a JSON array of Values. */
export const listValueJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const valueDesc = messageOf(desc, 1);
    const list = getFieldValue(msg, wktField(desc, 1)) as Message[];
    const out: JsonValue[] = [];
    for (let i = 0; i < list.length; i++) {
      ctx.path.push(i);
      out.push(ctx.writeMessage(valueDesc, list[i]!));
      ctx.path.pop();
    }
    return out;
  },
  fromJson(desc, msg, node, ctx) {
    if (node.kind !== "array") return ctx.fail("type", `expected an array for ${desc.typeName}, got ${jsonTypeName(node)}`, node.at);
    const field = wktField(desc, 1);
    const valueDesc = messageOf(desc, 1);
    const list = getFieldValue(msg, field) as Message[];
    setFieldValue(msg, field, list);
    node.items.forEach((item, i) => {
      ctx.path.push(i);
      const v = createEmpty(valueDesc);
      ctx.readMessage(valueDesc, v, item);
      list.push(v);
      ctx.path.pop();
    });
  },
};
