/**
 * The .proto compiler: a port of protoc 36's front end (io::Tokenizer, compiler::Parser), its
 * DescriptorBuilder (linking, option interpretation, validation) and the parts of its command line
 * tool that shape `--descriptor_set_out`. Output is byte-identical to protoc's, errors are protoc's.
 *
 * Stage contracts (each stage's module documents its own in detail):
 * - lexer.ts: bytes to tokens on demand, 0-based lines and byte columns (tabs to multiples of 8),
 *   protoc's errors at protoc's positions; comments sorted into trailing, detached and leading.
 * - parser.ts: tokens to a FileNode (ast.ts) plus protoc's syntax errors in protoc's order, with
 *   its error recovery. Nodes keep token indices for every span SourceCodeInfo records.
 * - lower/ (stages 1-2): a FileNode parsed without errors to the unlinked FileDescriptorProto
 *   protoc's parser fills (names as written, UninterpretedOptions, map entries, groups, synthetic
 *   oneofs), its SourceCodeInfo in protoc's order, and the error positions of each part.
 * - link/ (stage 3): protoc's DescriptorBuilder over FileDescriptorProtos: imports (cycles,
 *   public imports), symbols and scopes, name resolution, cross-linking, protoc's errors.
 * - options/ (stage 4): UninterpretedOptions to option fields in two passes around feature
 *   resolution, aggregate values through the text format, SourceCodeInfo paths rewritten.
 * - validate/ (stage 5): ValidateOptions and the other checks, with protoc's texts and positions.
 * - output/: CopyTo, json names, stripping of source-retention options (protoc's DynamicMessage
 *   round trip emulated by options/canonical.ts).
 * - compile.ts (stage 6): files by virtual path under include paths or through a callback,
 *   protoc's import semantics, the descriptor set in protoc's order.
 * - prebuilt.ts: files given as FileDescriptorProtos (descriptor sets) built and written out as
 *   protoc builds and writes them.
 */
export { parse, type ParseOptions, type ParseResult } from "./parser.js";
export { Lexer, tokenize } from "./lexer.js";
export { TokenKind, TokenTable } from "./token.js";
export { formatDiagnostic, type Diagnostic, type DiagnosticSink, type Severity } from "./diagnostic.js";
export { compile, type CompileOptions, type CompileResult } from "./compile.js";
export { PrebuiltFiles, type GeneratorRequestFiles, type WriteOptions } from "./prebuilt.js";
export { lowerFile } from "./lower/lower.js";
export { SourceLocationTable, type ErrorLocation, type Position } from "./lower/locations.js";
export type * from "./ast.js";
