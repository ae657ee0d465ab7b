import type { DescExtension, DescField, DescMessage, ElementInfo } from "../../reflect/descriptors.js";
import type { MapKey, Message } from "../../reflect/message.js";
import type { Registry } from "../../reflect/registry.js";
import { ScalarType, scalarZeroValue, type ScalarValue } from "../../reflect/scalar.js";
import { getSetValue } from "../../message/fields.js";
import { findInvalidValue, formatInvalidValue } from "../../message/check-values.js";
import { TextFormatError } from "./errors.js";
import { fromBinary } from "../binary/from-binary.js";
import { escapeBytes, escapeString } from "./escape.js";
import { splitUnknown } from "./extensions.js";
import { printableExtensionName, textFieldName } from "./field-names.js";
import { formatDouble, formatFloat } from "./float-format.js";
import { TextOutput } from "./text-output.js";
import { printUnknownFields } from "./unknown-text.js";
import type { GenMessage } from "../../reflect/embedded-file.js";
import { entryZeroValue } from "../../message/fields.js";

/** Options for printing the text format. */
export interface TextWriteOptions {
  /** Where to find extensions (kept in `$unknown`) and the types of `Any` values. Without it, extensions print as unknown fields. */
  registry?: Registry;
  /** Print unknown fields, by number. Default true, as protoc does. */
  printUnknownFields?: boolean;
  /** Everything on one line, like protoc's ShortDebugString. Default false. */
  singleLine?: boolean;
  /** Print `google.protobuf.Any` as `[type.url/pkg.T] { … }` when the registry knows the type. Default false, as `protoc --decode`. */
  expandAny?: boolean;
  /**
   * Says which lists of messages are maps kept as lists of their entries (every entry, duplicate
   * keys included, as protoc keeps them): they print as protoc prints maps: entries sorted by key
   * (stably), each with its key and value, defaults included, and nothing else of the entry.
   */
  mapEntryLists?: (field: DescField) => boolean;
}

interface PrintContext {
  readonly registry: Registry | undefined;
  readonly unknown: boolean;
  readonly expandAny: boolean;
  readonly mapEntryLists: ((field: DescField) => boolean) | undefined;
  readonly out: TextOutput;
}

/** Prints a message in the text format, byte for byte as `protoc --decode` does. */
export function toText<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, options?: TextWriteOptions): string {
  // A value of the wrong type fails here, with its path, rather than be printed as something else.
  const bad = findInvalidValue(desc, msg);
  if (bad) throw new TextFormatError(formatInvalidValue(desc.typeName, bad), undefined, "invalid-value");
  const ctx: PrintContext = {
    registry: options?.registry,
    unknown: options?.printUnknownFields ?? true,
    expandAny: options?.expandAny ?? false,
    mapEntryLists: options?.mapEntryLists,
    out: new TextOutput(options?.singleLine ?? false),
  };
  printMessage(desc, msg, ctx);
  return ctx.out.finish();
}

/** Fields by number with extensions mixed in, then unknown fields in the order they were read. */
function printMessage(desc: DescMessage, msg: Message, ctx: PrintContext): void {
  if (ctx.expandAny && desc.typeName === "google.protobuf.Any" && printAny(msg, ctx)) return;
  const { extensions, unknown } = splitUnknown(desc, msg, ctx.registry);
  const fields = desc.fieldsByNumber;
  let e = 0;
  for (const field of fields) {
    for (; e < extensions.length && extensions[e]!.ext.number < field.number; e++) printExtension(extensions[e]!.ext, extensions[e]!.value, ctx);
    const v = getSetValue(msg, field);
    if (v !== undefined) printField(textFieldName(field), field, v, ctx);
  }
  for (; e < extensions.length; e++) printExtension(extensions[e]!.ext, extensions[e]!.value, ctx);
  if (ctx.unknown && unknown.length > 0) printUnknownFields(unknown, ctx.out);
}

function printExtension(ext: DescExtension, value: unknown, ctx: PrintContext): void {
  printField(`[${printableExtensionName(ext)}]`, ext, value, ctx);
}

function printField(name: string, field: DescField | DescExtension, v: unknown, ctx: PrintContext): void {
  switch (field.fieldKind) {
    case "scalar":
      ctx.out.field(name, formatScalar(field.scalar, v as ScalarValue, !field.validateUtf8));
      return;
    case "enum":
      ctx.out.field(name, formatEnum(field, v as number));
      return;
    case "message":
      printSubMessage(name, field.message, v as Message, ctx);
      return;
    case "list":
      if (field.elementKind === "message" && field.kind === "field" && ctx.mapEntryLists?.(field)) return printEntryList(name, field.message, v as Message[], ctx);
      for (const e of v as unknown[]) printElement(name, field, e, !field.validateUtf8, ctx);
      return;
    case "map":
      printMap(name, field, v as Map<MapKey, unknown>, !field.validateUtf8, ctx);
      return;
  }
}

