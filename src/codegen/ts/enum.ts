import type { DescEnum, DescEnumValue } from "../../reflect/descriptors.js";
import { docBlock, getComments } from "../comments.js";
import { enumValueDeclaration } from "../declaration.js";
import { deprecatedTag, exportConst, isDeprecated, messagePath, propertyName } from "./declare.js";
import type { ModuleContext } from "./module.js";

/**
 * The declarations of an enum: a constant object of its values (`Phone.MOBILE`), a type that is
 * the union of its numbers, and its schema constant.
 */
export function enumDeclarations(e: DescEnum, ctx: ModuleContext): string[] {
  const name = ctx.typeName(e);
  const doc = docBlock(getComments(e), [`@generated from enum ${e.typeName}`, ...deprecatedTag(e)]);
  const values = e.values.map((v) => valueEntry(v, ctx)).join("\n");
  const out: string[] = [];
  switch (ctx.flavour) {
    case "ts":
      out.push(`${doc}\nexport const ${name} = {\n${values}\n} as const;`);
      break;
    case "js":
      out.push(`${doc}\nexport const ${name} = {\n${values}\n};`);
      break;
    case "dts":
      out.push(`${doc}\nexport declare const ${name}: {\n${values}\n};`);
      break;
  }
  if (ctx.typed) out.push(`/** A value of enum ${e.typeName}. */\nexport type ${name} = (typeof ${name})[keyof typeof ${name}];`);
  const path = [...(e.parent ? messagePath(e.parent) : []), (e.parent ? e.parent.nestedEnums : e.file.enums).indexOf(e)];
  out.push(
    exportConst(
      ctx,
      `/** Describes the enum ${e.typeName}. */`,
      ctx.schemaName(e),
      () => `${ctx.runtime("GenEnum", true)}<${name}>`,
      () => `${ctx.runtime("enumDesc")}(${[ctx.fileName(e.file), ...path].join(", ")})`,
    ),
  );
  return out;
}

function valueEntry(v: DescEnumValue, ctx: ModuleContext): string {
  const comments = getComments(v);
  const doc = comments.leading || comments.trailing || isDeprecated(v) ? docBlock(comments, [`@generated from enum value: ${enumValueDeclaration(v)}`, ...deprecatedTag(v)], "  ") + "\n" : "";
  if (ctx.flavour === "dts") return `${doc}  readonly ${propertyName(v.name)}: ${v.number};`;
  // In an object literal, `__proto__: x` would set the prototype; a computed key defines the property.
  const key = v.name === "__proto__" ? `["__proto__"]` : propertyName(v.name);
  return `${doc}  ${key}: ${v.number},`;
}
