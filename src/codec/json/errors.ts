/** Errors of the JSON codec: each names the JSON path of the value at fault, the problem and, when parsing text, the position. */

/** What kind of problem a JsonError reports, so callers need not match message text. */
export type JsonErrorCode =
  /** The text is not JSON: bad token, trailing garbage, unterminated string, bad escape. */
  | "syntax"
  /** A string holds a lone surrogate, or bytes are not valid UTF-8. */
  | "encoding"
  /** Objects and arrays nest deeper than the limit. */
  | "depth"
  /** The same object key, or the same field under two names, appears twice. */
  | "duplicate"
  /** A key names no field of the message (and unknown fields are not ignored). */
  | "unknown-field"
  /** The JSON type does not fit the field: a string for a bool, an array for a message. */
  | "type"
  /** A number or date is outside the range of its type. */
  | "range"
  /** A value of the right JSON type whose content is invalid: bad base64, unknown enum name, malformed timestamp. */
  | "value"
  /** Two members of one oneof are set. */
  | "oneof"
  /** An Any's type URL or an extension name cannot be resolved. */
  | "unresolved";

/** A problem found while reading or writing JSON. */
export class JsonError extends Error {
  override name = "JsonError";
  constructor(
    readonly code: JsonErrorCode,
    /** Where the value is, as a JSONPath: `$`, `$.field`, `$.list[2]`, `$.map["key"]`. */
    readonly path: string,
    /** The problem alone, without path or position. */
    readonly problem: string,
    /** 1-based line and column in the JSON text, when parsing text. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${path}: ${problem}${line !== undefined ? ` (line ${line}:${column})` : ""}`);
  }
}

/** The 1-based line and column of offset `at` in `text` (columns count UTF-16 code units). */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** The segments of a JSON path from the root: object keys and array indexes. */
export type JsonPathSegments = readonly (string | number)[];

/** Formats path segments as a JSONPath: `$`, `$.field`, `$.list[2]`, `$.map["some key"]`. */
export function formatPath(segments: JsonPathSegments): string {
  let out = "$";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return out;
}
