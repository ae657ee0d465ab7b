/** The two shapes JSON takes in this codec: plain values (what toJson returns) and parsed nodes that keep number text and positions. */

/** A JSON value as plain JavaScript data: what toJson returns and fromJson accepts. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object as plain JavaScript data. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * A parsed JSON value. Numbers keep their source text, so 64-bit integers and -0 survive;
 * objects keep their members in order (keys are unique). `at` is the offset in the source text, -1 when none.
 */
export type JsonNode =
  | { readonly kind: "null"; readonly at: number }
  | { readonly kind: "bool"; readonly value: boolean; readonly at: number }
  | { readonly kind: "number"; readonly text: string; readonly at: number }
  | { readonly kind: "string"; readonly value: string; readonly at: number }
  | { readonly kind: "array"; readonly items: readonly JsonNode[]; readonly at: number }
  | { readonly kind: "object"; readonly members: readonly JsonMember[]; readonly at: number };

/** One key/value pair of a parsed JSON object. */
export interface JsonMember {
  readonly key: string;
  /** Offset of the key in the source text, -1 when none. */
  readonly keyAt: number;
  readonly value: JsonNode;
}

/** The JSON type of a node as written in error messages: "null", "boolean", "number", "string", "array", "object". */
export function jsonTypeName(node: JsonNode): string {
  return node.kind === "bool" ? "boolean" : node.kind;
}

/** Sets `obj[key]`, defining an own property for "__proto__" so that no key can replace the prototype. */
export function setJsonProperty(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
