import { BinaryWriter } from "../../wire/writer.js";
import { WireType } from "../../wire/wire-type.js";
import type { DescExtension, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Message, OneofValue, UnknownField } from "../../reflect/message.js";
import { isScalarZero, type ScalarType, type ScalarValue } from "../../reflect/scalar.js";
import { codecFor } from "./codec.js";
import { findInvalidValue, formatInvalidValue, oneofValueProblem } from "../../message/check-values.js";
import { WireError } from "../../wire/errors.js";
import { invalidOneof, notList, notMap, notMessage } from "./value-checks.js";
import { scalarWireType, writePacked, writeScalar } from "./scalar-io.js";
import type { GenMessage } from "../../reflect/embedded-file.js";

/** Options for writing the binary format. */
export interface BinaryWriteOptions {
  /** Write the unknown fields (and extensions) kept in `$unknown`. Default true. */
  writeUnknownFields?: boolean;
}

let spareWriter: BinaryWriter | undefined;
const MAX_SPARE_CAPACITY = 1 << 20;

/**
 * Encodes a message in the binary format: known fields by number, then unknown fields in the
 * order they were read. A small result may be a view into a larger shared buffer (as Node's
 * Buffer.allocUnsafe does): call `.slice()` before handing its `.buffer` to anyone.
 */
export function toBinary<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, options?: BinaryWriteOptions): Uint8Array {
  if (msg.$typeName !== desc.typeName) throw new TypeError(`toBinary: expected a message of type ${desc.typeName}, got ${String(msg.$typeName)}`);
  // One writer is kept for reuse, so encoding does not pay for a fresh buffer and its growth each time.
  const w = spareWriter ?? new BinaryWriter();
  spareWriter = undefined;
  try {
    codecFor(desc).encode(msg, w, options?.writeUnknownFields ?? true);
    return w.finishShared();
  } catch (e) {
    // The encoders check values only as far as writing them needs; on failure, find the value
    // that does not fit its field, to name it.
    const bad = findInvalidValue(desc, msg);
    if (bad) throw new WireError(formatInvalidValue(desc.typeName, bad), -1, "invalid-value", bad.field);
    throw e;
  } finally {
    w.reset();
    if (w.capacity <= MAX_SPARE_CAPACITY) spareWriter = w;
  }
}

/** The reflective encoder: writes the fields of `msg` (no length prefix). */
export function writeMessage(desc: DescMessage, msg: Message, w: BinaryWriter, unknown: boolean): void {
  if (msg?.$typeName !== desc.typeName) notMessage(desc, msg);
  const fields = msg as unknown as Record<string, unknown>;
  for (const o of desc.oneofs) {
    const v = fields[o.localName];
    if (v !== undefined && v !== null && oneofValueProblem(o, v)) invalidOneof(o, v);
  }
  // Extension values go between the fields, in number order (stable within one number).
  const exts = unknown && msg.$unknown !== undefined && hasExtensionValues(msg.$unknown) ? msg.$unknown.filter((u) => u.ext).sort((a, b) => a.no - b.no) : undefined;
  let nextExt = 0;
  for (const field of desc.fieldsByNumber) {
    if (exts) while (nextExt < exts.length && exts[nextExt]!.no < field.number) writeUnknownField(w, exts[nextExt++]!);
    let v: unknown;
    if (field.oneof) {
      const o = fields[field.oneof.localName] as OneofValue | undefined | null;
      if (o?.case !== field.localName) continue;
      v = o.value;
    } else {
      v = fields[field.localName];
    }
    if (v === undefined || v === null) continue;
    writeField(w, field, v, unknown, field.oneof === undefined);
  }
  if (exts) {
    while (nextExt < exts.length) writeUnknownField(w, exts[nextExt++]!);
    for (const u of msg.$unknown!) if (!u.ext) writeUnknownField(w, u);
  } else if (unknown && msg.$unknown) writeUnknownFields(w, msg.$unknown);
}

/** True when some of the stored fields are values of known extensions. */
export function hasExtensionValues(fields: readonly UnknownField[]): boolean {
  for (const u of fields) if (u.ext) return true;
  return false;
}

function writeUnknownField(w: BinaryWriter, u: UnknownField): void {
  w.tag(u.no, u.wireType).raw(u.data);
}

/** Writes unknown fields back as they were read. */
export function writeUnknownFields(w: BinaryWriter, fields: readonly UnknownField[]): void {
  for (const u of fields) w.tag(u.no, u.wireType).raw(u.data);
}

/**
 * Writes a field's value with its tag. `skipZero`: an implicit-presence scalar holding its zero
 * value is not written (oneof members always are).
 */
export function writeField(w: BinaryWriter, field: DescField | DescExtension, v: unknown, unknown: boolean, skipZero: boolean): void {
  const no = field.number;
  switch (field.fieldKind) {
    case "scalar":
      if (skipZero && field.presence === "implicit" && isScalarZero(field.scalar, v)) return;
      w.tag(no, scalarWireType(field.scalar));
      writeScalar(w, field.scalar, v as ScalarValue, field.validateUtf8);
      return;
    case "enum":
      if (skipZero && field.presence === "implicit" && v === 0) return;
      w.tag(no, WireType.Varint).int32(v as number);
      return;
    case "message":
      writeSubMessage(w, field.message, v as Message, no, field.delimited, unknown);
      return;
    case "list": {
      if (!Array.isArray(v)) notList(v);
      if (v.length === 0) return;
      const list = v as unknown[];
      if (field.elementKind === "message") {
        for (const m of list) writeSubMessage(w, field.message, m as Message, no, field.delimited, unknown);
      } else {
        const t: ScalarType | undefined = field.elementKind === "scalar" ? field.scalar : undefined;
        if (field.packed) {
          w.tag(no, WireType.LengthDelimited);
          if (t === undefined) w.packedInt32(list as number[]);
          else writePacked(w, t, list as ScalarValue[]);
        } else {
          const wt = t === undefined ? WireType.Varint : scalarWireType(t);
          for (const e of list) {
            w.tag(no, wt);
            t === undefined ? w.int32(e as number) : writeScalar(w, t, e as ScalarValue, field.validateUtf8);
          }
        }
      }
      return;
    }
    case "map": {
      if (!(v instanceof Map)) notMap(v);
      if (v.size === 0) return;
      const keyWt = scalarWireType(field.mapKey);
      for (const [k, e] of v as Map<ScalarValue, unknown>) {
        w.tag(no, WireType.LengthDelimited).fork();
        w.tag(1, keyWt);
        writeScalar(w, field.mapKey, k, field.validateUtf8);
        switch (field.elementKind) {
          case "scalar":
            w.tag(2, scalarWireType(field.scalar));
            writeScalar(w, field.scalar, e as ScalarValue, field.validateUtf8);
            break;
          case "enum":
            w.tag(2, WireType.Varint).int32(e as number);
            break;
          case "message":
            writeSubMessage(w, field.message, e as Message, 2, false, unknown);
            break;
        }
        w.join();
      }
      return;
    }
  }
}

function writeSubMessage(w: BinaryWriter, desc: DescMessage, msg: Message, no: number, delimited: boolean, unknown: boolean): void {
  const codec = codecFor(desc);
  if (delimited) {
    w.tag(no, WireType.StartGroup);
    codec.encode(msg, w, unknown);
    w.tag(no, WireType.EndGroup);
  } else {
    w.tag(no, WireType.LengthDelimited).fork();
    codec.encode(msg, w, unknown);
    w.join();
  }
}
