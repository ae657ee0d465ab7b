import { utf8Encode } from "../../wire/utf8.js";
import { Cursor, isAlphanumeric, isDigit, isHexDigit, isLetter, isOctalDigit, isWhitespace } from "./cursor.js";
import { TextFormatError, type TextErrorCode } from "./errors.js";
import { scanStringLiteral, type StringLiteralContext } from "./string-literal.js";

/** What a token is. `url` is a run of URL characters, produced only in URL mode (inside `[…]`). */
export type TokenType = "start" | "end" | "identifier" | "integer" | "float" | "string" | "symbol" | "url";

/** A token with its 0-based position (line, first column, column after it). */
export interface Token {
  readonly type: TokenType;
  /** The source text; for strings, with the quotes and escapes as written. Read as UTF-8 (invalid bytes as U+FFFD). */
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** For strings: the decoded bytes. */
  readonly bytes?: Uint8Array;
}

/** How the tokenizer reports its errors (0-based positions); it goes on reading if this returns. */
export type TokenizerErrorHandler = (reason: string, line: number, column: number) => void;

/** Options of the tokenizer. */
export interface TokenizerOptions {
  /** Where errors go; by default they are thrown as TextFormatError. */
  readonly onError?: TokenizerErrorHandler;
  /** protoc's leniency in string literals (see StringLiteralContext.lenient). Default false. */
  readonly lenientStrings?: boolean;
}

const throwError: TokenizerErrorHandler = (reason, line, column) => {
  throw new TextFormatError(reason, { line: line + 1, column: column + 1 });
};

/**
 * Splits text-format input into tokens, as protoc's io::Tokenizer does for the text format:
 * `#` comments, floats with an optional `f` suffix, a space required between a number and a
 * following identifier, and no multi-line strings. It knows nothing of protobuf semantics.
 * It reads bytes (a string is read as its UTF-8). Errors carry protoc's messages and positions;
 * when the error handler returns, reading goes on exactly as protoc's tokenizer goes on.
 */
export class Tokenizer implements StringLiteralContext {
  private readonly cur: Cursor;
  private readonly onError: TokenizerErrorHandler;
  readonly lenient: boolean;
  /** The token being looked at. */
  current: Token;
  /** The token before it. */
  previous: Token;
  /** When set, the next tokens are runs of URL characters or single symbols (for `[type.url/Name]`). */
  urlMode = false;

  constructor(input: string | Uint8Array, options?: TokenizerOptions) {
    this.cur = new Cursor(typeof input === "string" ? utf8Encode(input) : input);
    this.onError = options?.onError ?? throwError;
    this.lenient = options?.lenientStrings ?? false;
    this.current = this.previous = { type: "start", text: "", line: 0, column: 0, endColumn: 0 };
    this.next();
  }

  /** Reports a tokenizer error (0-based position). */
  error(reason: string, line: number, column: number): void {
    this.onError(reason, line, column);
  }

  /** Throws a TextFormatError at the current token. */
  fail(reason: string, code?: TextErrorCode): never {
    throw new TextFormatError(reason, { line: this.current.line + 1, column: this.current.column + 1 }, code);
  }

  /**
   * Throws a TextFormatError just after the previous token: where protoc reports errors found
   * right after a token that may be followed by whitespace (it sees that whitespace as a token).
   */
  failAfterPrevious(reason: string, code?: TextErrorCode): never {
    throw new TextFormatError(reason, { line: this.previous.line + 1, column: this.previous.endColumn + 1 }, code);
  }

  /** True when the current token's text is `text`. */
  lookingAt(text: string): boolean {
    return this.current.text === text && this.current.type !== "string";
  }

  /** Consumes the current token if its text is `text`. */
  tryConsume(text: string): boolean {
    if (!this.lookingAt(text)) return false;
    this.next();
    return true;
  }

  /** Consumes the current token, which must be `text`. */
  consume(text: string): void {
    if (!this.tryConsume(text)) this.fail(`Expected "${text}", found "${this.current.text}".`);
  }

