import type { DescExtension, DescField, DescFile, DescMessage } from "../reflect/descriptors.js";
import type { DescriptorProto, FieldDescriptorProto } from "../reflect/descriptor-types.js";
import { createFileRegistry } from "../reflect/file-registry.js";
import { fieldFullName } from "../reflect/names.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { getSetValue, setFieldValue } from "../message/fields.js";
import { forEachSubMessage } from "./deterministic.js";
import { entryZeroValue } from "../message/fields.js";

type FieldType = FieldDescriptorProto["type"];
const TYPE_STRING: FieldType = 9;
const TYPE_BYTES: FieldType = 12;
const TYPE_MESSAGE: FieldType = 11;
const LENGTH_PREFIXED = 1;

/**
 * The schema as protoc's DynamicMessage holds messages, for the codec commands. protoforge's
 * runtime keeps a string field as a JS string (so bytes that are not UTF-8 are lost) and a map as
 * a Map (one entry per key); protoc keeps the bytes, and every map entry it reads or parses. The
 * codec commands therefore work on a copy of the schema in which
 *  - string fields are bytes fields (strings and bytes read, parse, print and write alike), and
 *  - map fields are lists of their entry messages, whose key and value have explicit presence,
 * except, when decoding, maps whose values are closed enums: protoc moves an entry with an unknown value to the unknown
 * fields, as the runtime's maps do, so these stay maps; with a string key they become maps keyed
 * by bytes, which keep every entry too (no two keys are the same Uint8Array).
 */
export interface FaithfulSchema {
  readonly registry: Registry;
  /** The copy of a message type. */
  message(typeName: string): DescMessage | undefined;
  /** True for a list of entries that is a map in the real schema. */
  isMap(field: DescField): boolean;
  /** True for a bytes field that is a string in the real schema whose values must be UTF-8. */
  requiresUtf8(field: DescField | DescExtension): boolean;
}

/** What the copy is for: decoding keeps maps of closed enums as maps (see FaithfulSchema). */
export type FaithfulMode = "decode" | "encode";

const cache = new WeakMap<Registry, Map<string, FaithfulSchema>>();

/**
 * The faithful copy of the files `root` needs: its file, the files that file imports, and the
 * files that extend their messages (made once per registry, file and mode).
 */
export function faithfulSchema(real: Registry, root: DescMessage, mode: FaithfulMode): FaithfulSchema {
  let byKey = cache.get(real);
  if (!byKey) cache.set(real, (byKey = new Map()));
  const key = `${mode} ${root.file.name}`;
  let schema = byKey.get(key);
  if (!schema) byKey.set(key, (schema = buildSchema(real, neededFiles(real, root.file), mode)));
  return schema;
}

/** `file`, its imports, and the files that extend messages of any of these (with their imports), to a fixpoint. */
function neededFiles(real: Registry, file: DescFile): DescFile[] {
  const needed = new Set<DescFile>();
  const add = (f: DescFile): void => {
    if (needed.has(f)) return;
    needed.add(f);
    f.dependencies.forEach(add);
  };
  add(file);
  const all = [...real.files()];
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of all) {
      if (needed.has(f) || !extensionsOf(f).some((x) => needed.has(x.extendee.file))) continue;
      add(f);
      grown = true;
    }
  }
  return all.filter((f) => needed.has(f));
}

