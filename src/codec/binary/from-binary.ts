import { BinaryReader } from "../../wire/reader.js";
import { WireError } from "../../wire/errors.js";
import { WireType } from "../../wire/wire-type.js";
import { utf8DecodeEscapedOther, utf8DecodeOther } from "../../wire/utf8.js";
import { asciiString, MAX_SHORT_STRING } from "../../wire/short-strings.js";
import type { DescEnum, DescExtension, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Message, OneofValue, UnknownField } from "../../reflect/message.js";
import { ScalarType, scalarZeroValue, type ScalarValue } from "../../reflect/scalar.js";
import { codecFor, type ReadContext } from "./codec.js";
import { readPacked, readScalar, scalarWireType } from "./scalar-io.js";
import type { GenMessage } from "../../reflect/embedded-file.js";
import { fieldFullName } from "../../reflect/names.js";

/** Options for reading the binary format. */
export interface BinaryReadOptions {
  /** Keep unknown fields (and extensions) in `$unknown`, to be written back. Default true. */
  readUnknownFields?: boolean;
  /** How deep messages and groups may nest. Default 100. */
  maxDepth?: number;
  /**
   * Every bytes value becomes a view into the input (as in protobufjs and protobuf-es): the
   * message then shares the input's memory, and keeps all of it alive. By default only values of
   * 4 KiB or more are views (copying them costs more than the rest of the decoding); smaller ones
   * are copies. Either way, do not change or reuse the input while the message is in use, or set
   * copyBytes.
   */
  aliasBytes?: boolean;
  /** Every bytes value becomes a copy, however large (small copies share a pooled buffer, as Node's Buffer.allocUnsafe does). */
  copyBytes?: boolean;
}

const defaultContext: ReadContext = { unknown: true, maxDepth: 100 };

function context(options: BinaryReadOptions | undefined): ReadContext {
  if (!options) return defaultContext;
  return { unknown: options.readUnknownFields ?? true, maxDepth: options.maxDepth ?? 100 };
}

/** Decodes a message of type `desc` from the binary format. Throws a WireError (with byte offset) on malformed input. */
export function fromBinary<T extends Message = Message>(desc: GenMessage<T>, bytes: Uint8Array, options?: BinaryReadOptions): T {
  const codec = codecFor(desc);
  const msg = codec.create() as T;
  codec.decode(reader(bytes, options), bytes.length, 0, msg, context(options), 0);
  return msg;
}

/** Decodes the binary format into an existing message, merging as protobuf specifies (later singular values win, lists append, messages merge). */
export function mergeFromBinary<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, bytes: Uint8Array, options?: BinaryReadOptions): T {
  codecFor(desc).decode(reader(bytes, options), bytes.length, 0, msg, context(options), 0);
  return msg;
}

function reader(bytes: Uint8Array, options: BinaryReadOptions | undefined): BinaryReader {
  const r = new BinaryReader(bytes);
  if (options !== undefined) {
    if (options.aliasBytes === true && options.copyBytes === true) throw new TypeError("fromBinary: the options aliasBytes and copyBytes exclude each other");
    if (options.aliasBytes === true) r.viewBytesFrom = 0;
    else if (options.copyBytes === true) r.viewBytesFrom = Infinity;
  }
  return r;
}

/**
 * The reflective decoder: reads fields into `msg` until `end`, or, for a group (`groupNo` > 0),
 * until its end-group tag. `depth` is how many messages enclose this one.
 */
export function readMessage(desc: DescMessage, msg: Message, r: BinaryReader, end: number, depth: number, ctx: ReadContext, groupNo: number): void {
  if (depth > ctx.maxDepth) throw new WireError(`messages nested deeper than ${ctx.maxDepth}`, r.pos, "too-deep");
  const savedEnd = r.end;
  r.end = end;
  const fields = msg as unknown as Record<string, unknown>;
  while (r.pos < end) {
    const tagAt = r.pos;
    const no = r.tag();
    const wt = r.wireType;
    if (wt === WireType.EndGroup) {
      if (no === groupNo) {
        r.end = savedEnd;
        return;
      }
      throw new WireError(`unexpected end of group ${no}`, tagAt, "invalid-group");
    }
    readOtherField(desc, fields, r, no, wt, depth, ctx);
  }
  if (r.pos > end) throw new WireError("field runs past the end of its message", end, "invalid-length");
  if (groupNo > 0) throw new WireError(`missing end of group ${groupNo}`, r.pos, "invalid-group");
  r.end = savedEnd;
}

/** Reads a field by its descriptor, or keeps it as an unknown field (after the tag has been read and checked). */
export function readOtherField(desc: DescMessage, fields: Record<string, unknown>, r: BinaryReader, no: number, wt: WireType, depth: number, ctx: ReadContext): void {
  const field = desc.field(no);
  if (field !== undefined && readField(fields, field, r, wt, depth, ctx)) return;
  const start = r.pos;
  r.skip(wt, no, ctx.maxDepth - depth);
  if (ctx.unknown) pushUnknown(fields as unknown as Message, no, wt, r.copy(start, r.pos));
}

