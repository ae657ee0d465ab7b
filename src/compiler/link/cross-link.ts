/**
 * Cross-linking (protoc's CrossLinkFile/Message/Field/Method): resolves extendees, field types
 * and method types by protoc's scoping rules, sets the types of named fields, checks enum
 * defaults, oneof layout, and field number uniqueness, with protoc's errors.
 */
import type { Builder } from "./builder.js";
import { Label, Type, cppType, type EnumDesc, type FieldDesc, type FileDesc, type MessageDesc, type MethodDesc, type SymbolEntry } from "./model.js";
import { isIdentifier } from "../literals.js";
import { MAX_FIELD_NUMBER } from "./build-message.js";

/** Cross-links every message, extension and service of the file. */
export function crossLinkFile(b: Builder, file: FileDesc): void {
  for (const m of file.messages) crossLinkMessage(b, m);
  for (const f of file.extensions) crossLinkField(b, f);
  for (const s of file.services) for (const m of s.methods) crossLinkMethod(b, m);
}

function crossLinkMessage(b: Builder, msg: MessageDesc): void {
  for (const n of msg.nestedTypes) crossLinkMessage(b, n);
  for (const f of msg.fields) crossLinkField(b, f);
  for (const f of msg.extensions) crossLinkField(b, f);
  msg.fields.forEach((f, i) => {
    const oneof = f.oneof;
    if (oneof === undefined) return;
    if (oneof.fields.length > 0 && msg.fields[i - 1]!.oneof !== oneof) {
      const prev = msg.fields[i - 1]!;
      b.error(
        `${msg.fullName}.${prev.name}`,
        prev.proto,
        "TYPE",
        `Fields in the same oneof must be defined consecutively. "${prev.name}" cannot be defined before the completion of the "${oneof.name}" oneof definition.`,
      );
    }
    oneof.fields.push(f);
  });
  for (const o of msg.oneofs) {
    if (o.fields.length === 0) b.error(`${msg.fullName}.${o.name}`, o.proto, "NAME", "Oneof must have at least one field.");
  }
  for (const f of msg.fields) {
    if (f.proto3Optional && (f.oneof === undefined || !isSynthetic(f.oneof.fields))) {
      b.error(msg.fullName, f.proto, "OTHER", "Fields with proto3_optional set must be a member of a one-field oneof");
    }
  }
  let firstSynthetic = -1;
  msg.oneofs.forEach((o, i) => {
    if (isSynthetic(o.fields)) {
      if (firstSynthetic === -1) firstSynthetic = i;
    } else if (firstSynthetic !== -1) {
      b.error(msg.fullName, o.proto, "OTHER", "Synthetic oneofs must be after all other oneofs");
    }
  });
}

/** A oneof is synthetic when its only field is a proto3 optional field. */
export function isSynthetic(fields: readonly FieldDesc[]): boolean {
  return fields.length === 1 && fields[0]!.proto3Optional;
}

function visibilityError(b: Builder, s: SymbolEntry, usage: string): string | undefined {
  if (s.kind !== "message" && s.kind !== "enum") return undefined;
  const desc = s.desc as MessageDesc | EnumDesc;
  if (desc.file === b.file) return undefined;
  const keyword = desc.proto.visibility ?? 0;
  let visible: boolean;
  if (keyword !== 0) {
    visible = keyword === 2;
  } else {
    switch (desc.features.defaultSymbolVisibility) {
      case 2: visible = desc.parent === undefined; break; // EXPORT_TOP_LEVEL
      case 3: case 4: visible = false; break; // LOCAL_ALL, STRICT
      default: visible = true;
    }
  }
  if (visible) return undefined;
  const names = ["DEFAULT_SYMBOL_VISIBILITY_UNKNOWN", "EXPORT_ALL", "EXPORT_TOP_LEVEL", "LOCAL_ALL", "STRICT"];
  const reason =
    keyword === 1
      ? "It is explicitly marked 'local'"
      : `It defaulted to local from file-level 'option features.default_symbol_visibility = '${names[desc.features.defaultSymbolVisibility]}';`;
  return `Symbol "${desc.fullName}", defined in "${desc.file.name}" ${usage} is not visible from "${b.file.name}". ${reason} and cannot be accessed outside its own file`;
}

