/**
 * The parser's state and token helpers: a port of the helper layer of protoc's compiler::Parser
 * (Consume*, TryConsumeEndOfDeclaration, SkipStatement, RecordError). The statement parsers in
 * parse-*.ts build on it.
 */
import { utf8Decode } from "../wire/index.js";
import type { Comments, NodeBase, Span } from "./ast.js";
import type { Diagnostic, Severity } from "./diagnostic.js";
import { Lexer } from "./lexer.js";
import { INT32_MAX, parseFloatText, parseInteger, plainStringToken, stringTokensValue, UINT64_MAX } from "./literals.js";

const NON_ASCII = /[^\x00-\x7f]/;
import { TokenKind, type TokenTable } from "./token.js";

/** Edition enum numbers protoc compares against (descriptor.proto's Edition). */
export { Edition } from "../reflect/features.js";
import { Edition } from "../reflect/features.js";

/** A parsed string literal (adjacent literals concatenated). */
export interface StringValue extends Span {
  /** The exact bytes. */
  readonly bytes: Uint8Array;
  /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  readonly value: string;
}

/** Parser state shared by the statement parsers: the lexer, diagnostics, syntax and pending comments. */
export class ParserCore {
  /** The token source. */
  readonly lexer: Lexer;
  /** The lexer's token table. */
  readonly tokens: TokenTable;
  /** Errors and warnings in the order protoc reports them. */
  readonly diagnostics: Diagnostic[] = [];
  /** protoc's syntax_identifier_: "proto2", "proto3", "editions", or "" before the syntax statement. */
  syntax = "";
  /** protoc's edition_: the Edition number for editions files, 0 otherwise. */
  edition: number = Edition.UNKNOWN;
  /**
   * Messages may still nest this deep (protoc allows 32 levels). protoc sets it when a top-level
   * message starts and never initializes it otherwise: before the first top-level message (a
   * message in a group of a top-level extend) protoc 36 behaves as if it were 0, so it starts at 0.
   */
  recursionDepth = 0;
  /** Current nesting of group bodies, bounded to keep the JS stack safe. */
  groupDepth = 0;
  /** Leading comments for the next declaration (protoc's upcoming_doc_comments_). */
  upcomingDocComments = "";
  /** Detached comments for the next declaration. */
  upcomingDetachedComments: string[] = [];

  constructor(
    source: Uint8Array,
    /** The file name used in diagnostics. */
    readonly fileName: string,
  ) {
    this.lexer = new Lexer(source, (line, column, message, severity) =>
      this.report(line, column, message, severity),
    );
    this.tokens = this.lexer.tokens;
  }

  // ---- diagnostics

  /** Records a diagnostic at a 0-based position. */
  report(line: number, column: number, message: string, severity: Severity = "error"): void {
    this.diagnostics.push({ file: this.fileName, line, column, message, severity });
  }

  /** Records an error at the current token. */
  error(message: string): void {
    this.errorAtToken(this.lexer.current, message);
  }

  /** Records an error at the start of token `t`. */
  errorAtToken(t: number, message: string): void {
    this.report(this.tokens.line(t), this.tokens.column(t), message);
  }

  // ---- looking at tokens

  /** The current token's index. */
  get cur(): number {
    return this.lexer.current;
  }

  /** The index of the token before the current one. */
  get prev(): number {
    return this.lexer.previous;
  }

  /** True when the current token's text is `text`. */
  lookingAt(text: string): boolean {
    return this.lexer.text === text;
  }

  /** True when the current token is of kind `kind`. */
  lookingAtKind(kind: TokenKind): boolean {
    return this.lexer.kind === kind;
  }

  /** True at the end of input. */
  atEnd(): boolean {
    return this.lexer.kind === TokenKind.End;
  }

  /** Advances to the next token. */
  advance(): void {
    this.lexer.next();
  }

  /** Consumes the current token if its text is `text`. */
  tryConsume(text: string): boolean {
    if (this.lexer.text !== text) return false;
    this.lexer.next();
    return true;
  }

  /** Consumes `text` or records `message` (by default `Expected "text".`). */
  consume(text: string, message?: string): boolean {
    if (this.tryConsume(text)) return true;
    this.error(message ?? `Expected "${text}".`);
    return false;
  }

  /** Consumes an identifier and returns it, or records `message`. */
  consumeIdentifier(message: string): string | undefined {
    if (this.lexer.kind !== TokenKind.Identifier) {
      this.error(message);
      return undefined;
    }
    const text = this.lexer.text;
    this.lexer.next();
    return text;
  }

  /** Consumes an integer up to 2^31-1 ("Integer out of range." gives 0 but succeeds), or records `message`. */
  consumeInteger(message: string): number | undefined {
    const v = this.consumeInteger64(BigInt(INT32_MAX), message);
    return v === undefined ? undefined : Number(v);
  }

  /** Consumes an optionally negative 32-bit integer, or records `message`. */
  consumeSignedInteger(message: string): number | undefined {
    const negative = this.tryConsume("-");
    const v = this.consumeInteger64(BigInt(INT32_MAX) + (negative ? 1n : 0n), message);
    if (v === undefined) return undefined;
    return Number(negative ? -v : v);
  }

