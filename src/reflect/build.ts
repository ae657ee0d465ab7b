import type {
  DescEnum,
  DescEnumValue,
  DescExtension,
  DescField,
  DescFile,
  DescMessage,
  DescMethod,
  DescOneof,
  DescService,
  ElementInfo,
  FieldKindInfo,
  FieldPresence,
} from "./descriptors.js";
import type { DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorProto, ServiceDescriptorProto } from "./descriptor-types.js";
import { parseDefaultValue } from "./default-value.js";
import {
  Edition,
  EnumTypeFeature,
  FieldPresenceFeature,
  MessageEncodingFeature,
  RepeatedFieldEncodingFeature,
  Utf8ValidationFeature,
  featureDefaults,
  mergeFeatures,
  withFeatures,
  type FeatureDefaultsTable,
  type ResolvedFeatures,
} from "./features.js";
import { localName, protoCamelCase } from "./names.js";
import { isPackableScalar, type ScalarType } from "./scalar.js";

/** Where a file being built finds its dependencies and the types they define, and registers its own. */
export interface BuildContext {
  readonly featureDefaults: FeatureDefaultsTable;
  findFile(name: string): DescFile | undefined;
  /** Looks up a message or enum by fully-qualified name (no leading dot). */
  findType(typeName: string): DescMessage | DescEnum | undefined;
  /** Registers a new message, enum, extension or service; throws on a duplicate name. */
  addType(desc: DescMessage | DescEnum | DescExtension | DescService): void;
}

/** An error in a descriptor: a missing dependency, an unresolvable type, an invalid value. */
export class DescriptorError extends Error {
  override name = "DescriptorError";
}

const TYPE_GROUP = 10;
const TYPE_MESSAGE = 11;
const TYPE_ENUM = 14;
const LABEL_REQUIRED = 2;
const LABEL_REPEATED = 3;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Builds the descriptors of one file from its FileDescriptorProto: first every message and enum
 * is created and registered (so fields can refer to types declared later), then fields,
 * extensions and services are resolved.
 */
export function buildFile(proto: FileDescriptorProto, ctx: BuildContext): DescFile {
  const name = proto.name ?? "";
  const dependencies = proto.dependency.map((dep) => {
    const f = ctx.findFile(dep);
    if (!f) throw new DescriptorError(`${name}: dependency "${dep}" has not been loaded`);
    return f;
  });
  const syntax = proto.syntax === "proto3" ? "proto3" : proto.syntax === "editions" ? "editions" : "proto2";
  const edition = syntax === "proto3" ? Edition.PROTO3 : syntax === "editions" ? proto.edition ?? 0 : Edition.PROTO2;
  if (syntax === "editions" && !(edition >= Edition.E2023)) throw new DescriptorError(`${name}: unsupported edition ${edition}`);
  const table = ctx.featureDefaults;
  const file: Mutable<DescFile> = {
    kind: "file",
    name,
    packageName: proto.package ?? "",
    syntax,
    edition,
    dependencies,
    messages: [],
    enums: [],
    extensions: [],
    services: [],
    features: mergeFeatures(table, featureDefaults(table, edition), proto.options?.features),
    proto,
  };
  const prefix = file.packageName ? file.packageName + "." : "";
  const pending: Array<() => void> = [];
  for (const m of proto.messageType) file.messages.push(createMessage(m, file, undefined, prefix, ctx, pending));
  for (const e of proto.enumType) file.enums.push(createEnum(e, file, undefined, prefix, ctx));
  for (const x of proto.extension) {
    pending.push(() => {
      const ext = createExtension(x, file, undefined, prefix, file.features, ctx);
      file.extensions.push(ext);
    });
  }
  for (const s of proto.service) pending.push(() => file.services.push(createService(s, file, prefix, ctx)));
  for (const p of pending) p();
  return file;
}

/**
 * The same string, made an internalized (unique) string where the engine has them: property keys
 * are. A message's `$typeName` is its type's `typeName`, and the encoders compare it with the
 * name as a literal: two internalized strings compare by identity, others by content.
 */
function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

