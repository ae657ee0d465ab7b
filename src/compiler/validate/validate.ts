/**
 * Stage 5: protoc's ValidateOptions for every element, in VisitDescriptors order, with protoc's
 * messages and error positions. File, message and enum checks are here; field checks are in
 * validate-field.ts.
 */
import type { DescriptorProto } from "../../reflect/descriptor-types.js";
import type { Builder } from "../link/builder.js";
import { Edition, isLegacyEdition, type EnumDesc, type FieldDesc, type FileDesc, type MessageDesc } from "../link/model.js";
import { visitElements } from "../link/visit.js";
import { checkJsonNames } from "./json-names.js";
import { validateField, validateProto3Field } from "./validate-field.js";
import { validateEnumCustomJson, validateEnumValueCustomJson, validateEnumValueNames } from "./enum-names.js";
import { featureSupportError } from "./feature-support.js";

/** True when the file sets optimize_for = LITE_RUNTIME. */
export function isLite(file: FileDesc | undefined): boolean {
  return file?.options?.optimizeFor === 3;
}

/** Validates every element of a built file. */
export function validateFile(b: Builder, file: FileDesc): void {
  visitElements(file, (d) => {
    switch (d.kind) {
      case "file": return validateFileOptions(b, d);
      case "message": return validateMessage(b, d);
      case "field": return validateField(b, d);
      case "enum": return validateEnum(b, d);
      case "enumValue": {
        const e = featureSupportError(d.options?.featureSupport, d.fullName);
        if (e !== undefined) b.error(d.fullName, d.proto, "OPTION_NAME", e);
        validateEnumValueCustomJson(b, d);
        return;
      }
      case "service":
        if (isLite(d.file) && (d.file.options?.ccGenericServices === true || d.file.options?.javaGenericServices === true)) {
          b.error(
            d.fullName,
            d.proto,
            "NAME",
            "Files with optimize_for = LITE_RUNTIME cannot define services unless you set both options cc_generic_services and java_generic_services to false.",
          );
        }
        return;
      default:
        return;
    }
  });
}

function validateFileOptions(b: Builder, file: FileDesc): void {
  if (!isLegacyEdition(file.edition)) {
    if (file.features.fieldPresence === 3) b.error(file.name, file.proto, "EDITIONS", "Required presence can't be specified by default.");
    if (file.options?.javaStringCheckUtf8 === true) {
      b.error(
        file.name,
        file.proto,
        "EDITIONS",
        "File option java_string_check_utf8 is not allowed under editions. Use the (pb.java).utf8_validation feature to control this behavior.",
      );
    }
  }
  if (!isLite(file)) {
    for (const dep of file.dependencies) {
      if (dep !== undefined && isLite(dep)) {
        b.error(
          dep.name,
          file.proto,
          "IMPORT",
          `Files that do not use optimize_for = LITE_RUNTIME cannot import files which do use this option.  This file is not lite, but it imports "${dep.name}" which is.`,
        );
        break;
      }
    }
  }
  if (file.edition === Edition.PROTO3) {
    for (const f of file.extensions) validateProto3Field(b, f);
    for (const m of file.messages) validateProto3Message(b, m);
  }
  if (file.edition < Edition.E2024 && file.optionDependencies.length > 0) {
    b.error("option", file.proto, "IMPORT", "option imports are not supported before edition 2024.");
  }
  if (file.edition >= Edition.E2024 && file.weakDependencies.length > 0) {
    b.error("weak", file.proto, "IMPORT", "weak imports are not allowed under edition 2024 and beyond.");
  }
}

function validateProto3Message(b: Builder, m: MessageDesc): void {
  for (const n of m.nestedTypes) validateProto3Message(b, n);
  for (const f of m.fields) validateProto3Field(b, f);
  for (const f of m.extensions) validateProto3Field(b, f);
  if (m.extensionRanges.length > 0) {
    b.error(m.fullName, m.proto.extensionRange[0]!, "NUMBER", "Extension ranges are not allowed in proto3.");
  }
  if (m.options?.messageSetWireFormat === true) b.error(m.fullName, m.proto, "NAME", "MessageSet is not supported in proto3.");
}

function validateMessage(b: Builder, m: MessageDesc): void {
  if (m.options?.deprecatedLegacyJsonFieldConflicts !== true) {
    checkJsonNames(b, m, false);
    checkJsonNames(b, m, true);
  }
  validateExtensionRangeOptions(b, m, m.proto);
}

