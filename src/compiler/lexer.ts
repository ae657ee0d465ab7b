/**
 * The .proto tokenizer: a port of protoc's io::Tokenizer (CPP comment style, no `f` suffix on
 * floats, a space required after numbers). It reads bytes, counts lines and columns 0-based with
 * columns in bytes and tabs advancing to the next multiple of 8, and reports errors with protoc's
 * texts at protoc's positions, at the moment protoc would (when the token is read).
 */
import { CLASS, CONTROL, DIGIT, ESCAPE, HEX, LETTER, OCTAL, WS, WS_NO_NL } from "./chars.js";
import { CommentCollector, type CollectedComments } from "./comments.js";
import type { DiagnosticSink } from "./diagnostic.js";
import { Scanner } from "./scanner.js";
import { TokenKind, TokenTable } from "./token.js";

/** What a `/` started (protoc's NextCommentStatus). */
const enum CommentStart {
  None,
  Line,
  Block,
  Slash,
}

/**
 * Reads tokens one at a time on demand, as protoc's parser drives its tokenizer: `next()` skips
 * comments, `nextWithComments()` collects them. Every token read is appended to `tokens`;
 * `current` and `previous` are indices into it.
 */
export class Lexer extends Scanner {
  /** Every token read so far; index 0 is the Start token. */
  readonly tokens: TokenTable;
  /** The index of the token being looked at. */
  current = 0;
  /** The index of the token before it. */
  previous = 0;
  /** Report whitespace and newlines as tokens (protoc does while reading aggregate option values). */
  reportWhitespace = false;

  constructor(source: Uint8Array, sink: DiagnosticSink) {
    super(source, sink);
    this.tokens = new TokenTable(source.length >> 3);
    this.tokens.add(TokenKind.Start, "", 0, 0, 0, 0);
  }

  /** The kind of the current token. */
  get kind(): TokenKind {
    return this.tokens.kind(this.current);
  }

  /** The text of the current token. */
  get text(): string {
    return this.tokens.text(this.current);
  }

  /** Reads the next token, skipping comments; false at the end of input. */
  next(): boolean {
    this.previous = this.current;
    while (this.pos < this.len) {
      const line = this.line;
      const column = this.column;
      const start = this.pos;
      if (this.reportWhitespace) {
        if (CLASS[this.ch]! & WS_NO_NL) {
          this.skip(WS_NO_NL);
          this.current = this.tokens.add(TokenKind.Whitespace, this.slice(start), line, column, this.column, start);
          return true;
        }
        if (this.ch === 10) {
          this.nextChar();
          this.current = this.tokens.add(TokenKind.Newline, "\n", line, column, this.column, start);
          return true;
        }
      } else {
        this.skip(WS);
      }
      const comment = this.tryConsumeCommentStart();
      if (comment === CommentStart.Line) {
        this.consumeLineComment(false);
        continue;
      } else if (comment === CommentStart.Block) {
        this.consumeBlockComment(false);
        continue;
      } else if (comment === CommentStart.Slash) {
        return true;
      }
      if (this.pos >= this.len) break;
      if (CLASS[this.ch]! & CONTROL || this.ch === 0) {
        this.error("Invalid control characters encountered in text.");
        this.nextChar();
        while (CLASS[this.ch]! & CONTROL || (this.ch === 0 && this.pos < this.len)) this.nextChar();
        continue;
      }
      this.readToken();
      return true;
    }
    // At the end: an End token (reused when next() is called again there).
    if (this.tokens.kind(this.current) !== TokenKind.End) {
      this.current = this.tokens.add(TokenKind.End, "", this.line, this.column, this.column, this.pos);
    }
    return false;
  }

