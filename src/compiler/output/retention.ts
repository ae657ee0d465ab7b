/**
 * protoc's StripSourceRetentionOptions (compiler/retention.cc), as it runs for
 * --descriptor_set_out without --retain_options: the file proto is reparsed with the pool's own
 * descriptor.proto and every extension the pool knows (so custom options become fields, sorted
 * and merged as protoc's DynamicMessage does), options fields with retention = RETENTION_SOURCE
 * are cleared (options messages left empty are removed), and the locations under cleared paths
 * are dropped from SourceCodeInfo.
 */
import { fromBinary } from "../../codec/binary/from-binary.js";
import { toBinary } from "../../codec/binary/to-binary.js";
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto, SourceCodeInfo } from "../../reflect/descriptor-types.js";
import type { AnyOptions } from "../lower/protos.js";
import { Label, Type, type MessageDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { parseMessage, serializeMessage, type State } from "../options/canonical.js";
import { generatedMessage, runtimeMessage } from "../options/generated.js";

/**
 * Strips `proto` in place. Only options messages can change (everything else is already in
 * protoc's serialized form), so only they are reparsed, and only when they hold something
 * stripping or reparsing could change: unknown fields (custom options) or source-retention fields.
 */
export function stripSourceRetentionOptions(pool: Pool, proto: FileDescriptorProto): FileDescriptorProto {
  const stripped: number[][] = [];
  const visit = (holder: { options?: AnyOptions }, path: number[]): void => {
    const o = holder.options;
    if (o === undefined) return;
    const desc = optionsDesc(pool, o.$typeName);
    if (!hasUnknown(o) && !hasSourceRetention(desc)) return;
    const rt = runtimeMessage(o.$typeName);
    const bytes = toBinary(rt, o);
    const state = parseMessage(pool, desc, bytes);
    const wasNonEmpty = !isEmptyOptions(state);
    const strippedBefore = stripped.length;
    stripMessage(state, path, stripped);
    if (wasNonEmpty && stripped.length > strippedBefore && isEmptyOptions(state)) {
      holder.options = undefined;
      stripped.push([...path]);
    } else {
      const out = serializeMessage(state);
      // Options already in protoc's serialized form stay as they are.
      if (!sameBytes(out, bytes)) holder.options = fromBinary<AnyOptions>(rt, out);
    }
  };
  visit(proto, [8]);
  const message = (m: DescriptorProto, p: number[]): void => {
    visit(m, [...p, 7]);
    m.field.forEach((f, i) => visit(f, [...p, 2, i, 8]));
    m.nestedType.forEach((n, i) => message(n, [...p, 3, i]));
    m.enumType.forEach((e, i) => enumType(e, [...p, 4, i]));
    m.extensionRange.forEach((r, i) => visit(r, [...p, 5, i, 3]));
    m.extension.forEach((f, i) => visit(f, [...p, 6, i, 8]));
    m.oneofDecl.forEach((o, i) => visit(o, [...p, 8, i, 2]));
  };
  const enumType = (e: EnumDescriptorProto, p: number[]): void => {
    visit(e, [...p, 3]);
    e.value.forEach((v, i) => visit(v, [...p, 2, i, 3]));
  };
  proto.messageType.forEach((m, i) => message(m, [4, i]));
  proto.enumType.forEach((e, i) => enumType(e, [5, i]));
  proto.service.forEach((s, i) => {
    visit(s, [6, i, 3]);
    s.method.forEach((m, j) => visit(m, [6, i, 2, j, 4]));
  });
  proto.extension.forEach((f, i) => visit(f, [7, i, 8]));
  if (proto.sourceCodeInfo !== undefined && stripped.length > 0) {
    proto.sourceCodeInfo = { ...proto.sourceCodeInfo, location: proto.sourceCodeInfo.location.slice() };
    stripSourceCodeInfo(stripped, proto.sourceCodeInfo);
  }
  return proto;
}

/** The options message type protoc's stripping reparses with: the pool's descriptor.proto, else protoc's own. */
function optionsDesc(pool: Pool, typeName: string): MessageDesc {
  const inPool = pool.findSymbol(typeName);
  return inPool?.kind === "message" ? (inPool.desc as MessageDesc) : generatedMessage(typeName)!;
}

/** True when the message or any message inside it has unknown fields. */
function hasUnknown(m: object): boolean {
  if (((m as { $unknown?: unknown[] }).$unknown?.length ?? 0) > 0) return true;
  for (const v of Object.values(m)) {
    if (v === null || typeof v !== "object" || v instanceof Uint8Array) continue;
    if (Array.isArray(v)) {
      for (const e of v) if (e !== null && typeof e === "object" && "$typeName" in e && hasUnknown(e)) return true;
    } else if ("$typeName" in v && hasUnknown(v)) return true;
  }
  return false;
}

const retentionCache = new WeakMap<MessageDesc, boolean>();

/** True when a field of the message (or of a message field, transitively) has retention = RETENTION_SOURCE. */
function hasSourceRetention(desc: MessageDesc, seen = new Set<MessageDesc>()): boolean {
  const cached = retentionCache.get(desc);
  if (cached !== undefined) return cached;
  if (seen.has(desc)) return false;
  seen.add(desc);
  const result = desc.fields.some(
    (f) => f.options?.retention === 2 || (f.type === Type.MESSAGE && f.messageType !== undefined && hasSourceRetention(f.messageType, seen)),
  );
  retentionCache.set(desc, result);
  return result;
}

function isOptionsMessage(desc: MessageDesc): boolean {
  return desc.file.name === "google/protobuf/descriptor.proto" && desc.name.endsWith("Options");
}

function isEmpty(state: State): boolean {
  return serializeMessage(state).length === 0;
}

/**
 * isEmpty for an options message: its fields and extensions all have explicit presence, so it
 * serializes to nothing exactly when it holds no value and no unknown field.
 */
function isEmptyOptions(state: State): boolean {
  if (state.unknown.length > 0) return false;
  for (const e of state.entries.values()) if (e.values.length > 0) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function stripMessage(state: State, path: number[], stripped: number[][]): void {
  const entries = [...state.entries.values()].sort((a, b) => a.field.number - b.field.number);
  for (const e of entries) {
    const f = e.field;
    if (e.values.length === 0) continue;
    path.push(f.number);
    if (f.options?.retention === 2) {
      state.entries.delete(f.number);
      stripped.push([...path]);
    } else if (f.type === Type.MESSAGE) {
      if (f.label === Label.REPEATED) {
        e.values.forEach((v, i) => {
          path.push(i);
          stripMessage(v as State, path, stripped);
          path.pop();
        });
      } else {
        const child = e.values[0] as State;
        const wasNonEmptyOptions = isOptionsMessage(child.desc) && !isEmpty(child);
        stripMessage(child, path, stripped);
        if (wasNonEmptyOptions && isEmpty(child)) {
          state.entries.delete(f.number);
          stripped.push([...path]);
        }
      }
    }
    path.pop();
  }
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function isPrefix(p: readonly number[], of: readonly number[]): boolean {
  return p.length <= of.length && p.every((x, i) => of[i] === x);
}

/** protoc's StripSourceCodeInfo: drops the locations under any stripped path. */
function stripSourceCodeInfo(stripped: number[][], info: SourceCodeInfo): void {
  const sorted = info.location.map((l, i) => ({ path: l.path, i })).sort((a, b) => comparePaths(a.path, b.path) || a.i - b.i);
  stripped.sort(comparePaths);
  const remove = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < stripped.length && j < sorted.length) {
    if (isPrefix(stripped[i]!, sorted[j]!.path)) {
      remove.add(sorted[j]!.i);
      j++;
    } else if (comparePaths(stripped[i]!, sorted[j]!.path) < 0) {
      i++;
    } else {
      j++;
    }
  }
  info.location = info.location.filter((_, k) => !remove.has(k));
}
