/**
 * protoc's ZipWriter (compiler/zip_writer.cc): an uncompressed ("stored") ZIP archive of the
 * given entries in the given order, every entry dated 1980-01-01 00:00 (the DOS epoch), no extra
 * fields, no comments; so the same entries always give the same bytes.
 */

/** One archive member: its name (written as UTF-8) and contents. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

const DOS_EPOCH_DATE = (1 << 5) | 1;

let crcTable: Uint32Array | undefined;

/** The CRC-32 (IEEE 802.3, reflected) of `data`. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let x = 0xffffffff;
  for (const b of data) x = crcTable[(x ^ b) & 0xff]! ^ (x >>> 8);
  return (x ^ 0xffffffff) >>> 0;
}

/** Little-endian fields appended to a growing list of chunks. */
class ByteSink {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  u16(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff));
  }
  u32(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff));
  }
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
}

/**
 * The archive protoc writes for these entries: a local header and the data of each, then the
 * central directory and its end record. Sizes and counts are truncated to 16 and 32 bits as
 * protoc's are.
 */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const out = new ByteSink();
  const encoder = new TextEncoder();
  const infos = entries.map((e) => {
    const name = encoder.encode(e.name);
    const info = { name, crc: crc32(e.data), size: e.data.length, offset: out.length };
    out.u32(0x04034b50);
    out.u16(10); // version needed to extract
    out.u16(0); // flags
    out.u16(0); // compression method: stored
    out.u16(0); // last modified time
    out.u16(DOS_EPOCH_DATE);
    out.u32(info.crc);
    out.u32(info.size); // compressed size
    out.u32(info.size); // uncompressed size
    out.u16(name.length);
    out.u16(0); // extra field length
    out.bytes(name);
    out.bytes(e.data);
    return info;
  });
  const dirOffset = out.length;
  for (const info of infos) {
    out.u32(0x02014b50);
    out.u16(10); // version made by
    out.u16(10); // version needed to extract
    out.u16(0); // flags
    out.u16(0); // compression method
    out.u16(0); // last modified time
    out.u16(DOS_EPOCH_DATE);
    out.u32(info.crc);
    out.u32(info.size);
    out.u32(info.size);
    out.u16(info.name.length);
    out.u16(0); // extra field length
    out.u16(0); // file comment length
    out.u16(0); // starting disk number
    out.u16(0); // internal file attributes
    out.u32(0); // external file attributes
    out.u32(info.offset);
    out.bytes(info.name);
  }
  const dirLength = out.length - dirOffset;
  out.u32(0x06054b50);
  out.u16(0); // disk number
  out.u16(0); // disk with the central directory
  out.u16(infos.length);
  out.u16(infos.length);
  out.u32(dirLength);
  out.u32(dirOffset);
  out.u16(0); // comment length
  const bytes = new Uint8Array(out.length);
  let at = 0;
  for (const c of out.chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
