/**
 * google.protobuf.Any in JSON: `{"@type": url, ...fields of the packed message}`, or
 * `{"@type": url, "value": …}` when the packed message is a well-known type with a JSON form of its own.
 */
import { fromBinary } from "../binary/from-binary.js";
import { toBinary } from "../binary/to-binary.js";
import type { DescMessage } from "../../reflect/descriptors.js";
import type { Registry } from "../../reflect/registry.js";
import { createEmpty } from "../../message/create.js";
import { getFieldValue, setFieldValue } from "../../message/fields.js";
import { jsonTypeName, setJsonProperty, type JsonMember, type JsonObject } from "./json-types.js";
import { quote } from "./scalar-read.js";
import { wktField, type WktConverter } from "./wkt-support.js";

/** The message type a type URL names (the part after the last "/"), or a description of why there is none. */
function resolveTypeUrl(url: string, registry: Registry | undefined): DescMessage | string {
  const name = url.slice(url.lastIndexOf("/") + 1);
  if (name === "") return `invalid Any type URL ${quote(url)}`;
  if (!registry) return `cannot resolve Any type URL ${quote(url)} without a registry`;
  return registry.getMessage(name) ?? `cannot resolve Any type URL ${quote(url)}: unknown message type ${quote(name)}`;
}

/** Any: the packed message's JSON plus "@type". */
export const anyJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const url = getFieldValue(msg, wktField(desc, 1)) as string;
    const value = getFieldValue(msg, wktField(desc, 2)) as Uint8Array;
    if (url === "") {
      if (value.length === 0) return {};
      return ctx.fail("value", "Any has a value but no type URL");
    }
    const inner = resolveTypeUrl(url, ctx.registry);
    if (typeof inner === "string") return ctx.fail("unresolved", inner);
    let innerMsg;
    try {
      innerMsg = fromBinary(inner, value);
    } catch (e) {
      return ctx.fail("value", `invalid ${inner.typeName} in Any: ${(e as Error).message}`);
    }
    const out: JsonObject = { "@type": url };
    if (ctx.isWellKnown(inner.typeName)) {
      ctx.path.push("value");
      out["value"] = ctx.writeMessage(inner, innerMsg);
      ctx.path.pop();
      return out;
    }
    const fields = ctx.writeMessage(inner, innerMsg) as JsonObject;
    for (const k of Object.keys(fields)) setJsonProperty(out, k, fields[k]!);
    return out;
  },
  fromJson(desc, msg, node, ctx) {
    if (node.kind !== "object") return ctx.fail("type", `expected an object for ${desc.typeName}, got ${jsonTypeName(node)}`, node.at);
    if (node.members.length === 0) return;
    const typeMember = node.members.find((m) => m.key === "@type");
    if (!typeMember) return ctx.fail("value", `Any is missing "@type"`, node.at);
    ctx.path.push("@type");
    const t = typeMember.value;
    if (t.kind !== "string") return ctx.fail("type", `expected a string for "@type", got ${jsonTypeName(t)}`, t.at);
    const url = t.value;
    const inner = resolveTypeUrl(url, ctx.registry);
    if (typeof inner === "string") return ctx.fail("unresolved", inner, t.at);
    ctx.path.pop();
    const innerMsg = createEmpty(inner);
    const rest: JsonMember[] = node.members.filter((m) => m !== typeMember);
    if (ctx.isWellKnown(inner.typeName)) {
      for (const m of rest) {
        ctx.path.push(m.key);
        if (m.key === "value") ctx.readMessage(inner, innerMsg, m.value);
        else if (!ctx.ignoreUnknownFields) ctx.fail("unknown-field", `unknown key ${quote(m.key)} in Any holding ${inner.typeName} (expected "@type" and "value")`, m.keyAt);
        ctx.path.pop();
      }
    } else {
      ctx.readMessage(inner, innerMsg, { kind: "object", members: rest, at: node.at });
    }
    setFieldValue(msg, wktField(desc, 1), url);
    setFieldValue(msg, wktField(desc, 2), toBinary(inner, innerMsg));
  },
};
