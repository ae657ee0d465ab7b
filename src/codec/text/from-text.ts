import type { DescExtension, DescField, DescMessage } from "../../reflect/descriptors.js";
import type { MapKey, Message, OneofValue } from "../../reflect/message.js";
import type { Registry } from "../../reflect/registry.js";
import { ScalarType, scalarZeroValue } from "../../reflect/scalar.js";
import { utf8Encode } from "../../wire/utf8.js";
import { createEmpty } from "../../message/create.js";
import { getSetValue } from "../../message/fields.js";
import { toBinary } from "../binary/to-binary.js";
import { appendExtension, hasExtension } from "./extensions.js";
import { findExtensionByPrintableName, findFieldByTextName, isExtensionNumber, isReservedNumber } from "./field-names.js";
import { consumeEnum, consumeIdentifier, consumeScalar } from "./parse-value.js";
import { skipFieldBody, type SkipContext } from "./skip-field.js";
import { TextFormatError, type TextDiagnostic } from "./errors.js";
import { Tokenizer } from "./tokenizer.js";
import { consumeBracketName } from "./type-url.js";
import type { GenMessage } from "../../reflect/embedded-file.js";

/** Options for parsing the text format. */
export interface TextReadOptions {
  /** Where to find extensions (`[full.name]`) and the types of expanded `Any` values. */
  registry?: Registry;
  /** Skip unknown fields and extensions instead of failing (their values are guessed at and dropped). Default false. */
  ignoreUnknownFields?: boolean;
  /** Accept field numbers in place of field names. Default false. */
  allowFieldNumbers?: boolean;
  /** How deep messages may nest. Default 100. */
  maxDepth?: number;
  /** Let a later value of a non-repeated field (or oneof) replace an earlier one instead of failing. Default false for fromText, true for mergeFromText (as protoc's Parse and Merge). */
  allowSingularOverwrites?: boolean;
  /**
   * Go on after the errors protoc's tokenizer goes on after (a bad escape, a newline in a string, a
   * malformed number, a stray control character) and report every error, as protoc does: parsing
   * stops at the first other error, and the TextFormatError thrown is the first error, with all of
   * them (and the warnings) in `diagnostics`. Default false: the first error is thrown.
   */
  collectErrors?: boolean;
  /** Called with each warning, as it is found: a deprecated field, or an unknown field or extension skipped by ignoreUnknownFields. */
  onWarning?: (warning: TextDiagnostic) => void;
  /**
   * Accept string values as protoc does where the text format spec is stricter: invalid UTF-8 in
   * string fields that require UTF-8 (decoded with U+FFFD, since a string holds characters), `\u`
   * escapes naming surrogates (a pair makes one character; a lone one is encoded as protoc encodes
   * it), and `\U` escapes above 0x10ffff (kept as written). Default false: they are errors, as the
   * spec and the conformance suite require.
   */
  lenientStrings?: boolean;
}

/**
 * Parses the text format into a new message of type `desc`. Throws a TextFormatError naming line
 * and column. The input is text, or its bytes (read as protoc reads them: string literals keep
 * their bytes even when they are not UTF-8).
 */
export function fromText<T extends Message = Message>(desc: GenMessage<T>, text: string | Uint8Array, options?: TextReadOptions): T {
  const msg = createEmpty<T>(desc);
  new TextParser(text, options, false).parseAll(desc, msg);
  return msg;
}

/** Parses the text format into an existing message: later singular values replace earlier ones, lists append, messages merge. */
export function mergeFromText<T extends Message = Message>(desc: GenMessage<T>, msg: NoInfer<T>, text: string | Uint8Array, options?: TextReadOptions): T {
  new TextParser(text, options, true).parseAll(desc, msg);
  return msg;
}

/** Where a parsed value goes: a message's property, or the `value` of an extension holder. */
interface Slot {
  readonly field: DescField | DescExtension;
  readonly obj: Record<string, unknown>;
  readonly key: string;
  /** The oneof's property, for a oneof member. */
  readonly oneof: string | undefined;
}

