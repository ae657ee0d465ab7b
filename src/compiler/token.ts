/** Tokens of a .proto file, stored column-wise in one growable table per file. */

/** The kinds of token protoc's io::Tokenizer produces. */
export const TokenKind = {
  /** The position before the first token (line 0, column 0). */
  Start: 0,
  /** End of input. */
  End: 1,
  /** A letter or underscore followed by letters, digits and underscores. */
  Identifier: 2,
  /** A decimal, octal (leading 0) or hex (0x) integer. */
  Integer: 3,
  /** A number with a decimal point or exponent. */
  Float: 4,
  /** A quoted string, quotes and escapes included in the text. */
  String: 5,
  /** Any other single byte. */
  Symbol: 6,
  /** A run of spaces and tabs; only while whitespace is reported (aggregate option values). */
  Whitespace: 7,
  /** A newline; only while whitespace is reported. */
  Newline: 8,
} as const;
/** One of the TokenKind values. */
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/**
 * All tokens read from one file, indexed from 0 (the Start token). Positions are 0-based; a token
 * never spans lines, so `line` is both its start and end line. Text is the token's bytes as a
 * Latin-1 string (one char per byte), so ASCII tokens read naturally.
 */
export class TokenTable {
  /** The number of tokens. */
  count = 0;
  private kinds: Uint8Array;
  private lines: Int32Array;
  private columns: Int32Array;
  private endColumns: Int32Array;
  private offsets: Int32Array;
  private texts: string[] = [];

  /** Creates an empty table with room for `capacity` tokens (it grows as needed). */
  constructor(capacity = 256) {
    const n = Math.max(16, capacity);
    this.kinds = new Uint8Array(n);
    this.lines = new Int32Array(n);
    this.columns = new Int32Array(n);
    this.endColumns = new Int32Array(n);
    this.offsets = new Int32Array(n);
  }

  /** Appends a token and returns its index. */
  add(kind: TokenKind, text: string, line: number, column: number, endColumn: number, offset: number): number {
    const i = this.count;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.lines[i] = line;
    this.columns[i] = column;
    this.endColumns[i] = endColumn;
    this.offsets[i] = offset;
    this.texts.push(text);
    this.count = i + 1;
    return i;
  }

  /** The kind of token `i`. */
  kind(i: number): TokenKind {
    return this.kinds[i] as TokenKind;
  }
  /** The text of token `i` (Latin-1: one char per byte). */
  text(i: number): string {
    return this.texts[i]!;
  }
  /** The 0-based line of token `i`. */
  line(i: number): number {
    return this.lines[i]!;
  }
  /** The 0-based start column of token `i`. */
  column(i: number): number {
    return this.columns[i]!;
  }
  /** The 0-based column just past token `i`. */
  endColumn(i: number): number {
    return this.endColumns[i]!;
  }
  /** The byte offset of token `i` in the source. */
  offset(i: number): number {
    return this.offsets[i]!;
  }

  private grow(): void {
    const n = this.kinds.length * 2;
    const k = new Uint8Array(n);
    k.set(this.kinds);
    this.kinds = k;
    this.lines = growInt32(this.lines, n);
    this.columns = growInt32(this.columns, n);
    this.endColumns = growInt32(this.endColumns, n);
    this.offsets = growInt32(this.offsets, n);
  }
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
