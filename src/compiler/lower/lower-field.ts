/**
 * Fields as protoc's parser fills FieldDescriptorProto (ParseMessageField and friends): label,
 * type or type_name as written, name, number, `[...]` options, default_value, json_name, the
 * nested message of a group and the synthesized entry message of a map field.
 */
import type { FieldNode, TypeRef } from "../ast.js";
import type { DescriptorProto, FieldDescriptorProto, FieldOptions } from "../../reflect/descriptor-types.js";
import type { LowerContext } from "./context.js";
import { ensureOptions, lowerOption } from "./lower-options.js";
import { subPath, subPathAt } from "./paths.js";
import { newField, newMessage, newOptions } from "./protos.js";

/** FieldDescriptorProto.Label numbers. */
export const Label = { OPTIONAL: 1, REQUIRED: 2, REPEATED: 3 } as const;
const TYPE_GROUP = 10;
const TYPE_STRING = 9;

/** Where a field's group body or map entry goes: the list of messages and its location path. */
export interface NestedTarget {
  /** The message list new nested types are appended to (a message's nested_type or the file's message_type). */
  readonly messages: DescriptorProto[];
  /** The path of the list's owner. */
  readonly parentPath: readonly number[];
  /** The field number of the list in its owner (3 for nested_type, 4 for message_type). */
  readonly fieldNo: number;
  /** Lowers a group's body into its message (lower-message.ts). */
  readonly lowerBody: (group: DescriptorProto, node: NonNullable<FieldNode["group"]>, path: readonly number[]) => void;
}

/**
 * Fills `field` from `node` (the caller created the field's location at `path`). Label defaults to
 * optional; oneof members arrive with label and oneof_index already set.
 */
export function lowerField(ctx: LowerContext, node: FieldNode, field: FieldDescriptorProto, path: readonly number[], nested: NestedTarget): void {
  const rec = ctx.rec;
  if (node.label !== undefined) {
    if (rec.enabled) rec.token(subPath(path, 4), node.label.token);
    field.label = Label[node.label.value.toUpperCase() as "OPTIONAL" | "REQUIRED" | "REPEATED"];
    if (node.label.value === "optional" && ctx.syntax === "proto3") field.proto3Optional = true;
  }
  const type = node.type!;
  ctx.mark(field, "TYPE", type.start);
  if (node.map !== undefined) {
    field.label = Label.REPEATED;
    if (rec.enabled) rec.add(subPath(path, 6), type);
  } else {
    field.label ??= Label.OPTIONAL;
    if (type.scalar !== 0) {
      field.type = type.scalar as FieldDescriptorProto["type"];
      if (rec.enabled) rec.add(subPath(path, 5), type);
    } else {
      field.typeName = type.name;
      if (rec.enabled) rec.add(subPath(path, 6), type);
    }
  }
  const nameToken = node.nameToken!;
  if (rec.enabled) rec.token(subPath(path, 1), nameToken);
  ctx.mark(field, "NAME", nameToken);
  field.name = node.name!;
  if (rec.enabled) rec.token(subPath(path, 3), node.numberToken!);
  ctx.mark(field, "NUMBER", node.numberToken!);
  field.number = node.number!;
  if (node.options !== undefined) lowerFieldOptions(ctx, node, field, path);
  if (field.type === TYPE_GROUP) lowerGroup(ctx, node, field, path, nested);
  if (node.map !== undefined) nested.messages.push(mapEntry(field, node.map.key, node.map.value));
}

