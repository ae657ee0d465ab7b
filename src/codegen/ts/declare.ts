import type { AnyDesc, DescMessage } from "../../reflect/descriptors.js";
import { isIdentifier } from "../names.js";
import type { ModuleContext } from "./module.js";

/**
 * An exported constant in each flavour: `export const X: T = init;` (TypeScript),
 * `export const X = init;` (JavaScript), `export declare const X: T;` (declarations).
 * `type` is called only where a type is written, so JavaScript imports no types.
 */
export function exportConst(ctx: ModuleContext, doc: string, name: string, type: () => string, init: () => string): string {
  switch (ctx.flavour) {
    case "ts":
      return `${doc}\nexport const ${name}: ${type()} = ${init()};`;
    case "js":
      return `${doc}\nexport const ${name} = ${init()};`;
    case "dts":
      return `${doc}\nexport declare const ${name}: ${type()};`;
  }
}

/** A property name: the identifier itself, or quoted. */
export function propertyName(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** The indexes that locate a message in its file for messageDesc(): top-level index, then nested indexes. */
export function messagePath(m: DescMessage): number[] {
  return m.parent ? [...messagePath(m.parent), m.parent.nestedMessages.indexOf(m)] : [m.file.messages.indexOf(m)];
}

/** True when the declaration, or its file, has `deprecated = true`. */
export function isDeprecated(desc: AnyDesc): boolean {
  const own = (desc.proto as { options?: { deprecated?: boolean } } | undefined)?.options?.deprecated === true;
  if (own || desc.kind === "file") return own;
  const file = desc.kind === "field" || desc.kind === "oneof" ? desc.parent.file : desc.kind === "enum_value" || desc.kind === "rpc" ? desc.parent.file : desc.file;
  return file.proto.options?.deprecated === true;
}

/** The `@deprecated` tag when the declaration is deprecated. */
export function deprecatedTag(desc: AnyDesc): string[] {
  return isDeprecated(desc) ? ["@deprecated"] : [];
}
