import { WireError } from "./errors.js";
import { makeTag, type WireType } from "./wire-type.js";
import { utf8Length, utf8Write, utf8WriteFrom } from "./utf8.js";
import { allocUnzeroed, copyBytes, emptyBytes } from "./alloc.js";
import { parts, splitInt64, splitZigzag64 } from "./int64.js";
import { zigzagEncode32 } from "./zigzag.js";

/** Rejects a value its type cannot hold (silently wrapping it would lose data). */
function invalid(type: string, value: unknown): never {
  throw new WireError(`invalid ${type} value ${typeof value === "bigint" ? `${value}n` : String(value)}`, -1, "invalid-value");
}

// The 64-bit range checks compare with bigint constants made once: `BigInt.asIntN(64, v) !== v`
// allocates a bigint for the comparison (about 15 bytes a value), and a negative literal such as
// `-9223372036854775808n` is a negation run at every use.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A number that is a signed 32-bit integer (`typeof` first: `1n | 0` would throw a TypeError). */
function isInt32(value: unknown): value is number {
  return typeof value === "number" && (value | 0) === value;
}

/** A number that is an unsigned 32-bit integer. */
function isUint32(value: unknown): value is number {
  return typeof value === "number" && value >>> 0 === value;
}

/** Rejects what is not a bigint in the signed 64-bit range. */
function checkInt64(type: string, value: bigint): void {
  if (typeof value !== "bigint" || value < INT64_MIN || value > INT64_MAX) invalid(type, value);
}

/** Rejects what is not a bigint in the unsigned 64-bit range. */
function checkUint64(type: string, value: bigint): void {
  if (typeof value !== "bigint" || value < 0n || value > UINT64_MAX) invalid(type, value);
}

/** Strings of at most this many UTF-16 units take at most 126 bytes: their length prefix is one byte. */
const MAX_SHORT_STRING = 42;

/** writeString()'s `tag` when there is none to write (tags are unsigned). */
const NO_TAG = -1;

/** Strings longer than this (in UTF-16 units) are measured before they are written, rather than given three bytes a unit. */
const MAX_RESERVED_STRING = 64 * 1024;

/** Packed varints are written this many at a time, each batch after one capacity check. */
const PACKED_CHUNK = 256;

/** A buffer of at most this size is handed out in pieces by finishShared(). */
const SLAB_SIZE = 64 * 1024;
/** finishShared() hands out views of values smaller than this; it copies larger ones. */
const MAX_SHARED = 4 * 1024;
/** From this size on, a result that fills at least 7/8 of the writer's buffer takes the buffer. */
const HAND_OVER = 32 * 1024;

/**
 * Writes the binary wire format into one growable buffer.
 *
 * Length-delimited values of unknown size use fork()/join(): fork reserves one byte for the
 * length, join writes it, moving the payload only when the length needs more than one byte.
 */
export class BinaryWriter {
  private buf: Uint8Array;
  /** `buf.buffer` (`buf` always starts at its offset 0): small results are made as views of it. */
  private arrayBuffer: ArrayBuffer;
  /** A view of `buf` for fixed-width values (one store each, little-endian whatever the host). */
  private view: DataView;
  /** Where the value being written starts in `buf`; the bytes before it were handed out by finishShared(). */
  private start = 0;
  private pos = 0;
  private readonly forks: number[] = [];