  /** Moves to the next token. */
  next(): void {
    this.previous = this.current;
    const cur = this.cur;
    for (;;) {
      cur.consumeWhile(isWhitespace);
      if (cur.atEnd) {
        this.current = { type: "end", text: "", line: cur.line, column: cur.column, endColumn: cur.column };
        return;
      }
      const c = cur.char;
      if (c === 0x23 /* # */) {
        // A comment ends at a newline, or at a NUL (which protoc then reads as a control character).
        cur.consumeWhile((b) => b !== 0x0a && b !== 0);
        continue;
      }
      if (c < 0x20) {
        // Control characters (NUL included) are skipped after one error, with any that follow (whitespace too).
        this.error("Invalid control characters encountered in text.", cur.line, cur.column);
        cur.advance();
        cur.consumeWhile((b) => b < 0x20);
        continue;
      }
      break;
    }
    const line = cur.line;
    const column = cur.column;
    const start = cur.pos;
    const c = cur.char;
    let type: TokenType;
    let bytes: Uint8Array | undefined;
    if (this.urlMode) {
      if (isUrlChar(c)) {
        cur.consumeWhile(isUrlChar);
        type = "url";
      } else type = this.symbol();
    } else if (isLetter(c)) {
      cur.consumeWhile(isAlphanumeric);
      type = "identifier";
    } else if (c === 0x30 /* 0 */) {
      cur.advance();
      type = this.number(true, false);
    } else if (c === 0x2e /* . */) {
      cur.advance();
      if (isDigit(cur.char)) {
        const p = this.current;
        if (p.type === "identifier" && p.line === line && p.endColumn === column) {
          this.error("Need space between identifier and decimal point.", line, column);
        }
        cur.advance();
        type = this.number(false, true);
      } else type = "symbol";
    } else if (isDigit(c)) {
      cur.advance();
      type = this.number(false, false);
    } else if (c === 0x22 || c === 0x27) {
      cur.advance();
      bytes = scanStringLiteral(cur, c, this);
      type = "string";
    } else type = this.symbol();
    const text = cur.textFrom(start);
    this.current = bytes ? { type, text, line, column, endColumn: cur.column, bytes } : { type, text, line, column, endColumn: cur.column };
  }

  private symbol(): TokenType {
    const cur = this.cur;
    const c = cur.char;
    // protoc reads bytes: each byte of a character beyond ASCII is a symbol of its own.
    if (c >= 0x80) this.error(`Interpreting non ascii codepoint ${c}.`, cur.line, cur.column);
    cur.advance();
    return "symbol";
  }

  /** Reads the rest of a number whose first character (a digit, or a dot and a digit) has been consumed. */
  private number(startedWithZero: boolean, startedWithDot: boolean): TokenType {
    const cur = this.cur;
    let isFloat = false;
    if (startedWithZero && (cur.tryConsume(0x78) || cur.tryConsume(0x58))) {
      this.consumeOneOrMore(isHexDigit, '"0x" must be followed by hex digits.');
    } else if (startedWithZero && isDigit(cur.char)) {
      cur.consumeWhile(isOctalDigit);
      if (isDigit(cur.char)) {
        this.error("Numbers starting with leading zero must be in octal.", cur.line, cur.column);
        cur.consumeWhile(isDigit);
      }
    } else {
      if (startedWithDot) isFloat = true;
      cur.consumeWhile(isDigit);
      if (!startedWithDot && cur.tryConsume(0x2e)) {
        isFloat = true;
        cur.consumeWhile(isDigit);
      }
      if (cur.tryConsume(0x65) || cur.tryConsume(0x45)) {
        isFloat = true;
        if (!cur.tryConsume(0x2d)) cur.tryConsume(0x2b);
        this.consumeOneOrMore(isDigit, '"e" must be followed by exponent.');
      }
      if (cur.tryConsume(0x66) || cur.tryConsume(0x46)) isFloat = true;
    }
    if (isLetter(cur.char)) this.error("Need space between number and identifier.", cur.line, cur.column);
    else if (cur.char === 0x2e) {
      const reason = isFloat ? "Already saw decimal point or exponent; can't have another one." : "Hex and octal numbers must be integers.";
      this.error(reason, cur.line, cur.column);
    }
    return isFloat ? "float" : "integer";
  }

  private consumeOneOrMore(test: (c: number) => boolean, reason: string): void {
    const cur = this.cur;
    if (!test(cur.char)) this.error(reason, cur.line, cur.column);
    else cur.consumeWhile(test);
  }
}

/** Characters of a type URL: letters, digits, `_` and -.~!$&()*+,;=%/ */
function isUrlChar(c: number): boolean {
  return isAlphanumeric(c) || (c >= 0 && c < 0x80 && "-.~!$&()*+,;=%/".includes(String.fromCharCode(c)));
}

/** True when `text` is an identifier: a letter or `_`, then letters, digits or `_`. */
export function isIdentifier(text: string): boolean {
  if (text.length === 0 || !isLetter(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isAlphanumeric(text.charCodeAt(i))) return false;
  return true;
}
