import { TextFormatError } from "./errors.js";

/** protoc's tab stop: a tab advances the column to the next multiple of 8. */
const TAB_WIDTH = 8;

/**
 * A position in a string of text-format input, one character at a time, with protoc's 0-based
 * line and column (columns count UTF-8 bytes, as protoc reads bytes).
 */
export class Cursor {
  /** Index into `text` of the current character. */
  pos = 0;
  line = 0;
  column = 0;

  constructor(readonly text: string) {}

  /** The current character's UTF-16 code unit, or -1 at the end of the input. */
  get char(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  /** True at the end of the input. */
  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Moves past the current character (a surrogate pair counts as one), updating line and column. */
  advance(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x0a) {
      this.line++;
      this.column = 0;
      this.pos++;
      return;
    }
    if (c === 0x09) this.column += TAB_WIDTH - (this.column % TAB_WIDTH);
    else if (c < 0x80) this.column += 1;
    else if (c < 0x800) this.column += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(this.text.charCodeAt(this.pos + 1))) {
      this.column += 4;
      this.pos += 2;
      return;
    } else this.column += 3;
    this.pos++;
  }

  /** Consumes the current character if it is `c`. */
  tryConsume(c: number): boolean {
    if (this.char !== c) return false;
    this.advance();
    return true;
  }

  /** Consumes the current character if `test` accepts it. */
  tryConsumeIf(test: (c: number) => boolean): boolean {
    const c = this.char;
    if (c < 0 || !test(c)) return false;
    this.advance();
    return true;
  }

  /** Consumes characters while `test` accepts them. */
  consumeWhile(test: (c: number) => boolean): void {
    for (let c = this.char; c >= 0 && test(c); c = this.char) this.advance();
  }

  /** Throws a TextFormatError at the cursor's position. */
  fail(reason: string): never {
    throw new TextFormatError(reason, { line: this.line + 1, column: this.column + 1 });
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** [0-9] */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** [0-7] */
export function isOctalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/** [0-9a-fA-F] */
export function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** [a-zA-Z_]: a character that may start an identifier. */
export function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** [a-zA-Z0-9_] */
export function isAlphanumeric(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

/** ASCII whitespace as protoc defines it: space, \t, \n, \v, \f, \r. */
export function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** The value of a hex digit. */
export function hexValue(c: number): number {
  if (c <= 0x39) return c - 0x30;
  return (c | 0x20) - 0x61 + 10;
}