  constructor(initialCapacity = 256) {
    this.arrayBuffer = new ArrayBuffer(initialCapacity > 16 ? Math.floor(initialCapacity) : 16);
    this.buf = new Uint8Array(this.arrayBuffer);
    this.view = new DataView(this.arrayBuffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos - this.start;
  }

  /** The size of the buffer currently allocated. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Returns a copy of the bytes written and resets the writer for reuse. */
  finish(): Uint8Array {
    if (this.forks.length > 0) throw new WireError("finish() called with an unjoined fork()", -1, "misuse");
    const out = this.buf.slice(this.start, this.pos);
    this.pos = this.start;
    return out;
  }

  /**
   * Like finish(), but a small result is a view of the writer's buffer, whose bytes are left to
   * the caller (the next value is written after them, or into a new buffer): nothing is copied.
   * Such a view's `.buffer` holds other values too, as with Node's Buffer.allocUnsafe. A large
   * result (32 KiB or more) that fills at least 7/8 of the writer's buffer takes the buffer with
   * it (the rest zeroed), and the writer starts over with a new one of the same size; a large
   * result that does not is copied, and the writer's next buffer is one it would fill.
   */
  finishShared(): Uint8Array {
    if (this.forks.length > 0) throw new WireError("finish() called with an unjoined fork()", -1, "misuse");
    const n = this.pos - this.start;
    if (n >= MAX_SHARED || this.buf.length > SLAB_SIZE) {
      const cap = this.buf.length;
      if (n >= HAND_OVER && this.start === 0 && n >= cap - (cap >>> 3)) {
        // Copying would cost as much as writing the value did: the result keeps the buffer.
        const buf = this.buf;
        buf.fill(0, n);
        // The next buffer need not be zero-filled when it is larger than a slab: nothing is handed
        // out of such a buffer but what was written into it (small results are copied out of it,
        // and a large one takes it after zeroing what was not written, as here).
        this.replaceBuffer(cap > SLAB_SIZE ? allocUnzeroed(cap) : new Uint8Array(cap), 0);
        return buf.subarray(0, n);
      }
      // Else copy: the buffer, grown for large values, stays the writer's own, or, after a large
      // value, is replaced by one that a value of this size would fill (and take).
      const out = copyBytes(this.buf, this.start, this.pos);
      this.pos = this.start;
      if (n >= HAND_OVER && this.start === 0) this.replaceBuffer(new Uint8Array(fitting(n)), 0);
      return out;
    }
    // Nothing written (the buffer may even be detached): an empty array of its own.
    if (n === 0) return emptyBytes();
    // A view made from the buffer itself: half the time of subarray().
    const out = new Uint8Array(this.arrayBuffer, this.start, n);
    const next = (this.pos + 7) & ~7; // keep views 8-byte aligned
    if (next + MAX_SHARED > this.buf.length) this.replaceBuffer(new Uint8Array(SLAB_SIZE), 0);
    else this.start = this.pos = next;
    return out;
  }

  /** Discards everything written (and any open forks). */
  reset(): void {
    this.pos = this.start;
    if (this.forks.length > 0) this.forks.length = 0;
  }

  /** Makes room for `n` more bytes (the check alone, small enough to be inlined everywhere). */
  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    // A buffer transferred elsewhere (postMessage of a finishShared() result's .buffer) is detached.
    if (this.buf.length === 0) {
      if (this.pos !== this.start) throw new WireError("the writer's buffer was detached while writing", -1, "misuse");
      this.replaceBuffer(new Uint8Array(Math.max(SLAB_SIZE, n)), 0);
      return;
    }
    // The value being written moves to the start of a new buffer (forks and marks are relative to its start): a new slab
    // where it fits, else a larger buffer of the writer's own.
    const used = this.pos - this.start;
    let cap = SLAB_SIZE;
    if (used + n > SLAB_SIZE) {
      cap = Math.max(this.buf.length, SLAB_SIZE) * 2;
      while (cap < used + n) cap *= 2;
    }
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(this.start, this.pos));
    this.replaceBuffer(next, used);
  }

  private replaceBuffer(buf: Uint8Array, pos: number): void {
    this.buf = buf;
    this.arrayBuffer = buf.buffer as ArrayBuffer;
    this.view = new DataView(this.arrayBuffer);
    this.start = 0;
    this.pos = pos;
  }

  /** Writes a tag: field number and wire type. */
  tag(fieldNo: number, wireType: WireType): this {
    return this.uint32(makeTag(fieldNo, wireType));
  }

  /**
   * Writes a tag of one byte (field numbers 1 to 15): the emitted codecs' precomputed tags.
   * Larger tags are written by uint32().
   */
  tagByte(tag: number): this {
    if ((tag & 0x7f) !== tag) invalid("one-byte tag", tag);
    this.ensure(1);
    this.buf[this.pos++] = tag;
    return this;
  }

  // A one-byte tag and a varint value in one call, with one capacity check: what the emitted
  // codecs write for the most common scalar fields (the two calls cost more than the writing).

  /** Writes the one-byte `tag`, then `value` as int32() does (int32 and enum fields). */
  taggedInt32(tag: number, value: number): this {
    if (!isInt32(value)) invalid("int32", value);
    if ((tag & 0x7f) !== tag) invalid("one-byte tag", tag);
    this.ensure(11);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = tag;
    this.pos = putInt32(buf, p + 1, value);
    return this;
  }

  /** Writes the one-byte `tag`, then `value` as uint32() does. */
  taggedUint32(tag: number, value: number): this {
    if (!isUint32(value)) invalid("uint32", value);
    if ((tag & 0x7f) !== tag) invalid("one-byte tag", tag);
    this.ensure(6);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = tag;
    this.pos = putVarint32(buf, p + 1, value);
    return this;
  }

  /** Writes the one-byte `tag`, then `value` as int64() does. */
  taggedInt64(tag: number, value: bigint): this {
    checkInt64("int64", value);
    return this.taggedVarint64(tag, value);
  }

  /** Writes the one-byte `tag`, then `value` as uint64() does. */
  taggedUint64(tag: number, value: bigint): this {
    checkUint64("uint64", value);
    return this.taggedVarint64(tag, value);
  }

  private taggedVarint64(tag: number, value: bigint): this {
    if ((tag & 0x7f) !== tag) invalid("one-byte tag", tag);
    this.ensure(11);
    splitInt64(value);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = tag;
    this.pos = putVarint64(buf, p + 1, parts.lo, parts.hi);
    return this;
  }

  /** Writes the one-byte `tag`, then `value` as bool() does. */
  taggedBool(tag: number, value: boolean): this {
    if (typeof value !== "boolean") invalid("bool", value);
    if ((tag & 0x7f) !== tag) invalid("one-byte tag", tag);
    this.ensure(2);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = tag;
    buf[p + 1] = value ? 1 : 0;
    this.pos = p + 2;
    return this;
  }

  /** Writes an unsigned 32-bit varint. */
  uint32(value: number): this {
    if (!isUint32(value)) invalid("uint32", value);
    this.ensure(5);
    this.pos = putVarint32(this.buf, this.pos, value);
    return this;
  }

  /** Writes a signed 32-bit varint; negative values take ten bytes, sign-extended to 64 bits. */
  int32(value: number): this {
    if (!isInt32(value)) invalid("int32", value);
    this.ensure(10);
    this.pos = putInt32(this.buf, this.pos, value);
    return this;
  }

  sint32(value: number): this {
    if (!isInt32(value)) invalid("sint32", value);
    return this.uint32(zigzagEncode32(value));
  }

  /** Writes a 64-bit varint. */
  uint64(value: bigint): this {
    checkUint64("uint64", value);
    return this.varint64(value);
  }

  /** Writes a 64-bit varint; negative values in two's complement. */
  int64(value: bigint): this {
    checkInt64("int64", value);
    return this.varint64(value);
  }

  /** Writes `value` (its range checked by the caller) modulo 2^64 as a varint. */
  private varint64(value: bigint): this {
    this.ensure(10);
    splitInt64(value);
    this.pos = putVarint64(this.buf, this.pos, parts.lo, parts.hi);
    return this;
  }

  sint64(value: bigint): this {
    checkInt64("sint64", value);
    this.ensure(10);
    splitZigzag64(value);
    this.pos = putVarint64(this.buf, this.pos, parts.lo, parts.hi);
    return this;
  }

  bool(value: boolean): this {
    if (typeof value !== "boolean") invalid("bool", value);
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
    return this;
  }

  fixed32(value: number): this {
    if (!isUint32(value)) invalid("fixed32", value);
    this.ensure(4);
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
    return this;
  }

  sfixed32(value: number): this {
    if (!isInt32(value)) invalid("sfixed32", value);
    return this.fixed32(value >>> 0);
  }

  fixed64(value: bigint): this {
    checkUint64("fixed64", value);
    this.fixed64Parts(value);
    return this;
  }

  sfixed64(value: bigint): this {
    checkInt64("sfixed64", value);
    this.fixed64Parts(value);
    return this;
  }

  /** Writes the eight little-endian bytes of `value` modulo 2^64. */
  private fixed64Parts(value: bigint): void {
    this.ensure(8);
    splitInt64(value);
    this.view.setUint32(this.pos, parts.lo, true);
    this.view.setUint32(this.pos + 4, parts.hi, true);
    this.pos += 8;
  }

  float(value: number): this {
    if (typeof value !== "number") invalid("float", value);
    this.ensure(4);
    this.view.setFloat32(this.pos, value, true);
    this.pos += 4;
    return this;
  }

  double(value: number): this {
    if (typeof value !== "number") invalid("double", value);
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
    return this;
  }

  /** Writes a length-prefixed byte string. */
  bytes(value: Uint8Array): this {
    if (!(value instanceof Uint8Array)) invalid("bytes", value);
    this.uint32(value.length);
    return this.raw(value);
  }

  /** Writes a length-prefixed UTF-8 string (a lone surrogate as U+FFFD). */
  string(value: string): this {
    return this.writeString(NO_TAG, value, false);
  }

  /**
   * Writes a length-prefixed string of a field that does not require valid UTF-8: the lone
   * surrogates U+DC80–U+DCFF, which BinaryReader#string(false) makes of bytes that were not valid
   * UTF-8, are written as those bytes (see utf8DecodeEscaped); the rest as string() writes it.
   */
  stringEscaped(value: string): this {
    return this.writeString(NO_TAG, value, true);
  }

  /**
   * Writes the varint `tag`, then `value` as string() does, with one capacity check: what the
   * emitted codecs write for a string field, with its tag precomputed.
   */
  taggedString(tag: number, value: string): this {
    return this.taggedShortString(tag, value, false);
  }

  /** Writes the varint `tag`, then `value` as stringEscaped() does. */
  taggedStringEscaped(tag: number, value: string): this {
    return this.taggedShortString(tag, value, true);
  }

  /**
   * The common case of a tagged string in place: a one-byte tag and a short ASCII string that fit
   * the buffer. Kept this small (in bytecode) so that the emitted encoders inline it at every
   * string field; anything else, and a string that turns out not to be ASCII, is written again
   * from the start by writeString().
   */
  private taggedShortString(tag: number, value: string, escaped: boolean): this {
    if (typeof value === "string" && value.length <= 42 && (tag & 0x7f) === tag && this.pos + 2 + value.length <= this.buf.length) {
      const len = value.length;
      const start = this.pos;
      const buf = this.buf;
      let p = start + 2;
      let i = 0;
      for (; i < len; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) break;
        buf[p++] = c;
      }
      if (i === len) {
        buf[start] = tag;
        buf[start + 1] = len;
        this.pos = p;
        return this;
      }
    }
    return this.taggedLongString(tag, value, escaped);
  }

  private taggedLongString(tag: number, value: string, escaped: boolean): this {
    if (tag >>> 0 !== tag) invalid("tag", tag);
    return this.writeString(tag, value, escaped);
  }

  /** Writes the varint `tag` unless it is NO_TAG, then the length-prefixed string. */
  private writeString(tag: number, value: string, escaped: boolean): this {
    if (typeof value !== "string") invalid("string", value);
    const len = value.length;
    if (len > MAX_SHORT_STRING) {
      if (tag !== NO_TAG) this.uint32(tag);
      return this.longString(value, escaped);
    }
    // At most 3 bytes a UTF-16 unit: the length fits one byte, so write first and fill it in after.
    this.ensure(6 + 3 * len);
    const buf = this.buf;
    let start = this.pos;
    if (tag !== NO_TAG) start = putVarint32(buf, start, tag);
    let p = start + 1;
    let i = 0;
    for (; i < len; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      buf[p++] = c;
    }
    if (i < len) p = utf8WriteFrom(value, i, buf, p, escaped);
    buf[start] = p - start - 1;
    this.pos = p;
    return this;
  }

  /** A string of more than MAX_SHORT_STRING UTF-16 units, whose length prefix may take more than one byte. */
  private longString(value: string, escaped: boolean): this {
    const len = value.length;
    if (len > MAX_RESERVED_STRING) {
      const n = utf8Length(value, escaped);
      this.uint32(n);
      this.ensure(n);
      this.pos += utf8Write(value, this.buf, this.pos, escaped);
      return this;
    }
    // No need to measure first: reserve the most it can take, encode after the shortest length
    // prefix it can have (it takes at least one byte a UTF-16 unit, or an escape), and move it if
    // the prefix is longer.
    this.ensure(5 + 3 * len);
    const guess = varintSize32(len);
    const start = this.pos + guess;
    const n = utf8Write(value, this.buf, start, escaped);
    const size = varintSize32(n);
    if (size > guess) this.buf.copyWithin(start + size - guess, start, start + n);
    this.uint32(n);
    this.pos += n;
    return this;
  }

  /** Writes bytes as they are, with no length prefix. */
  raw(value: Uint8Array): this {
    const n = value.length;
    if (n === 0) return this; // nothing to copy (and set() rejects an empty array whose buffer was transferred)
    this.ensure(n);
    this.buf.set(value, this.pos);
    this.pos += n;
    return this;
  }

  // Packed repeated fields: the length prefix and every value (the tag is the caller's), checked
  // as the single-value methods check them, in one pass with one capacity check.

  packedDouble(values: readonly number[]): this {
    const n = values.length;
    this.uint32(n * 8);
    this.ensure(n * 8);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 8) {
      const v = values[i];
      if (typeof v !== "number") invalid("double", v);
      view.setFloat64(p, v, true);
    }
    this.pos = p;
    return this;
  }

  packedFloat(values: readonly number[]): this {
    const n = values.length;
    this.uint32(n * 4);
    this.ensure(n * 4);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 4) {
      const v = values[i];
      if (typeof v !== "number") invalid("float", v);
      view.setFloat32(p, v, true);
    }
    this.pos = p;
    return this;
  }

  // fixed32 and sfixed32 have loops of their own: their lists hold different kinds of numbers,
  // and one load site serving several kinds of array would be slower for all.

  packedFixed32(values: readonly number[]): this {
    const n = values.length;
    this.uint32(n * 4);
    this.ensure(n * 4);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 4) {
      const v = values[i]!;
      if (!isUint32(v)) invalid("fixed32", v);
      view.setUint32(p, v, true);
    }
    this.pos = p;
    return this;
  }

  packedSfixed32(values: readonly number[]): this {
    const n = values.length;
    this.uint32(n * 4);
    this.ensure(n * 4);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 4) {
      const v = values[i]!;
      if (!isInt32(v)) invalid("sfixed32", v);
      view.setInt32(p, v, true);
    }
    this.pos = p;
    return this;
  }

  packedFixed64(values: readonly bigint[]): this {
    return this.packed64(values, false);
  }

  packedSfixed64(values: readonly bigint[]): this {
    return this.packed64(values, true);
  }

  private packed64(values: readonly bigint[], signed: boolean): this {
    const n = values.length;
    this.uint32(n * 8);
    this.ensure(n * 8);
    const view = this.view;
    let p = this.pos;
    for (let i = 0; i < n; i++, p += 8) {
      const v = values[i]!;
      if (signed) checkInt64("sfixed64", v);
      else checkUint64("fixed64", v);
      splitInt64(v);
      view.setUint32(p, parts.lo, true);
      view.setUint32(p + 4, parts.hi, true);
    }
    this.pos = p;
    return this;
  }

  packedBool(values: readonly boolean[]): this {
    const n = values.length;
    this.uint32(n);
    this.ensure(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v !== "boolean") invalid("bool", v);
      buf[p++] = v ? 1 : 0;
    }
    this.pos = p;
    return this;
  }

  packedInt32(values: readonly number[]): this {
    const mark = this.openLength();
    const n = values.length;
    for (let i = 0; i < n; ) {
      // In chunks, so that a long list does not reserve ten bytes a value all at once.
      const stop = Math.min(n, i + PACKED_CHUNK);
      this.ensure(10 * (stop - i));
      const buf = this.buf;
      let p = this.pos;
      for (; i < stop; i++) {
        const v = values[i]!;
        if (!isInt32(v)) invalid("int32", v);
        p = putInt32(buf, p, v);
      }
      this.pos = p;
    }
    return this.endDelimited(mark);
  }

  packedUint32(values: readonly number[]): this {
    const mark = this.openLength();
    const n = values.length;
    for (let i = 0; i < n; ) {
      const stop = Math.min(n, i + PACKED_CHUNK);
      this.ensure(5 * (stop - i));
      const buf = this.buf;
      let p = this.pos;
      for (; i < stop; i++) {
        const v = values[i]!;
        if (!isUint32(v)) invalid("uint32", v);
        p = putVarint32(buf, p, v);
      }
      this.pos = p;
    }
    return this.endDelimited(mark);
  }

  packedSint32(values: readonly number[]): this {
    const mark = this.openLength();
    const n = values.length;
    for (let i = 0; i < n; ) {
      const stop = Math.min(n, i + PACKED_CHUNK);
      this.ensure(5 * (stop - i));
      const buf = this.buf;
      let p = this.pos;
      for (; i < stop; i++) {
        const v = values[i]!;
        if (!isInt32(v)) invalid("sint32", v);
        p = putVarint32(buf, p, zigzagEncode32(v));
      }
      this.pos = p;
    }
    return this.endDelimited(mark);
  }

  packedInt64(values: readonly bigint[]): this {
    return this.packedVarint64(values, "int64");
  }

  packedUint64(values: readonly bigint[]): this {
    return this.packedVarint64(values, "uint64");
  }

  packedSint64(values: readonly bigint[]): this {
    return this.packedVarint64(values, "sint64");
  }

  private packedVarint64(values: readonly bigint[], type: "int64" | "uint64" | "sint64"): this {
    const mark = this.openLength();
    const n = values.length;
    for (let i = 0; i < n; ) {
      const stop = Math.min(n, i + PACKED_CHUNK);
      this.ensure(10 * (stop - i));
      const buf = this.buf;
      let p = this.pos;
      for (; i < stop; i++) {
        const v = values[i]!;
        if (type === "uint64") checkUint64(type, v);
        else checkInt64(type, v);
        if (type === "sint64") splitZigzag64(v);
        else splitInt64(v);
        p = putVarint64(buf, p, parts.lo, parts.hi);
      }
      this.pos = p;
    }
    return this.endDelimited(mark);
  }

  /** Starts a length-delimited value whose length is written by the matching join(). */
  fork(): this {
    this.forks.push(this.openLength());
    return this;
  }

  /** Ends the value started by the last fork(), writing its length in front of it. */
  join(): this {
    const mark = this.forks.pop();
    if (mark === undefined) throw new WireError("join() without fork()", -1, "misuse");
    return this.endDelimited(mark);
  }

  /**
   * Writes the varint `tag` and starts a length-delimited value, as tag() and fork() do, but
   * returns a mark instead of keeping it: endDelimited(mark) ends the value (what the emitted
   * codecs write for a message field, with its tag precomputed).
   */
  beginDelimited(tag: number): number {
    if (tag >>> 0 !== tag) invalid("tag", tag);
    this.ensure(6); // the tag and the length's first byte
    const p = putVarint32(this.buf, this.pos, tag);
    this.buf[p] = 0; // until endDelimited() writes it: the buffer may not have been zero-filled
    this.pos = p + 1;
    return p - this.start;
  }

  /**
   * Reserves one byte for the length of the value that follows; returns the mark endDelimited()
   * takes: relative to the start of the value being written, which a new buffer takes with it (see grow()).
   */
  private openLength(): number {
    this.ensure(1);
    this.buf[this.pos] = 0; // until endDelimited() writes it: the buffer may not have been zero-filled
    return this.pos++ - this.start;
  }

  /** Ends the value started by beginDelimited() (or fork()) that returned `mark`, writing its length in front of it. */
  endDelimited(mark: number): this {
    // A length of one byte here; longer ones, and misuse, in endLongDelimited(). Kept small, so that
    // the encoders inline it (the optimizing compiler inlines only so much into one function).
    const at = this.start + mark;
    const len = this.pos - at - 1;
    if (len < 0x80 && len >= 0 && mark === mark >>> 0) {
      this.buf[at] = len;
      return this;
    }
    return this.endLongDelimited(mark);
  }

  private endLongDelimited(mark: number): this {
    const at = this.start + mark;
    const len = this.pos - at - 1;
    if (mark !== mark >>> 0 || !(len >= 0)) throw new WireError(`endDelimited(): no value was begun at ${String(mark)}`, -1, "misuse");
    // The length takes more than the one byte reserved: move the value to make room.
    const extra = varintSize32(len) - 1;
    this.ensure(extra); // may move the value to a new buffer
    const moved = this.start + mark;
    this.buf.copyWithin(moved + 1 + extra, moved + 1, this.pos);
    this.pos = putVarint32(this.buf, moved, len) + len;
    return this;
  }
}


