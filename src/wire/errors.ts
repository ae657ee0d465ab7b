/** What went wrong, for code that must tell errors apart without reading messages. */
export type WireErrorCode =
  | "truncated" // the input ends inside a value
  | "varint-too-long" // a varint of more than ten bytes
  | "invalid-tag" // field number 0 or too large, or wire type 6 or 7
  | "invalid-length" // a length beyond the input or 2 GiB
  | "invalid-group" // an end-group tag without its start, or a missing end
  | "invalid-utf8" // a string field that must be UTF-8 is not
  | "too-deep" // messages or groups nested past the limit
  | "invalid-value" // a value its type cannot hold (an int32 of 2^40, a negative uint64, 1.5 as an integer)
  | "misuse"; // the writer used wrongly (join without fork, …)

/** An error found while reading or writing the binary wire format; `offset` is the byte position where it was found. */
export class WireError extends Error {
  override name = "WireError";
  constructor(
    message: string,
    /** Byte offset into the input where the problem was found (-1 when writing). */
    readonly offset: number,
    /** The kind of problem. */
    readonly code: WireErrorCode,
    /** For field-specific problems (invalid UTF-8): the field's full name, e.g. "pkg.Msg.name". */
    readonly field?: string,
  ) {
    super(offset >= 0 ? `${message} at byte ${offset}` : message);
  }
}