function createMessage(
  proto: DescriptorProto,
  file: DescFile,
  parent: DescMessage | undefined,
  prefix: string,
  ctx: BuildContext,
  pending: Array<() => void>,
): DescMessage {
  const typeName = interned(prefix + proto.name);
  const fields: DescField[] = [];
  const byNumber = new Map<number, DescField>();
  const byName = new Map<string, DescField>();
  const byJsonName = new Map<string, DescField>();
  const features = mergeFeatures(ctx.featureDefaults, parent?.features ?? file.features, proto.options?.features);
  const msg: Mutable<DescMessage> = {
    kind: "message",
    typeName,
    name: proto.name ?? "",
    file,
    parent,
    fields,
    fieldsByNumber: [],
    oneofs: [],
    members: [],
    nestedMessages: [],
    nestedEnums: [],
    nestedExtensions: [],
    isMapEntry: proto.options?.mapEntry === true,
    isMessageSet: proto.options?.messageSetWireFormat === true,
    extensionRanges: proto.extensionRange.map((r) => [r.start ?? 0, r.end ?? 0] as const),
    features,
    proto,
    field: (no) => byNumber.get(no),
    fieldByName: (n) => byName.get(n),
    fieldByJsonName: (n) => byJsonName.get(n),
  };
  ctx.addType(msg);
  const nestedPrefix = typeName + ".";
  for (const n of proto.nestedType) msg.nestedMessages.push(createMessage(n, file, msg, nestedPrefix, ctx, pending));
  for (const e of proto.enumType) msg.nestedEnums.push(createEnum(e, file, msg, nestedPrefix, ctx));
  pending.push(() => {
    const oneofs: (Mutable<DescOneof> | undefined)[] = proto.oneofDecl.map(() => undefined);
    // Property names must be unique: a name that two members map to (foo_bar and fooBar) gets a suffix.
    const taken = new Set<string>();
    const uniqueName = (name: string, suffix: number): string => {
      const unique = taken.has(name) ? `${name}$${suffix}` : name;
      taken.add(unique);
      return unique;
    };
    for (const fp of proto.field) {
      const idx: number | undefined = fp.proto3Optional === true ? undefined : fp.oneofIndex;
      let oneof: Mutable<DescOneof> | undefined;
      if (idx !== undefined) {
        const decl = proto.oneofDecl[idx];
        if (!decl) throw new DescriptorError(`${typeName}.${fp.name}: oneof_index ${idx} is out of range`);
        oneof = oneofs[idx] ??= {
          kind: "oneof",
          name: decl.name ?? "",
          localName: uniqueName(localName(decl.name ?? ""), idx),
          parent: msg,
          fields: [],
          proto: decl,
        };
      }
      const name = oneof ? localName(fp.name ?? "") : uniqueName(localName(fp.name ?? ""), fp.number ?? 0);
      const field = createField(fp, msg, oneof, name, ctx);
      fields.push(field);
      oneof?.fields.push(field);
      byNumber.set(field.number, field);
      byName.set(field.name, field);
      byJsonName.set(field.jsonName, field);
      if (oneof === undefined) msg.members.push(field);
      else if (oneof.fields.length === 1) msg.members.push(oneof);
    }
    msg.oneofs = oneofs.filter((o): o is Mutable<DescOneof> => o !== undefined);
    msg.fieldsByNumber = [...fields].sort((a, b) => a.number - b.number);
  });
  for (const x of proto.extension) {
    pending.push(() => msg.nestedExtensions.push(createExtension(x, file, msg, nestedPrefix, features, ctx)));
  }
  return msg;
}

function createEnum(proto: EnumDescriptorProto, file: DescFile, parent: DescMessage | undefined, prefix: string, ctx: BuildContext): DescEnum {
  const values: DescEnumValue[] = [];
  const byNumber = new Map<number, DescEnumValue>();
  const byName = new Map<string, DescEnumValue>();
  const features = mergeFeatures(ctx.featureDefaults, parent?.features ?? file.features, proto.options?.features);
  const desc: DescEnum = {
    kind: "enum",
    typeName: prefix + proto.name,
    name: proto.name ?? "",
    file,
    parent,
    values,
    open: features.enumType === EnumTypeFeature.OPEN,
    features,
    proto,
    value: (n) => byNumber.get(n),
    valueByName: (n) => byName.get(n),
  };
  for (const vp of proto.value) {
    const v: DescEnumValue = { kind: "enum_value", name: vp.name ?? "", number: vp.number ?? 0, parent: desc, proto: vp };
    values.push(v);
    if (!byNumber.has(v.number)) byNumber.set(v.number, v);
    byName.set(v.name, v);
  }
  ctx.addType(desc);
  return desc;
}

