/**
 * Messages as protoc's parser fills DescriptorProto (ParseMessageDefinition/Block/Statement):
 * fields, nested types (groups and map entries included, in declaration order), enums, oneofs,
 * extension ranges (options copied to every range of a statement), reserved ranges and names,
 * extend blocks, options, and proto3's synthetic oneofs.
 */
import type { ExtendNode, ExtensionRangeNode, MessageDecl, MessageNode, ReservedNode } from "../ast.js";
import type { DescriptorProto, ExtensionRangeOptions, FieldDescriptorProto, MessageOptions } from "../../reflect/descriptor-types.js";
import type { LowerContext } from "./context.js";
import { lowerEnum } from "./lower-enum-service.js";
import { Label, lowerField, type NestedTarget } from "./lower-field.js";
import { cloneOptions, ensureOptions, lowerOption } from "./lower-options.js";
import { LocationRecorder } from "./locations.js";
import { subPath, subPathAt } from "./paths.js";
import { newEnum, newExtensionRange, newField, newMessage, newOneof, newOptions, newReservedRange } from "./protos.js";

/** The `max` of a range before it is known whether the message uses message_set_wire_format. */
const MAX_SENTINEL = -1;
/** FieldDescriptor::kMaxNumber + 1. */
const MAX_FIELD_END = 536870912;
const INT32_MAX = 0x7fffffff;

/** Lowers `message Name { ... }` (its location at `path` was created by the caller). */
export function lowerMessage(ctx: LowerContext, node: MessageNode, msg: DescriptorProto, path: readonly number[]): void {
  if (ctx.rec.enabled) ctx.rec.token(subPath(path, 1), node.nameToken!);
  ctx.mark(msg, "NAME", node.nameToken!);
  msg.name = node.name!;
  lowerMessageBody(ctx, node.decls, msg, path);
  if (ctx.syntax === "proto3") generateSyntheticOneofs(msg);
  if (node.visibility !== undefined) msg.visibility = node.visibility === "export" ? 2 : 1;
}

/** Lowers the statements of a message or group body into `msg`. */
export function lowerMessageBody(ctx: LowerContext, decls: readonly MessageDecl[], msg: DescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  const nested = nestedTarget(ctx, msg.nestedType, path, 3);
  for (const d of decls) {
    switch (d.kind) {
      case "empty":
        break;
      case "message": {
        const p = subPathAt(path, 3, msg.nestedType.length);
        rec.add(p, d, d.comments);
        const m = newMessage();
        msg.nestedType.push(m);
        lowerMessage(ctx, d, m, p);
        break;
      }
      case "enum": {
        const p = subPathAt(path, 4, msg.enumType.length);
        rec.add(p, d, d.comments);
        const e = newEnum();
        msg.enumType.push(e);
        lowerEnum(ctx, d, e, p);
        break;
      }
      case "extensions":
        lowerExtensionRanges(ctx, d, msg, path);
        break;
      case "reserved":
        lowerReserved(ctx, d, msg, path);
        break;
      case "extend":
        lowerExtend(ctx, d, msg.extension, subPath(path, 6), nested);
        break;
      case "option":
        const optionsPath = subPath(path, 7);
        rec.add(optionsPath, d);
        lowerOption(ctx, d, ensureOptions<MessageOptions>(msg, "message"), optionsPath);
        break;
      case "oneof": {
        const index = msg.oneofDecl.length;
        const p = subPathAt(path, 8, index);
        rec.add(p, d, d.comments);
        const oneof = newOneof(d.name!);
        msg.oneofDecl.push(oneof);
        if (rec.enabled) rec.token(subPath(p, 1), d.nameToken!);
        for (const member of d.decls) {
          if (member.kind === "option") {
            const optionsPath = subPath(p, 2);
            rec.add(optionsPath, member);
            lowerOption(ctx, member, ensureOptions(oneof, "oneof"), optionsPath);
            continue;
          }
          const fp = subPathAt(path, 2, msg.field.length);
          rec.add(fp, member, member.comments);
          const field = newField();
          field.label = Label.OPTIONAL;
          field.oneofIndex = index;
          msg.field.push(field);
          lowerField(ctx, member, field, fp, nested);
        }
        break;
      }
      case "field": {
        const fp = subPathAt(path, 2, msg.field.length);
        rec.add(fp, d, d.comments);
        const field = newField();
        msg.field.push(field);
        lowerField(ctx, d, field, fp, nested);
        break;
      }
    }
  }
  adjustMaxRanges(msg);
}

/** Where groups and map entries of fields declared at `path` go. */
export function nestedTarget(ctx: LowerContext, messages: DescriptorProto[], parentPath: readonly number[], fieldNo: number): NestedTarget {
  return {
    messages,
    parentPath,
    fieldNo,
    lowerBody: (group, body, groupPath) => lowerMessageBody(ctx, body.decls, group, groupPath),
  };
}

