/**
 * Messages and what they contain: nested types, oneofs, extension ranges, reserved ranges and
 * names, and extend blocks. A port of protoc's ParseMessageDefinition/Block/Statement, ParseOneof,
 * ParseExtensions, ParseReserved and ParseExtend, with the same error recovery.
 */
import type {
  ExtendNode,
  ExtensionRangeNode,
  FieldNode,
  GroupBody,
  MessageDecl,
  MessageNode,
  OneofNode,
  RangeNode,
  ReservedNode,
  Span,
} from "./ast.js";
import { parseEnumDefinition } from "./parse-enum-service.js";
import { parseFieldNoLabel, parseMessageField, parseUserDefinedType } from "./parse-field.js";
import { parseOption, parseOptionList } from "./parse-options.js";
import { Edition, type ParserCore } from "./parser-core.js";
import { INT32_MAX, isIdentifier } from "./literals.js";
import { TokenKind } from "./token.js";

/** Where an edition-2024 `export`/`local` keyword is recorded. */
export interface Visibility {
  visibility?: "export" | "local";
  visibilityToken?: number;
}

/** Sets a node's end to the previous token (where protoc's LocationRecorder ends) and passes `ok` on. */
export function finish(p: ParserCore, node: Span, ok: boolean): boolean {
  node.end = p.prev;
  return ok;
}

/** Parses an edition-2024 `export`/`local` keyword; before 2024 it is left for the statement parser. */
export function parseVisibility(p: ParserCore, node: Visibility): boolean {
  if (p.edition <= Edition.E2023) return true;
  const text = p.lexer.text;
  if (text !== "export" && text !== "local") return true;
  node.visibility = text;
  node.visibilityToken = p.cur;
  p.advance();
  if (!p.lookingAt("message") && !p.lookingAt("enum")) {
    p.error("'local' and 'export' visibility modifiers are valid only on 'message' and 'enum'");
    return false;
  }
  return true;
}

/** Parses `message Name { ... }` into `node` (its span starts at `message`). */
export function parseMessageDefinition(p: ParserCore, node: MessageNode): boolean {
  if (p.recursionDepth - 1 <= 0) {
    p.error("Reached maximum recursion limit for nested messages.");
    return false;
  }
  p.recursionDepth--;
  try {
    if (!p.consume("message")) return false;
    node.nameToken = p.cur;
    const name = p.consumeIdentifier("Expected message name.");
    if (name === undefined) return false;
    node.name = name;
    return parseMessageBlock(p, node);
  } finally {
    p.recursionDepth++;
  }
}

/** Parses `{ statements }` of a message or group; comments at `{` attach to `node`. */
export function parseMessageBlock(p: ParserCore, node: MessageNode | GroupBody): boolean {
  if (!p.consumeEndOfDeclaration("{", node)) return false;
  while (!p.tryConsumeEndOfDeclaration("}", null)) {
    if (p.atEnd()) {
      p.error("Reached end of input in message definition (missing '}').");
      return false;
    }
    if (!parseMessageStatement(p, node.decls)) p.skipStatement();
  }
  // protoc's ValidateMessage: map_entry is only for generated map entries.
  for (const d of node.decls) {
    const first = d.kind === "option" ? d.name[0] : undefined;
    if (first !== undefined && !first.isExtension && first.name === "map_entry") {
      p.errorAtToken(first.start, "map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.");
      return false;
    }
  }
  return true;
}

