/**
 * The .proto compiler's front end, a port of protoc 36's io::Tokenizer and compiler::Parser.
 *
 * Stage contracts (later stages build on these):
 * - lexer.ts: bytes to tokens on demand. Lines and columns are 0-based, columns count bytes and a
 *   tab advances to the next multiple of 8. Errors have protoc's texts and positions and arrive when
 *   protoc reports them (as the token is read). nextWithComments() sorts comments into trailing,
 *   detached and leading exactly as protoc does.
 * - parser.ts: tokens to a FileNode (ast.ts) plus diagnostics identical to protoc's, in protoc's
 *   order, with protoc's error recovery. Every node records token indices for the spans protoc's
 *   SourceCodeInfo records, and comments where protoc attaches them. Nothing is resolved or
 *   validated beyond what protoc's parser itself checks.
 * - Next (not here yet): lowering to FileDescriptorProto with SourceCodeInfo, linking, option
 *   interpretation, validation.
 */
export { parse, type ParseOptions, type ParseResult } from "./parser.js";
export { Lexer, tokenize } from "./lexer.js";
export { TokenKind, TokenTable } from "./token.js";
export { formatDiagnostic, type Diagnostic, type DiagnosticSink, type Severity } from "./diagnostic.js";
export type * from "./ast.js";