function validateExtensionRangeOptions(b: Builder, m: MessageDesc, proto: DescriptorProto): void {
  const max = m.options?.messageSetWireFormat === true ? 2147483647 : 536870911;
  const seenNames = new Set<string>();
  for (let i = 0; i < m.extensionRanges.length; i++) {
    const range = m.extensionRanges[i]!;
    if (range.end > max + 1) b.error(m.fullName, proto, "NUMBER", `Extension numbers cannot be greater than ${max}.`);
    const declarations = range.options?.declaration ?? [];
    if (declarations.length === 0) continue;
    if (range.options?.verification === 1) {
      b.error(m.fullName, proto.extensionRange[i]!, "EXTENDEE", "Cannot mark the extension range as UNVERIFIED when it has extension(s) declared.");
      return;
    }
    const numbers = new Set<number>();
    for (const d of declarations) {
      const at = proto.extensionRange[i]!;
      const n = d.number ?? 0;
      if (n < range.start || n >= range.end) b.error(m.fullName, at, "NUMBER", `Extension declaration number ${n} is not in the extension range.`);
      if (numbers.has(n)) b.error(m.fullName, at, "NUMBER", `Extension declaration number ${n} is declared multiple times.`);
      numbers.add(n);
      if (d.fullName === undefined || d.type === undefined) {
        if ((d.fullName === undefined) !== (d.type === undefined) || d.reserved !== true) {
          b.error(m.fullName, at, "EXTENDEE", `Extension declaration #${n} should have both "full_name" and "type" set.`);
        }
        continue;
      }
      if (seenNames.has(d.fullName)) {
        b.error(d.fullName, at, "NAME", `Extension field name "${d.fullName}" is declared multiple times.`);
        return;
      }
      seenNames.add(d.fullName);
      const e1 = declarationSymbolError(d.fullName);
      if (e1 !== undefined) b.error(m.fullName, at, "NAME", e1);
      if (!NON_MESSAGE_TYPES.has(d.type)) {
        const e2 = declarationSymbolError(d.type);
        if (e2 !== undefined) b.error(m.fullName, at, "NAME", e2);
      }
    }
  }
}

/** Scalar type names protoc accepts in extension declarations. */
export const NON_MESSAGE_TYPES = new Set([
  "double", "float", "int64", "uint64", "int32", "fixed32", "fixed64", "bool", "string", "bytes", "uint32", "enum",
  "sfixed32", "sfixed64", "sint32", "sint64",
]);

function declarationSymbolError(symbol: string): string | undefined {
  if (!symbol.startsWith(".")) return `"${symbol}" must have a leading dot to indicate the fully-qualified scope.`;
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(symbol.slice(1))) return `"${symbol}" contains invalid identifiers.`;
  return undefined;
}

function validateEnum(b: Builder, e: EnumDesc): void {
  validateEnumValueNames(b, e);
  validateEnumCustomJson(b, e);
  if (e.features.enumType !== 2 && e.values.length > 0 && e.values[0]!.number !== 0) {
    b.error(e.fullName, e.proto.value[0]!, "NUMBER", "The first enum value must be zero for open enums.");
  }
  if (e.options?.allowAlias === true) return;
  const used = new Map<number, string>();
  e.values.forEach((v, i) => {
    const previous = used.get(v.number);
    if (previous === undefined) {
      used.set(v.number, v.fullName);
      return;
    }
    const numbers = new Set(e.values.map((x) => x.number));
    let next = v.number + 1;
    while (numbers.has(next)) next++;
    let message = `"${v.fullName}" uses the same enum value as "${previous}". If this is intended, set 'option allow_alias = true;' to the enum definition.`;
    if (next < 2147483647) message += ` The next available enum value is ${next}.`;
    b.error(e.fullName, e.proto.value[i]!, "NUMBER", message);
  });
}

/** protoc's DetectMapConflicts (run only when the file already has errors). */
export function detectMapConflicts(b: Builder, m: MessageDesc): void {
  const seen = new Map<string, MessageDesc>();
  for (const n of m.nestedTypes) {
    const existing = seen.get(n.name);
    if (existing !== undefined) {
      if ((existing.options?.mapEntry ?? false) || (n.options?.mapEntry ?? false)) {
        b.error(m.fullName, m.proto, "NAME", `Expanded map entry type ${n.name} conflicts with an existing nested message type.`);
        break;
      }
    } else {
      seen.set(n.name, n);
    }
    detectMapConflicts(b, n);
  }
  const check = (name: string, what: string) => {
    const t = seen.get(name);
    if (t !== undefined && (t.options?.mapEntry ?? false)) b.error(m.fullName, m.proto, "NAME", `Expanded map entry type ${t.name} conflicts with an existing ${what}.`);
  };
  for (const f of m.fields) check(f.name, "field");
  for (const e of m.enums) check(e.name, "enum type");
  for (const o of m.oneofs) check(o.name, "oneof type");
}

/** Fields of a message as protoc's FieldDescriptor list (for helpers that need names). */
export function fieldNamed(m: MessageDesc, name: string): FieldDesc | undefined {
  const c = m.children.get(name);
  return c?.kind === "field" && !c.isExtension ? c : undefined;
}