function lowerFieldOptions(ctx: LowerContext, node: FieldNode, field: FieldDescriptorProto, path: readonly number[]): void {
  const rec = ctx.rec;
  const list = node.options!;
  const optionsPath = subPath(path, 8);
  rec.add(optionsPath, list);
  for (const entry of list.entries) {
    switch (entry.kind) {
      case "option":
        lowerOption(ctx, entry, ensureOptions<FieldOptions>(field, "field"), optionsPath);
        break;
      case "default":
        if (rec.enabled) rec.add(subPath(path, 7), entry);
        ctx.mark(field, "DEFAULT_VALUE", entry.start);
        field.defaultValue = entry.value;
        break;
      case "json_name":
        if (rec.enabled) rec.add(subPath(path, 10), entry);
        ctx.mark(field, "OPTION_NAME", entry.start);
        if (rec.enabled) rec.add(subPath(path, 10), entry.valueSpan!);
        ctx.mark(field, "OPTION_VALUE", entry.valueSpan!.start);
        field.jsonName = entry.value;
        break;
    }
  }
}

/** A group declares a nested message named like the field, whose name location is the field name's. */
function lowerGroup(ctx: LowerContext, node: FieldNode, field: FieldDescriptorProto, path: readonly number[], nested: NestedTarget): void {
  const rec = ctx.rec;
  const body = node.group!;
  const groupPath = subPathAt(nested.parentPath, nested.fieldNo, nested.messages.length);
  rec.add(groupPath, { start: node.start, end: body.end }, body.comments);
  const group = newMessage();
  group.name = field.name!;
  nested.messages.push(group);
  const nameToken = node.nameToken!;
  if (rec.enabled) rec.token(subPath(groupPath, 1), nameToken);
  ctx.mark(group, "NAME", nameToken);
  if (rec.enabled) rec.token(subPath(path, 6), nameToken);
  field.name = asciiLower(field.name!);
  field.typeName = group.name;
  nested.lowerBody(group, body, groupPath);
}

/** protoc's GenerateMapEntry: the `XxxEntry` message with fields key = 1 and value = 2. */
function mapEntry(field: FieldDescriptorProto, keyType: TypeRef, valueType: TypeRef): DescriptorProto {
  const entry = newMessage();
  const name = mapEntryName(field.name!);
  field.typeName = name;
  entry.name = name;
  entry.options = { ...newOptions("message"), $typeName: "google.protobuf.MessageOptions", mapEntry: true };
  const key = entryField("key", 1, keyType);
  const value = entryField("value", 2, valueType);
  entry.field.push(key, value);
  // Features (and the legacy enforce_utf8 option) written on the map field apply to key and value too.
  for (const option of field.options?.uninterpretedOption ?? []) {
    const first = option.name[0]!;
    if (option.name.length === 1 && first.namePart === "enforce_utf8" && !first.isExtension) {
      if (key.type === TYPE_STRING) ensureOptions<FieldOptions>(key, "field").uninterpretedOption.push(copyOption(option));
      if (value.type === TYPE_STRING) ensureOptions<FieldOptions>(value, "field").uninterpretedOption.push(copyOption(option));
    }
    if (first.namePart === "features" && !first.isExtension) {
      ensureOptions<FieldOptions>(key, "field").uninterpretedOption.push(copyOption(option));
      ensureOptions<FieldOptions>(value, "field").uninterpretedOption.push(copyOption(option));
    }
  }
  return entry;
}

function entryField(name: string, number: number, type: TypeRef): FieldDescriptorProto {
  const f = newField();
  f.name = name;
  f.label = Label.OPTIONAL;
  f.number = number;
  if (type.scalar !== 0) f.type = type.scalar as FieldDescriptorProto["type"];
  else f.typeName = type.name;
  return f;
}

function copyOption<T extends { name: object[] }>(o: T): T {
  return { ...o, name: o.name.map((n) => ({ ...n })) };
}

/** `foo_bar_baz` → `FooBarBazEntry` (protoc's MapEntryName). */
export function mapEntryName(fieldName: string): string {
  let out = "";
  let capNext = true;
  for (const c of fieldName) {
    if (c === "_") {
      capNext = true;
    } else if (capNext) {
      out += c >= "a" && c <= "z" ? c.toUpperCase() : c;
      capNext = false;
    } else {
      out += c;
    }
  }
  return out + "Entry";
}

/** Lower-cases ASCII letters only (absl::AsciiStrToLower). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
