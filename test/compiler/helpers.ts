/** Shared helpers for the compiler tests. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Span } from "../../src/compiler/ast.js";
import type { Diagnostic } from "../../src/compiler/diagnostic.js";
import { Lexer } from "../../src/compiler/lexer.js";
import { TokenKind, type TokenTable } from "../../src/compiler/token.js";

/** The repository root (tests run from dist/test/compiler). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Bytes of a "byte string" (one char per byte), as the JSON tables store sources. */
export function latin1Bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A diagnostic as protoc prints it without the file name: `line:col: [warning: ]message`, 1-based. */
export function show(d: Diagnostic): string {
  return `${d.line + 1}:${d.column + 1}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}

/** One token as `kind text @line:col-endcol` (0-based). */
export interface TokenView {
  kind: string;
  text: string;
  at: string;
}

const KIND_NAMES = Object.fromEntries(Object.entries(TokenKind).map(([k, v]) => [v, k]));

/** Tokenizes with next() and returns readable tokens (End included) and diagnostics. */
export function lex(source: string | Uint8Array): { tokens: TokenView[]; errors: string[] } {
  const errors: string[] = [];
  const lexer = new Lexer(typeof source === "string" ? utf8(source) : source, (l, c, m) => {
    errors.push(`${l}:${c}: ${m}`);
  });
  while (lexer.next()) {
    // collect all
  }
  const t = lexer.tokens;
  const tokens: TokenView[] = [];
  for (let i = 1; i < t.count; i++) tokens.push(view(t, i));
  return { tokens, errors };
}

/** A readable view of token `i`. */
export function view(t: TokenTable, i: number): TokenView {
  return { kind: KIND_NAMES[t.kind(i)]!, text: t.text(i), at: `${t.line(i)}:${t.column(i)}-${t.endColumn(i)}` };
}

/** A span as protoc writes it in SourceCodeInfo: [line, col, endLine?, endCol], endLine omitted when equal. */
export function spanArray(t: TokenTable, s: Span): number[] {
  const a = [t.line(s.start), t.column(s.start)];
  if (t.line(s.end) !== a[0]) a.push(t.line(s.end));
  a.push(t.endColumn(s.end));
  return a;
}

/** The source text of a span (assumes ASCII), for readable assertions. */
export function spanText(source: string, t: TokenTable, s: Span): string {
  return source.slice(t.offset(s.start), t.offset(s.end) + t.text(s.end).length);
}