function crossLinkField(b: Builder, field: FieldDesc): void {
  const proto = field.proto;
  if (proto.extendee !== undefined && field.isExtension) {
    const extendee = b.lookupSymbol(proto.extendee, field.fullName);
    if (extendee === undefined) {
      b.notDefined(field.fullName, proto, "EXTENDEE", proto.extendee);
      return;
    }
    if (extendee.kind !== "message") {
      b.error(field.fullName, proto, "EXTENDEE", `"${proto.extendee}" is not a message type.`);
      return;
    }
    const vis = visibilityError(b, extendee, "target of extend");
    if (vis !== undefined) {
      b.error(field.fullName, proto, "EXTENDEE", vis);
      return;
    }
    const target = extendee.desc as MessageDesc;
    field.containingType = target;
    if (!target.extensionRanges.some((r) => field.number >= r.start && field.number < r.end)) {
      b.error(field.fullName, proto, "NUMBER", `"${target.fullName}" does not declare ${field.number} as an extension number.`);
    }
  }
  if (field.oneof !== undefined && field.label !== Label.OPTIONAL) {
    b.error(field.fullName, proto, "NAME", "Fields of oneofs must themselves have label LABEL_OPTIONAL.");
  }
  if (proto.typeName !== undefined) {
    const found = b.lookupSymbol(proto.typeName, field.fullName, "types");
    if (found === undefined) {
      b.notDefined(field.fullName, proto, "TYPE", proto.typeName);
      return;
    }
    const vis = visibilityError(b, found, "");
    if (vis !== undefined) {
      b.error(field.fullName, proto, "TYPE", vis);
      return;
    }
    if (proto.type === undefined) {
      if (found.kind === "message") field.type = Type.MESSAGE;
      else if (found.kind === "enum") field.type = Type.ENUM;
      else {
        b.error(field.fullName, proto, "TYPE", `"${proto.typeName}" is not a type.`);
        return;
      }
    }
    const kind = cppType(field.type!);
    if (kind === "message") {
      if (found.kind !== "message") {
        b.error(field.fullName, proto, "TYPE", `"${proto.typeName}" is not a message type.`);
        return;
      }
      field.messageType = found.desc as MessageDesc;
      if (field.hasDefault) b.error(field.fullName, proto, "DEFAULT_VALUE", "Messages can't have default values.");
    } else if (kind === "enum") {
      if (found.kind !== "enum") {
        b.error(field.fullName, proto, "TYPE", `"${proto.typeName}" is not an enum type.`);
        return;
      }
      const e = found.desc as EnumDesc;
      field.enumType = e;
      if (field.hasDefault) {
        const text = proto.defaultValue!;
        if (!isIdentifier(text)) {
          b.error(field.fullName, proto, "DEFAULT_VALUE", "Default value for an enum field must be an identifier.");
        } else {
          const v = e.valuesByName.get(text);
          if (v !== undefined) field.defaultText = v.name;
          else b.error(field.fullName, proto, "DEFAULT_VALUE", `Enum type "${e.fullName}" has no value named "${text}".`);
        }
      }
    } else {
      b.error(field.fullName, proto, "TYPE", "Field with primitive type has type_name.");
    }
  } else if (field.type === Type.MESSAGE || field.type === Type.GROUP || field.type === Type.ENUM) {
    b.error(field.fullName, proto, "TYPE", "Field with message or enum type missing type_name.");
  }
  addFieldByNumber(b, field);
}

/**
 * Registers the field by number in its containing type; reports protoc's duplicate number errors.
 * As in protoc's FileDescriptorTables, a message's leading run of fields numbered 1, 2, 3... is
 * not in the table but found by position: a number in that run belongs to the field declared
 * there, even when that field failed to cross-link.
 */
