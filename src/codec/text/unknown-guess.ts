/**
 * protoc's guess at whether the bytes of a length-delimited unknown field are a message: it parses
 * them as an UnknownFieldSet from a CodedInputStream (WireFormat::SkipMessage), which is more
 * lenient than the message parser: tags and lengths are varints of up to ten bytes of which only
 * the low 32 bits count, and the parse succeeds only if it ends exactly at the end of the bytes.
 */

/** One field of an unknown field set, decoded as far as the wire format allows. */
export type RawField =
  | { no: number; kind: "varint" | "fixed32" | "fixed64"; value: bigint }
  | { no: number; kind: "bytes"; value: Uint8Array }
  | { no: number; kind: "group"; fields: RawField[] };

const MAX_VARINT_BYTES = 10;
const UINT64_MASK = (1n << 64n) - 1n;

/** Parses `bytes` as a complete unknown field set, with groups allowed `recursionLimit` deep; undefined when protoc would not. */
export function parseUnknownFieldSet(bytes: Uint8Array, recursionLimit: number): RawField[] | undefined {
  const s = new GuessStream(bytes, recursionLimit);
  const fields: RawField[] = [];
  return s.skipMessage(fields) && s.legitimateEnd ? fields : undefined;
}

/** The parts of CodedInputStream over an array that SkipMessage uses. */
class GuessStream {
  private pos = 0;
  /** The tag last read (0 at the end of the input or after a bad tag). */
  private lastTag = 0;
  /** Set when a tag read found the end of the input: the only place a message may end. */
  legitimateEnd = false;

  constructor(
    private readonly buf: Uint8Array,
    private budget: number,
  ) {}

  /** Reads fields until the end of the input (tag 0) or an end-group tag; false on malformed input. */
  skipMessage(out: RawField[]): boolean {
    for (;;) {
      const tag = this.readTag();
      if (tag === 0) return true;
      if ((tag & 7) === 4) return true;
      if (!this.skipField(tag, out)) return false;
    }
  }

  private skipField(tag: number, out: RawField[]): boolean {
    const no = tag >>> 3;
    if (no === 0) return false;
    switch (tag & 7) {
      case 0: {
        const v = this.readVarint();
        if (v === undefined) return false;
        out.push({ no, kind: "varint", value: v & UINT64_MASK });
        return true;
      }
      case 1: {
        const v = this.readFixed(8);
        if (v === undefined) return false;
        out.push({ no, kind: "fixed64", value: v });
        return true;
      }
      case 2: {
        const v = this.readVarint();
        if (v === undefined) return false;
        // ReadString takes the low 32 bits as an int: negative or past the end fails.
        const len = Number(BigInt.asIntN(32, v));
        if (len < 0 || len > this.buf.length - this.pos) return false;
        out.push({ no, kind: "bytes", value: this.buf.subarray(this.pos, this.pos + len) });
        this.pos += len;
        return true;
      }
      case 3: {
        if (--this.budget < 0) return false;
        const fields: RawField[] = [];
        if (!this.skipMessage(fields)) return false;
        this.budget++;
        if (this.lastTag !== (((no << 3) | 4) >>> 0)) return false;
        out.push({ no, kind: "group", fields });
        return true;
      }
      case 5: {
        const v = this.readFixed(4);
        if (v === undefined) return false;
        out.push({ no, kind: "fixed32", value: v });
        return true;
      }
      default:
        return false;
    }
  }

  /** ReadTag: 0 at the end of the input (a legitimate end) or for a malformed varint; else the low 32 bits. */
  private readTag(): number {
    if (this.pos >= this.buf.length) {
      this.legitimateEnd = true;
      return (this.lastTag = 0);
    }
    const v = this.readVarint();
    return (this.lastTag = v === undefined ? 0 : Number(v & 0xffffffffn));
  }

  /** A varint of at most ten bytes (the tenth byte's high bits are dropped), or undefined when it runs past the end or longer. */
  private readVarint(): bigint | undefined {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.pos >= this.buf.length) return undefined;
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if (b < 0x80) return result;
    }
    return undefined;
  }

  private readFixed(n: 4 | 8): bigint | undefined {
    if (this.buf.length - this.pos < n) return undefined;
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.buf[this.pos + i]!);
    this.pos += n;
    return v;
  }
}