function extensionsOf(file: DescFile): DescExtension[] {
  const out = [...file.extensions];
  const visit = (m: DescMessage): void => {
    out.push(...m.nestedExtensions);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  return out;
}

function buildSchema(real: Registry, files: readonly DescFile[], mode: FaithfulMode): FaithfulSchema {
  const mapFields = new Set<string>();
  const utf8Fields = new Set<string>();
  const protos = files.map((file) => {
    const rw: FileRewrite = { real, mode, editions: file.syntax === "editions", mapFields, utf8Fields };
    const prefix = file.packageName ? file.packageName + "." : "";
    const p = file.proto;
    return {
      ...p,
      messageType: p.messageType.map((m) => rewriteMessage(m, prefix, rw)),
      extension: p.extension.map((x) => rewriteField(x, real.getExtension(prefix + (x.name ?? "")), rw)),
    };
  });
  const copies = createFileRegistry(protos);
  const registry = withOtherFiles(copies, real, mode);
  return {
    registry,
    message: (typeName) => copies.getMessage(typeName),
    isMap: (field) => mapFields.has(fieldFullName(field)),
    requiresUtf8: (field) => utf8Fields.has(fieldFullName(field)),
  };
}

/**
 * The copies, and the types and extensions of the other files of `real` in copies made when they
 * are asked for: an Any may hold a message of any file (protoc finds it in its whole pool).
 */
function withOtherFiles(copies: Registry, real: Registry, mode: FaithfulMode): Registry {
  const other = (message: DescMessage | undefined) => (message && !copies.getFile(message.file.name) ? faithfulSchema(real, message, mode).registry : undefined);
  return {
    getMessage: (typeName) => copies.getMessage(typeName) ?? other(real.getMessage(typeName))?.getMessage(typeName),
    getEnum: (typeName) => copies.getEnum(typeName),
    getExtension: (typeName) => copies.getExtension(typeName) ?? other(real.getExtension(typeName)?.extendee)?.getExtension(typeName),
    getExtensionFor: (extendee, number) => {
      const name = typeof extendee === "string" ? extendee : extendee.typeName;
      return copies.getExtensionFor(name, number) ?? other(real.getMessage(name))?.getExtensionFor(name, number);
    },
    getService: (typeName) => copies.getService(typeName),
    getFile: (name) => copies.getFile(name),
    files: () => copies.files(),
  };
}

interface FileRewrite {
  readonly real: Registry;
  readonly mode: FaithfulMode;
  readonly editions: boolean;
  /** Fields turned from maps into lists, and from strings into bytes (that must be UTF-8), by full name. */
  readonly mapFields: Set<string>;
  readonly utf8Fields: Set<string>;
}

/** A copy of a message's proto (its nested types too) with string fields as bytes and maps as lists; what does not change is shared. */
function rewriteMessage(proto: DescriptorProto, prefix: string, rw: FileRewrite): DescriptorProto {
  const typeName = prefix + (proto.name ?? "");
  const desc = rw.real.getMessage(typeName);
  if (!desc) return proto;
  const copy = {
    ...proto,
    nestedType: proto.nestedType.map((n) => rewriteMessage(n, typeName + ".", rw)),
    extension: proto.extension.map((x) => rewriteField(x, rw.real.getExtension(`${typeName}.${x.name ?? ""}`), rw)),
    field: proto.field.map((f) => rewriteField(f, desc.fieldByName(f.name ?? ""), rw)),
  };
  copy.field.forEach((f, i) => {
    const field = desc.fieldByName(f.name ?? "");
    if (field?.fieldKind === "map" && !(rw.mode === "decode" && field.elementKind === "enum" && !field.enum.open)) copy.field[i] = mapToList(f, field, copy, rw);
  });
  return copy;
}

/** Turns a map field into a list of its entry messages (changing the entry in `parent`), whose key and value get explicit presence. */
function mapToList(f: FieldDescriptorProto, field: DescField, parent: DescriptorProto, rw: FileRewrite): FieldDescriptorProto {
  rw.mapFields.add(fieldFullName(field));
  const i = parent.nestedType.findIndex((n) => n.name === field.proto.typeName?.split(".").pop());
  const entry = parent.nestedType[i];
  if (!entry) return f;
  parent.nestedType[i] = {
    ...entry,
    options: { ...entry.options!, mapEntry: false },
    // Under editions, a file may make messages delimited by default; map entries and their values never are.
    field: entry.field.map((kv) => (rw.editions && kv.type === TYPE_MESSAGE ? lengthPrefixed({ ...kv, proto3Optional: true }) : { ...kv, proto3Optional: true })),
  };
  return rw.editions ? lengthPrefixed({ ...f }) : f;
}

/** A string field becomes a bytes field (without its default, written for a string). */
function rewriteField(f: FieldDescriptorProto, real: DescField | DescExtension | undefined, rw: FileRewrite): FieldDescriptorProto {
  if (f.type !== TYPE_STRING || !real) return f;
  if (real.validateUtf8) rw.utf8Fields.add(fieldFullName(real));
  const copy: FieldDescriptorProto = { ...f, type: TYPE_BYTES };
  delete copy.defaultValue;
  return copy;
}

function lengthPrefixed(f: FieldDescriptorProto): FieldDescriptorProto {
  const options = { ...(f.options ?? { $typeName: "google.protobuf.FieldOptions" }) } as NonNullable<FieldDescriptorProto["options"]>;
  options.features = { ...(options.features ?? { $typeName: "google.protobuf.FeatureSet" }), messageEncoding: LENGTH_PREFIXED } as NonNullable<typeof options.features>;
  f.options = options;
  return f;
}

/**
 * Sets the key and value of every map entry (of maps kept as lists) that lacks them, to their
 * defaults: protoc writes both always. Goes through the messages inside `msg` too.
 */
export function completeMapEntries(desc: DescMessage, msg: Message, schema: FaithfulSchema, depth = 0): void {
  if (depth > 100) return;
  for (const field of desc.fields) {
    if (field.fieldKind !== "list" || field.elementKind !== "message" || !schema.isMap(field)) continue;
    const key = field.message.field(1);
    const value = field.message.field(2);
    for (const entry of (getSetValue(msg, field) ?? []) as Message[]) {
      if (key && getSetValue(entry, key) === undefined) setFieldValue(entry, key, entryZeroValue(key));
      if (value && getSetValue(entry, value) === undefined) setFieldValue(entry, value, entryZeroValue(value));
    }
  }
  forEachSubMessage(desc, msg, (d, m) => completeMapEntries(d, m, schema, depth + 1));
}

