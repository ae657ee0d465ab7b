import { WireError } from "../../wire/errors.js";
import { WireType } from "../../wire/wire-type.js";
import type { BinaryReader } from "../../wire/reader.js";
import { emptyBytes } from "../../wire/alloc.js";
import type { DescField, DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import { codecFor, registerCodec, type MessageCodec, type ReadContext } from "./codec.js";
import { emitCodec } from "./emit.js";
import { pushUnknown, readFieldSlow, readMapEntry, readStringField } from "./from-binary.js";
import { reflectiveCodec } from "./reflective.js";
import { hasExtensionValues, writeField, writeMessage, writeUnknownFields } from "./to-binary.js";
import { invalidOneof, notList, notMap, notMessage } from "./value-checks.js";

/** The helpers emitted codecs call (`rt` in their source). */
export const codecRuntime = {
  notList,
  notMap,
  notMessage,
  invalidOneof,
  readFieldSlow,
  writeUnknownFields,
  hasExtensionValues,
  writeMessage,
  writeField,
  readMapEntry(m: Message, key: string, field: DescField, r: BinaryReader, depth: number, ctx: ReadContext): void {
    readMapEntry(m as unknown as Record<string, unknown>, key, field, r, depth, ctx);
  },
  readString: readStringField,
  emptyBytes,
  unknownVarint(m: Message, no: number, r: BinaryReader, at: number, ctx: ReadContext): void {
    if (ctx.unknown) pushUnknown(m, no, WireType.Varint, r.copy(at, r.pos));
  },
  /** Skips a field of a map entry other than its key and value (`at`: where the tag starts). */
  skipEntryField(r: BinaryReader, tag: number, at: number, depth: number, ctx: ReadContext): void {
    const no = r.checkTag(tag, at);
    if (r.wireType === WireType.EndGroup) throw new WireError(`unexpected end of group ${no}`, r.pos, "invalid-group");
    r.skip(r.wireType, no, ctx.maxDepth - depth);
  },
  tooDeep(r: BinaryReader, ctx: ReadContext): never {
    throw new WireError(`messages nested deeper than ${ctx.maxDepth}`, r.pos, "too-deep");
  },
  /** Checks the end of a message's fields; small, so that every decoder inlines it (the errors are in badEnd). */
  endOfMessage(r: BinaryReader, end: number, groupNo: number): void {
    if (r.pos > end || groupNo > 0) badEnd(r, end, groupNo);
  },
};

function badEnd(r: BinaryReader, end: number, groupNo: number): never {
  if (r.pos > end) throw new WireError("field runs past the end of its message", end, "invalid-length");
  throw new WireError(`missing end of group ${groupNo}`, r.pos, "invalid-group");
}

let canCompile: boolean | undefined;

/** True where code can be compiled at run time (not under a Content-Security-Policy that forbids it). */
export function runtimeCompilationAvailable(): boolean {
  if (canCompile === undefined) {
    try {
      canCompile = new Function("return 1")() === 1;
    } catch {
      canCompile = false;
    }
  }
  return canCompile;
}

/**
 * Compiles a specialized codec for `desc` from the emitted source. The codec is registered before
 * the codecs it refers to are made, so recursive types resolve to it.
 */
export function compileCodec(desc: DescMessage): MessageCodec {
  const codec: MessageCodec = reflectiveCodec(desc);
  registerCodec(desc, codec);
  const deps: MessageCodec[] = [];
  const depIndex = new Map<DescMessage, number>();
  const fields: DescField[] = [];
  const enumSets: Set<number>[] = [];
  const source = emitCodec(desc, {
    codec(m) {
      let i = depIndex.get(m);
      if (i === undefined) {
        i = deps.length;
        depIndex.set(m, i);
        deps.push(undefined as unknown as MessageCodec); // filled below, after this codec is registered
      }
      return `C[${i}]`;
    },
    field(f) {
      fields.push(f);
      return `F[${fields.length - 1}]`;
    },
    enumSet(f) {
      const e = f.fieldKind === "enum" ? f.enum : undefined;
      enumSets.push(new Set(e ? e.values.map((v) => v.number) : []));
      return `E[${enumSets.length - 1}]`;
    },
  });
  const make = new Function("rt", "D", "C", "F", "E", `"use strict";\nreturn { create: ${source.create}, decode: ${source.decode}, encode: ${source.encode} };`);
  const compiled = make(codecRuntime, desc, deps, fields, enumSets) as MessageCodec;
  // Fill in the placeholder registered above, so anyone holding it gets the compiled functions.
  codec.create = compiled.create;
  codec.decode = compiled.decode;
  codec.encode = compiled.encode;
  for (const [m, i] of depIndex) deps[i] = codecFor(m);
  return codec;
}

/** The default codec factory: specialized where run-time compilation works, reflective elsewhere. */
export function defaultCodecFactory(desc: DescMessage): MessageCodec {
  return runtimeCompilationAvailable() ? compileCodec(desc) : reflectiveCodec(desc);
}
