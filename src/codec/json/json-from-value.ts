/** Turns a plain JavaScript JSON value (e.g. from JSON.parse) into parsed nodes, checking that it is JSON. */
import { formatPath, JsonError, type JsonErrorCode } from "./errors.js";
import type { JsonMember, JsonNode } from "./json-types.js";
import { isWellFormedString } from "../../wire/utf8.js";

/** Converts a plain value to nodes; throws a JsonError for what JSON cannot hold (undefined, functions, NaN, bigint, lone surrogates) or nesting deeper than `maxDepth`. */
export function nodeFromValue(value: unknown, maxDepth: number): JsonNode {
  return convert(value, [], 1, maxDepth);
}

function fail(code: JsonErrorCode, path: (string | number)[], problem: string): never {
  throw new JsonError(code, formatPath(path), problem);
}

function convert(v: unknown, path: (string | number)[], depth: number, maxDepth: number): JsonNode {
  if (v === null) return { kind: "null", at: -1 };
  switch (typeof v) {
    case "boolean":
      return { kind: "bool", value: v, at: -1 };
    case "number":
      if (!Number.isFinite(v)) fail("type", path, `${v} is not a JSON number`);
      return { kind: "number", text: Object.is(v, -0) ? "-0" : String(v), at: -1 };
    case "string":
      if (!isWellFormedString(v)) fail("encoding", path, "lone surrogate in string");
      return { kind: "string", value: v, at: -1 };
    case "object": {
      if (depth > maxDepth) fail("depth", path, `JSON nested deeper than ${maxDepth} levels`);
      if (Array.isArray(v)) {
        const items: JsonNode[] = [];
        for (let i = 0; i < v.length; i++) {
          path.push(i);
          items.push(convert(v[i], path, depth + 1, maxDepth));
          path.pop();
        }
        return { kind: "array", items, at: -1 };
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) fail("type", path, "not a plain JSON object");
      const members: JsonMember[] = [];
      for (const key of Object.keys(v)) {
        path.push(key);
        if (!isWellFormedString(key)) fail("encoding", path, "lone surrogate in key");
        members.push({ key, keyAt: -1, value: convert((v as Record<string, unknown>)[key], path, depth + 1, maxDepth) });
        path.pop();
      }
      return { kind: "object", members, at: -1 };
    }
    default:
      return fail("type", path, `a value of type ${typeof v} is not JSON`);
  }
}
