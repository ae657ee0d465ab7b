/** Name helpers shared by descriptors, codecs and the code generator. */
import type { DescExtension, DescField } from "./descriptors.js";

/** The fully-qualified name of a field (its message's name, a dot, its own) or of an extension. */
export function fieldFullName(field: DescField | DescExtension): string {
  return field.kind === "field" ? `${field.parent.typeName}.${field.name}` : field.typeName;
}

/**
 * The lowerCamelCase name protoc derives for JSON (descriptor.cc ToJsonName): underscores are
 * dropped and the letter after one is upper-cased; nothing else changes.
 */
export function protoCamelCase(name: string): string {
  let out = "";
  let upperNext = false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === "_") {
      upperNext = true;
    } else if (upperNext) {
      out += c >= "a" && c <= "z" ? c.toUpperCase() : c;
      upperNext = false;
    } else {
      out += c;
    }
  }
  return out;
}

// Property names that would shadow what JavaScript code commonly expects on an object.
const reservedPropertyNames = new Set(["constructor", "toString", "toJSON", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__proto__"]);

/** The property name of a field or oneof in message objects: lowerCamelCase, with `$` appended to names reserved by JavaScript. */
export function localName(protoName: string): string {
  // Names made only of underscores camel-case to "": keep them as they are.
  const n = protoCamelCase(protoName) || protoName;
  return reservedPropertyNames.has(n) ? n + "$" : n;
}