/**
 * What a specialized decoder calls for a tag it has no case for: validates the tag, ends a group,
 * reads a field sent with an unusual wire type, or keeps an unknown field. Returns true at the
 * end tag of group `groupNo`.
 */
export function readFieldSlow(desc: DescMessage, msg: Message, r: BinaryReader, tag: number, at: number, depth: number, ctx: ReadContext, groupNo: number): boolean {
  const no = r.checkTag(tag, at);
  const wt = r.wireType;
  if (wt === WireType.EndGroup) {
    if (no === groupNo) return true;
    throw new WireError(`unexpected end of group ${no}`, at, "invalid-group");
  }
  readOtherField(desc, msg as unknown as Record<string, unknown>, r, no, wt, depth, ctx);
  return false;
}

/** Appends an unknown field. */
export function pushUnknown(msg: Message, no: number, wireType: WireType, data: Uint8Array): void {
  const u: UnknownField = { no, wireType, data };
  if (msg.$unknown) msg.$unknown.push(u);
  else msg.$unknown = [u];
}

/**
 * Reads the value of `field` into `target` (a message's properties, or an extension holder) and
 * returns true; returns false, having read nothing, when the wire type does not fit the field:
 * the caller then keeps it as an unknown field.
 */
export function readField(target: Record<string, unknown>, field: DescField | DescExtension, r: BinaryReader, wt: WireType, depth: number, ctx: ReadContext): boolean {
  const key = field.kind === "field" ? field.localName : "value";
  const oneof = field.kind === "field" ? field.oneof : undefined;
  switch (field.fieldKind) {
    case "scalar": {
      if (wt !== scalarWireType(field.scalar)) return false;
      const v = readScalarChecked(r, field.scalar, field);
      if (oneof) target[oneof.localName] = { case: key, value: v };
      else target[key] = v;
      return true;
    }
    case "enum": {
      if (wt !== WireType.Varint) return false;
      const at = r.pos;
      const v = r.int32();
      if (!isKnownEnumValue(field.enum, v)) {
        storeUnknownEnum(target, field, r, at, ctx);
        return true;
      }
      if (oneof) target[oneof.localName] = { case: key, value: v };
      else target[key] = v;
      return true;
    }
    case "message": {
      if (wt !== (field.delimited ? WireType.StartGroup : WireType.LengthDelimited)) return false;
      let sub: Message | undefined;
      if (oneof) {
        const o = target[oneof.localName] as OneofValue;
        sub = o.case === key ? (o.value as Message) : undefined;
        if (!sub) target[oneof.localName] = { case: key, value: (sub = codecFor(field.message).create()) };
      } else {
        sub = target[key] as Message | undefined;
        if (!sub) target[key] = sub = codecFor(field.message).create();
      }
      readSubMessage(field.message, sub, r, field.delimited, field.number, depth, ctx);
      return true;
    }
    case "list":
      return readListElement(target, key, field, r, wt, depth, ctx);
    case "map":
      if (wt !== WireType.LengthDelimited) return false;
      readMapEntry(target, key, field, r, depth, ctx);
      return true;
  }
}

function readSubMessage(desc: DescMessage, msg: Message, r: BinaryReader, delimited: boolean, no: number, depth: number, ctx: ReadContext): void {
  const codec = codecFor(desc);
  if (delimited) {
    codec.decode(r, r.end, depth + 1, msg, ctx, no);
  } else {
    const len = r.length();
    codec.decode(r, r.pos + len, depth + 1, msg, ctx, 0);
  }
}

function readScalarChecked(r: BinaryReader, t: ScalarType, field: DescField | DescExtension): ScalarValue {
  if (t !== ScalarType.STRING) return readScalar(r, t, false);
  return readStringField(r, field.validateUtf8, field);
}

/**
 * Reads a string field's value: invalid UTF-8 is an error naming the field (`path`: its full name,
 * or its descriptor, whose name is made only for the error) where it must be valid (`validate`),
 * else kept as the escapes of utf8DecodeEscaped.
 */
export function readStringField(r: BinaryReader, validate: boolean, path: string | DescField | DescExtension): string {
  // Short ASCII with a one-byte length here (valid UTF-8, and the same with or without escapes);
  // the rest in readOtherString(). Kept small, so that the decoders inline it at every string field.
  const buf = r.buf;
  const at = r.pos;
  if (at < r.end) {
    const len = buf[at]!;
    if (len <= MAX_SHORT_STRING && len < r.end - at) {
      const s = asciiString(buf, at + 1, len);
      if (s !== undefined) {
        r.pos = at + 1 + len;
        return s;
      }
    }
  }
  return readOtherString(r, validate, path);
}

/** readStringField() of what is not short ASCII with a one-byte length (that has been tried). */
function readOtherString(r: BinaryReader, validate: boolean, path: string | DescField | DescExtension): string {
  const at = r.pos;
  const len = r.length();
  const start = r.pos;
  r.pos = start + len;
  if (!validate) return utf8DecodeEscapedOther(r.buf, start, start + len);
  const s = utf8DecodeOther(r.buf, start, start + len, true);
  if (s === undefined) {
    const name = typeof path === "string" ? path : fieldFullName(path);
    throw new WireError(`invalid UTF-8 in string field ${name}`, at, "invalid-utf8", name);
  }
  return s;
}