function parseMessageStatement(p: ParserCore, decls: MessageDecl[]): boolean {
  const semi = p.cur;
  if (p.tryConsumeEndOfDeclaration(";", null)) {
    decls.push({ kind: "empty", token: semi });
    return true;
  }
  const vis: Visibility = {};
  if ((p.lookingAt("export") || p.lookingAt("local")) && !parseVisibility(p, vis)) return false;
  const start = p.cur;
  if (p.lookingAt("message")) {
    const node: MessageNode = { kind: "message", ...vis, start, end: start, decls: [] };
    decls.push(node);
    return finish(p, node, parseMessageDefinition(p, node));
  }
  if (p.lookingAt("enum")) {
    const node = { kind: "enum" as const, ...vis, start, end: start, decls: [] };
    decls.push(node);
    return finish(p, node, parseEnumDefinition(p, node));
  }
  if (p.lookingAt("extensions")) {
    const node: ExtensionRangeNode = { kind: "extensions", start, end: start, ranges: [] };
    decls.push(node);
    return finish(p, node, parseExtensions(p, node));
  }
  if (p.lookingAt("reserved")) return parseReserved(p, decls, "field");
  if (p.lookingAt("extend")) {
    const node: ExtendNode = { kind: "extend", start, end: start, fields: [] };
    decls.push(node);
    return finish(p, node, parseExtend(p, node));
  }
  if (p.lookingAt("option")) return parseOption(p, decls, true);
  if (p.lookingAt("oneof")) {
    const node: OneofNode = { kind: "oneof", start, end: start, decls: [] };
    decls.push(node);
    return finish(p, node, parseOneof(p, node));
  }
  const field: FieldNode = { kind: "field", start, end: start };
  decls.push(field);
  return finish(p, field, parseMessageField(p, field, { inOneof: false, inExtend: false }));
}

function parseOneof(p: ParserCore, node: OneofNode): boolean {
  p.advance(); // "oneof"
  node.nameToken = p.cur;
  const name = p.consumeIdentifier("Expected oneof name.");
  if (name === undefined) return false;
  node.name = name;
  if (!p.consumeEndOfDeclaration("{", node)) return false;
  do {
    if (p.atEnd()) {
      p.error("Reached end of input in oneof definition (missing '}').");
      return false;
    }
    if (p.lookingAt("option")) {
      if (!parseOption(p, node.decls, true)) return false;
      continue;
    }
    if (p.lookingAt("required") || p.lookingAt("optional") || p.lookingAt("repeated")) {
      p.error("Fields in oneofs must not have labels (required / optional / repeated).");
      p.advance();
    }
    const field: FieldNode = { kind: "field", start: p.cur, end: p.cur };
    node.decls.push(field);
    const ok = parseFieldNoLabel(p, field, { inOneof: true, inExtend: false });
    if (!ok) p.skipStatement();
    field.end = p.prev;
  } while (!p.tryConsumeEndOfDeclaration("}", null));
  return true;
}

function parseExtensions(p: ParserCore, node: ExtensionRangeNode): boolean {
  p.advance(); // "extensions"
  do {
    const range = parseRange(p, "field", "Expected field number range.");
    if (range === undefined) return false;
    node.ranges.push(range);
  } while (p.tryConsume(","));
  if (p.lookingAt("[")) {
    const { list, ok } = parseOptionList(p);
    node.options = list;
    if (!ok) return false;
  }
  return p.consumeEndOfDeclaration(";", node);
}

/**
 * Parses `N`, `N to M` or `N to max`. Field ranges reject 2^31-1 ("Field number out of bounds.");
 * enum ranges take signed numbers.
 */
function parseRange(p: ParserCore, what: "field" | "enum", firstError: string): RangeNode | undefined {
  const start = p.cur;
  const first = what === "field" ? p.consumeInteger(firstError) : p.consumeSignedInteger(firstError);
  if (first === undefined || outOfBounds(p, what, first)) return undefined;
  const firstSpan = { start, end: p.prev };
  // A single number's end location is its first token only (protoc's quirk: just the `-` of `-3`).
  if (!p.tryConsume("to")) {
    return { first, firstSpan, last: first, lastSpan: { start, end: start }, start, end: p.prev };
  }
  const lastStart = p.cur;
  let last: number | "max" = "max";
  if (!p.tryConsume("max")) {
    const n = what === "field" ? p.consumeInteger("Expected integer.") : p.consumeSignedInteger("Expected integer.");
    if (n === undefined || outOfBounds(p, what, n)) return undefined;
    last = n;
  }
  return { first, firstSpan, last, lastSpan: { start: lastStart, end: p.prev }, start, end: p.prev };
}

