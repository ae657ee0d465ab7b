/**
 * Enums and services as protoc's parser fills EnumDescriptorProto and ServiceDescriptorProto:
 * values with their options, reserved ranges (inclusive, `max` = 2^31-1) and names; methods with
 * their types as written, streaming flags and option bodies.
 */
import type { EnumNode, ServiceNode } from "../ast.js";
import type { EnumDescriptorProto, ServiceDescriptorProto } from "../../reflect/descriptor-types.js";
import type { LowerContext } from "./context.js";
import { ensureOptions, lowerOption } from "./lower-options.js";
import { subPath, subPathAt } from "./paths.js";
import { newEnumReservedRange, newEnumValue, newMethod } from "./protos.js";

const INT32_MAX = 0x7fffffff;

/** Lowers `enum Name { ... }` (its location at `path` was created by the caller). */
export function lowerEnum(ctx: LowerContext, node: EnumNode, e: EnumDescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  if (rec.enabled) rec.token(subPath(path, 1), node.nameToken!);
  ctx.mark(e, "NAME", node.nameToken!);
  e.name = node.name!;
  for (const d of node.decls) {
    switch (d.kind) {
      case "empty":
        break;
      case "option":
        const optionsPath = subPath(path, 3);
        rec.add(optionsPath, d);
        lowerOption(ctx, d, ensureOptions(e, "enum"), optionsPath);
        break;
      case "reserved":
        if (d.names !== undefined) {
          if (rec.enabled) rec.add(subPath(path, 5), d, d.comments);
          for (const n of d.names) {
            if (rec.enabled) rec.add(subPathAt(path, 5, e.reservedName.length), n);
            e.reservedName.push(n.value);
          }
        } else {
          if (rec.enabled) rec.add(subPath(path, 4), d, d.comments);
          for (const r of d.ranges ?? []) {
            const rp = subPathAt(path, 4, e.reservedRange.length);
            rec.add(rp, r);
            if (rec.enabled) rec.add(subPath(rp, 1), r.firstSpan);
            if (rec.enabled) rec.add(subPath(rp, 2), r.lastSpan);
            const range = newEnumReservedRange(r.first, r.last === "max" ? INT32_MAX : r.last);
            ctx.mark(range, "NUMBER", r.start);
            e.reservedRange.push(range);
          }
        }
        break;
      case "value": {
        const vp = subPathAt(path, 2, e.value.length);
        rec.add(vp, d, d.comments);
        const v = newEnumValue();
        e.value.push(v);
        if (rec.enabled) rec.token(subPath(vp, 1), d.nameToken!);
        ctx.mark(v, "NAME", d.nameToken!);
        v.name = d.name!;
        if (rec.enabled) rec.add(subPath(vp, 2), d.numberSpan!);
        ctx.mark(v, "NUMBER", d.numberSpan!.start);
        v.number = d.number!;
        if (d.options !== undefined) {
          const optionsPath = subPath(vp, 3);
          rec.add(optionsPath, d.options);
          for (const o of d.options.entries) lowerOption(ctx, o, ensureOptions(v, "enumValue"), optionsPath);
        }
        break;
      }
    }
  }
  if (node.visibility !== undefined) e.visibility = node.visibility === "export" ? 2 : 1;
}

/** Lowers `service Name { ... }` (its location at `path` was created by the caller). */
export function lowerService(ctx: LowerContext, node: ServiceNode, s: ServiceDescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  if (rec.enabled) rec.token(subPath(path, 1), node.nameToken!);
  ctx.mark(s, "NAME", node.nameToken!);
  s.name = node.name!;
  for (const d of node.decls) {
    if (d.kind === "empty") continue;
    if (d.kind === "option") {
      const optionsPath = subPath(path, 3);
      rec.add(optionsPath, d);
      lowerOption(ctx, d, ensureOptions(s, "service"), optionsPath);
      continue;
    }
    const mp = subPathAt(path, 2, s.method.length);
    rec.add(mp, d, d.comments);
    const m = newMethod();
    s.method.push(m);
    if (rec.enabled) rec.token(subPath(mp, 1), d.nameToken!);
    ctx.mark(m, "NAME", d.nameToken!);
    m.name = d.name!;
    if (d.clientStreaming !== undefined) {
      if (rec.enabled) rec.token(subPath(mp, 5), d.clientStreaming);
      ctx.mark(m, "OTHER", d.clientStreaming);
      m.clientStreaming = true;
    }
    if (rec.enabled) rec.add(subPath(mp, 2), d.input!);
    ctx.mark(m, "INPUT_TYPE", d.input!.start);
    m.inputType = d.input!.name;
    if (d.serverStreaming !== undefined) {
      if (rec.enabled) rec.token(subPath(mp, 6), d.serverStreaming);
      ctx.mark(m, "OTHER", d.serverStreaming);
      m.serverStreaming = true;
    }
    if (rec.enabled) rec.add(subPath(mp, 3), d.output!);
    ctx.mark(m, "OUTPUT_TYPE", d.output!.start);
    m.outputType = d.output!.name;
    // protoc creates the options message for a `{ ... }` body even when it holds no option.
    if (d.body !== undefined) ensureOptions(m, "method");
    for (const o of d.body ?? []) {
      if (o.kind === "empty") continue;
      const optionsPath = subPath(mp, 4);
      rec.add(optionsPath, o);
      lowerOption(ctx, o, ensureOptions(m, "method"), optionsPath);
    }
  }
}
