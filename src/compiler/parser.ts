/**
 * The .proto parser: turns a file's bytes into a FileNode and diagnostics identical to protoc's
 * (texts, positions and order), recovering after errors the way protoc's compiler::Parser does
 * so one run reports several errors. Positions in diagnostics are 0-based.
 */
import type { Diagnostic } from "./diagnostic.js";
import type { FileDecl, FileNode, ImportNode, SyntaxNode } from "./ast.js";
import { parseEnumDefinition, parseServiceDefinition } from "./parse-enum-service.js";
import { finish, parseExtend, parseMessageDefinition, parseVisibility, type Visibility } from "./parse-message.js";
import { parseOption } from "./parse-options.js";
import { Edition, ParserCore } from "./parser-core.js";
import { TokenKind } from "./token.js";
import { utf8Encode } from "../wire/index.js";

/** The result of parsing one file. */
export interface ParseResult {
  /** The syntax tree; partial when there were errors. */
  readonly ast: FileNode;
  /** Errors and warnings in protoc's order, 0-based positions. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when no error (warnings allowed) was reported. */
  readonly ok: boolean;
}

/** Options for parse(). */
export interface ParseOptions {
  /** The name used in diagnostics and FileNode.name; default "input.proto". */
  readonly fileName?: string;
}

/** Editions protoc's parser accepts after `edition =`: descriptor.proto's Edition enum minus PROTO2/3 and UNKNOWN. */
const EDITIONS: ReadonlyMap<string, number> = new Map([
  ["LEGACY", 900], ["2023", 1000], ["2024", 1001], ["2026", 1002], ["UNSTABLE", 9999],
  ["1_TEST_ONLY", 1], ["2_TEST_ONLY", 2], ["99997_TEST_ONLY", 99997], ["99998_TEST_ONLY", 99998],
  ["99999_TEST_ONLY", 99999], ["MAX", 0x7fffffff],
]);

/** Parses a .proto file (bytes, or a string encoded as UTF-8). */
export function parse(source: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const bytes = typeof source === "string" ? utf8Encode(source) : source;
  const name = options.fileName ?? "input.proto";
  const p = new ParserCore(bytes, name);
  const file: FileNode = { kind: "file", name, tokens: p.tokens, decls: [], start: 0, end: 0 };
  parseFile(p, file);
  const ok = !p.diagnostics.some((d) => d.severity === "error");
  return { ast: file, diagnostics: p.diagnostics, ok };
}

/** Per-file state protoc keeps in the FileDescriptorProto being built. */
interface FileState {
  hasPackage: boolean;
  optionImports: number;
}

function parseFile(p: ParserCore, file: FileNode): void {
  if (p.lookingAtKind(TokenKind.Start)) p.advanceCollectingComments();
  file.start = p.cur;
  if (p.lookingAt("syntax") || p.lookingAt("edition")) {
    const ok = parseSyntax(p, file);
    if (!ok) {
      file.end = p.prev;
      return; // protoc does not parse a file whose syntax it does not recognize
    }
  } else {
    p.syntax = "proto2";
  }
  const state: FileState = { hasPackage: false, optionImports: 0 };
  while (!p.atEnd()) {
    if (!parseTopLevelStatement(p, file.decls, state)) {
      p.skipStatement();
      if (p.lookingAt("}")) {
        p.error('Unmatched "}".');
        p.advanceCollectingComments();
      }
    }
  }
  file.end = p.prev;
}

function parseSyntax(p: ParserCore, file: FileNode): boolean {
  const keyword = p.lexer.text === "edition" ? "edition" : "syntax";
  const node: SyntaxNode = { kind: "syntax", keyword, value: "", start: p.cur, end: p.cur };
  file.syntax = node;
  p.advance();
  const ok = parseSyntaxBody(p, node);
  node.end = p.prev;
  return ok;
}