/** `extend Foo { ... }`: a location for the block at `blockPath`, then each field at `blockPath + [index]`. */
export function lowerExtend(ctx: LowerContext, node: ExtendNode, extensions: FieldDescriptorProto[], blockPath: number[], nested: NestedTarget): void {
  const rec = ctx.rec;
  rec.add(blockPath, node, node.comments);
  const extendee = node.extendee!;
  node.fields.forEach((f, i) => {
    const fp = subPath(blockPath, extensions.length);
    rec.add(fp, f, f.comments);
    const field = newField();
    extensions.push(field);
    if (rec.enabled) rec.add(subPath(fp, 2), extendee);
    if (i === 0) ctx.mark(field, "EXTENDEE", extendee.start);
    field.extendee = extendee.name;
    lowerField(ctx, f, field, fp, nested);
  });
}

function lowerExtensionRanges(ctx: LowerContext, node: ExtensionRangeNode, msg: DescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  const statementPath = subPath(path, 5);
  rec.add(statementPath, node, node.comments);
  const first = msg.extensionRange.length;
  for (const r of node.ranges) {
    const rp = subPath(statementPath, msg.extensionRange.length);
    rec.add(rp, r);
    if (rec.enabled) rec.add(subPath(rp, 1), r.firstSpan);
    if (rec.enabled) rec.add(subPath(rp, 2), r.lastSpan);
    const range = newExtensionRange(r.first, r.last === "max" ? MAX_SENTINEL : r.last + 1);
    ctx.mark(range, "NUMBER", r.start);
    msg.extensionRange.push(range);
  }
  if (node.options === undefined) return;
  // protoc parses the options once, for the first range, into separate locations, then copies
  // options and locations to every range of the statement.
  const options = newOptions("extensionRange") as ExtensionRangeOptions;
  msg.extensionRange[first]!.options = options;
  const scratch = new LocationRecorder(ctx.tokens, ctx.sourceInfo);
  const saved = ctx.rec;
  const optionsPath = subPathAt(statementPath, 0, 3);
  ctx.rec = scratch;
  try {
    scratch.add(optionsPath, node.options);
    for (const entry of node.options.entries) lowerOption(ctx, entry, options, optionsPath);
  } finally {
    ctx.rec = saved;
  }
  for (let i = first + 1; i < msg.extensionRange.length; i++) msg.extensionRange[i]!.options = cloneOptions(options);
  const indexAt = statementPath.length;
  for (let i = first; i < msg.extensionRange.length; i++) {
    for (const loc of scratch.locations) {
      const path2 = [...loc.path];
      path2[indexAt] = i;
      saved.locations.push({ ...loc, path: path2, span: [...loc.span], leadingDetachedComments: [...loc.leadingDetachedComments] });
    }
  }
}

function lowerReserved(ctx: LowerContext, node: ReservedNode, msg: DescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  if (node.names !== undefined) {
    if (rec.enabled) rec.add(subPath(path, 10), node, node.comments);
    for (const n of node.names) {
      if (rec.enabled) rec.add(subPathAt(path, 10, msg.reservedName.length), n);
      msg.reservedName.push(n.value);
    }
    return;
  }
  if (rec.enabled) rec.add(subPath(path, 9), node, node.comments);
  for (const r of node.ranges ?? []) {
    const rp = subPathAt(path, 9, msg.reservedRange.length);
    rec.add(rp, r);
    if (rec.enabled) rec.add(subPath(rp, 1), r.firstSpan);
    if (rec.enabled) rec.add(subPath(rp, 2), r.lastSpan);
    const range = newReservedRange(r.first, r.last === "max" ? MAX_SENTINEL : r.last + 1);
    ctx.mark(range, "NUMBER", r.start);
    msg.reservedRange.push(range);
  }
}

/** Replaces `max` range ends by 2^29, or 2^31-1 when the message sets message_set_wire_format = true. */
function adjustMaxRanges(msg: DescriptorProto): void {
  const messageSet = (msg.options?.uninterpretedOption ?? []).some(
    (o) => o.name.length === 1 && !o.name[0]!.isExtension && o.name[0]!.namePart === "message_set_wire_format" && o.identifierValue === "true",
  );
  const max = messageSet ? INT32_MAX : MAX_FIELD_END;
  for (const r of msg.extensionRange) if (r.end === MAX_SENTINEL) r.end = max;
  for (const r of msg.reservedRange) if (r.end === MAX_SENTINEL) r.end = max;
}

/** proto3 `optional` fields get a one-field oneof named `_name` (prefixed with X until unique). */
function generateSyntheticOneofs(msg: DescriptorProto): void {
  if (!msg.field.some((f) => f.proto3Optional)) return;
  const names = new Set<string>();
  for (const f of msg.field) names.add(f.name ?? "");
  for (const o of msg.oneofDecl) names.add(o.name ?? "");
  for (const f of msg.field) {
    if (!f.proto3Optional) continue;
    let name = f.name ?? "";
    if (name === "" || name[0] !== "_") name = "_" + name;
    while (names.has(name)) name = "X" + name;
    names.add(name);
    f.oneofIndex = msg.oneofDecl.length;
    msg.oneofDecl.push(newOneof(name));
  }
}
