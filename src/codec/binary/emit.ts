import type { DescField, DescMessage } from "../../reflect/descriptors.js";
import { ScalarType } from "../../reflect/scalar.js";
import { WireType } from "../../wire/wire-type.js";
import { scalarWireType } from "./scalar-io.js";

/**
 * Emits the JavaScript source of a specialized codec for one message type: `create`, `decode` and
 * `encode` function expressions with a `switch` on precomputed tags, no descriptor lookups in the
 * hot loop and objects of one stable shape. The same source serves messages compiled at run time
 * and generated code; only the names it refers to are supplied by the caller:
 *
 * - `rt`: the runtime helpers (see compile.ts, `CodecRuntime`);
 * - `D`: this message's descriptor (for the slow path);
 * - `codec(m)`: an expression for the codec of another message type;
 * - `field(f)`: an expression for a field descriptor (maps use the reflective entry reader);
 * - `enumSet(f)`: an expression for the Set of known numbers of a closed enum.
 */
export interface EmitNames {
  codec(desc: DescMessage): string;
  field(field: DescField): string;
  enumSet(field: DescField): string;
}

/** Sources of the three codec functions. */
export interface EmittedCodec {
  readonly create: string;
  readonly decode: string;
  readonly encode: string;
}

const readMethod: Record<number, string> = {
  [ScalarType.DOUBLE]: "double",
  [ScalarType.FLOAT]: "float",
  [ScalarType.INT64]: "int64",
  [ScalarType.UINT64]: "uint64",
  [ScalarType.INT32]: "int32",
  [ScalarType.FIXED64]: "fixed64",
  [ScalarType.FIXED32]: "fixed32",
  [ScalarType.BOOL]: "bool",
  [ScalarType.STRING]: "string",
  [ScalarType.BYTES]: "bytes",
  [ScalarType.UINT32]: "uint32",
  [ScalarType.SFIXED32]: "sfixed32",
  [ScalarType.SFIXED64]: "sfixed64",
  [ScalarType.SINT32]: "sint32",
  [ScalarType.SINT64]: "sint64",
};

const q = (s: string) => JSON.stringify(s);
const tagOf = (no: number, wt: number) => ((no << 3) | wt) >>> 0;

/** Emits the codec of `desc`. */
export function emitCodec(desc: DescMessage, names: EmitNames): EmittedCodec {
  return { create: emitCreate(desc), decode: emitDecode(desc, names), encode: emitEncode(desc, names) };
}

function zeroLiteral(f: DescField): string | undefined {
  switch (f.fieldKind) {
    case "list":
      return "[]";
    case "map":
      return "new Map()";
    case "enum":
      return f.presence === "implicit" ? "0" : undefined;
    case "scalar":
      if (f.presence !== "implicit") return undefined;
      switch (f.scalar) {
        case ScalarType.STRING: return '""';
        case ScalarType.BYTES: return "new Uint8Array(0)";
        case ScalarType.BOOL: return "false";
        case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64: case ScalarType.SINT64: return "0n";
        default: return "0";
      }
    default:
      return undefined;
  }
}

function emitCreate(desc: DescMessage): string {
  const props = [`$typeName: ${q(desc.typeName)}`];
  for (const m of desc.members) {
    if (m.kind === "oneof") props.push(`${q(m.localName)}: { case: undefined }`);
    else {
      const z = zeroLiteral(m);
      if (z !== undefined) props.push(`${q(m.localName)}: ${z}`);
    }
  }
  return `function create() { return { ${props.join(", ")} }; }`;
}

function readExpr(f: DescField, scalar: ScalarType): string {
  if (scalar === ScalarType.STRING) return f.validateUtf8 ? `rt.readString(r, true, ${q(`${f.parent.typeName}.${f.name}`)})` : "r.string(false)";
  return `r.${readMethod[scalar]}()`;
}

/** Assigns `value` to the field: a property, or the oneof's `{ case, value }`. */
function assign(f: DescField, value: string): string {
  if (f.oneof) return `m[${q(f.oneof.localName)}] = { case: ${q(f.localName)}, value: ${value} };`;
  return `m[${q(f.localName)}] = ${value};`;
}

