import type { DescEnum, DescField, DescFile, DescMessage, DescOneof } from "../reflect/descriptors.js";
import { ScalarType } from "../reflect/scalar.js";

/** Options for emitting TypeScript types. */
export interface MessageTypesOptions {
  /** Module to import `Message` and `UnknownField` types from. */
  readonly runtimeImport: string;
  /** Resolves the TypeScript name of a message or enum defined in another file, or undefined to use the plain name. */
  readonly externalName?: (desc: DescMessage | DescEnum) => string | undefined;
}

/** The TypeScript name of a message or enum: nested names joined with `_` (Outer_Inner). */
export function tsTypeName(desc: DescMessage | DescEnum): string {
  const pkg = desc.file.packageName;
  const rel = pkg ? desc.typeName.slice(pkg.length + 1) : desc.typeName;
  return rel.replace(/\./g, "_");
}

/** Emits TypeScript interfaces for the messages and const objects for the enums of a file. */
export function emitMessageTypes(file: DescFile, options: MessageTypesOptions): string {
  const out: string[] = [];
  out.push(`import type { Message } from "${options.runtimeImport}";`, "");
  const nameOf = (d: DescMessage | DescEnum) => (d.file === file ? tsTypeName(d) : (options.externalName?.(d) ?? tsTypeName(d)));
  const visitEnum = (e: DescEnum) => {
    const name = tsTypeName(e);
    out.push(`/** ${e.typeName} */`, `export const ${name} = {`);
    for (const v of e.values) out.push(`  ${v.name}: ${v.number},`);
    out.push(`} as const;`, `export type ${name} = (typeof ${name})[keyof typeof ${name}];`, "");
  };
  const visitMessage = (m: DescMessage) => {
    out.push(`/** ${m.typeName} */`, `export interface ${tsTypeName(m)} extends Message<"${m.typeName}"> {`);
    for (const member of m.members) {
      if (member.kind === "oneof") out.push(`  ${member.localName}: ${oneofType(member, nameOf)};`);
      else {
        const optional = member.fieldKind === "message" || ((member.fieldKind === "scalar" || member.fieldKind === "enum") && member.presence !== "implicit");
        out.push(`  ${member.localName}${optional ? "?" : ""}: ${fieldType(member, nameOf)};`);
      }
    }
    out.push("}", "");
    m.nestedEnums.forEach(visitEnum);
    m.nestedMessages.forEach(visitMessage);
  };
  file.enums.forEach(visitEnum);
  file.messages.forEach(visitMessage);
  return out.join("\n");
}

function oneofType(o: DescOneof, nameOf: (d: DescMessage | DescEnum) => string): string {
  const cases = o.fields.map((f) => `{ case: "${f.localName}"; value: ${fieldType(f, nameOf)} }`);
  return [...cases, "{ case: undefined; value?: undefined }"].join(" | ");
}

function fieldType(f: DescField, nameOf: (d: DescMessage | DescEnum) => string): string {
  switch (f.fieldKind) {
    case "scalar":
      return scalarTsType(f.scalar);
    case "enum":
      return nameOf(f.enum);
    case "message":
      return nameOf(f.message);
    case "list":
      return `${elementType(f, nameOf)}[]`;
    case "map":
      return `Map<${scalarTsType(f.mapKey)}, ${elementType(f, nameOf)}>`;
  }
}

function elementType(f: DescField & { elementKind: string }, nameOf: (d: DescMessage | DescEnum) => string): string {
  const e = f as unknown as { elementKind: "scalar" | "enum" | "message"; scalar: ScalarType; enum: DescEnum; message: DescMessage };
  return e.elementKind === "scalar" ? scalarTsType(e.scalar) : e.elementKind === "enum" ? nameOf(e.enum) : nameOf(e.message);
}

/** The TypeScript type of a scalar's values. */
export function scalarTsType(t: ScalarType): string {
  switch (t) {
    case ScalarType.STRING:
      return "string";
    case ScalarType.BYTES:
      return "Uint8Array";
    case ScalarType.BOOL:
      return "boolean";
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return "bigint";
    default:
      return "number";
  }
}
