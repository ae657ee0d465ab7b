const utf8Lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** protoc's tab stop: a tab advances the column to the next multiple of 8. */
const TAB_WIDTH = 8;

/**
 * A position in text-format input, one byte at a time (protoc reads bytes), with protoc's
 * 0-based line and column: a newline starts a new line, a tab advances to the next multiple of 8,
 * every other byte counts one column.
 */
export class Cursor {
  /** Index into `bytes` of the current byte. */
  pos = 0;
  line = 0;
  column = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** The current byte, or -1 at the end of the input. */
  get char(): number {
    return this.pos < this.bytes.length ? this.bytes[this.pos]! : -1;
  }

  /** The byte after the current one, or -1. */
  get nextChar(): number {
    return this.pos + 1 < this.bytes.length ? this.bytes[this.pos + 1]! : -1;
  }

  /** True at the end of the input. */
  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Moves past the current byte, updating line and column. */
  advance(): void {
    const c = this.bytes[this.pos++];
    if (c === 0x0a) {
      this.line++;
      this.column = 0;
    } else if (c === 0x09) this.column += TAB_WIDTH - (this.column % TAB_WIDTH);
    else this.column++;
  }

  /** Consumes the current byte if it is `c`. */
  tryConsume(c: number): boolean {
    if (this.char !== c) return false;
    this.advance();
    return true;
  }

  /** Consumes the current byte if `test` accepts it. */
  tryConsumeIf(test: (c: number) => boolean): boolean {
    const c = this.char;
    if (c < 0 || !test(c)) return false;
    this.advance();
    return true;
  }

  /** Consumes bytes while `test` accepts them. */
  consumeWhile(test: (c: number) => boolean): void {
    for (let c = this.char; c >= 0 && test(c); c = this.char) this.advance();
  }

  /** The input from `start` to the current byte as a string (decoded as UTF-8, invalid bytes as U+FFFD). */
  textFrom(start: number): string {
    if (this.pos - start > 16) return utf8Lenient.decode(this.bytes.subarray(start, this.pos));
    let s = "";
    for (let i = start; i < this.pos; i++) {
      const b = this.bytes[i]!;
      if (b >= 0x80) return utf8Lenient.decode(this.bytes.subarray(start, this.pos));
      s += String.fromCharCode(b);
    }
    return s;
  }
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