function isKnownEnumValue(e: DescEnum, v: number): boolean {
  return e.open || e.value(v) !== undefined;
}

/** A closed enum's unknown number goes to the unknown fields, as its original varint. */
function storeUnknownEnum(target: Record<string, unknown>, field: DescField | DescExtension, r: BinaryReader, at: number, ctx: ReadContext): void {
  if (ctx.unknown) pushUnknown(target as unknown as Message, field.number, WireType.Varint, r.copy(at, r.pos));
}

function readListElement(
  target: Record<string, unknown>,
  key: string,
  field: DescField | DescExtension,
  r: BinaryReader,
  wt: WireType,
  depth: number,
  ctx: ReadContext,
): boolean {
  if (field.fieldKind !== "list") return false;
  let list = target[key] as unknown[] | undefined;
  if (!list) target[key] = list = [];
  switch (field.elementKind) {
    case "message": {
      if (wt !== (field.delimited ? WireType.StartGroup : WireType.LengthDelimited)) return false;
      const sub = codecFor(field.message).create();
      readSubMessage(field.message, sub, r, field.delimited, field.number, depth, ctx);
      list.push(sub);
      return true;
    }
    case "enum": {
      if (wt === WireType.Varint) {
        const at = r.pos;
        const v = r.int32();
        if (isKnownEnumValue(field.enum, v)) list.push(v);
        else storeUnknownEnum(target, field, r, at, ctx);
        return true;
      }
      if (wt !== WireType.LengthDelimited) return false;
      const len = r.length();
      const end = r.pos + len;
      const savedEnd = r.end;
      r.end = end;
      while (r.pos < end) {
        const at = r.pos;
        const v = r.int32();
        if (isKnownEnumValue(field.enum, v)) list.push(v);
        else storeUnknownEnum(target, field, r, at, ctx);
      }
      r.end = savedEnd;
      return true;
    }
    case "scalar": {
      const t = field.scalar;
      const elementWt = scalarWireType(t);
      if (wt === elementWt) {
        list.push(readScalarChecked(r, t, field));
        return true;
      }
      // Packed data is accepted for every packable type, whether or not the field is declared packed.
      if (wt !== WireType.LengthDelimited || elementWt === WireType.LengthDelimited) return false;
      readPacked(r, t, list as ScalarValue[]);
      return true;
    }
  }
}

/** Reads one map entry: a missing key or value takes the default; a later duplicate key wins. */
export function readMapEntry(target: Record<string, unknown>, key: string, field: DescField | DescExtension, r: BinaryReader, depth: number, ctx: ReadContext): void {
  if (field.fieldKind !== "map") return;
  if (depth + 1 > ctx.maxDepth) throw new WireError(`messages nested deeper than ${ctx.maxDepth}`, r.pos, "too-deep");
  const entryStart = r.pos;
  const len = r.length();
  const end = r.pos + len;
  const savedEnd = r.end;
  r.end = end;
  let k: ScalarValue | undefined;
  let v: unknown;
  let unknownEnum = false;
  while (r.pos < end) {
    const no = r.tag();
    const wt = r.wireType;
    if (no === 1 && wt === scalarWireType(field.mapKey)) {
      k = readScalarChecked(r, field.mapKey, field);
    } else if (no === 2 && field.elementKind === "scalar" && wt === scalarWireType(field.scalar)) {
      v = readScalarChecked(r, field.scalar, field);
    } else if (no === 2 && field.elementKind === "enum" && wt === WireType.Varint) {
      v = r.int32();
      unknownEnum = !isKnownEnumValue(field.enum, v as number);
    } else if (no === 2 && field.elementKind === "message" && wt === WireType.LengthDelimited) {
      const sub = (v as Message | undefined) ?? codecFor(field.message).create();
      // The entry is a message of its own: its value sits one level deeper.
      readSubMessage(field.message, sub, r, false, 2, depth + 1, ctx);
      v = sub;
    } else {
      if (wt === WireType.EndGroup) throw new WireError(`unexpected end of group ${no}`, r.pos, "invalid-group");
      r.skip(wt, no, ctx.maxDepth - depth - 1);
    }
  }
  r.end = savedEnd;
  if (unknownEnum) {
    if (!ctx.unknown) return;
    // An entry whose closed-enum value is unknown is kept whole as an unknown field.
    pushUnknown(target as unknown as Message, field.number, WireType.LengthDelimited, r.copy(entryStart, end));
    return;
  }
  k ??= scalarZeroValue(field.mapKey);
  if (v === undefined) {
    v = field.elementKind === "message" ? codecFor(field.message).create() : field.elementKind === "enum" ? (field.enum.values[0]?.number ?? 0) : scalarZeroValue(field.scalar);
  }
  let map = target[key] as Map<unknown, unknown> | undefined;
  if (!map) target[key] = map = new Map();
  map.set(k, v);
}
