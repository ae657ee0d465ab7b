import { WireError } from "./errors.js";
import { WireType } from "./wire-type.js";
import { utf8Decode, utf8DecodeEscaped } from "./utf8.js";
import { joinInt64, joinUint64, joinZigzag64 } from "./int64.js";
import { zigzagDecode32 } from "./zigzag.js";
import { copyBytes } from "./alloc.js";

/** By default, bytes values of 4 KiB or more are read as views into the input (see viewBytesFrom). */
export const VIEW_BYTES_FROM = 4096;

/** The bigints 0..127: one-byte varints read as 64-bit values need no new bigint. */
const SMALL_BIGINTS: readonly bigint[] = Array.from({ length: 128 }, (_, i) => BigInt(i));

// Floating-point values are assembled as 32-bit words (host byte order) in a scratch buffer: a
// DataView would be faster per value, but making one for each input costs more than it saves.
const scratch = new ArrayBuffer(8);
const scratch32 = new Int32Array(scratch);
const scratchFloat32 = new Float32Array(scratch);
const scratchFloat64 = new Float64Array(scratch);
/** The index in `scratch32` of the low word of a double. */
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** Whether typed arrays hold numbers little-endian, as the wire format does. */
const HOST_LITTLE_ENDIAN = LO === 0;
/** packed64()'s aligned copy of up to WIDE_VALUES fixed64 values, read as 64-bit elements. */
const WIDE_VALUES = 64;
const wideScratch = new ArrayBuffer(8 * WIDE_VALUES);
const wideBytes = new Uint8Array(wideScratch);
const wideInt64 = new BigInt64Array(wideScratch);
const wideUint64 = new BigUint64Array(wideScratch);
/** Fewer values than this are not worth the copy. */
const MIN_WIDE_RUN = 6;

/** The little-endian 32-bit word at `b[p]`, as a signed number (`>>> 0` for unsigned). */
function word32(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
}

/** How deep groups may nest while a group is skipped. */
export const DEFAULT_SKIP_DEPTH = 100;

/**
 * Reads the binary wire format from a byte array. Every read checks bounds and throws a
 * WireError naming the byte offset; no length in the input can make it allocate more than the input.
 */
export class BinaryReader {
  /** The current position. */
  pos: number;
  /** The end of the readable range; narrowed while reading a length-delimited value. */
  end: number;
  /** Set by tag(): the field number and wire type of the field just read. */
  fieldNo = 0;
  wireType: WireType = 0;
  /**
   * bytes() returns values of this many bytes or more as views into the input, smaller ones as
   * copies. A large copy costs as much as decoding the rest of a message (fresh memory is
   * allocated and touched), and a view of a large value keeps little else of the input alive.
   * 0: every value a view; Infinity: every value a copy.
   */
  viewBytesFrom = VIEW_BYTES_FROM;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** True when the whole readable range has been read. */
  get done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * Reads a tag, sets fieldNo and wireType, and returns the field number. Rejects field number 0
   * and wire types 6 and 7. As protoc does, a tag may take up to five bytes, of which the low 32
   * bits count; a longer one is an error.
   */
  tag(): number {
    const at = this.pos;
    const t = this.rawTag();
    return this.checkTag(t, at);
  }

  /**
   * Reads a tag and returns it unchecked as (field number << 3 | wire type), for decoders that
   * switch on expected tags and validate the rest with checkTag(). Only the low 32 bits of a
   * five-byte tag count (as in protoc); a tag of more than five bytes is an error.
   */
  rawTag(): number {
    // The one-byte case (field numbers 1 to 15) here; longer tags in a method of their own, which
    // keeps this one small enough for the optimizing compiler to inline into every decoder (it
    // inlines only so much code into one function).
    const pos = this.pos;
    if (pos < this.end) {
      const b0 = this.buf[pos]!;
      if (b0 < 0x80) {
        this.pos = pos + 1;
        return b0;
      }
    }
    return this.rawTagLong();
  }

  /** rawTag() of more than one byte. */
  private rawTagLong(): number {
    const buf = this.buf;
    const pos = this.pos;
    if (pos + 1 < this.end) {
      const b1 = buf[pos + 1]!;
      if (b1 < 0x80) {
        this.pos = pos + 2;
        return (buf[pos]! & 0x7f) | (b1 << 7);
      }
    }
    const t = this.varint32();
    if (this.pos - pos > 5) throw new WireError("tag is longer than 5 bytes", pos, "invalid-tag");
    return t;
  }

