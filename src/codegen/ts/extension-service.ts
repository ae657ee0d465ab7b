import type { DescExtension, DescMethod, DescService } from "../../reflect/descriptors.js";
import { docBlock, getComments } from "../comments.js";
import { fieldDeclaration } from "../declaration.js";
import { deprecatedTag, exportConst, messagePath, propertyName } from "./declare.js";
import { fieldValueType } from "./field-type.js";
import type { ModuleContext } from "./module.js";

/** The constant of an extension, typed with the message it extends and its value type. */
export function extensionDeclaration(x: DescExtension, ctx: ModuleContext): string {
  const doc = docBlock(getComments(x), [`@generated from extension: ${fieldDeclaration(x)}`, ...deprecatedTag(x)]);
  const scope = x.parent ? x.parent.nestedExtensions : x.file.extensions;
  const path = [...(x.parent ? messagePath(x.parent) : []), scope.indexOf(x)];
  return exportConst(
    ctx,
    doc,
    ctx.symbols.extension.get(x)!,
    () => `${ctx.runtime("GenExtension", true)}<${ctx.typeName(x.extendee)}, ${fieldValueType(x, ctx)}>`,
    () => `${ctx.runtime("extDesc")}(${[ctx.fileName(x.file), ...path].join(", ")})`,
  );
}

/** The local name of a method: lowerCamelCase (`SayHello` → `sayHello`). */
export function methodLocalName(m: DescMethod): string {
  return m.name.charAt(0).toLowerCase() + m.name.slice(1);
}

function methodKind(m: DescMethod): string {
  if (m.clientStreaming) return m.serverStreaming ? "bidi_streaming" : "client_streaming";
  return m.serverStreaming ? "server_streaming" : "unary";
}

/** The constant of a service, typed with the request and response types of its methods. */
export function serviceDeclaration(s: DescService, ctx: ModuleContext): string {
  const doc = docBlock(getComments(s), [`@generated from service ${s.typeName}`, ...deprecatedTag(s)]);
  const methods = s.methods.map((m) => {
    const mdoc = docBlock(getComments(m), [`@generated from rpc ${s.typeName}.${m.name}`, ...deprecatedTag(m)], "  ");
    return `${mdoc}\n  ${propertyName(methodLocalName(m))}: { input: ${ctx.typeName(m.input)}; output: ${ctx.typeName(m.output)}; kind: "${methodKind(m)}" };`;
  });
  return exportConst(
    ctx,
    doc,
    ctx.symbols.service.get(s)!,
    () => `${ctx.runtime("GenService", true)}<${methods.length ? `{\n${methods.join("\n")}\n}` : "{}"}>`,
    () => `${ctx.runtime("serviceDesc")}(${ctx.fileName(s.file)}, ${s.file.services.indexOf(s)})`,
  );
}
