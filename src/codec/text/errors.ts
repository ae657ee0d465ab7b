/** A position in text-format input: 1-based line and column (columns count UTF-8 bytes; a tab advances to the next multiple of 8, as protoc counts). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * What kind of mistake a parse error is: malformed text (`syntax`), a name the message does not
 * have (`unknown-field`), a value that does not fit its field (`invalid-value`), a non-repeated
 * field or oneof given twice (`duplicate-field`), or nesting beyond the limit (`too-deep`).
 */
export type TextErrorCode = "syntax" | "unknown-field" | "invalid-value" | "duplicate-field" | "too-deep";

/** Something the parser reports about text-format input, at a 1-based position: an error, or a warning (a deprecated field, a skipped unknown field). */
export interface TextDiagnostic extends TextPosition {
  readonly severity: "error" | "warning";
  /** protoc's wording, without the position. */
  readonly message: string;
}

/**
 * A text-format error, as data: where it is and what is wrong. `message` reads `LINE:COL: reason`,
 * like protoc's `input:LINE:COL: reason`. Printing fails with one too (code `invalid-value`, no
 * position) when a message holds a value its field cannot have.
 */
export class TextFormatError extends Error {
  override readonly name = "TextFormatError";
  /** 1-based line; 0 when the error has no position (e.g. missing required fields). */
  readonly line: number;
  /** 1-based column; 0 when the error has no position. */
  readonly column: number;
  /** The reason without the position. */
  readonly reason: string;
  /** The kind of error, for programs (the reason's wording follows protoc and may change). */
  readonly code: TextErrorCode;
  /**
   * Everything the parser reported before it stopped, in order: warnings, and errors (this one
   * first among them). With the `collectErrors` option there may be several errors, as protoc
   * reports; otherwise this error is the only one.
   */
  readonly diagnostics: readonly TextDiagnostic[];

  constructor(reason: string, at: TextPosition | undefined, code: TextErrorCode = "syntax", diagnostics?: readonly TextDiagnostic[]) {
    super(at ? `${at.line}:${at.column}: ${reason}` : reason);
    this.line = at?.line ?? 0;
    this.column = at?.column ?? 0;
    this.reason = reason;
    this.code = code;
    this.diagnostics = diagnostics ?? [{ severity: "error", line: this.line, column: this.column, message: reason }];
  }
}
