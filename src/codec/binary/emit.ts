import type { DescEnum, DescField, DescMessage } from "../../reflect/descriptors.js";
import { fieldFullName } from "../../reflect/names.js";
import { ScalarType } from "../../reflect/scalar.js";
import { WireType } from "../../wire/wire-type.js";
import { scalarWireType } from "./scalar-io.js";

/**
 * Emits the source of a specialized codec for one message type: `create`, `decode` and `encode`
 * with a `switch` on precomputed tags, no descriptor lookups in the hot loop and objects of one
 * stable shape. The same source serves messages compiled at run time (JavaScript) and generated
 * code (JavaScript, or TypeScript when `types` is given); only the names it refers to are
 * supplied by the caller:
 *
 * - `rt` (or `runtime`): the runtime helpers (see compile.ts, `codecRuntime`);
 * - `D` (or `self`): this message's descriptor (for the slow path);
 * - `codec(m)`: an expression for the codec of another message type;
 * - `field(f)`: an expression for a field descriptor (maps use the reflective entry reader);
 * - `enumSet(f)`: an expression for the Set of known numbers of a closed enum.
 */
export interface EmitNames {
  codec(desc: DescMessage): string;
  field(field: DescField): string;
  enumSet(field: DescField): string;
  /** The name of the runtime helpers; default `rt`. */
  readonly runtime?: string;
  /** An expression for the descriptor of the message itself; default `D`. */
  readonly self?: string;
  /** Set to emit TypeScript: the names of the types the annotations refer to. */
  readonly types?: EmitTypeNames;
}

/** Type names for TypeScript output. */
export interface EmitTypeNames {
  message(desc: DescMessage): string;
  enum(desc: DescEnum): string;
  /** The names of the BinaryReader, BinaryWriter and ReadContext types. */
  readonly reader: string;
  readonly writer: string;
  readonly context: string;
}

/** Sources of the three codec functions, as function expressions. */
export interface EmittedCodec {
  readonly create: string;
  readonly decode: string;
  readonly encode: string;
}

