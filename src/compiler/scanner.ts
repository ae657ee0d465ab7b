/**
 * Character-level reading for the tokenizer: the current byte, line and column (0-based; columns
 * count bytes, a tab advances to the next multiple of 8), and comment bodies, as protoc's
 * io::Tokenizer reads them.
 */
import { utf8Decode } from "../wire/index.js";
import { CLASS, latin1, NON_ASCII, WS_NO_NL } from "./chars.js";
import type { DiagnosticSink } from "./diagnostic.js";

/** Reads bytes one at a time, tracking position; the Lexer builds tokens on top. */
export class Scanner {
  /** The 0-based line of the next unread byte. */
  line = 0;
  /** The 0-based column of the next unread byte. */
  column = 0;

  protected readonly buf: Uint8Array;
  /** The source as a Latin-1 string (one char per byte): token texts are slices of it. */
  protected readonly src: string;
  protected readonly len: number;
  protected pos = 0;
  /** The byte at `pos`, or 0 at the end. */
  protected ch: number;
  /** Where recording of comment text started, or -1. */
  private recordStart = -1;
  private recorded = "";

  constructor(
    source: Uint8Array,
    /** Receives errors as they are found. */
    protected readonly sink: DiagnosticSink,
  ) {
    this.buf = source;
    this.src = latin1(source, 0, source.length);
    this.len = source.length;
    this.ch = this.len > 0 ? source[0]! : 0;
  }

  /** Consumes the current byte, updating line and column. */
  protected nextChar(): void {
    const c = this.ch;
    if (c === 10) {
      this.line++;
      this.column = 0;
    } else if (c === 9) {
      this.column += 8 - (this.column & 7);
    } else {
      this.column++;
    }
    this.ch = ++this.pos < this.len ? this.buf[this.pos]! : 0;
  }

  /** Consumes the current byte if it is `c`. */
  protected tryConsume(c: number): boolean {
    if (this.ch !== c || this.pos >= this.len) return false;
    this.nextChar();
    return true;
  }

  /** Consumes the current byte if it is in class `cls`. */
  protected tryConsumeClass(cls: number): boolean {
    if (!(CLASS[this.ch]! & cls)) return false;
    this.nextChar();
    return true;
  }

  /** Consumes bytes while they are in class `cls`. */
  protected skip(cls: number): void {
    while (CLASS[this.ch]! & cls) this.nextChar();
  }

  /** Reports an error at the current position. */
  protected error(message: string): void {
    this.sink(this.line, this.column, message, "error");
  }

  /** The source bytes from `start` to the current position, as a Latin-1 string. */
  protected slice(start: number): string {
    return this.src.slice(start, this.pos);
  }

  private startRecording(): void {
    this.recordStart = this.pos;
  }

  private stopRecording(): void {
    const start = this.recordStart;
    if (this.pos !== start) {
      const text = this.src.slice(start, this.pos);
      this.recorded += NON_ASCII.test(text) ? utf8Decode(this.buf, start, this.pos, false)! : text;
    }
    this.recordStart = -1;
  }

  private takeRecorded(): string {
    const s = this.recorded;
    this.recorded = "";
    return s;
  }

  /** Consumes a `//` comment through its newline; returns its text when `record`. */
  protected consumeLineComment(record: boolean): string {
    if (record) this.startRecording();
    // A tight loop: only the column changes until the newline (or a NUL, or the end).
    const buf = this.buf;
    let pos = this.pos;
    let column = this.column;
    let c = this.ch;
    while (c !== 0 && c !== 10) {
      column = c === 9 ? column + 8 - (column & 7) : column + 1;
      c = ++pos < this.len ? buf[pos]! : 0;
    }
    this.pos = pos;
    this.column = column;
    this.ch = c;
    this.tryConsume(10);
    if (!record) return "";
    this.stopRecording();
    return this.takeRecorded();
  }

  /**
   * Consumes a block comment after its `/*`; returns its text when `record`, with each
   * continuation line's leading whitespace and one `*` removed, as protoc does.
   */
  protected consumeBlockComment(record: boolean): string {
    const startLine = this.line;
    const startColumn = this.column - 2;
    if (record) this.startRecording();
    for (;;) {
      while (this.ch !== 0 && this.ch !== 42 && this.ch !== 47 && this.ch !== 10) this.nextChar();
      if (this.tryConsume(10)) {
        if (record) this.stopRecording();
        this.skip(WS_NO_NL);
        if (this.tryConsume(42) && this.tryConsume(47)) break;
        if (record) this.startRecording();
      } else if (this.tryConsume(42) && this.tryConsume(47)) {
        if (record) {
          this.stopRecording();
          this.recorded = this.recorded.slice(0, -2); // the closing "*/"
        }
        break;
      } else if (this.tryConsume(47) && this.ch === 42) {
        this.error('"/*" inside block comment.  Block comments cannot be nested.');
      } else if (this.ch === 0) {
        this.error("End-of-file inside block comment.");
        this.sink(startLine, startColumn, "  Comment started here.", "error");
        if (record) this.stopRecording();
        break;
      }
    }
    return record ? this.takeRecorded() : "";
  }
}
