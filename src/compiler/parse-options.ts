/**
 * Options: `option name = value;` statements and `[name = value, ...]` lists, kept uninterpreted
 * as protoc's Parser::ParseOption keeps them (names, typed values, aggregate text).
 */
import type { OptionList, OptionNamePart, OptionNode, OptionValue } from "./ast.js";
import { UINT64_MAX } from "./literals.js";
import type { ParserCore } from "./parser-core.js";
import { latin1ToUtf8 } from "./chars.js";
import { TokenKind } from "./token.js";

const INT64_MAX_PLUS_1 = 0x8000000000000000n;

/**
 * Parses one option, appending it to `out`. A statement (`statement` true) starts at the `option`
 * keyword and ends with `;`; an assignment is just `name = value`.
 */
export function parseOption(p: ParserCore, out: { push(node: OptionNode): unknown }, statement: boolean): boolean {
  const node: OptionNode = { kind: "option", start: p.cur, end: p.cur, name: [] };
  out.push(node);
  const ok = parseOptionBody(p, node, statement);
  node.end = p.prev;
  return ok;
}

function parseOptionBody(p: ParserCore, node: OptionNode, statement: boolean): boolean {
  if (statement && !p.consume("option")) return false;
  if (!parseOptionNamePart(p, node.name)) return false;
  while (p.lookingAt(".")) {
    p.advance();
    if (!parseOptionNamePart(p, node.name)) return false;
  }
  if (!p.consume("=")) return false;
  const value = parseOptionValue(p);
  if (value === undefined) return false;
  node.value = value;
  if (statement) {
    return p.consumeEndOfDeclaration(";", node);
  }
  return true;
}

/** Parses `ident` or `(a.b.c)` and appends it to `parts`. */
function parseOptionNamePart(p: ParserCore, parts: OptionNamePart[]): boolean {
  const start = p.cur;
  if (p.lookingAt("(")) {
    p.advance();
    const nameStart = p.cur;
    let name = "";
    let ok = true;
    // An extension name: dot-separated identifiers, maybe with a leading dot.
    if (p.lookingAtKind(TokenKind.Identifier)) {
      name = p.lexer.text;
      p.advance();
    }
    while (ok && p.lookingAt(".")) {
      p.advance();
      const id = p.consumeIdentifier("Expected identifier.");
      if (id === undefined) ok = false;
      else name += "." + id;
    }
    const nameSpan = { start: nameStart, end: p.prev };
    if (!ok || !p.consume(")")) return false;
    parts.push({ start, end: p.prev, name, isExtension: true, nameSpan });
    return true;
  }
  const id = p.consumeIdentifier("Expected identifier.");
  if (id === undefined) return false;
  parts.push({ start, end: start, name: id, isExtension: false, nameSpan: { start, end: start } });
  return true;
}

/** Parses an option value: identifier, number (maybe negative), string(s), or an aggregate `{...}`. */
function parseOptionValue(p: ParserCore): OptionValue | undefined {
  const start = p.cur;
  const negative = p.tryConsume("-");
  const kind = p.lexer.kind;
  if (kind === TokenKind.End) {
    p.error("Unexpected end of stream while parsing option value.");
    return undefined;
  }
  if (kind === TokenKind.Identifier) {
    const id = p.lexer.text;
    p.advance();
    const end = p.prev;
    if (!negative) return { kind: "identifier", value: id, start, end };
    if (id === "inf") return { kind: "double", value: -Infinity, start, end };
    if (id === "nan") return { kind: "double", value: NaN, start, end };
    p.error("Identifier after '-' symbol must be inf or nan.");
    return undefined;
  }
  if (kind === TokenKind.Integer) {
    const v = p.tryConsumeInteger64(negative ? INT64_MAX_PLUS_1 : UINT64_MAX);
    if (v !== undefined) {
      const end = p.prev;
      if (negative) return { kind: "negative-int", value: -v, start, end };
      return { kind: "positive-int", value: v, start, end };
    }
    // Too large for an integer: read it as a double below.
  }
  if (kind === TokenKind.Integer || kind === TokenKind.Float) {
    const v = p.consumeNumber("Expected number.");
    if (v === undefined) return undefined;
    return { kind: "double", value: negative ? -v : v, start, end: p.prev };
  }
  if (kind === TokenKind.String) {
    if (negative) {
      p.error("Invalid '-' symbol before string.");
      return undefined;
    }
    const s = p.consumeString("Expected string.");
    if (s === undefined) return undefined;
    return { kind: "string", bytes: s.bytes, value: s.value, start, end: s.end };
  }
  if (p.lookingAt("{")) {
    const text = parseAggregate(p);
    if (text === undefined) return undefined;
    return { kind: "aggregate", value: text, start, end: p.prev };
  }
  p.error("Expected option value.");
  return undefined;
}

/**
 * Reads a `{...}` aggregate value as protoc's ParseUninterpretedBlock does: the text between the
 * braces, comments replaced by spaces and newlines so every token keeps its line and column.
 */
function parseAggregate(p: ParserCore): string | undefined {
  const lexer = p.lexer;
  const t = p.tokens;
  let depth = 1;
  let text = "";
  const saved = lexer.reportWhitespace;
  lexer.reportWhitespace = true;
  try {
    lexer.next(); // the "{"
    while (!p.atEnd()) {
      if (p.lookingAt("{")) {
        depth++;
      } else if (p.lookingAt("}")) {
        if (--depth === 0) break;
      }
      const cur = lexer.current;
      const prev = lexer.previous;
      const prevEndLine = t.kind(prev) === TokenKind.Newline ? t.line(prev) + 1 : t.line(prev);
      if (t.line(cur) > prevEndLine) {
        text += "\n".repeat(t.line(cur) - prevEndLine) + " ".repeat(t.column(cur));
      } else if (t.line(cur) === prevEndLine && t.column(cur) > t.endColumn(prev)) {
        text += " ".repeat(t.column(cur) - t.endColumn(prev));
      }
      text += t.text(cur);
      lexer.next();
    }
  } finally {
    lexer.reportWhitespace = saved;
  }
  if (depth !== 0) {
    p.error("Unexpected end of stream while parsing aggregate value.");
    return undefined;
  }
  lexer.next(); // the "}"
  return latin1ToUtf8(text);
}

/** Parses `[opt = v, ...]` (the caller checked for `[`) with `entry` parsing each entry. */
export function parseBracketList<T>(p: ParserCore, list: OptionList<T>, entry: () => boolean): boolean {
  const ok = parseBracketBody(p, entry);
  list.end = p.prev;
  return ok;
}

function parseBracketBody(p: ParserCore, entry: () => boolean): boolean {
  if (!p.consume("[")) return false;
  do {
    if (!entry()) return false;
  } while (p.tryConsume(","));
  return p.consume("]");
}

/** Parses a `[...]` list of plain options (enum values, extension ranges). */
export function parseOptionList(p: ParserCore): { list: OptionList; ok: boolean } {
  const list: OptionList = { start: p.cur, end: p.cur, entries: [] };
  const ok = parseBracketList(p, list, () => parseOption(p, list.entries, false));
  return { list, ok };
}