/** The features of a field, with proto2/proto3 syntax mapped to features as protoc does. */
function fieldFeatures(proto: FieldDescriptorProto, parentFeatures: ResolvedFeatures, file: DescFile, ctx: BuildContext): ResolvedFeatures {
  const merged = mergeFeatures(ctx.featureDefaults, parentFeatures, proto.options?.features);
  if (file.syntax === "editions") return merged;
  const legacy: Record<string, number> = {};
  if (proto.label === LABEL_REQUIRED) legacy.fieldPresence = FieldPresenceFeature.LEGACY_REQUIRED;
  if (proto.type === TYPE_GROUP) legacy.messageEncoding = MessageEncodingFeature.DELIMITED;
  if (proto.options?.packed === true) legacy.repeatedFieldEncoding = RepeatedFieldEncodingFeature.PACKED;
  if (proto.options?.packed === false) legacy.repeatedFieldEncoding = RepeatedFieldEncodingFeature.EXPANDED;
  return Object.keys(legacy).length ? withFeatures(merged, legacy) : merged;
}

function resolveTypeName(proto: FieldDescriptorProto, where: string, ctx: BuildContext): DescMessage | DescEnum {
  const ref: string = proto.typeName ?? "";
  if (!ref.startsWith(".")) throw new DescriptorError(`${where}: type name "${ref}" is not fully qualified`);
  const t = ctx.findType(ref.slice(1));
  if (!t) throw new DescriptorError(`${where}: type "${ref}" not found`);
  return t;
}

/** Works out what a field holds (and its presence) from its FieldDescriptorProto. */
function fieldKind(
  proto: FieldDescriptorProto,
  features: ResolvedFeatures,
  where: string,
  ctx: BuildContext,
): { info: FieldKindInfo; presence: FieldPresence } {
  const type: number | undefined = proto.type;
  let element: ElementInfo;
  if (type === TYPE_MESSAGE || type === TYPE_GROUP || type === TYPE_ENUM || (type === undefined && proto.typeName)) {
    const t = resolveTypeName(proto, where, ctx);
    if (t.kind === "enum") {
      if (type !== undefined && type !== TYPE_ENUM) throw new DescriptorError(`${where}: "${t.typeName}" is an enum, not a message`);
      element = { elementKind: "enum", enum: t };
    } else {
      if (type === TYPE_ENUM) throw new DescriptorError(`${where}: "${t.typeName}" is a message, not an enum`);
      const delimited = features.messageEncoding === MessageEncodingFeature.DELIMITED && !t.isMapEntry;
      element = { elementKind: "message", message: t, delimited };
    }
  } else if (type !== undefined && type >= 1 && type <= 18) {
    element = { elementKind: "scalar", scalar: type as ScalarType };
  } else {
    throw new DescriptorError(`${where}: invalid field type ${type}`);
  }
  if (proto.label === LABEL_REPEATED) {
    if (element.elementKind === "message" && element.message.isMapEntry) {
      const entry = element.message;
      const key = entry.field(1);
      const value = entry.field(2);
      if (!key || key.fieldKind !== "scalar" || !value) throw new DescriptorError(`${where}: invalid map entry ${entry.typeName}`);
      const v: ElementInfo =
        value.fieldKind === "scalar"
          ? { elementKind: "scalar", scalar: value.scalar }
          : value.fieldKind === "enum"
            ? { elementKind: "enum", enum: value.enum }
            : value.fieldKind === "message"
              ? { elementKind: "message", message: value.message, delimited: false }
              : invalid(where);
      return { info: { fieldKind: "map", mapKey: key.scalar, entry, ...v }, presence: "implicit" };
    }
    const packable = element.elementKind === "enum" || (element.elementKind === "scalar" && isPackableScalar(element.scalar));
    const packed = packable && features.repeatedFieldEncoding === RepeatedFieldEncodingFeature.PACKED;
    return { info: { fieldKind: "list", packed, ...element }, presence: "implicit" };
  }
  const required = features.fieldPresence === FieldPresenceFeature.LEGACY_REQUIRED;
  switch (element.elementKind) {
    case "message":
      return { info: { fieldKind: "message", message: element.message, delimited: element.delimited }, presence: required ? "required" : "explicit" };
    case "enum": {
      let def = element.enum.values[0]?.number ?? 0;
      if (proto.defaultValue !== undefined) {
        const v = element.enum.valueByName(proto.defaultValue);
        if (!v) throw new DescriptorError(`${where}: default value "${proto.defaultValue}" is not a value of ${element.enum.typeName}`);
        def = v.number;
      }
      return { info: { fieldKind: "enum", enum: element.enum, defaultValue: def }, presence: scalarPresence(proto, features, required) };
    }
    case "scalar": {
      let def;
      if (proto.defaultValue !== undefined) {
        try {
          def = parseDefaultValue(element.scalar, proto.defaultValue);
        } catch (e) {
          throw new DescriptorError(`${where}: ${(e as Error).message}`);
        }
      }
      return { info: { fieldKind: "scalar", scalar: element.scalar, defaultValue: def }, presence: scalarPresence(proto, features, required) };
    }
  }
}

