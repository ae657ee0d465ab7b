import type { DescEnumValue, DescExtension, DescField } from "../reflect/descriptors.js";
import { protoCamelCase } from "../reflect/names.js";
import { scalarTypeName } from "../reflect/scalar.js";

/**
 * A field or extension as it reads in .proto source, for `@generated from field: …` doc tags:
 * `repeated string names = 3 [deprecated = true];`.
 */
export function fieldDeclaration(f: DescField | DescExtension): string {
  const p = f.proto;
  const syntax = (f.kind === "extension" ? f.file : f.parent.file).syntax;
  let label = "";
  if (f.fieldKind === "map" || (f.kind === "field" && f.oneof)) label = "";
  else if (f.fieldKind === "list") label = "repeated ";
  else if (syntax === "proto2") label = f.presence === "required" ? "required " : "optional ";
  else if (p.proto3Optional === true) label = "optional ";
  // A proto2 group reads `group Name = 1 { … }`; its field is the lowercased name.
  const isGroup = p.type === 10;
  const type = f.fieldKind === "map" ? `map<${scalarTypeName(f.mapKey)}, ${elementTypeName(f)}>` : isGroup ? "group" : elementTypeName(f);
  const name = isGroup ? groupName(f) : f.name;
  const options: string[] = [];
  if (p.defaultValue !== undefined) options.push(`default = ${defaultLiteral(f, p.defaultValue)}`);
  if (p.jsonName !== undefined && p.jsonName !== protoCamelCase(f.name)) options.push(`json_name = ${JSON.stringify(p.jsonName)}`);
  if (p.options?.packed !== undefined) options.push(`packed = ${p.options.packed}`);
  if (f.deprecated) options.push("deprecated = true");
  return `${label}${type} ${name} = ${f.number}${options.length ? ` [${options.join(", ")}]` : ""};`;
}

function elementTypeName(f: DescField | DescExtension): string {
  switch (f.fieldKind) {
    case "scalar":
      return scalarTypeName(f.scalar);
    case "enum":
      return f.enum.typeName;
    case "message":
      return f.message.typeName;
    case "list":
    case "map":
      return f.elementKind === "scalar" ? scalarTypeName(f.scalar) : f.elementKind === "enum" ? f.enum.typeName : f.message.typeName;
  }
}

function groupName(f: DescField | DescExtension): string {
  return f.fieldKind === "message" || (f.fieldKind === "list" && f.elementKind === "message") ? f.message.name : f.name;
}

/** A default as written in .proto source: protoc keeps bytes defaults C-escaped, string defaults raw. */
function defaultLiteral(f: DescField | DescExtension, text: string): string {
  if (f.proto.type === 12) return `"${text}"`;
  if (f.proto.type === 9) return JSON.stringify(text);
  return text;
}

/** An enum value as it reads in .proto source: `NAME = 1;`. */
export function enumValueDeclaration(v: DescEnumValue): string {
  return `${v.name} = ${v.number}${v.proto.options?.deprecated === true ? " [deprecated = true]" : ""};`;
}