  /**
   * Reads the next token like next(), sorting the comments before it into trailing (of the current
   * token), detached and leading (of the next token) exactly as protoc's NextWithComments does.
   * `keepTrailing` false discards trailing comments (protoc's callers passing nullptr).
   */
  nextWithComments(keepTrailing: boolean): { ok: boolean; comments: CollectedComments } {
    const collector = new CommentCollector(keepTrailing);
    let prevLine = this.line;
    let trailingEndLine = -1;
    if (this.tokens.kind(this.current) === TokenKind.Start) {
      // A UTF-8 byte order mark is skipped; any other 0xEF start is an error.
      if (this.tryConsume(0xef)) {
        if (!this.tryConsume(0xbb) || !this.tryConsume(0xbf)) {
          this.error(
            "Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file.",
          );
          return { ok: false, comments: collector.finish() };
        }
      }
      collector.detachFromPrev();
      prevLine = -1;
    } else {
      // A comment on the same line belongs to the previous declaration.
      this.skip(WS_NO_NL);
      switch (this.tryConsumeCommentStart()) {
        case CommentStart.Line:
          trailingEndLine = this.line;
          collector.startLineComment();
          collector.append(this.consumeLineComment(true));
          collector.flush();
          break;
        case CommentStart.Block:
          collector.startBlockComment();
          collector.append(this.consumeBlockComment(true));
          trailingEndLine = this.line;
          this.skip(WS_NO_NL);
          collector.flush();
          break;
        case CommentStart.Slash:
          return { ok: true, comments: collector.finish() };
        case CommentStart.None:
          if (!this.tryConsume(10)) {
            // The next token is on the same line: no comments.
            const ok = this.next();
            return { ok, comments: collector.finish() };
          }
          break;
      }
    }
    // Now on a line after the previous token.
    for (;;) {
      this.skip(WS_NO_NL);
      switch (this.tryConsumeCommentStart()) {
        case CommentStart.Line:
          collector.startLineComment();
          collector.append(this.consumeLineComment(true));
          break;
        case CommentStart.Block:
          collector.startBlockComment();
          collector.append(this.consumeBlockComment(true));
          // The rest of the line is not a blank line.
          this.skip(WS_NO_NL);
          this.tryConsume(10);
          break;
        case CommentStart.Slash:
          return { ok: true, comments: collector.finish() };
        case CommentStart.None:
          if (this.tryConsume(10)) {
            // A blank line.
            collector.flush();
            collector.detachFromPrev();
          } else {
            const ok = this.next();
            const t = this.tokens.text(this.current);
            // At the end of a scope, a comment cannot lead the next token.
            if (!ok || t === "}" || t === "]" || t === ")") collector.flush();
            // With the previous token (or a trailing comment) on this line, attachment is unclear.
            if (ok && (prevLine === this.line || trailingEndLine === this.line)) collector.maybeDetachComment();
            return { ok, comments: collector.finish() };
          }
          break;
      }
    }
  }

  // ---- characters

  // ---- tokens

  private readToken(): void {
    const line = this.line;
    const column = this.column;
    const start = this.pos;
    const c = this.ch;
    const cls = CLASS[c]!;
    let kind: TokenKind;
    if (cls & LETTER) {
      this.nextChar();
      this.skip(LETTER | DIGIT);
      kind = TokenKind.Identifier;
    } else if (c === 48 /* 0 */) {
      this.nextChar();
      kind = this.consumeNumber(true, false);
    } else if (c === 46 /* . */) {
      this.nextChar();
      if (this.tryConsumeClass(DIGIT)) {
        const p = this.previous;
        const t = this.tokens;
        if (t.kind(p) === TokenKind.Identifier && t.line(p) === line && t.endColumn(p) === column) {
          this.sink(this.line, this.column - 2, "Need space between identifier and decimal point.", "error");
        }
        kind = this.consumeNumber(false, true);
      } else {
        kind = TokenKind.Symbol;
      }
    } else if (cls & DIGIT) {
      this.nextChar();
      kind = this.consumeNumber(false, false);
    } else if (c === 34 || c === 39) {
      this.nextChar();
      this.consumeString(c);
      kind = TokenKind.String;
    } else {
      if (c & 0x80) this.error(`Interpreting non ascii codepoint ${c}.`);
      this.nextChar();
      kind = TokenKind.Symbol;
    }
    this.current = this.tokens.add(kind, this.slice(start), line, column, this.column, start);
  }