  /** Validates a tag read by rawTag() at `at`, sets fieldNo and wireType, and returns the field number. */
  checkTag(tag: number, at: number): number {
    const fieldNo = tag >>> 3;
    const wt = tag & 7;
    if (fieldNo === 0) throw new WireError("invalid field number 0", at, "invalid-tag");
    if (wt > 5) throw new WireError(`invalid wire type ${wt}`, at, "invalid-tag");
    this.fieldNo = fieldNo;
    this.wireType = wt as WireType;
    return fieldNo;
  }

  /**
   * Reads a varint and returns its low 32 bits as an unsigned number. A varint may take up to
   * ten bytes (negative int32 values are sign-extended to 64 bits); an eleventh is an error.
   */
  varint32(): number {
    const buf = this.buf;
    const pos = this.pos;
    if (pos < this.end && buf[pos]! < 0x80) {
      this.pos = pos + 1;
      return buf[pos]!;
    }
    return this.varint32Long();
  }

  /**
   * varint32() of more than one byte. Kept small, as varint32() is (the rarer cases are methods of
   * their own), so that the optimizing compiler inlines both into the decoders: it inlines only so
   * much code into one function.
   */
  private varint32Long(): number {
    const buf = this.buf;
    const pos = this.pos;
    if (this.end - pos < 5) return this.varint32Checked();
    // Five bytes are there: no bounds checks.
    let result = buf[pos]! & 0x7f;
    let b = buf[pos + 1]!;
    result |= (b & 0x7f) << 7;
    let n = 2;
    if (b >= 0x80) {
      b = buf[pos + 2]!;
      result |= (b & 0x7f) << 14;
      n = 3;
      if (b >= 0x80) {
        b = buf[pos + 3]!;
        result |= (b & 0x7f) << 21;
        n = 4;
        if (b >= 0x80) {
          b = buf[pos + 4]!;
          result |= b << 28;
          if (b >= 0x80) return this.varint32Tail(pos + 5, result);
          n = 5;
        }
      }
    }
    this.pos = pos + n;
    return result >>> 0;
  }

  /** The sixth to tenth bytes of a varint read as 32 bits (a negative int32): they add no bits, but one must end it. */
  private varint32Tail(pos: number, result: number): number {
    const start = pos - 5;
    const buf = this.buf;
    const stop = Math.min(this.end, pos + 5);
    while (pos < stop) {
      if (buf[pos++]! < 0x80) {
        this.pos = pos;
        return result >>> 0;
      }
    }
    if (pos === start + 10) throw new WireError("varint is longer than 10 bytes", start, "varint-too-long");
    throw new WireError("truncated varint", start, "truncated");
  }