/** One codec function: its parameters, return type (TypeScript only) and body lines. */
interface EmittedFunction {
  readonly name: "create" | "decode" | "encode";
  readonly params: string;
  readonly returns: string | undefined;
  readonly body: readonly string[];
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
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property access: `m.name`, or `m["na-me"]` where the name is not an identifier. */
function prop(obj: string, name: string): string {
  return identifier.test(name) ? `${obj}.${name}` : `${obj}[${q(name)}]`;
}

/** An object literal key. */
function key(name: string): string {
  return identifier.test(name) ? name : q(name);
}

/** Emits the codec of `desc` as three function expressions (what compile.ts evaluates). */
export function emitCodec(desc: DescMessage, names: EmitNames): EmittedCodec {
  const [create, decode, encode] = emitFunctions(desc, names).map((f) => `function ${f.name}(${f.params})${f.returns ? `: ${f.returns}` : ""} {\n${indent(f.body, "  ")}\n}`);
  return { create: create!, decode: decode!, encode: encode! };
}

/** Emits the codec of `desc` as the three methods of an object literal, indented by `indentBy` (for generated code). */
export function emitCodecMethods(desc: DescMessage, names: EmitNames, indentBy = "  "): string {
  return emitFunctions(desc, names)
    .map((f) => `${indentBy}${f.name}(${f.params})${f.returns ? `: ${f.returns}` : ""} {\n${indent(f.body, indentBy + "  ")}\n${indentBy}},`)
    .join("\n");
}

function indent(lines: readonly string[], by: string): string {
  return lines.map((l) => (l === "" ? l : by + l)).join("\n");
}

function emitFunctions(desc: DescMessage, names: EmitNames): EmittedFunction[] {
  const t = names.types;
  return [
    { name: "create", params: "", returns: t?.message(desc), body: emitCreate(desc, names) },
    {
      name: "decode",
      params: t ? `r: ${t.reader}, end: number, depth: number, m: ${t.message(desc)}, ctx: ${t.context}, groupNo: number` : "r, end, depth, m, ctx, groupNo",
      returns: t ? "void" : undefined,
      body: emitDecode(desc, names),
    },
    {
      name: "encode",
      params: t ? `m: ${t.message(desc)}, w: ${t.writer}, unknown: boolean` : "m, w, unknown",
      returns: t ? "void" : undefined,
      body: emitEncode(desc, names),
    },
  ];
}

function zeroLiteral(f: DescField, names: EmitNames): string | undefined {
  switch (f.fieldKind) {
    case "list":
      return "[]";
    case "map":
      return "new Map()";
    case "enum":
      return f.presence === "implicit" ? "0" : undefined;
    case "scalar":
      return f.presence === "implicit" ? scalarZero(f.scalar, names) : undefined;
    default:
      return undefined;
  }
}

function scalarZero(t: ScalarType, names: EmitNames): string {
  switch (t) {
    case ScalarType.STRING: return '""';
    case ScalarType.BYTES: return `${rtName(names)}.emptyBytes()`;
    case ScalarType.BOOL: return "false";
    case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64: case ScalarType.SINT64: return "0n";
    default: return "0";
  }
}

function emitCreate(desc: DescMessage, names: EmitNames): string[] {
  const props = [`$typeName: ${q(desc.typeName)}`];
  for (const m of desc.members) {
    if (m.kind === "oneof") props.push(`${key(m.localName)}: { case: undefined }`);
    else {
      const z = zeroLiteral(m, names);
      if (z !== undefined) props.push(`${key(m.localName)}: ${z}`);
    }
  }
  const oneLine = `return { ${props.join(", ")} };`;
  if (oneLine.length <= 100) return [oneLine];
  return ["return {", ...props.map((p) => `  ${p},`), "};"];
}

/** The expression that reads one value of a scalar field. */
function readExpr(f: DescField, scalar: ScalarType, names: EmitNames): string {
  if (scalar === ScalarType.STRING) return f.validateUtf8 ? `${rtName(names)}.readString(r, true, ${q(fieldFullName(f))})` : "r.string(false)";
  return `r.${readMethod[scalar]}()`;
}

/** In TypeScript, an enum number read from the wire is cast to the enum's type. */
function enumValue(e: DescEnum, expr: string, names: EmitNames): string {
  return names.types ? `${expr} as ${names.types.enum(e)}` : expr;
}

const rtName = (names: EmitNames) => names.runtime ?? "rt";

/** Assigns `value` to the field: a property, or the oneof's `{ case, value }`. */
function assign(f: DescField, value: string): string {
  if (f.oneof) return `${prop("m", f.oneof.localName)} = { case: ${q(f.localName)}, value: ${value} };`;
  return `${prop("m", f.localName)} = ${value};`;
}

function emitDecode(desc: DescMessage, names: EmitNames): string[] {
  const rt = rtName(names);
  const cases = desc.fieldsByNumber.flatMap((f) => decodeCases(f, names).map((c) => ({ ...c, no: f.number })));
  const slow = [
    `if (${rt}.readFieldSlow(${names.self ?? "D"}, m, r, tag, at, depth, ctx, groupNo)) {`,
    "  r.end = savedEnd;",
    "  return;",
    "}",
  ];
  const numbers = [...new Set(cases.map((c) => c.no))];
  const dispatch = !jumpTable(cases.map((c) => c.tag)) && jumpTable(numbers) ? byFieldNumber(cases, numbers, slow) : byTag(cases, slow);
  return [
    `if (depth > ctx.maxDepth) ${rt}.tooDeep(r, ctx);`,
    "const savedEnd = r.end;",
    "r.end = end;",
    "while (r.pos < end) {",
    "  const at = r.pos;",
    "  const tag = r.rawTag();",
    ...dispatch.map((l) => `  ${l}`),
    "}",
    `${rt}.endOfMessage(r, end, groupNo);`,
    "r.end = savedEnd;",
  ];
}

/**
 * True when V8 compiles a `switch` over these integer cases to a jump table rather than a chain
 * of comparisons (its defaults: at least 6 cases, spread over at most 3 times as many integers).
 */
function jumpTable(values: readonly number[]): boolean {
  if (values.length < 6) return false;
  return Math.max(...values) - Math.min(...values) + 1 <= 3 * values.length;
}

/** `switch (tag)`: one case a tag, the slow path as the default. */
function byTag(cases: readonly DecodeCase[], slow: readonly string[]): string[] {
  const out = ["switch (tag) {"];
  for (const c of cases) {
    const braces = c.body.some((l) => /^(const|let) /.test(l));
    out.push(`  case ${c.tag}: ${braces ? "{ " : ""}// ${c.comment}`, ...c.body.map((l) => `    ${l}`), braces ? "    break;\n  }" : "    break;");
  }
  out.push("  default:", ...slow.map((l) => `    ${l}`), "}");
  return out.flatMap((l) => l.split("\n"));
}

/**
 * `switch (tag >>> 3)` and a test of the whole tag in each case: for messages whose tags are too
 * sparse for a jump table (many fields, wire types apart) but whose field numbers are not, which
 * would otherwise be found by comparing the tag with every case in turn. A tag that matches no case
 * falls through to the slow path.
 */
function byFieldNumber(cases: readonly (DecodeCase & { no: number })[], numbers: readonly number[], slow: readonly string[]): string[] {
  const out = ["switch (tag >>> 3) {"];
  for (const no of numbers) {
    const own = cases.filter((c) => c.no === no);
    out.push(`  case ${no}: // ${own[0]!.comment}`);
    for (const c of own) out.push(`    if (tag === ${c.tag}) {${c.comment === own[0]!.comment ? "" : ` // ${c.comment}`}`, ...c.body.map((l) => `      ${l}`), "      continue;", "    }");
    out.push("    break;");
  }
  out.push("}", ...slow);
  return out;
}

function subDecode(codec: string, delimited: boolean, no: number, target: string): string[] {
  return delimited
    ? [`${codec}.decode(r, r.end, depth + 1, ${target}, ctx, ${no});`]
    : ["const len = r.length();", `${codec}.decode(r, r.pos + len, depth + 1, ${target}, ctx, 0);`];
}

/** The reader's and writer's method for packed values of a type: packedDouble, …; packedInt32 for enums. */
function packedMethod(scalar: ScalarType | "enum"): string {
  const name = scalar === "enum" ? "int32" : readMethod[scalar]!;
  return `packed${name[0]!.toUpperCase()}${name.slice(1)}`;
}

interface DecodeCase {
  readonly tag: number;
  readonly comment: string;
  readonly body: readonly string[];
}

function decodeCases(f: DescField, names: EmitNames): DecodeCase[] {
  const no = f.number;
  const list = prop("m", f.localName);
  const out: DecodeCase[] = [];
  const add = (tag: number, body: string[], note = "") => out.push({ tag, comment: f.name + note, body });
  switch (f.fieldKind) {
    case "scalar":
      add(tagOf(no, scalarWireType(f.scalar)), [assign(f, readExpr(f, f.scalar, names))]);
      break;
    case "enum":
      if (f.enum.open) add(tagOf(no, WireType.Varint), [assign(f, enumValue(f.enum, "r.int32()", names))]);
      else {
        add(tagOf(no, WireType.Varint), [
          "const s0 = r.pos;",
          "const v = r.int32();",
          `if (${names.enumSet(f)}.has(v)) ${assign(f, enumValue(f.enum, "v", names))}`,
          `else ${rtName(names)}.unknownVarint(m, ${no}, r, s0, ctx);`,
        ]);
      }
      break;
    case "message": {
      const c = names.codec(f.message);
      const wt = f.delimited ? WireType.StartGroup : WireType.LengthDelimited;
      const get = f.oneof
        ? [
            `const o = ${prop("m", f.oneof.localName)};`,
            names.types ? `let s: ${names.types.message(f.message)};` : "let s;",
            `if (o.case === ${q(f.localName)}) s = o.value;`,
            `else ${prop("m", f.oneof.localName)} = { case: ${q(f.localName)}, value: (s = ${c}.create()) };`,
          ]
        : [`let s = ${list};`, `if (s === undefined) ${list} = s = ${c}.create();`];
      add(tagOf(no, wt), [...get, ...subDecode(c, f.delimited, no, "s")]);
      break;
    }
    case "list":
      if (f.elementKind === "message") {
        const c = names.codec(f.message);
        add(tagOf(no, f.delimited ? WireType.StartGroup : WireType.LengthDelimited), [`const s = ${c}.create();`, ...subDecode(c, f.delimited, no, "s"), `${list}.push(s);`]);
      } else if (f.elementKind === "enum") {
        if (f.enum.open) {
          add(tagOf(no, WireType.Varint), [`${list}.push(${enumValue(f.enum, "r.int32()", names)});`]);
          add(tagOf(no, WireType.LengthDelimited), [`r.${packedMethod("enum")}(${list});`], ", packed");
        }
        // Closed enums: no case; the reflective reader sorts known from unknown numbers.
      } else {
        const wt = scalarWireType(f.scalar);
        add(tagOf(no, wt), [`${list}.push(${readExpr(f, f.scalar, names)});`]);
        if (wt !== WireType.LengthDelimited) add(tagOf(no, WireType.LengthDelimited), [`r.${packedMethod(f.scalar)}(${list});`], ", packed");
      }
      break;
    case "map":
      // Closed enum values: the reflective reader keeps an entry with an unknown number as an unknown field.
      if (f.elementKind === "enum" && !f.enum.open) add(tagOf(no, WireType.LengthDelimited), [`${rtName(names)}.readMapEntry(m, ${q(f.localName)}, ${names.field(f)}, r, depth, ctx);`]);
      else add(tagOf(no, WireType.LengthDelimited), mapEntryDecode(f, names));
      break;
  }
  return out;
}

/**
 * Reads one map entry, a message of its own (one level deeper) of key 1 and value 2, either of
 * which may be missing (then the zero value) or repeated (the last wins; message values merge).
 */
function mapEntryDecode(f: DescField & { fieldKind: "map" }, names: EmitNames): string[] {
  const rt = rtName(names);
  let valueTag: number;
  let value: string[];
  let init: string;
  switch (f.elementKind) {
    case "scalar":
      valueTag = tagOf(2, scalarWireType(f.scalar));
      value = [`v = ${readExpr(f, f.scalar, names)};`];
      init = scalarZero(f.scalar, names);
      break;
    case "enum":
      valueTag = tagOf(2, WireType.Varint);
      value = [`v = ${enumValue(f.enum, "r.int32()", names)};`];
      init = enumValue(f.enum, String(f.enum.values[0]?.number ?? 0), names);
      break;
    case "message": {
      // A missing value is an empty message; a repeated one merges into the same message.
      const c = names.codec(f.message);
      valueTag = tagOf(2, WireType.LengthDelimited);
      value = ["const n = r.length();", `${c}.decode(r, r.pos + n, depth + 2, v, ctx, 0);`];
      init = `${c}.create()`;
      break;
    }
  }
  const skip = `${rt}.skipEntryField(r, t, at, depth + 1, ctx);`;
  return [
    `if (depth + 1 > ctx.maxDepth) ${rt}.tooDeep(r, ctx);`,
    "const len = r.length();",
    "const e = r.pos + len;",
    "r.end = e;",
    `let k = ${scalarZero(f.mapKey, names)};`,
    `let v = ${init};`,
    "while (r.pos < e) {",
    "  const at = r.pos;",
    "  const t = r.rawTag();",
    `  if (t === ${tagOf(1, scalarWireType(f.mapKey))}) k = ${readExpr(f, f.mapKey, names)};`,
    ...(value.length === 1
      ? [`  else if (t === ${valueTag}) ${value[0]}`, `  else ${skip}`]
      : [`  else if (t === ${valueTag}) {`, ...value.map((l) => `    ${l}`), `  } else ${skip}`]),
    "}",
    "r.end = end;",
    `${prop("m", f.localName)}.set(k, v);`,
  ];
}

/** A condition that is true when an implicit-presence scalar holds a non-zero value (-0.0 counts as set). */
function nonZero(scalar: ScalarType, v: string): string {
  switch (scalar) {
    case ScalarType.STRING: return `${v} !== ""`;
    case ScalarType.BYTES: return `(${v}.length !== 0 || !(${v} instanceof Uint8Array))`; // "" is not empty bytes: bytes() rejects it
    case ScalarType.BOOL: return `${v} !== false`;
    case ScalarType.DOUBLE: case ScalarType.FLOAT: return `(${v} !== 0 || 1 / ${v} < 0)`;
    case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64: case ScalarType.SINT64: return `${v} !== 0n`;
    default: return `${v} !== 0`;
  }
}

function emitEncode(desc: DescMessage, names: EmitNames): string[] {
  const body: string[] = [];
  const rt = rtName(names);
  const self = names.self ?? "D";
  // What is not a message of this type fails here, rather than be written as an empty message.
  // (Not `m?.`: the optimizing compiler then checks m's shape once for this and the fields.)
  body.push(`if (m.$typeName !== ${q(desc.typeName)}) ${rt}.notMessage(${self}, m);`);
  // Known extension values are written among the fields by number: the reflective writer does that.
  body.push(`if (unknown && m.$unknown !== undefined && ${rt}.hasExtensionValues(m.$unknown)) { ${rt}.writeMessage(${self}, m, w, unknown); return; }`);
  if (desc.fieldsByNumber.length > 0 || desc.oneofs.length > 0) body.push("let v;");
  // A oneof's value must name one of its fields (or none): another case would be dropped unseen.
  desc.oneofs.forEach((o, i) => {
    const cases = o.fields.map((f) => ` && v.case !== ${q(f.localName)}`).join("");
    body.push(`v = ${prop("m", o.localName)};`);
    body.push(`if (v !== undefined && v !== null && (typeof v !== "object" || (v.case !== undefined${cases}))) ${rt}.invalidOneof(${self}.oneofs[${i}]${names.types ? "!" : ""}, v);`);
  });
  for (const f of desc.fieldsByNumber) body.push(...encodeField(f, names));
  body.push(`if (unknown && m.$unknown !== undefined) ${rtName(names)}.writeUnknownFields(w, m.$unknown);`);
  return body;
}

/** Writes one value; `f`: its field (a string field that does not require valid UTF-8 writes its escapes back as bytes). */
function writeValue(scalar: ScalarType | "enum", v: string, f: DescField): string {
  if (scalar === "enum") return `w.int32(${v});`;
  if (scalar === ScalarType.STRING && !f.validateUtf8) return `w.stringEscaped(${v});`;
  return `w.${readMethod[scalar]}(${v});`;
}

/** Writes a precomputed tag: one byte for field numbers up to 15. */
function writeTag(tag: number): string {
  return tag < 0x80 ? `w.tagByte(${tag});` : `w.uint32(${tag});`;
}

/** The writer methods that take a one-byte tag and a value of these types in one call. */
const taggedMethod: Partial<Record<ScalarType | "enum", string>> = {
  enum: "taggedInt32",
  [ScalarType.INT32]: "taggedInt32",
  [ScalarType.UINT32]: "taggedUint32",
  [ScalarType.INT64]: "taggedInt64",
  [ScalarType.UINT64]: "taggedUint64",
  [ScalarType.BOOL]: "taggedBool",
};

/** Writes field `no`'s tag and one value (a string, and the common varints after a one-byte tag, with the tag in one call). */
function writeTagged(scalar: ScalarType | "enum", no: number, v: string, f: DescField): string[] {
  if (scalar === ScalarType.STRING) return [`w.${f.validateUtf8 ? "taggedString" : "taggedStringEscaped"}(${tagOf(no, WireType.LengthDelimited)}, ${v});`];
  const wt = scalar === "enum" ? WireType.Varint : scalarWireType(scalar);
  const tag = tagOf(no, wt);
  const tagged = taggedMethod[scalar];
  if (tagged !== undefined && tag < 0x80) return [`w.${tagged}(${tag}, ${v});`];
  return [writeTag(tag), writeValue(scalar, v, f)];
}

/** Writes a message value `v` of field `no` (its codec `c`), length-prefixed or as a group; `mark`: a free local name. */
function writeSubMessage(c: string, no: number, v: string, delimited: boolean, mark: string): string[] {
  return delimited
    ? [writeTag(tagOf(no, WireType.StartGroup)), `${c}.encode(${v}, w, unknown);`, writeTag(tagOf(no, WireType.EndGroup))]
    : [`const ${mark} = w.beginDelimited(${tagOf(no, WireType.LengthDelimited)});`, `${c}.encode(${v}, w, unknown);`, `w.endDelimited(${mark});`];
}

/** True for a non-empty array `v`; anything but an array fails (a string would be written character by character). */
function nonEmptyList(names: EmitNames): string {
  return `(Array.isArray(v) ? v.length !== 0 : ${rtName(names)}.notList(v))`;
}

function encodeField(f: DescField, names: EmitNames): string[] {
  const no = f.number;
  const load = f.oneof
    ? [`v = ${prop("m", f.oneof.localName)};`, `v = v?.case === ${q(f.localName)} ? v.value : undefined;`]
    : [`v = ${prop("m", f.localName)};`];
  const ifSet = (cond: string, body: string[]) => [...load, `if (v !== undefined && v !== null${cond ? ` && ${cond}` : ""}) {`, ...body.map((l) => `  ${l}`), "}"];
  // In TypeScript, list elements are asserted present (for noUncheckedIndexedAccess).
  const at = names.types ? "v[i]!" : "v[i]";
  switch (f.fieldKind) {
    case "scalar": {
      const cond = f.presence === "implicit" && !f.oneof ? nonZero(f.scalar, "v") : "";
      return ifSet(cond, writeTagged(f.scalar, no, "v", f));
    }
    case "enum": {
      const cond = f.presence === "implicit" && !f.oneof ? "v !== 0" : "";
      return ifSet(cond, writeTagged("enum", no, "v", f));
    }
    case "message":
      return ifSet("", writeSubMessage(names.codec(f.message), no, "v", f.delimited, "mark"));
    case "list": {
      if (f.elementKind === "message") {
        const one = writeSubMessage(names.codec(f.message), no, at, f.delimited, "mark");
        return ifSet(nonEmptyList(names), ["for (let i = 0; i < v.length; i++) {", ...one.map((l) => `  ${l}`), "}"]);
      }
      const scalar: ScalarType | "enum" = f.elementKind === "enum" ? "enum" : f.scalar;
      const nonEmpty = nonEmptyList(names);
      if (f.packed) return ifSet(nonEmpty, [writeTag(tagOf(no, WireType.LengthDelimited)), `w.${packedMethod(scalar)}(v);`]);
      return ifSet(nonEmpty, ["for (let i = 0; i < v.length; i++) {", ...writeTagged(scalar, no, at, f).map((l) => `  ${l}`), "}"]);
    }
    case "map": {
      // Key and value are written even when zero, as protoc does.
      let value: string[];
      switch (f.elementKind) {
        case "scalar":
          value = writeTagged(f.scalar, 2, "e", f);
          break;
        case "enum":
          value = writeTagged("enum", 2, "e", f);
          break;
        case "message":
          value = writeSubMessage(names.codec(f.message), 2, "e", false, "valueMark");
          break;
      }
      const entry = [`const mark = w.beginDelimited(${tagOf(no, WireType.LengthDelimited)});`, ...writeTagged(f.mapKey, 1, "k", f), ...value, "w.endDelimited(mark);"];
      return ifSet(`(typeof v.size === "number" ? v.size !== 0 : ${rtName(names)}.notMap(v))`, ["for (const [k, e] of v) {", ...entry.map((l) => `  ${l}`), "}"]);
    }
  }
}
