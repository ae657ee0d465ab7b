/**
 * protoc's check of extensions against the declarations of their extension range (for extendees
 * outside descriptor.proto): a declared number must be used with the declared full name, type and
 * cardinality, a reserved one not at all, and a range with declarations or
 * `verification = DECLARATION` accepts only declared extensions.
 */
import type { Builder } from "../link/builder.js";
import { Label, type FieldDesc } from "../link/model.js";
import { NON_MESSAGE_TYPES } from "./validate.js";

const OPTIONS_MESSAGES = new Set(
  ["Enum", "EnumValue", "ExtensionRange", "Field", "File", "Message", "Method", "Oneof", "Service"].map((n) => `google.protobuf.${n}Options`),
);

const TYPE_NAMES = ["", "double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool", "string", "group", "message", "bytes", "uint32", "enum", "sfixed32", "sfixed64", "sint32", "sint64"];

/** Checks one extension (called last among the field checks, as protoc does). */
export function validateExtensionDeclaration(b: Builder, f: FieldDesc): void {
  const extendee = f.containingType;
  if (!f.isExtension || extendee === undefined || OPTIONS_MESSAGES.has(extendee.fullName)) return;
  const range = extendee.extensionRanges.find((r) => f.number >= r.start && f.number < r.end);
  if (range === undefined || extendee.file.name === "google/protobuf/descriptor.proto") return;
  const declarations = range.options?.declaration ?? [];
  const p = f.proto;
  const where = `"${extendee.fullName}" extension field ${f.number}`;
  for (const d of declarations) {
    if (d.number !== f.number) continue;
    if (d.reserved === true) {
      b.error(f.fullName, p, "EXTENDEE", `Cannot use number ${f.number} for extension field ${f.fullName}, as it is reserved in the extension declarations for message ${extendee.fullName}.`);
      return;
    }
    if (d.type !== undefined && d.type !== "" && !b.hadErrors) {
      const actual = f.messageType !== undefined ? "." + f.messageType.fullName : f.enumType !== undefined ? "." + f.enumType.fullName : TYPE_NAMES[f.type ?? 0]!;
      const expected = !NON_MESSAGE_TYPES.has(d.type) && !d.type.startsWith(".") ? "." + d.type : d.type;
      if (expected !== actual) b.error(f.fullName, p, "EXTENDEE", `${where} is expected to be type "${expected}", not "${actual}".`);
    }
    if (d.fullName !== undefined && d.fullName !== "" && d.fullName !== "." + f.fullName) {
      b.error(f.fullName, p, "EXTENDEE", `${where} is expected to have field name "${d.fullName}", not ".${f.fullName}".`);
    }
    const repeated = d.repeated === true;
    if (repeated !== (f.label === Label.REPEATED)) b.error(f.fullName, p, "EXTENDEE", `${where} is expected to be ${repeated ? "repeated" : "optional"}.`);
    return;
  }
  if (declarations.length > 0 || range.options?.verification === 0) {
    b.error(
      f.fullName,
      p,
      "EXTENDEE",
      `Missing extension declaration for field ${f.fullName} with number ${f.number} in extendee message ${extendee.fullName}. An extension range must declare for all extension fields if its verification state is DECLARATION or there's any declaration in the range already. Otherwise, consider splitting up the range.`,
    );
  }
}
