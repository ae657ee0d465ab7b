/** google.protobuf.FieldMask in JSON: one string of comma-separated lowerCamelCase paths. */
import { getFieldValue, setFieldValue } from "../../message/fields.js";
import { jsonTypeName } from "./json-types.js";
import { quote } from "./scalar-read.js";
import { wktField, type WktConverter } from "./wkt-support.js";

/** The lowerCamelCase form of a snake_case path, or undefined when it would not convert back to the same path. */
function pathToJson(path: string): string | undefined {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c >= "A" && c <= "Z") return undefined;
    if (c === "_") {
      const next = path[i + 1];
      if (next === undefined || next < "a" || next > "z") return undefined;
      out += next.toUpperCase();
      i++;
    } else out += c;
  }
  return out;
}

const SNAKE_PATH = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

/** The snake_case form of a lowerCamelCase path, or undefined when it is not one. */
function pathFromJson(path: string): string | undefined {
  if (path.includes("_")) return undefined;
  const snake = path.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
  return SNAKE_PATH.test(snake) ? snake : undefined;
}

/** FieldMask: paths ["foo_bar", "baz.qux"] are written "fooBar,baz.qux". */
export const fieldMaskJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const paths = getFieldValue(msg, wktField(desc, 1)) as string[];
    return paths
      .map((p) => {
        const j = pathToJson(p);
        if (j === undefined) ctx.fail("value", `FieldMask path ${quote(p)} cannot be written in JSON (it must be lower_snake_case that round-trips through lowerCamelCase)`);
        return j;
      })
      .join(",");
  },
  fromJson(desc, msg, node, ctx) {
    if (node.kind !== "string") return ctx.fail("type", `expected a string for ${desc.typeName}, got ${jsonTypeName(node)}`, node.at);
    const field = wktField(desc, 1);
    const paths = [...(getFieldValue(msg, field) as string[])];
    if (node.value !== "") {
      for (const p of node.value.split(",")) {
        const snake = pathFromJson(p);
        if (snake === undefined) return ctx.fail("value", `invalid FieldMask path ${quote(p)}: expected lowerCamelCase names separated by "."`, node.at);
        paths.push(snake);
      }
    }
    setFieldValue(msg, field, paths);
  },
};