/** `escaped`: strings of a field that does not require valid UTF-8 (see formatScalar). */
function printElement(name: string, info: ElementInfo, v: unknown, escaped: boolean, ctx: PrintContext): void {
  switch (info.elementKind) {
    case "scalar":
      ctx.out.field(name, formatScalar(info.scalar, v as ScalarValue, escaped));
      return;
    case "enum":
      ctx.out.field(name, formatEnum(info, v as number));
      return;
    case "message":
      printSubMessage(name, info.message, v as Message, ctx);
  }
}

function printSubMessage(name: string, desc: DescMessage, msg: Message, ctx: PrintContext): void {
  ctx.out.open(name);
  printMessage(desc, msg, ctx);
  ctx.out.close();
}

/** Map entries sorted by key, each with both `key` and `value` printed, as protoc does. (Keys may be bytes: see compareEntryKeys.) */
function printMap(name: string, field: ElementInfo & { mapKey: ScalarType }, map: Map<MapKey, unknown>, escaped: boolean, ctx: PrintContext): void {
  const keys = [...map.keys()].sort(compareEntryKeys);
  for (const k of keys) {
    ctx.out.open(name);
    ctx.out.field("key", formatScalar(field.mapKey, k, escaped));
    printElement("value", field, map.get(k), escaped, ctx);
    ctx.out.close();
  }
}

/** A map kept as a list of entry messages, printed as printMap prints a map (see TextWriteOptions.mapEntryLists). */
function printEntryList(name: string, entryDesc: DescMessage, entries: readonly Message[], ctx: PrintContext): void {
  const keyField = entryDesc.field(1);
  const valueField = entryDesc.field(2);
  if (keyField?.fieldKind !== "scalar" || !valueField) return;
  const withKeys = entries.map((e) => ({ key: (getSetValue(e, keyField) ?? scalarZeroValue(keyField.scalar)) as EntryKey, entry: e }));
  withKeys.sort((a, b) => compareEntryKeys(a.key, b.key));
  for (const { key, entry } of withKeys) {
    ctx.out.open(name);
    ctx.out.field("key", formatScalar(keyField.scalar, key, !keyField.validateUtf8));
    printField("value", valueField, getSetValue(entry, valueField) ?? entryZeroValue(valueField), ctx);
    ctx.out.close();
  }
}

/** A map entry's key: a map key, or bytes (a string key read as bytes, as the CLI reads them to keep what protoc keeps). */
type EntryKey = MapKey | Uint8Array;

function compareEntryKeys(a: EntryKey, b: EntryKey): number {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  }
  return compareMapKeys(a as MapKey, b as MapKey);
}


/** Orders map keys as protoc does: numbers numerically, false before true, strings by UTF-8 bytes (that is, by code point). */
function compareMapKeys(a: MapKey, b: MapKey): number {
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: they sort after every other UTF-16 unit.
    const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
    const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
    return xs - ys;
  }
  return a.length - b.length;
}

/**
 * A scalar value as protoc prints it. `escaped`: a string of a field that does not require valid
 * UTF-8, whose escapes stand for bytes that were not valid UTF-8 (printed as those bytes).
 */
export function formatScalar(t: ScalarType, v: ScalarValue, escaped = false): string {
  switch (t) {
    case ScalarType.STRING:
      return `"${escapeString(v as string, escaped)}"`;
    case ScalarType.BYTES:
      return `"${escapeBytes(v as Uint8Array)}"`;
    case ScalarType.FLOAT:
      return formatFloat(v as number);
    case ScalarType.DOUBLE:
      return formatDouble(v as number);
    case ScalarType.BOOL:
      return v ? "true" : "false";
    default:
      return String(v);
  }
}

/** An enum value's name, or its number when the enum has no value with that number. */
function formatEnum(info: { enum: { value(n: number): { name: string } | undefined } }, v: number): string {
  return info.enum.value(v)?.name ?? String(v);
}

/** Prints an Any as `[type_url] { … }` when its type is known and its value decodes; false otherwise. */
function printAny(msg: Message, ctx: PrintContext): boolean {
  const any = msg as Message & { typeUrl?: string; value?: Uint8Array };
  const url = any.typeUrl ?? "";
  const slash = url.lastIndexOf("/");
  if (slash < 0 || slash === url.length - 1 || !ctx.registry) return false;
  const desc = ctx.registry.getMessage(url.slice(slash + 1));
  if (!desc) return false;
  let inner: Message;
  try {
    inner = fromBinary(desc, any.value ?? new Uint8Array(0));
  } catch {
    return false;
  }
  printSubMessage(`[${url}]`, desc, inner, ctx);
  return true;
}