/** The recursive-descent parser: one instance per input. */
class TextParser implements SkipContext {
  readonly tk: Tokenizer;
  readonly numbersAsNames: boolean;
  private readonly fieldNumbers: boolean;
  private readonly registry: Registry | undefined;
  private readonly ignoreUnknown: boolean;
  private readonly overwrite: boolean;
  private readonly maxDepth: number;
  private depthLeft: number;
  private readonly lenientStrings: boolean;
  private readonly collectErrors: boolean;
  private readonly onWarning: ((warning: TextDiagnostic) => void) | undefined;
  /** Errors and warnings reported so far, in order. */
  private readonly diagnostics: TextDiagnostic[] = [];

  constructor(text: string | Uint8Array, options: TextReadOptions | undefined, merging: boolean) {
    this.collectErrors = options?.collectErrors ?? false;
    this.onWarning = options?.onWarning;
    this.lenientStrings = options?.lenientStrings ?? false;
    const onError = (message: string, line: number, column: number) => {
      const e: TextDiagnostic = { severity: "error", line: line + 1, column: column + 1, message };
      this.diagnostics.push(e);
      if (!this.collectErrors) throw new TextFormatError(message, e, "syntax", this.diagnostics);
    };
    this.tk = new Tokenizer(text, { onError, lenientStrings: this.lenientStrings });
    this.registry = options?.registry;
    this.ignoreUnknown = options?.ignoreUnknownFields ?? false;
    this.fieldNumbers = options?.allowFieldNumbers ?? false;
    // Like protoc, an integer is read as a name when numbers are allowed or unknown names are skipped.
    this.numbersAsNames = this.fieldNumbers || this.ignoreUnknown;
    this.overwrite = options?.allowSingularOverwrites ?? merging;
    this.maxDepth = this.depthLeft = options?.maxDepth ?? 100;
  }

  enter(): void {
    if (--this.depthLeft < 0) this.tk.fail(`Message is too deep, the parser exceeded the configured recursion limit of ${this.maxDepth}.`, "too-deep");
  }

  leave(): void {
    this.depthLeft++;
  }

  /** Parses fields up to the end of the input; throws the first error, with every diagnostic. */
  parseAll(desc: DescMessage, msg: Message): void {
    try {
      while (this.tk.current.type !== "end") this.field(desc, msg);
    } catch (e) {
      // The tokenizer's errors come with the diagnostics already; an error of the parser stops parsing.
      if (!(e instanceof TextFormatError) || e.diagnostics === this.diagnostics) throw e;
      this.diagnostics.push(e.diagnostics[0]!);
      throw this.failure(e);
    }
    if (this.diagnostics.some((d) => d.severity === "error")) throw this.failure(undefined);
  }

  /** The error to throw: the first one reported (`parserError` when it is that), with every diagnostic. */
  private failure(parserError: TextFormatError | undefined): TextFormatError {
    const first = this.diagnostics.find((d) => d.severity === "error")!;
    const code = parserError && first === parserError.diagnostics[0] ? parserError.code : "syntax";
    return new TextFormatError(first.message, first, code, this.diagnostics);
  }

  /** Reports a warning at the current token. */
  private warn(message: string): void {
    const w: TextDiagnostic = { severity: "warning", line: this.tk.current.line + 1, column: this.tk.current.column + 1, message };
    this.diagnostics.push(w);
    this.onWarning?.(w);
  }

