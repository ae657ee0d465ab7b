import { Cursor, isAlphanumeric, isDigit, isHexDigit, isLetter, isOctalDigit, isWhitespace } from "./cursor.js";
import { TextFormatError, type TextErrorCode } from "./errors.js";
import { scanStringLiteral } from "./string-literal.js";

/** What a token is. `url` is a run of URL characters, produced only in URL mode (inside `[…]`). */
export type TokenType = "start" | "end" | "identifier" | "integer" | "float" | "string" | "symbol" | "url";

/** A token with its 0-based position (line, first column, column after it). */
export interface Token {
  readonly type: TokenType;
  /** The source text; for strings, with the quotes and escapes as written. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** For strings: the decoded bytes. */
  readonly bytes?: Uint8Array;
}

/**
 * Splits text-format input into tokens, as protoc's io::Tokenizer does for the text format:
 * `#` comments, floats with an optional `f` suffix, a space required between a number and a
 * following identifier, and no multi-line strings. It knows nothing of protobuf semantics.
 * Errors are thrown as TextFormatError with protoc's messages and positions.
 */
export class Tokenizer {
  private readonly cur: Cursor;
  /** The token being looked at. */
  current: Token;
  /** The token before it. */
  previous: Token;
  /** When set, the next tokens are runs of URL characters or single symbols (for `[type.url/Name]`). */
  urlMode = false;

  constructor(text: string) {
    this.cur = new Cursor(text);
    this.current = this.previous = { type: "start", text: "", line: 0, column: 0, endColumn: 0 };
    this.next();
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
      if (cur.char === 0x23 /* # */) {
        cur.consumeWhile((c) => c !== 0x0a);
        continue;
      }
      break;
    }
    const line = cur.line;
    const column = cur.column;
    const start = cur.pos;
    if (cur.atEnd) {
      this.current = { type: "end", text: "", line, column, endColumn: column };
      return;
    }
    const c = cur.char;
    if (c < 0x20) cur.fail("Invalid control characters encountered in text.");
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
          throw new TextFormatError("Need space between identifier and decimal point.", { line: line + 1, column: column + 1 });
        }
        type = this.number(false, true);
      } else type = "symbol";
    } else if (isDigit(c)) {
      type = this.number(false, false);
    } else if (c === 0x22 || c === 0x27) {
      cur.advance();
      bytes = scanStringLiteral(cur, c);
      type = "string";
    } else type = this.symbol();
    const text = cur.text.slice(start, cur.pos);
    this.current = bytes ? { type, text, line, column, endColumn: cur.column, bytes } : { type, text, line, column, endColumn: cur.column };
  }

  private symbol(): TokenType {
    const cur = this.cur;
    const c = cur.char;
    if (c >= 0x80) {
      // protoc reads bytes: it names the first byte of the character's UTF-8 encoding.
      const cp = cur.text.codePointAt(cur.pos)!;
      const lone = cp >= 0xd800 && cp <= 0xdfff; // encoded as U+FFFD
      const first = cp < 0x800 ? 0xc0 | (cp >> 6) : lone ? 0xef : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18);
      cur.fail(`Interpreting non ascii codepoint ${first}.`);
    }
    cur.advance();
    return "symbol";
  }

  /** Reads the rest of a number whose first character (a digit, or a dot) has been consumed. */
  private number(startedWithZero: boolean, startedWithDot: boolean): TokenType {
    const cur = this.cur;
    let isFloat = false;
    if (startedWithZero && (cur.tryConsume(0x78) || cur.tryConsume(0x58))) {
      if (!isHexDigit(cur.char)) cur.fail('"0x" must be followed by hex digits.');
      cur.consumeWhile(isHexDigit);
    } else if (startedWithZero && isDigit(cur.char)) {
      cur.consumeWhile(isOctalDigit);
      if (isDigit(cur.char)) cur.fail("Numbers starting with leading zero must be in octal.");
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
        if (!isDigit(cur.char)) cur.fail('"e" must be followed by exponent.');
        cur.consumeWhile(isDigit);
      }
      if (cur.tryConsume(0x66) || cur.tryConsume(0x46)) isFloat = true;
    }
    if (isLetter(cur.char)) cur.fail("Need space between number and identifier.");
    if (cur.char === 0x2e) {
      cur.fail(isFloat ? "Already saw decimal point or exponent; can't have another one." : "Hex and octal numbers must be integers.");
    }
    return isFloat ? "float" : "integer";
  }
}

/** Characters of a type URL: letters, digits, `_` and -.~!$&()*+,;=%/ */
function isUrlChar(c: number): boolean {
  return isAlphanumeric(c) || (c < 0x80 && "-.~!$&()*+,;=%/".includes(String.fromCharCode(c)));
}

/** True when `text` is an identifier: a letter or `_`, then letters, digits or `_`. */
export function isIdentifier(text: string): boolean {
  if (text.length === 0 || !isLetter(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isAlphanumeric(text.charCodeAt(i))) return false;
  return true;
}