function emitDecode(desc: DescMessage, names: EmitNames): string {
  const cases: string[] = [];
  for (const f of desc.fieldsByNumber) cases.push(...decodeCases(f, names));
  return `function decode(r, end, depth, m, ctx, groupNo) {
  if (depth > ctx.maxDepth) rt.tooDeep(r, ctx);
  const savedEnd = r.end;
  r.end = end;
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.rawTag();
    switch (tag) {
${cases.join("\n")}
      default:
        if (rt.readFieldSlow(D, m, r, tag, at, depth, ctx, groupNo)) { r.end = savedEnd; return; }
    }
  }
  rt.endOfMessage(r, end, groupNo);
  r.end = savedEnd;
}`;
}

function subDecode(codec: string, delimited: boolean, no: number, target: string): string {
  return delimited
    ? `${codec}.decode(r, r.end, depth + 1, ${target}, ctx, ${no});`
    : `{ const len = r.length(); ${codec}.decode(r, r.pos + len, depth + 1, ${target}, ctx, 0); }`;
}

function decodeCases(f: DescField, names: EmitNames): string[] {
  const no = f.number;
  const prop = `m[${q(f.localName)}]`;
  const out: string[] = [];
  const add = (tag: number, body: string) => out.push(`      case ${tag}: {\n        ${body}\n        break;\n      }`);
  switch (f.fieldKind) {
    case "scalar":
      add(tagOf(no, scalarWireType(f.scalar)), assign(f, readExpr(f, f.scalar)));
      break;
    case "enum":
      if (f.enum.open) add(tagOf(no, WireType.Varint), assign(f, "r.int32()"));
      else add(tagOf(no, WireType.Varint), `const s0 = r.pos; const v = r.int32(); if (${names.enumSet(f)}.has(v)) { ${assign(f, "v")} } else rt.unknownVarint(m, ${no}, r, s0, ctx);`);
      break;
    case "message": {
      const c = names.codec(f.message);
      const wt = f.delimited ? WireType.StartGroup : WireType.LengthDelimited;
      const get = f.oneof
        ? `const o = m[${q(f.oneof.localName)}]; let s; if (o.case === ${q(f.localName)}) s = o.value; else m[${q(f.oneof.localName)}] = { case: ${q(f.localName)}, value: (s = ${c}.create()) };`
        : `let s = ${prop}; if (s === undefined) ${prop} = s = ${c}.create();`;
      add(tagOf(no, wt), `${get} ${subDecode(c, f.delimited, no, "s")}`);
      break;
    }
    case "list":
      if (f.elementKind === "message") {
        const c = names.codec(f.message);
        add(tagOf(no, f.delimited ? WireType.StartGroup : WireType.LengthDelimited), `const s = ${c}.create(); ${subDecode(c, f.delimited, no, "s")} ${prop}.push(s);`);
      } else if (f.elementKind === "enum") {
        if (f.enum.open) {
          add(tagOf(no, WireType.Varint), `${prop}.push(r.int32());`);
          add(tagOf(no, WireType.LengthDelimited), `const len = r.length(); const e = r.pos + len; r.end = e; const a = ${prop}; while (r.pos < e) a.push(r.int32()); r.end = end;`);
        } else {
          // Closed enums: let the reflective reader sort known from unknown numbers.
          return [];
        }
      } else {
        const wt = scalarWireType(f.scalar);
        add(tagOf(no, wt), `${prop}.push(${readExpr(f, f.scalar)});`);
        if (wt !== WireType.LengthDelimited) {
          add(tagOf(no, WireType.LengthDelimited), `const len = r.length(); const e = r.pos + len; r.end = e; const a = ${prop}; while (r.pos < e) a.push(r.${readMethod[f.scalar]}()); r.end = end;`);
        }
      }
      break;
    case "map":
      add(tagOf(no, WireType.LengthDelimited), `rt.readMapEntry(m, ${q(f.localName)}, ${names.field(f)}, r, depth, ctx);`);
      break;
  }
  return out;
}

