import type { DescField, DescMessage, DescOneof } from "../../reflect/descriptors.js";
import { docBlock, getComments } from "../comments.js";
import { fieldDeclaration } from "../declaration.js";
import { deprecatedTag, exportConst, messagePath, propertyName } from "./declare.js";
import { fieldValueType, isOptionalProperty } from "./field-type.js";
import type { ModuleContext } from "./module.js";

/**
 * The declarations of a message: its interface (the plain object the runtime represents it as)
 * and its schema constant, which the runtime functions take (`create(PersonSchema)`).
 */
export function messageDeclarations(m: DescMessage, ctx: ModuleContext): string[] {
  const name = ctx.typeName(m);
  const out: string[] = [];
  if (ctx.typed) {
    const doc = docBlock(getComments(m), [`@generated from message ${m.typeName}`, ...deprecatedTag(m)]);
    const members = m.members.map((member) => (member.kind === "oneof" ? oneofMember(member, ctx) : fieldMember(member, ctx)));
    const head = `export interface ${name} extends ${ctx.runtime("Message", true)}<${JSON.stringify(m.typeName)}>`;
    out.push(members.length ? `${doc}\n${head} {\n${members.join("\n\n")}\n}` : `${doc}\n${head} {}`);
  }
  const schemaDoc = `/** Describes the message ${m.typeName}: pass it to create(), toBinary(), fromBinary() and the other runtime functions. */`;
  out.push(
    exportConst(
      ctx,
      schemaDoc,
      ctx.schemaName(m),
      () => `${ctx.runtime("GenMessage", true)}<${name}>`,
      () => `${ctx.runtime("messageDesc")}(${[ctx.fileName(m.file), ...messagePath(m)].join(", ")})`,
    ),
  );
  return out;
}

function fieldDoc(f: DescField, indent: string): string {
  return docBlock(getComments(f), [`@generated from field: ${fieldDeclaration(f)}`, ...deprecatedTag(f)], indent);
}

function fieldMember(f: DescField, ctx: ModuleContext): string {
  return `${fieldDoc(f, "  ")}\n  ${propertyName(f.localName)}${isOptionalProperty(f) ? "?" : ""}: ${fieldValueType(f, ctx)};`;
}

/** A oneof: a union of `{ case, value }` objects, one per member field, and `{ case: undefined }`. */
function oneofMember(o: DescOneof, ctx: ModuleContext): string {
  const cases = o.fields.map(
    (f) => `    | {\n${fieldDoc(f, "        ")}\n        value: ${fieldValueType(f, ctx)};\n        case: ${JSON.stringify(f.localName)};\n      }`,
  );
  const doc = docBlock(getComments(o), [`@generated from oneof ${o.parent.typeName}.${o.name}`], "  ");
  return `${doc}\n  ${propertyName(o.localName)}:\n${cases.join("\n")}\n    | { case: undefined; value?: undefined };`;
}
