import type { DescExtension, DescField } from "../../reflect/descriptors.js";
import { scalarTsType } from "../message-types.js";
import type { ModuleContext } from "./module.js";

/** The TypeScript type of a field's value: `string`, `Person`, `bigint[]`, `Map<string, Person>`. */
export function fieldValueType(f: DescField | DescExtension, ctx: ModuleContext): string {
  switch (f.fieldKind) {
    case "scalar":
      return scalarTsType(f.scalar);
    case "enum":
      return ctx.typeName(f.enum);
    case "message":
      return ctx.typeName(f.message);
    case "list": {
      const e = elementType(f, ctx);
      return /^[\w$]+$/.test(e) ? `${e}[]` : `(${e})[]`;
    }
    case "map":
      return `Map<${scalarTsType(f.mapKey)}, ${elementType(f, ctx)}>`;
  }
}

function elementType(f: (DescField | DescExtension) & { fieldKind: "list" | "map" }, ctx: ModuleContext): string {
  switch (f.elementKind) {
    case "scalar":
      return scalarTsType(f.scalar);
    case "enum":
      return ctx.typeName(f.enum);
    case "message":
      return ctx.typeName(f.message);
  }
}

/** True when the property is optional (`?:`): explicit presence, and message fields, may be unset. */
export function isOptionalProperty(f: DescField): boolean {
  return f.fieldKind === "message" || ((f.fieldKind === "scalar" || f.fieldKind === "enum") && f.presence !== "implicit");
}