/** A condition that is true when an implicit-presence scalar holds a non-zero value (-0.0 counts as set). */
function nonZero(scalar: ScalarType, v: string): string {
  switch (scalar) {
    case ScalarType.STRING: return `${v} !== ""`;
    case ScalarType.BYTES: return `${v}.length !== 0`;
    case ScalarType.BOOL: return `${v} === true`;
    case ScalarType.DOUBLE: case ScalarType.FLOAT: return `(${v} !== 0 || 1 / ${v} < 0)`;
    case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64: case ScalarType.SINT64: return `${v} !== 0n`;
    default: return `${v} !== 0`;
  }
}

function emitEncode(desc: DescMessage, names: EmitNames): string {
  const parts: string[] = [];
  for (const f of desc.fieldsByNumber) parts.push(encodeField(f, names));
  return `function encode(m, w, unknown) {
  let v;
${parts.join("\n")}
  if (unknown && m.$unknown !== undefined) rt.writeUnknownFields(w, m.$unknown);
}`;
}

function writeValue(scalar: ScalarType | "enum", v: string): string {
  return scalar === "enum" ? `w.int32(${v});` : `w.${readMethod[scalar]}(${v});`;
}

function encodeField(f: DescField, names: EmitNames): string {
  const no = f.number;
  const load = f.oneof
    ? `v = m[${q(f.oneof.localName)}]; v = v.case === ${q(f.localName)} ? v.value : undefined;`
    : `v = m[${q(f.localName)}];`;
  const isSet = (cond: string) => `  ${load}\n  if (v !== undefined && v !== null${cond ? ` && ${cond}` : ""}) {`;
  switch (f.fieldKind) {
    case "scalar": {
      const cond = f.presence === "implicit" && !f.oneof ? nonZero(f.scalar, "v") : "";
      return `${isSet(cond)} w.uint32(${tagOf(no, scalarWireType(f.scalar))}); ${writeValue(f.scalar, "v")} }`;
    }
    case "enum": {
      const cond = f.presence === "implicit" && !f.oneof ? "v !== 0" : "";
      return `${isSet(cond)} w.uint32(${tagOf(no, WireType.Varint)}); w.int32(v); }`;
    }
    case "message": {
      const c = names.codec(f.message);
      return f.delimited
        ? `${isSet("")} w.uint32(${tagOf(no, WireType.StartGroup)}); ${c}.encode(v, w, unknown); w.uint32(${tagOf(no, WireType.EndGroup)}); }`
        : `${isSet("")} w.uint32(${tagOf(no, WireType.LengthDelimited)}); w.fork(); ${c}.encode(v, w, unknown); w.join(); }`;
    }
    case "list": {
      if (f.elementKind === "message") {
        const c = names.codec(f.message);
        const one = f.delimited
          ? `w.uint32(${tagOf(no, WireType.StartGroup)}); ${c}.encode(v[i], w, unknown); w.uint32(${tagOf(no, WireType.EndGroup)});`
          : `w.uint32(${tagOf(no, WireType.LengthDelimited)}); w.fork(); ${c}.encode(v[i], w, unknown); w.join();`;
        return `${isSet("v.length !== 0")} for (let i = 0; i < v.length; i++) { ${one} } }`;
      }
      const scalar: ScalarType | "enum" = f.elementKind === "enum" ? "enum" : f.scalar;
      if (f.packed) {
        return `${isSet("v.length !== 0")} w.uint32(${tagOf(no, WireType.LengthDelimited)}); w.fork(); for (let i = 0; i < v.length; i++) ${writeValue(scalar, "v[i]")} w.join(); }`;
      }
      const wt = scalar === "enum" ? WireType.Varint : scalarWireType(scalar);
      return `${isSet("v.length !== 0")} for (let i = 0; i < v.length; i++) { w.uint32(${tagOf(no, wt)}); ${writeValue(scalar, "v[i]")} } }`;
    }
    case "map":
      return `${isSet("v.size !== 0")} rt.writeField(w, ${names.field(f)}, v, unknown, false); }`;
  }
}