  /** Consumes an integer up to `max` ("Integer out of range." gives 0 but succeeds), or records `message`. */
  consumeInteger64(max: bigint, message: string): bigint | undefined {
    if (this.lexer.kind !== TokenKind.Integer) {
      this.error(message);
      return undefined;
    }
    let v = parseInteger(this.lexer.text, max);
    if (v === undefined) {
      this.error("Integer out of range.");
      v = 0n;
    }
    this.lexer.next();
    return v;
  }

  /** Consumes an integer only if it is one and at most `max`. */
  tryConsumeInteger64(max: bigint): bigint | undefined {
    if (this.lexer.kind !== TokenKind.Integer) return undefined;
    const v = parseInteger(this.lexer.text, max);
    if (v !== undefined) this.lexer.next();
    return v;
  }

  /** Consumes a float, an integer, `inf` or `nan` as a double, or records `message`. */
  consumeNumber(message: string): number | undefined {
    const kind = this.lexer.kind;
    const text = this.lexer.text;
    let value: number;
    if (kind === TokenKind.Float) {
      value = parseFloatText(text);
    } else if (kind === TokenKind.Integer) {
      const v = parseInteger(text, UINT64_MAX);
      if (v !== undefined) {
        value = Number(v);
      } else if (text.charCodeAt(0) === 48) {
        this.error("Integer out of range."); // octal or hex beyond 64 bits
        value = 0;
      } else {
        value = parseFloatText(text); // a decimal beyond 64 bits is read as a double
      }
    } else if (text === "inf") {
      value = Infinity;
    } else if (text === "nan") {
      value = NaN;
    } else {
      this.error(message);
      return undefined;
    }
    this.lexer.next();
    return value;
  }

  /** Consumes one or more adjacent string literals, or records `message`. */
  consumeString(message: string): StringValue | undefined {
    if (this.lexer.kind !== TokenKind.String) {
      this.error(message);
      return undefined;
    }
    const start = this.lexer.current;
    const texts: string[] = [];
    do {
      texts.push(this.lexer.text);
      this.lexer.next();
    } while (this.lexer.kind === TokenKind.String);
    const bytes = stringTokensValue(texts);
    // A token of ASCII characters without escapes is its own value.
    const plain = texts.length === 1 ? plainStringToken(texts[0]!) : undefined;
    const value = plain !== undefined && !NON_ASCII.test(plain) ? plain : utf8Decode(bytes, 0, bytes.length, false)!;
    return { start, end: this.lexer.previous, bytes, value };
  }

  // ---- comments and ends of declarations

  /**
   * If at `text` (";", "{" or "}"), consumes it collecting comments, as protoc's
   * TryConsumeEndOfDeclaration: the leading comments saved last time, the trailing comment and
   * the detached ones go to `node`; without a node they wait for the next declaration.
   */
  tryConsumeEndOfDeclaration(text: string, node: NodeBase | null): boolean {
    if (this.lexer.text !== text) return false;
    const { comments } = this.lexer.nextWithComments(true);
    const leading = this.upcomingDocComments;
    this.upcomingDocComments = comments.leading;
    if (node !== null) {
      const detached = this.upcomingDetachedComments;
      this.upcomingDetachedComments = comments.detached;
      attachComments(node, leading, comments.trailing, detached);
    } else if (text === "}") {
      // Leaving a scope: pending detached comments are dropped.
      this.upcomingDetachedComments = comments.detached;
    } else {
      this.upcomingDetachedComments.push(...comments.detached);
    }
    return true;
  }

  /** Like tryConsumeEndOfDeclaration, recording `Expected "text".` when not there. */
  consumeEndOfDeclaration(text: string, node: NodeBase | null): boolean {
    if (this.tryConsumeEndOfDeclaration(text, node)) return true;
    this.error(`Expected "${text}".`);
    return false;
  }

  /** Advances with comment collection, as protoc does at the start and after an unmatched "}". */
  advanceCollectingComments(): void {
    const { comments } = this.lexer.nextWithComments(false);
    this.upcomingDetachedComments = comments.detached;
    this.upcomingDocComments = comments.leading;
  }

  // ---- error recovery

  /** Skips to the end of the current statement: past `;`, past a `{...}` block, or up to `}`. */
  skipStatement(): void {
    for (;;) {
      if (this.atEnd()) return;
      if (this.lexer.kind === TokenKind.Symbol) {
        if (this.tryConsumeEndOfDeclaration(";", null)) return;
        if (this.tryConsume("{")) {
          this.skipRestOfBlock();
          return;
        }
        if (this.lookingAt("}")) return;
      }
      this.lexer.next();
    }
  }

  /**
   * Skips past the `}` closing the current block (braces nest). Like protoc, the token right after
   * each inner brace is skipped without being looked at.
   */
  skipRestOfBlock(): void {
    let depth = 1;
    for (;;) {
      if (this.atEnd()) return;
      if (this.lexer.kind === TokenKind.Symbol) {
        if (this.tryConsumeEndOfDeclaration("}", null)) {
          if (--depth === 0) return;
        } else if (this.tryConsume("{")) {
          depth++;
        }
      }
      this.lexer.next();
    }
  }
}

/** Sets a node's comments, leaving it without a `comments` property when there are none. */
function attachComments(node: NodeBase, leading: string, trailing: string, detached: string[]): void {
  if (leading === "" && trailing === "" && detached.length === 0) return;
  const c: { leading?: string; trailing?: string; detached: string[] } = { detached };
  if (leading !== "") c.leading = leading;
  if (trailing !== "") c.trailing = trailing;
  node.comments = c satisfies Comments;
}
