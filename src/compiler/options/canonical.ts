/**
 * Re-encodes a message the way protoc's C++ does when it parses bytes into a DynamicMessage of a
 * pool that knows the message's extensions and serializes it again: fields and extensions in
 * field-number order, repeated occurrences of a singular field merged (last scalar wins, message
 * values merged, a oneof keeping its last member), packing per the field's features,
 * implicit-presence zeros dropped, unknown fields (and unknown closed-enum values) last, in order.
 */
import { BinaryReader } from "../../wire/reader.js";
import { BinaryWriter } from "../../wire/writer.js";
import { WireType } from "../../wire/wire-type.js";
import type { UnknownField } from "../../reflect/message.js";
import { Label, Type, cppType, isPackableType, type FieldDesc, type MessageDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { scratchWriter, writeFields } from "./unknown-fields.js";

/** A value of a parsed field: a scalar (as its 64-bit wire value), bytes, or a sub-message. */
export type Value = bigint | Uint8Array | State;

/** The values of one field of a parsed message. */
export interface Entry {
  readonly field: FieldDesc;
  values: Value[];
}

/** A message parsed against a schema (protoc's DynamicMessage, reduced to what serialization needs). */
export interface State {
  readonly desc: MessageDesc;
  readonly entries: Map<number, Entry>;
  readonly unknown: UnknownField[];
}

/** Parses `bytes` as a `desc` message (extensions from `pool`) and serializes it again as protoc would. */
export function canonicalize(pool: Pool, desc: MessageDesc, bytes: Uint8Array): Uint8Array {
  return serializeMessage(parseMessage(pool, desc, bytes));
}

/** Parses `bytes` as a `desc` message, knowing the extensions in `pool`. Throws on malformed input. */
export function parseMessage(pool: Pool, desc: MessageDesc, bytes: Uint8Array): State {
  const state = newState(desc);
  parseInto(pool, state, new BinaryReader(bytes), bytes.length, undefined);
  return state;
}

/** Serializes a parsed message as protoc's C++ does. */
export function serializeMessage(state: State): Uint8Array {
  const w = scratchWriter();
  writeState(w, state);
  return w.finish();
}

function newState(desc: MessageDesc): State {
  return { desc, entries: new Map(), unknown: [] };
}

/** The wire type a field's values use (unpacked). */
function wireTypeOf(type: number): WireType {
  switch (type) {
    case Type.DOUBLE: case Type.FIXED64: case Type.SFIXED64: return WireType.Bit64;
    case Type.FLOAT: case Type.FIXED32: case Type.SFIXED32: return WireType.Bit32;
    case Type.STRING: case Type.BYTES: case Type.MESSAGE: return WireType.LengthDelimited;
    case Type.GROUP: return WireType.StartGroup;
    default: return WireType.Varint;
  }
}

function parseInto(pool: Pool, state: State, r: BinaryReader, end: number, groupNo: number | undefined): void {
  while (r.pos < end) {
    const tagAt = r.pos;
    const no = r.tag();
    const wt = r.wireType;
    if (wt === WireType.EndGroup) {
      if (no === groupNo) return;
      throw new Error("unexpected end group");
    }
    const field = state.desc.fieldsByNumber.get(no) ?? pool.findExtension(state.desc, no);
    const type = field?.type;
    if (field === undefined || type === undefined) {
      state.unknown.push({ no, wireType: wt, data: r.skip(wt, no) });
      continue;
    }
    const repeated = field.label === Label.REPEATED;
    if (repeated && isPackableType(type) && wt === WireType.LengthDelimited) {
      const len = r.length();
      const stop = r.pos + len;
      while (r.pos < stop) addValue(state, field, readScalar(r, type));
      r.pos = stop;
      continue;
    }
    if (wt !== wireTypeOf(type)) {
      r.pos = tagAt;
      r.tag();
      state.unknown.push({ no, wireType: wt, data: r.skip(wt, no) });
      continue;
    }
    if (type === Type.MESSAGE || type === Type.GROUP) {
      const sub = repeated ? newState(field.messageType!) : singularMessage(state, field);
      if (type === Type.MESSAGE) {
        const len = r.length();
        const stop = r.pos + len;
        parseInto(pool, sub, r, stop, undefined);
        r.pos = stop;
      } else {
        parseInto(pool, sub, r, end, no);
      }
      if (repeated) addValue(state, field, sub);
      continue;
    }
    addValue(state, field, readScalar(r, type));
  }
}

function readScalar(r: BinaryReader, type: number): Value {
  switch (wireTypeOf(type)) {
    case WireType.Bit64: return r.fixed64();
    case WireType.Bit32: return BigInt(r.fixed32());
    case WireType.LengthDelimited: return r.bytes();
    default: {
      const v = r.varint64();
      switch (type) {
        case Type.INT32: case Type.ENUM: return BigInt.asIntN(32, v);
        case Type.UINT32: return BigInt.asUintN(32, v);
        case Type.BOOL: return v === 0n ? 0n : 1n;
        case Type.SINT32: {
          const n = Number(BigInt.asUintN(32, v));
          return BigInt((n >>> 1) ^ -(n & 1));
        }
        case Type.SINT64: {
          const u = BigInt.asUintN(64, v);
          return BigInt.asIntN(64, (u >> 1n) ^ -(u & 1n));
        }
        default: return BigInt.asUintN(64, v);
      }
    }
  }
}

function clearOtherOneofMembers(state: State, field: FieldDesc): void {
  const oneof = field.oneof;
  if (oneof === undefined || field.isExtension) return;
  for (const other of oneof.fields) if (other !== field) state.entries.delete(other.number);
}

function singularMessage(state: State, field: FieldDesc): State {
  const e = state.entries.get(field.number);
  if (e !== undefined && e.values.length > 0) return e.values[0] as State;
  clearOtherOneofMembers(state, field);
  const sub = newState(field.messageType!);
  state.entries.set(field.number, { field, values: [sub] });
  return sub;
}

function addValue(state: State, field: FieldDesc, v: Value): void {
  if (field.type === Type.ENUM && typeof v === "bigint" && field.enumType !== undefined && isClosed(field) && !field.enumType.values.some((x) => BigInt(x.number) === v)) {
    state.unknown.push({ no: field.number, wireType: WireType.Varint, data: scratchWriter().uint64(BigInt.asUintN(64, v)).finish() });
    return;
  }
  let e = state.entries.get(field.number);
  if (field.label === Label.REPEATED) {
    if (e === undefined) state.entries.set(field.number, (e = { field, values: [] }));
    e.values.push(v);
    return;
  }
  clearOtherOneofMembers(state, field);
  state.entries.set(field.number, { field, values: [v] });
}

function isClosed(field: FieldDesc): boolean {
  return field.enumType!.features.enumType === 2;
}

function hasPresence(field: FieldDesc): boolean {
  if (field.label === Label.REPEATED) return false;
  return cppType(field.type!) === "message" || field.isExtension || field.oneof !== undefined || field.features.fieldPresence !== 2;
}

function isZero(v: Value): boolean {
  if (typeof v === "bigint") return v === 0n;
  if (v instanceof Uint8Array) return v.length === 0;
  return false;
}

function writeState(w: BinaryWriter, state: State): void {
  const entries = state.entries.size < 2 ? state.entries.values() : [...state.entries.values()].sort((a, b) => a.field.number - b.field.number);
  for (const e of entries) {
    const f = e.field;
    const type = f.type!;
    if (f.label === Label.REPEATED) {
      if (e.values.length === 0) continue;
      if (isPackableType(type) && f.features.repeatedFieldEncoding === 1) {
        w.tag(f.number, WireType.LengthDelimited).fork();
        for (const v of e.values) writeScalar(w, type, v as bigint);
        w.join();
      } else {
        for (const v of e.values) writeValue(w, f, v);
      }
      continue;
    }
    const v = e.values[0]!;
    if (!hasPresence(f) && isZero(v)) continue;
    writeValue(w, f, v);
  }
  writeFields(w, state.unknown);
}

function writeValue(w: BinaryWriter, f: FieldDesc, v: Value): void {
  const type = f.type!;
  if (type === Type.GROUP) {
    w.tag(f.number, WireType.StartGroup);
    writeState(w, v as State);
    w.tag(f.number, WireType.EndGroup);
  } else if (type === Type.MESSAGE) {
    w.tag(f.number, WireType.LengthDelimited).fork();
    writeState(w, v as State);
    w.join();
  } else if (v instanceof Uint8Array) {
    w.tag(f.number, WireType.LengthDelimited).bytes(v);
  } else {
    w.tag(f.number, wireTypeOf(type));
    writeScalar(w, type, v as bigint);
  }
}

function writeScalar(w: BinaryWriter, type: number, v: bigint): void {
  switch (type) {
    case Type.DOUBLE: case Type.FIXED64: case Type.SFIXED64: w.fixed64(BigInt.asUintN(64, v)); return;
    case Type.FLOAT: case Type.FIXED32: case Type.SFIXED32: w.fixed32(Number(BigInt.asUintN(32, v))); return;
    case Type.SINT32: w.sint32(Number(v)); return;
    case Type.SINT64: w.sint64(v); return;
    default: w.uint64(BigInt.asUintN(64, v));
  }
}