function parseSyntaxBody(p: ParserCore, node: SyntaxNode): boolean {
  if (!p.consume("=")) return false;
  const valueToken = p.cur;
  const s = p.consumeString("Expected syntax identifier.");
  if (s === undefined) return false;
  node.value = s.value;
  node.valueSpan = { start: s.start, end: s.end };
  if (!p.consumeEndOfDeclaration(";", node)) return false;
  if (node.keyword === "edition") {
    const edition = EDITIONS.get(s.value);
    if (edition === undefined) {
      p.errorAtToken(valueToken, `Unknown edition "${s.value}".`);
      return false;
    }
    node.edition = edition;
    p.syntax = "editions";
    p.edition = edition;
    return true;
  }
  p.syntax = s.value;
  if (s.value !== "proto2" && s.value !== "proto3") {
    p.errorAtToken(
      valueToken,
      `Unrecognized syntax identifier "${s.value}".  This parser only recognizes "proto2" and "proto3".`,
    );
    return false;
  }
  return true;
}

function parseTopLevelStatement(p: ParserCore, decls: FileDecl[], state: FileState): boolean {
  const semi = p.cur;
  if (p.tryConsumeEndOfDeclaration(";", null)) {
    decls.push({ kind: "empty", token: semi });
    return true;
  }
  const vis: Visibility = {};
  if ((p.lookingAt("export") || p.lookingAt("local")) && !parseVisibility(p, vis)) return false;
  const start = p.cur;
  const text = p.lexer.text;
  switch (text) {
    case "message": {
      const node = { kind: "message" as const, ...vis, start, end: start, decls: [] };
      decls.push(node);
      p.recursionDepth = 32; // protoc's limit, reset for each top-level message
      return finish(p, node, parseMessageDefinition(p, node));
    }
    case "enum": {
      const node = { kind: "enum" as const, ...vis, start, end: start, decls: [] };
      decls.push(node);
      return finish(p, node, parseEnumDefinition(p, node));
    }
    case "service": {
      const node = { kind: "service" as const, start, end: start, decls: [] };
      decls.push(node);
      return finish(p, node, parseServiceDefinition(p, node));
    }
    case "extend": {
      const node = { kind: "extend" as const, start, end: start, fields: [] };
      decls.push(node);
      return finish(p, node, parseExtend(p, node));
    }
    case "import":
      return parseImport(p, decls, state);
    case "package":
      return parsePackage(p, decls, state);
    case "option":
      return parseOption(p, decls, true);
    default:
      p.error('Expected top-level statement (e.g. "message").');
      return false;
  }
}

function parsePackage(p: ParserCore, decls: FileDecl[], state: FileState): boolean {
  if (state.hasPackage) {
    p.error("Multiple package definitions.");
    state.hasPackage = false;
  }
  const node = { kind: "package" as const, name: "", start: p.cur, end: p.cur };
  decls.push(node);
  p.advance(); // "package"
  for (;;) {
    const id = p.consumeIdentifier("Expected identifier.");
    if (id === undefined) return finish(p, node, false);
    node.name += id;
    state.hasPackage = true;
    if (!p.tryConsume(".")) break;
    node.name += ".";
  }
  return finish(p, node, p.consumeEndOfDeclaration(";", node));
}

function parseImport(p: ParserCore, decls: FileDecl[], state: FileState): boolean {
  const node: ImportNode = { kind: "import", path: "", start: p.cur, end: p.cur };
  decls.push(node);
  p.advance(); // "import"
  if (p.lookingAt("option")) {
    if (p.edition < Edition.E2024) p.error("option import is not supported before edition 2024.");
    node.modifier = "option";
    node.modifierToken = p.cur;
    p.advance();
    if (!parseImportPath(p, node)) return finish(p, node, false);
    state.optionImports++;
    return finish(p, node, p.consumeEndOfDeclaration(";", node));
  }
  if (state.optionImports > 0) {
    p.error("imports should precede any option imports to ensure proto files can roundtrip.");
  }
  if (p.lookingAt("public")) {
    node.modifier = "public";
    node.modifierToken = p.cur;
    p.advance();
  } else if (p.lookingAt("weak")) {
    if (p.edition >= Edition.E2024) {
      p.error("weak import is not supported in edition 2024 and above. Consider using option import instead.");
    }
    node.modifier = "weak";
    node.modifierToken = p.cur;
    p.advance();
  }
  if (!parseImportPath(p, node)) return finish(p, node, false);
  return finish(p, node, p.consumeEndOfDeclaration(";", node));
}

function parseImportPath(p: ParserCore, node: ImportNode): boolean {
  const s = p.consumeString("Expected a string naming the file to import.");
  if (s === undefined) return false;
  node.path = s.value;
  node.pathSpan = { start: s.start, end: s.end };
  return true;
}
