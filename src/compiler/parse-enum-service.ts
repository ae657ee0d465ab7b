/**
 * Enums (values, options, reserved) and services (methods and their option blocks): a port of
 * protoc's ParseEnumDefinition/Block/Statement/Constant, ValidateEnum, ParseServiceDefinition,
 * ParseServiceMethod and ParseMethodOptions.
 */
import type { EnumDecl, EnumNode, EnumValueNode, MethodNode, ServiceNode } from "./ast.js";
import { parseUserDefinedType } from "./parse-field.js";
import { finish, parseReserved } from "./parse-message.js";
import { parseOption, parseOptionList } from "./parse-options.js";
import type { ParserCore } from "./parser-core.js";

/** Parses `enum Name { ... }` into `node` (its span starts at `enum`). */
export function parseEnumDefinition(p: ParserCore, node: EnumNode): boolean {
  p.advance(); // "enum"
  node.nameToken = p.cur;
  const name = p.consumeIdentifier("Expected enum name.");
  if (name === undefined) return false;
  node.name = name;
  if (!p.consumeEndOfDeclaration("{", node)) return false;
  while (!p.tryConsumeEndOfDeclaration("}", null)) {
    if (p.atEnd()) {
      p.error("Reached end of input in enum definition (missing '}').");
      return false;
    }
    if (!parseEnumStatement(p, node.decls)) p.skipStatement();
  }
  return validateEnum(p, node);
}

function parseEnumStatement(p: ParserCore, decls: EnumDecl[]): boolean {
  const semi = p.cur;
  if (p.tryConsumeEndOfDeclaration(";", null)) {
    decls.push({ kind: "empty", token: semi });
    return true;
  }
  if (p.lookingAt("option")) return parseOption(p, decls, true);
  if (p.lookingAt("reserved")) return parseReserved(p, decls, "enum");
  const node: EnumValueNode = { kind: "value", start: p.cur, end: p.cur };
  decls.push(node);
  return finish(p, node, parseEnumValue(p, node));
}

function parseEnumValue(p: ParserCore, node: EnumValueNode): boolean {
  node.nameToken = p.cur;
  const name = p.consumeIdentifier("Expected enum constant name.");
  if (name === undefined) return false;
  node.name = name;
  if (!p.consume("=", "Missing numeric value for enum constant.")) return false;
  const start = p.cur;
  const number = p.consumeSignedInteger("Expected integer.");
  if (number === undefined) return false;
  node.number = number;
  node.numberSpan = { start, end: p.prev };
  if (p.lookingAt("[")) {
    const { list, ok } = parseOptionList(p);
    node.options = list;
    if (!ok) return false;
  }
  return p.consumeEndOfDeclaration(";", node);
}

/** protoc's ValidateEnum: `allow_alias` must be true and actually used. Errors at the current token. */
function validateEnum(p: ParserCore, node: EnumNode): boolean {
  let hasAllowAlias = false;
  let allowAlias = false;
  for (const d of node.decls) {
    if (d.kind !== "option" || d.name.length > 1) continue;
    const part = d.name[0];
    if (part !== undefined && !part.isExtension && part.name === "allow_alias") {
      hasAllowAlias = true;
      allowAlias = d.value?.kind === "identifier" && d.value.value === "true";
      break;
    }
  }
  if (hasAllowAlias && !allowAlias) {
    p.error(`"${node.name}" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.`);
    return false;
  }
  if (!allowAlias) return true;
  const seen = new Set<number>();
  for (const d of node.decls) {
    if (d.kind !== "value") continue;
    const n = d.number ?? 0;
    if (seen.has(n)) return true;
    seen.add(n);
  }
  p.error(
    `"${node.name}" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.`,
  );
  return false;
}

/** Parses `service Name { ... }` into `node`. */
export function parseServiceDefinition(p: ParserCore, node: ServiceNode): boolean {
  p.advance(); // "service"
  node.nameToken = p.cur;
  const name = p.consumeIdentifier("Expected service name.");
  if (name === undefined) return false;
  node.name = name;
  if (!p.consumeEndOfDeclaration("{", node)) return false;
  while (!p.tryConsumeEndOfDeclaration("}", null)) {
    if (p.atEnd()) {
      p.error("Reached end of input in service definition (missing '}').");
      return false;
    }
    if (!parseServiceStatement(p, node)) p.skipStatement();
  }
  return true;
}

function parseServiceStatement(p: ParserCore, service: ServiceNode): boolean {
  const semi = p.cur;
  if (p.tryConsumeEndOfDeclaration(";", null)) {
    service.decls.push({ kind: "empty", token: semi });
    return true;
  }
  if (p.lookingAt("option")) return parseOption(p, service.decls, true);
  const node: MethodNode = { kind: "method", start: p.cur, end: p.cur };
  service.decls.push(node);
  return finish(p, node, parseMethod(p, node));
}

function parseMethod(p: ParserCore, node: MethodNode): boolean {
  if (!p.consume("rpc")) return false;
  node.nameToken = p.cur;
  const name = p.consumeIdentifier("Expected method name.");
  if (name === undefined) return false;
  node.name = name;
  if (!p.consume("(")) return false;
  if (p.lookingAt("stream")) {
    node.clientStreaming = p.cur;
    p.advance();
  }
  const input = parseUserDefinedType(p);
  if (input === undefined) return false;
  node.input = { name: input.name, start: input.start, end: input.end };
  if (!p.consume(")") || !p.consume("returns") || !p.consume("(")) return false;
  if (p.lookingAt("stream")) {
    node.serverStreaming = p.cur;
    p.advance();
  }
  const output = parseUserDefinedType(p);
  if (output === undefined) return false;
  node.output = { name: output.name, start: output.start, end: output.end };
  if (!p.consume(")")) return false;
  if (!p.lookingAt("{")) return p.consumeEndOfDeclaration(";", node);
  return parseMethodOptions(p, node);
}

function parseMethodOptions(p: ParserCore, node: MethodNode): boolean {
  const body: NonNullable<MethodNode["body"]> = (node.body = []);
  p.consumeEndOfDeclaration("{", node);
  while (!p.tryConsumeEndOfDeclaration("}", null)) {
    if (p.atEnd()) {
      p.error("Reached end of input in method options (missing '}').");
      return false;
    }
    const semi = p.cur;
    if (p.tryConsumeEndOfDeclaration(";", null)) {
      body.push({ kind: "empty", token: semi });
    } else if (!parseOption(p, body, true)) {
      p.skipStatement();
    }
  }
  return true;
}