function invalid(where: string): never {
  throw new DescriptorError(`${where}: invalid map value type`);
}

function scalarPresence(proto: FieldDescriptorProto, features: ResolvedFeatures, required: boolean): FieldPresence {
  if (required) return "required";
  if (proto.proto3Optional === true || proto.oneofIndex !== undefined || proto.extendee !== undefined) return "explicit";
  return features.fieldPresence === FieldPresenceFeature.IMPLICIT ? "implicit" : "explicit";
}

function createField(proto: FieldDescriptorProto, parent: DescMessage, oneof: DescOneof | undefined, memberName: string, ctx: BuildContext): DescField {
  const where = `${parent.typeName}.${proto.name}`;
  const features = fieldFeatures(proto, parent.features, parent.file, ctx);
  const { info, presence } = fieldKind(proto, features, where, ctx);
  return {
    kind: "field",
    name: proto.name ?? "",
    number: proto.number ?? 0,
    jsonName: proto.jsonName ?? protoCamelCase(proto.name ?? ""),
    localName: memberName,
    parent,
    oneof,
    presence: oneof ? "explicit" : presence,
    validateUtf8: features.utf8Validation === Utf8ValidationFeature.VERIFY,
    deprecated: proto.options?.deprecated === true,
    features,
    proto,
    ...info,
  } as DescField;
}

function createExtension(
  proto: FieldDescriptorProto,
  file: DescFile,
  parent: DescMessage | undefined,
  prefix: string,
  scopeFeatures: ResolvedFeatures,
  ctx: BuildContext,
): DescExtension {
  const typeName = prefix + proto.name;
  const extendeeRef: string = proto.extendee ?? "";
  if (!extendeeRef.startsWith(".")) throw new DescriptorError(`${typeName}: extendee "${extendeeRef}" is not fully qualified`);
  const extendee = ctx.findType(extendeeRef.slice(1));
  if (!extendee || extendee.kind !== "message") throw new DescriptorError(`${typeName}: extendee "${extendeeRef}" not found`);
  const features = fieldFeatures(proto, scopeFeatures, file, ctx);
  const { info, presence } = fieldKind(proto, features, typeName, ctx);
  const ext = {
    kind: "extension",
    typeName,
    name: proto.name ?? "",
    number: proto.number ?? 0,
    jsonName: proto.jsonName ?? protoCamelCase(proto.name ?? ""),
    file,
    parent,
    extendee,
    presence,
    validateUtf8: features.utf8Validation === Utf8ValidationFeature.VERIFY,
    deprecated: proto.options?.deprecated === true,
    features,
    proto,
    ...info,
  } as DescExtension;
  ctx.addType(ext);
  return ext;
}

function createService(proto: ServiceDescriptorProto, file: DescFile, prefix: string, ctx: BuildContext): DescService {
  const methods: DescMethod[] = [];
  const svc: DescService = { kind: "service", typeName: prefix + proto.name, name: proto.name ?? "", file, methods, proto };
  for (const mp of proto.method) {
    const where = `${svc.typeName}.${mp.name}`;
    const resolve = (ref: string | undefined): DescMessage => {
      const t = ref?.startsWith(".") ? ctx.findType(ref.slice(1)) : undefined;
      if (!t || t.kind !== "message") throw new DescriptorError(`${where}: message type "${ref}" not found`);
      return t;
    };
    methods.push({
      kind: "rpc",
      name: mp.name ?? "",
      parent: svc,
      input: resolve(mp.inputType),
      output: resolve(mp.outputType),
      clientStreaming: mp.clientStreaming === true,
      serverStreaming: mp.serverStreaming === true,
      proto: mp,
    });
  }
  ctx.addType(svc);
  return svc;
}