/** Field numbers may not be 2^31-1 (the exclusive end would overflow). */
function outOfBounds(p: ParserCore, what: "field" | "enum", n: number): boolean {
  if (what !== "field" || n !== INT32_MAX) return false;
  p.error("Field number out of bounds.");
  return true;
}

/** Parses `reserved ...;` in a message ("field") or enum ("enum"), appending the node to `decls`. */
export function parseReserved(
  p: ParserCore,
  decls: { push(node: ReservedNode): unknown },
  what: "field" | "enum",
): boolean {
  const node: ReservedNode = { kind: "reserved", start: p.cur, end: p.cur };
  decls.push(node);
  return finish(p, node, parseReservedBody(p, node, what));
}

function parseReservedBody(p: ParserCore, node: ReservedNode, what: "field" | "enum"): boolean {
  p.advance(); // "reserved"
  const editions = p.syntax === "editions";
  if (p.lookingAtKind(TokenKind.String)) {
    if (editions) {
      p.error("Reserved names must be identifiers in editions, not string literals.");
      return false;
    }
    const names: (Span & { value: string })[] = (node.names = []);
    do {
      const at = p.cur;
      const s = p.consumeString(
        what === "field" ? "Expected field name string literal." : "Expected enum value string literal.",
      );
      if (s === undefined) return false;
      names.push({ value: s.value, start: s.start, end: s.end });
      if (!isIdentifier(s.value)) {
        const t = p.tokens;
        p.report(t.line(at), t.column(at), `Reserved name "${s.value}" is not a valid identifier.`, "warning");
      }
    } while (p.tryConsume(","));
  } else if (p.lookingAtKind(TokenKind.Identifier)) {
    if (!editions) {
      p.error("Reserved names must be string literals. (Only editions supports identifiers.)");
      return false;
    }
    const names: (Span & { value: string })[] = (node.names = []);
    do {
      const at = p.cur;
      const id = p.consumeIdentifier(
        what === "field" ? "Expected field name identifier." : "Expected enum value identifier.",
      );
      if (id === undefined) return false;
      names.push({ value: id, start: at, end: at });
    } while (p.tryConsume(","));
  } else {
    const ranges: RangeNode[] = (node.ranges = []);
    do {
      const firstError =
        what === "field"
          ? ranges.length === 0 ? "Expected field name or number range." : "Expected field number range."
          : ranges.length === 0 ? "Expected enum value or number range." : "Expected enum number range.";
      const range = parseRange(p, what, firstError);
      if (range === undefined) return false;
      ranges.push(range);
    } while (p.tryConsume(","));
  }
  return p.consumeEndOfDeclaration(";", node);
}

/** Parses `extend Type { fields }` into `node`. */
export function parseExtend(p: ParserCore, node: ExtendNode): boolean {
  p.advance(); // "extend"
  const extStart = p.cur;
  const type = parseUserDefinedType(p);
  if (type === undefined) return false;
  const extendee = { name: type.name, start: extStart, end: p.prev };
  node.extendee = extendee;
  if (!p.consumeEndOfDeclaration("{", node)) return false;
  do {
    if (p.atEnd()) {
      p.error("Reached end of input in extend definition (missing '}').");
      return false;
    }
    const field: FieldNode = { kind: "field", start: p.cur, end: p.cur, extendee };
    node.fields.push(field);
    if (!parseMessageField(p, field, { inOneof: false, inExtend: true })) p.skipStatement();
    field.end = p.prev;
  } while (!p.tryConsumeEndOfDeclaration("}", null));
  return true;
}