/** A buffer size that a value of `n` bytes (or a little more) fills to at least 7/8: n plus a sixteenth. */
function fitting(n: number): number {
  return (n + (n >>> 4) + 7) & ~7;
}

/** Writes the varint of unsigned 32-bit `v` at `buf[p]`; returns the position after it. */
function putVarint32(buf: Uint8Array, p: number, v: number): number {
  while (v > 0x7f) {
    buf[p++] = v | 0x80; // a Uint8Array keeps the low eight bits
    v >>>= 7;
  }
  buf[p++] = v;
  return p;
}

/** Writes the varint of the 64-bit value of unsigned halves (lo, hi) at `buf[p]`; returns the position after it. */
function putVarint64(buf: Uint8Array, p: number, lo: number, hi: number): number {
  if (hi === 0) return putVarint32(buf, p, lo);
  // Five bytes or more: the first four hold 28 bits of `lo` (a Uint8Array keeps the low eight bits
  // of what is stored), the fifth the rest of `lo` and three bits of `hi`, the next ones the rest of `hi`.
  buf[p] = lo | 0x80;
  buf[p + 1] = (lo >>> 7) | 0x80;
  buf[p + 2] = (lo >>> 14) | 0x80;
  buf[p + 3] = (lo >>> 21) | 0x80;
  const rest = hi >>> 3;
  if (rest === 0) {
    buf[p + 4] = (lo >>> 28) | (hi << 4);
    return p + 5;
  }
  buf[p + 4] = (lo >>> 28) | (hi << 4) | 0x80;
  return putVarint32(buf, p + 5, rest);
}

/** Writes the varint of signed 32-bit `v` (int32 and enum values); returns the position after it. */
function putInt32(buf: Uint8Array, p: number, v: number): number {
  return v >= 0 ? putVarint32(buf, p, v) : putNegativeVarint32(buf, p, v);
}

/** A negative `v` sign-extended to 64 bits, always ten bytes: 32 bits of `v` and 32 one-bits. */
function putNegativeVarint32(buf: Uint8Array, p: number, v: number): number {
  buf[p] = v | 0x80;
  buf[p + 1] = (v >>> 7) | 0x80;
  buf[p + 2] = (v >>> 14) | 0x80;
  buf[p + 3] = (v >>> 21) | 0x80;
  buf[p + 4] = (v >>> 28) | 0xf0;
  buf[p + 5] = 0xff;
  buf[p + 6] = 0xff;
  buf[p + 7] = 0xff;
  buf[p + 8] = 0xff;
  buf[p + 9] = 1;
  return p + 10;
}

/** The number of bytes an unsigned 32-bit varint takes. */
export function varintSize32(value: number): number {
  const v = value >>> 0;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}