function addFieldByNumber(b: Builder, field: FieldDesc): void {
  const owner = field.containingType;
  let byNumber = b.fieldsByNumber.get(owner);
  if (byNumber === undefined) b.fieldsByNumber.set(owner, (byNumber = new Map()));
  let conflict: FieldDesc | undefined;
  if (owner !== undefined && field.number >= 1 && field.number <= sequentialLimit(owner)) {
    const there = owner.fields[field.number - 1]!;
    if (there === field) {
      owner.fieldsByNumber.set(field.number, field);
      return;
    }
    conflict = there;
  } else {
    conflict = byNumber.get(field.number);
  }
  if (conflict === undefined) {
    byNumber.set(field.number, field);
    if (!field.isExtension && owner !== undefined) owner.fieldsByNumber.set(field.number, field);
    if (field.isExtension && !b.pool.addExtension(field)) {
      const other = b.pool.findExtension(field.containingType!, field.number)!;
      b.warning(
        field.fullName,
        field.proto,
        "NUMBER",
        `Extension number ${field.number} has already been used in "${owner?.fullName ?? "unknown"}" by extension "${other.fullName}" defined in ${other.file.name}.`,
      );
    }
    return;
  }
  const ownerName = owner?.fullName ?? "unknown";
  if (field.isExtension) {
    b.error(field.fullName, field.proto, "NUMBER", `Extension number ${field.number} has already been used in "${ownerName}" by extension "${conflict.fullName}".`);
    return;
  }
  const used: [number, number][] = [];
  for (const f of owner!.fields) used.push([f.number, f.number]);
  for (const r of owner!.extensionRanges) used.push([r.start, r.end - 1]);
  for (const r of owner!.proto.reservedRange) used.push([r.start ?? 0, (r.end ?? 0) - 1]);
  used.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let proposed = 1;
  let prev: [number, number] | undefined;
  for (const u of used) {
    if (prev !== undefined && prev[0] === u[0] && prev[1] === u[1]) continue;
    prev = u;
    if (u[0] <= proposed && proposed <= u[1]) proposed = u[1] + 1;
    else break;
  }
  const suggestion = proposed <= MAX_FIELD_NUMBER ? `Next available field number is ${proposed}` : "There are no available field numbers";
  b.error(
    field.fullName,
    field.proto,
    "NUMBER",
    `Field number ${field.number} has already been used in "${ownerName}" by field "${conflict.name}". ${suggestion}.`,
  );
}

const sequentialLimits = new WeakMap<MessageDesc, number>();

/** How many of the message's first fields are numbered 1, 2, 3... (protoc's sequential_field_limit_). */
function sequentialLimit(m: MessageDesc): number {
  let i = sequentialLimits.get(m);
  if (i !== undefined) return i;
  i = 0;
  while (i < m.proto.field.length && m.proto.field[i]!.number === i + 1) i++;
  sequentialLimits.set(m, i);
  return i;
}

function crossLinkMethod(b: Builder, method: MethodDesc): void {
  const proto = method.proto;
  const resolve = (name: string, where: "INPUT_TYPE" | "OUTPUT_TYPE"): MessageDesc | undefined => {
    const found = b.lookupSymbol(name, method.fullName);
    if (found === undefined) {
      b.notDefined(method.fullName, proto, where, name);
      return undefined;
    }
    if (found.kind !== "message") {
      b.error(method.fullName, proto, where, `"${name}" is not a message type.`);
      return undefined;
    }
    const vis = visibilityError(b, found, "");
    if (vis !== undefined) {
      b.error(method.fullName, proto, where, vis);
      return undefined;
    }
    return found.desc as MessageDesc;
  };
  method.inputType = resolve(proto.inputType ?? "", "INPUT_TYPE");
  method.outputType = resolve(proto.outputType ?? "", "OUTPUT_TYPE");
}