  /** Parses one field (name, value, optional separator) into `msg`. */
  private field(desc: DescMessage, msg: Message): void {
    const tk = this.tk;
    let field: DescField | DescExtension | undefined;
    let name: string;
    let reserved = false;
    if (tk.lookingAt("[")) {
      if (desc.typeName === "google.protobuf.Any") return this.expandedAny(desc, msg);
      const bracket = consumeBracketName(tk);
      name = bracket.name;
      if (bracket.prefix) tk.failAfterPrevious('Extension name contains "/"');
      field = this.registry && findExtensionByPrintableName(this.registry, desc, name);
      if (!field && !this.ignoreUnknown) tk.fail(`Extension "${name}" is not defined or is not an extension of "${desc.typeName}".`, "unknown-field");
      if (!field) this.warn(`Ignoring extension "${name}" which is not defined or is not an extension of "${desc.typeName}".`);
    } else {
      name = consumeIdentifier(tk, this.numbersAsNames);
      if (this.fieldNumbers && /^[0-9]+$/.test(name) && Number(name) <= 0x7fffffff) {
        const no = Number(name);
        if (isExtensionNumber(desc, no)) field = this.registry?.getExtensionFor(desc, no);
        else if (isReservedNumber(desc, no)) reserved = true;
        else field = desc.field(no);
      } else {
        field = findFieldByTextName(desc, name);
        if (!field) reserved = desc.proto.reservedName.includes(name);
      }
      if (!field && !reserved) {
        const reason = `Message type "${desc.typeName}" has no field named "${name}".`;
        if (!this.ignoreUnknown) tk.fail(reason, "unknown-field");
        this.warn(reason);
      }
    }
    if (!field) return skipFieldBody(this);
    if (field.deprecated) this.warn(`text format contains deprecated field "${name}"`);
    if (!this.overwrite) this.checkNotSet(msg, field, name);
    const holder: Record<string, unknown> = {};
    const slot: Slot =
      field.kind === "field"
        ? { field, obj: msg as unknown as Record<string, unknown>, key: field.localName, oneof: field.oneof?.localName }
        : { field, obj: holder, key: "value", oneof: undefined };
    this.fieldValue(slot);
    if (field.kind === "extension" && holder["value"] !== undefined) appendExtension(msg, field, holder["value"]);
    if (!tk.tryConsume(";")) tk.tryConsume(",");
  }

  /** Fails, as protoc's Parse does, when a non-repeated field or another member of its oneof is already set. */
  private checkNotSet(msg: Message, field: DescField | DescExtension, name: string): void {
    const repeated = field.fieldKind === "list" || field.fieldKind === "map";
    if (field.kind === "extension") {
      if (!repeated && this.registry && hasExtension(msg, field, this.registry)) this.tk.fail(`Non-repeated field "${name}" is specified multiple times.`, "duplicate-field");
      return;
    }
    if (!repeated && getSetValue(msg, field) !== undefined) this.tk.fail(`Non-repeated field "${name}" is specified multiple times.`, "duplicate-field");
    const oneof = field.oneof;
    if (!oneof) return;
    const current = (msg as unknown as Record<string, OneofValue>)[oneof.localName];
    const other = oneof.fields.find((f) => f.localName === current?.case);
    if (other) this.tk.fail(`Field "${name}" is specified along with field "${other.name}", another member of oneof "${oneof.name}".`, "duplicate-field");
  }

  /** Parses what follows a field name: `:` (optional before a message), then a value, a message, or a `[…]` list. */
  private fieldValue(slot: Slot): void {
    const tk = this.tk;
    const f = slot.field;
    const isMessage = f.fieldKind === "message" || f.fieldKind === "map" || (f.fieldKind === "list" && f.elementKind === "message");
    if (isMessage) tk.tryConsume(":");
    else tk.consume(":");
    if ((f.fieldKind === "list" || f.fieldKind === "map") && tk.tryConsume("[")) {
      if (tk.tryConsume("]")) return;
      for (;;) {
        this.oneValue(slot, isMessage);
        if (tk.tryConsume("]")) return;
        tk.consume(",");
      }
    }
    this.oneValue(slot, isMessage);
  }

  private oneValue(slot: Slot, isMessage: boolean): void {
    if (isMessage) this.messageValue(slot);
    else this.store(slot, this.scalarValue(slot.field));
  }

  private scalarValue(f: DescField | DescExtension): unknown {
    const name = f.name;
    if (f.fieldKind === "scalar" || (f.fieldKind === "list" && f.elementKind === "scalar")) return consumeScalar(this.tk, f.scalar, name, f.validateUtf8 && !this.lenientStrings);
    if (f.fieldKind === "enum" || (f.fieldKind === "list" && f.elementKind === "enum")) return consumeEnum(this.tk, f.enum, name);
    throw new Error(`field ${name} does not hold scalars`);
  }

