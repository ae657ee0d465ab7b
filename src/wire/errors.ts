/** An error found while reading or writing the binary wire format; `offset` is the byte position where it was found. */
export class WireError extends Error {
  override name = "WireError";
  constructor(
    message: string,
    /** Byte offset into the input where the problem was found (-1 when writing). */
    readonly offset: number,
  ) {
    super(offset >= 0 ? `${message} at byte ${offset}` : message);
  }
}