  private consumeNumber(startedWithZero: boolean, startedWithDot: boolean): TokenKind {
    let isFloat = false;
    if (startedWithZero && (this.tryConsume(120) || this.tryConsume(88))) {
      if (!(CLASS[this.ch]! & HEX)) this.error('"0x" must be followed by hex digits.');
      else this.skip(HEX);
    } else if (startedWithZero && CLASS[this.ch]! & DIGIT) {
      this.skip(OCTAL);
      if (CLASS[this.ch]! & DIGIT) {
        this.error("Numbers starting with leading zero must be in octal.");
        this.skip(DIGIT);
      }
    } else {
      if (startedWithDot) {
        isFloat = true;
        this.skip(DIGIT);
      } else {
        this.skip(DIGIT);
        if (this.tryConsume(46)) {
          isFloat = true;
          this.skip(DIGIT);
        }
      }
      if (this.tryConsume(101) || this.tryConsume(69)) {
        isFloat = true;
        if (!this.tryConsume(45)) this.tryConsume(43);
        if (!(CLASS[this.ch]! & DIGIT)) this.error('"e" must be followed by exponent.');
        else this.skip(DIGIT);
      }
    }
    if (CLASS[this.ch]! & LETTER) {
      this.error("Need space between number and identifier.");
    } else if (this.ch === 46) {
      this.error(
        isFloat
          ? "Already saw decimal point or exponent; can't have another one."
          : "Hex and octal numbers must be integers.",
      );
    }
    return isFloat ? TokenKind.Float : TokenKind.Integer;
  }

  private consumeString(delimiter: number): void {
    for (;;) {
      const c = this.ch;
      if (c === 0) {
        this.error("Unexpected end of string.");
        return;
      } else if (c === 10) {
        this.error('Multiline strings are not allowed. Did you miss a "?.');
        return;
      } else if (c === 92 /* \ */) {
        this.nextChar();
        if (this.tryConsumeClass(ESCAPE | OCTAL)) {
          // A simple escape, or octal digits (the main loop takes any further ones).
        } else if (this.tryConsume(120) || this.tryConsume(88)) {
          if (!this.tryConsumeClass(HEX)) this.error("Expected hex digits for escape sequence.");
        } else if (this.tryConsume(117)) {
          if (!this.hexDigits(4)) this.error("Expected four hex digits for \\u escape sequence.");
        } else if (this.tryConsume(85)) {
          // protoc's loose check for at most 10ffff: "00", then "0" or "1", then five hex digits.
          const ok =
            this.tryConsume(48) && this.tryConsume(48) && (this.tryConsume(48) || this.tryConsume(49)) && this.hexDigits(5);
          if (!ok) {
            this.error("Expected eight hex digits up to 10ffff for \\U escape sequence");
          }
        } else {
          this.error("Invalid escape sequence in string literal.");
        }
      } else {
        this.nextChar();
        if (c === delimiter) return;
      }
    }
  }

  private hexDigits(n: number): boolean {
    for (let i = 0; i < n; i++) if (!this.tryConsumeClass(HEX)) return false;
    return true;
  }

  // ---- comments

  private tryConsumeCommentStart(): CommentStart {
    if (!this.tryConsume(47 /* / */)) return CommentStart.None;
    if (this.tryConsume(47)) return CommentStart.Line;
    if (this.tryConsume(42 /* * */)) return CommentStart.Block;
    // Just a slash: it is the next token (protoc does not update `previous` here).
    const p = this.pos - 1;
    this.current = this.tokens.add(TokenKind.Symbol, "/", this.line, this.column - 1, this.column, p);
    return CommentStart.Slash;
  }
}

/** Reads all tokens of `source` with next() (comments skipped), for tools and tests. */
export function tokenize(source: Uint8Array, sink: DiagnosticSink = () => {}): TokenTable {
  const lexer = new Lexer(source, sink);
  while (lexer.next()) {
    // every token is appended to lexer.tokens
  }
  return lexer.tokens;
}