  /** varint32() with fewer than five bytes left: each byte's bounds checked. */
  private varint32Checked(): number {
    const buf = this.buf;
    let pos = this.pos;
    const start = pos;
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= this.end) throw new WireError("truncated varint", start, "truncated");
      const b = buf[pos++]!;
      result |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return result >>> 0;
      }
    }
    // Not reached: fewer than five bytes were left.
    throw new WireError("truncated varint", start, "truncated");
  }

  /** Reads a varint as an unsigned 64-bit bigint. */
  varint64(): bigint {
    this.varint64Parts();
    return joinUint64(this.lo, this.hi);
  }

  /** The halves of the last 64-bit value read by varint64Parts(). */
  private lo = 0;
  private hi = 0;

  /** Reads a varint into this.lo and this.hi (unsigned 32-bit halves). */
  private varint64Parts(): void {
    const buf = this.buf;
    let pos = this.pos;
    const start = pos;
    if (this.end - pos >= 10) {
      // Ten bytes are there: no bounds checks. Four bytes fill 28 bits of the low half, the fifth
      // the rest of it and 3 bits of the high half, the next five the high half.
      let b = buf[pos++]!;
      let lo = b & 0x7f;
      let hi = 0;
      if (b >= 0x80) {
        b = buf[pos++]!;
        lo |= (b & 0x7f) << 7;
        if (b >= 0x80) {
          b = buf[pos++]!;
          lo |= (b & 0x7f) << 14;
          if (b >= 0x80) {
            b = buf[pos++]!;
            lo |= (b & 0x7f) << 21;
            if (b >= 0x80) {
              b = buf[pos++]!;
              lo |= (b & 0x7f) << 28;
              hi = (b & 0x7f) >>> 4;
              if (b >= 0x80) {
                let shift = 3;
                for (;;) {
                  b = buf[pos++]!;
                  hi |= (b & 0x7f) << shift;
                  if (b < 0x80) break;
                  shift += 7;
                  if (shift > 31) throw new WireError("varint is longer than 10 bytes", start, "varint-too-long");
                }
              }
            }
          }
        }
      }
      this.pos = pos;
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
      return;
    }
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= this.end) throw new WireError("truncated varint", start, "truncated");
      const b = buf[pos++]!;
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= bits << 28;
        hi |= bits >>> 4;
      } else hi |= bits << (7 * i - 32);
      if (b < 0x80) {
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    throw new WireError("varint is longer than 10 bytes", start, "varint-too-long");
  }

  /** Re-reads, as 64 bits, the varint at `at` that varint32() has just read; the position is kept. */
  private varint64At(at: number): bigint {
    const pos = this.pos;
    this.pos = at;
    const v = this.varint64();
    this.pos = pos;
    return v;
  }

  uint32(): number {
    return this.varint32();
  }

  int32(): number {
    return this.varint32() | 0;
  }

  sint32(): number {
    return zigzagDecode32(this.varint32());
  }

  uint64(): bigint {
    const pos = this.pos;
    if (pos < this.end && this.buf[pos]! < 0x80) {
      this.pos = pos + 1;
      return SMALL_BIGINTS[this.buf[pos]!]!;
    }
    return this.varint64();
  }

  int64(): bigint {
    const pos = this.pos;
    if (pos < this.end && this.buf[pos]! < 0x80) {
      this.pos = pos + 1;
      return SMALL_BIGINTS[this.buf[pos]!]!;
    }
    this.varint64Parts();
    return joinInt64(this.lo, this.hi);
  }

  sint64(): bigint {
    this.varint64Parts();
    return joinZigzag64(this.lo, this.hi);
  }

  /** Reads a bool; any non-zero varint is true. */
  bool(): boolean {
    const buf = this.buf;
    const pos = this.pos;
    if (pos < this.end && buf[pos]! < 0x80) {
      this.pos = pos + 1;
      return buf[pos] !== 0;
    }
    return this.varint64() !== 0n;
  }

  private need(n: number): number {
    const pos = this.pos;
    if (this.end - pos < n) this.truncated(n);
    this.pos = pos + n;
    return pos;
  }

  /** The error of need(): kept out of it, so that every fixed-size read stays small to inline. */
  private truncated(n: number): never {
    throw new WireError(`truncated: need ${n} bytes, ${this.end - this.pos} left`, this.pos, "truncated");
  }

  fixed32(): number {
    const p = this.need(4);
    const b = this.buf;
    return word32(b, p) >>> 0;
  }

  sfixed32(): number {
    return this.fixed32() | 0;
  }

  fixed64(): bigint {
    this.fixed64Parts();
    return joinUint64(this.lo, this.hi);
  }

  sfixed64(): bigint {
    this.fixed64Parts();
    return joinInt64(this.lo, this.hi);
  }

  private fixed64Parts(): void {
    const p = this.need(8);
    const b = this.buf;
    this.lo = word32(b, p) >>> 0;
    this.hi = word32(b, p + 4) >>> 0;
  }

  float(): number {
    const p = this.need(4);
    const b = this.buf;
    scratch32[0] = word32(b, p);
    return scratchFloat32[0]!;
  }

  double(): number {
    const p = this.need(8);
    const b = this.buf;
    scratch32[LO] = word32(b, p);
    scratch32[HI] = word32(b, p + 4);
    return scratchFloat64[0]!;
  }

  // Packed repeated fields: each reads the length prefix, then appends every value to `list`.
  // Well-formed values are read in a tight loop; anything else goes through the single-value
  // reader, within the packed value's bounds, for the same errors at the same offsets.

  /** Reads a packed value's length and narrows `end` to the value; returns the end to restore. */
  private packedStart(): number {
    const outer = this.end;
    const len = this.length();
    this.end = this.pos + len;
    return outer;
  }

  packedDouble(list: number[]): void {
    const outer = this.packedStart();
    const b = this.buf;
    const e = this.end;
    let p = this.pos;
    for (; p + 8 <= e; p += 8) {
      scratch32[LO] = word32(b, p);
      scratch32[HI] = word32(b, p + 4);
      list.push(scratchFloat64[0]!);
    }
    this.pos = p;
    if (p < e) this.double(); // a truncated last value: throws
    this.end = outer;
  }

  packedFloat(list: number[]): void {
    const outer = this.packedStart();
    const b = this.buf;
    const e = this.end;
    let p = this.pos;
    for (; p + 4 <= e; p += 4) {
      scratch32[0] = word32(b, p);
      list.push(scratchFloat32[0]!);
    }
    this.pos = p;
    if (p < e) this.float();
    this.end = outer;
  }

  // fixed32 and sfixed32 (and int32, uint32, sint32 below) have loops of their own: their lists
  // hold different kinds of numbers (uint32 values may not be small integers), and one push site
  // serving several kinds of array would be slower for all.

  packedFixed32(list: number[]): void {
    const outer = this.packedStart();
    const b = this.buf;
    const e = this.end;
    let p = this.pos;
    for (; p + 4 <= e; p += 4) list.push(word32(b, p) >>> 0);
    this.pos = p;
    if (p < e) this.fixed32();
    this.end = outer;
  }

  packedSfixed32(list: number[]): void {
    const outer = this.packedStart();
    const b = this.buf;
    const e = this.end;
    let p = this.pos;
    for (; p + 4 <= e; p += 4) list.push(word32(b, p));
    this.pos = p;
    if (p < e) this.fixed32();
    this.end = outer;
  }

  packedFixed64(list: bigint[]): void {
    this.packed64(list, false);
  }

  packedSfixed64(list: bigint[]): void {
    this.packed64(list, true);
  }

  private packed64(list: bigint[], signed: boolean): void {
    const outer = this.packedStart();
    const b = this.buf;
    const e = this.end;
    let p = this.pos;
    // On a little-endian host, runs of values are copied into an aligned buffer and read from its
    // 64-bit view: a third faster a value than assembling each from two words, for a cost a run.
    if (HOST_LITTLE_ENDIAN) {
      for (let n = (e - p) >>> 3; n >= MIN_WIDE_RUN; n = (e - p) >>> 3) {
        const run = n < WIDE_VALUES ? n : WIDE_VALUES;
        wideBytes.set(b.subarray(p, p + 8 * run));
        if (signed) for (let k = 0; k < run; k++) list.push(wideInt64[k]!);
        else for (let k = 0; k < run; k++) list.push(wideUint64[k]!);
        p += 8 * run;
      }
    }
    for (; p + 8 <= e; p += 8) {
      const lo = word32(b, p) >>> 0;
      const hi = word32(b, p + 4) >>> 0;
      list.push(signed ? joinInt64(lo, hi) : joinUint64(lo, hi));
    }
    this.pos = p;
    if (p < e) this.fixed64();
    this.end = outer;
  }

  // Varints: the single-value readers, whose one-byte case is inlined, in a loop of each type's own.

  packedBool(list: boolean[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.bool());
    this.end = outer;
  }

  packedInt32(list: number[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.int32());
    this.end = outer;
  }

  packedUint32(list: number[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.uint32());
    this.end = outer;
  }

  packedSint32(list: number[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.sint32());
    this.end = outer;
  }

  packedInt64(list: bigint[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.int64());
    this.end = outer;
  }

  packedUint64(list: bigint[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.uint64());
    this.end = outer;
  }

  packedSint64(list: bigint[]): void {
    const outer = this.packedStart();
    while (this.pos < this.end) list.push(this.sint64());
    this.end = outer;
  }

  /** Reads a length prefix and checks that that many bytes remain; returns the length. */
  length(): number {
    // A one-byte length that fits inline; the rest in lengthLong() (small enough to inline, as rawTag()).
    const pos = this.pos;
    if (pos < this.end) {
      const len = this.buf[pos]!;
      if (len < 0x80 && len < this.end - pos) {
        this.pos = pos + 1;
        return len;
      }
    }
    return this.lengthLong();
  }

  /** length() of a prefix of more than one byte, or one that exceeds what is left. */
  private lengthLong(): number {
    const at = this.pos;
    let len = this.varint32();
    // varint32() keeps only the low 32 bits: a longer length must not be taken for its low bits.
    if (this.pos - at > 4) len = Number(this.varint64At(at));
    // A length is an unsigned 32-bit value; lengths of 2 GiB and more are invalid (protobuf limits messages to 2 GiB).
    if (len > 0x7fffffff || len > this.end - this.pos) {
      throw new WireError(`length ${len} exceeds the ${this.end - this.pos} bytes left`, at, "invalid-length");
    }
    return len;
  }

  /** Reads a length-delimited value and returns a view of its bytes (no copy). */
  bytesView(): Uint8Array {
    const len = this.length();
    const start = this.pos;
    this.pos += len;
    return this.buf.subarray(start, start + len);
  }

  /**
   * Reads a length-delimited value and returns its bytes: a copy, or, from viewBytesFrom bytes on,
   * a view into the input (always a plain Uint8Array, even when the input is a Node Buffer). Small
   * copies share a pooled buffer (see alloc.ts), as Node's Buffer.allocUnsafe does; none shares
   * memory with the input.
   */
  bytes(): Uint8Array {
    const len = this.length();
    const start = this.pos;
    this.pos += len;
    if (len >= this.viewBytesFrom) return new Uint8Array(this.buf.buffer, this.buf.byteOffset + start, len);
    return copyBytes(this.buf, start, start + len);
  }

  /** A copy of the input's bytes `[start, end)` (for unknown fields; small ones in a pooled buffer). */
  copy(start: number, end: number): Uint8Array {
    return copyBytes(this.buf, start, end);
  }

  /**
   * Reads a length-delimited UTF-8 string. With `validate`, invalid UTF-8 is an error; without
   * (a field that does not require valid UTF-8), bytes that are not valid UTF-8 are kept as lone
   * surrogates (see utf8DecodeEscaped), which BinaryWriter#stringEscaped writes back as they were.
   */
  string(validate = true): string {
    const at = this.pos;
    const len = this.length();
    const start = this.pos;
    this.pos += len;
    if (!validate) return utf8DecodeEscaped(this.buf, start, start + len);
    const s = utf8Decode(this.buf, start, start + len, true);
    if (s === undefined) throw new WireError("invalid UTF-8 in string", at, "invalid-utf8");
    return s;
  }

  /**
   * Skips the value of the field whose tag was just read and returns its raw bytes (everything
   * after the tag; for a group, up to and including the end-group tag). A group's end tag must
   * carry the group's field number.
   */
  skip(wireType: WireType = this.wireType, fieldNo: number = this.fieldNo, depth = DEFAULT_SKIP_DEPTH): Uint8Array {
    const start = this.pos;
    const savedFieldNo = this.fieldNo;
    const savedWireType = this.wireType;
    this.skipValue(wireType, fieldNo, depth);
    // Skipping a group reads the tags inside it; restore those of the field that was skipped.
    this.fieldNo = savedFieldNo;
    this.wireType = savedWireType;
    return this.buf.subarray(start, this.pos);
  }

  private skipValue(wireType: WireType, fieldNo: number, depth: number): void {
    switch (wireType) {
      case WireType.Varint: {
        const at = this.pos;
        for (let i = 0; ; i++) {
          if (i === 10) throw new WireError("varint is longer than 10 bytes", at, "varint-too-long");
          if (this.pos >= this.end) throw new WireError("truncated varint", at, "truncated");
          if (this.buf[this.pos++]! < 0x80) break;
        }
        return;
      }
      case WireType.Bit64:
        this.need(8);
        return;
      case WireType.Bit32:
        this.need(4);
        return;
      case WireType.LengthDelimited: {
        const len = this.length();
        this.pos += len;
        return;
      }
      case WireType.StartGroup: {
        if (depth <= 0) throw new WireError("groups nested too deeply", this.pos, "too-deep");
        for (;;) {
          if (this.pos >= this.end) throw new WireError(`missing end of group ${fieldNo}`, this.pos, "invalid-group");
          const at = this.pos;
          const no = this.tag();
          const wt = this.wireType;
          if (wt === WireType.EndGroup) {
            if (no !== fieldNo) throw new WireError(`end of group ${no} does not match start of group ${fieldNo}`, at, "invalid-group");
            return;
          }
          this.skipValue(wt, no, depth - 1);
        }
      }
      case WireType.EndGroup:
        throw new WireError(`unexpected end of group ${fieldNo}`, this.pos, "invalid-group");
    }
  }
}