  /** Stores a scalar or message value: appends to a list, selects a oneof member, or sets the property. */
  private store(slot: Slot, v: unknown): void {
    if (slot.field.fieldKind === "list") {
      const list = slot.obj[slot.key] as unknown[] | undefined;
      if (list) list.push(v);
      else slot.obj[slot.key] = [v];
    } else if (slot.oneof) slot.obj[slot.oneof] = { case: slot.key, value: v };
    else slot.obj[slot.key] = v;
  }

  /** Parses `{ … }` or `< … >` into a new list element, a map entry, or the (possibly existing) singular message. */
  private messageValue(slot: Slot): void {
    const f = slot.field;
    if (f.fieldKind === "map") return this.mapEntry(slot, f.entry);
    if (f.fieldKind === "list" && f.elementKind === "message") {
      const sub = createEmpty(f.message);
      this.messageBody(f.message, sub);
      return this.store(slot, sub);
    }
    if (f.fieldKind !== "message") return;
    let sub: Message | undefined;
    if (slot.oneof) {
      const o = slot.obj[slot.oneof] as OneofValue | undefined;
      sub = o?.case === slot.key ? (o.value as Message) : undefined;
    } else sub = slot.obj[slot.key] as Message | undefined;
    if (!sub) this.store(slot, (sub = createEmpty(f.message)));
    this.messageBody(f.message, sub);
  }

  /** Parses a message between `{ }` or `< >` into `msg`. */
  private messageBody(desc: DescMessage, msg: Message): void {
    const tk = this.tk;
    const close = tk.tryConsume("<") ? ">" : (tk.consume("{"), "}");
    this.enter();
    while (!tk.lookingAt(">") && !tk.lookingAt("}")) this.field(desc, msg);
    tk.consume(close);
    this.leave();
  }

  /** Parses a map entry; a missing key or value takes its default, and a later entry with the same key wins. */
  private mapEntry(slot: Slot, entryDesc: DescMessage): void {
    const f = slot.field;
    if (f.fieldKind !== "map") return;
    const entry = createEmpty(entryDesc) as unknown as Record<string, unknown>;
    this.messageBody(entryDesc, entry as unknown as Message);
    const keyField = entryDesc.field(1)!;
    const valueField = entryDesc.field(2)!;
    const k = (entry[keyField.localName] ?? scalarZeroValue(f.mapKey)) as MapKey;
    let v = entry[valueField.localName];
    if (v === undefined) {
      if (f.elementKind === "message") v = createEmpty(f.message);
      else if (f.elementKind === "enum") v = f.enum.values[0]?.number ?? 0;
      else v = scalarZeroValue(f.scalar);
    }
    let map = slot.obj[slot.key] as Map<MapKey, unknown> | undefined;
    if (!map) slot.obj[slot.key] = map = new Map();
    map.set(k, v);
  }

  /** Parses `[prefix/full.Type] { … }` in a google.protobuf.Any: the value is parsed as that type and stored serialized. */
  private expandedAny(desc: DescMessage, msg: Message): void {
    const tk = this.tk;
    const { prefix, name } = consumeBracketName(tk);
    if (!prefix) tk.failAfterPrevious("Type URL prefix is missing");
    tk.tryConsume(":");
    const valueDesc = this.registry?.getMessage(name);
    if (!valueDesc) return tk.fail(`Could not find type "${prefix}${name}" stored in google.protobuf.Any.`, "unknown-field");
    const inner = createEmpty(valueDesc);
    this.messageBody(valueDesc, inner);
    const urlField = desc.field(1)!;
    const valueField = desc.field(2)!;
    if (!this.overwrite && (getSetValue(msg, urlField) !== undefined || getSetValue(msg, valueField) !== undefined)) {
      tk.fail("Non-repeated Any specified multiple times.", "duplicate-field");
    }
    const m = msg as unknown as Record<string, unknown>;
    // A schema may hold the type URL as bytes (the CLI reads strings as bytes, as protoc keeps them).
    m[urlField.localName] = urlField.fieldKind === "scalar" && urlField.scalar === ScalarType.BYTES ? utf8Encode(prefix + name) : prefix + name;
    m[valueField.localName] = toBinary(valueDesc, inner);
    if (!tk.tryConsume(";")) tk.tryConsume(",");
  }
}
