import type { DescriptorProto, FieldDescriptorProto, FileDescriptorProto } from "../reflect/descriptor-types.js";

/** The fully-qualified names (with leading dot) of the messages and enums a file defines, nested ones included. */
export function definedTypeNames(file: FileDescriptorProto): Set<string> {
  const names = new Set<string>();
  const prefix = file.package ? `.${file.package}` : "";
  const visit = (scope: string, m: DescriptorProto): void => {
    const name = `${scope}.${m.name ?? ""}`;
    names.add(name);
    for (const e of m.enumType) names.add(`${name}.${e.name ?? ""}`);
    for (const n of m.nestedType) visit(name, n);
  };
  for (const m of file.messageType) visit(prefix, m);
  for (const e of file.enumType) names.add(`${prefix}.${e.name ?? ""}`);
  return names;
}

/**
 * The type references of a file that `known` cannot resolve, in the order protoc's cross-linking
 * reports them (`"NAME" is not defined.`): each message's nested messages first, then its fields,
 * then its extensions; then the file's extensions; then each method's input and output type. An
 * extension whose extendee is unknown is not checked further. Only fully-qualified names are checked.
 */
export function unresolvedNames(file: FileDescriptorProto, known: (name: string) => boolean): string[] {
  const out: string[] = [];
  const check = (name: string | undefined): boolean => {
    if (name === undefined || !name.startsWith(".") || known(name)) return true;
    out.push(name);
    return false;
  };
  const field = (f: FieldDescriptorProto): void => {
    if (f.extendee !== undefined && !check(f.extendee)) return;
    check(f.typeName);
  };
  const message = (m: DescriptorProto): void => {
    m.nestedType.forEach(message);
    m.field.forEach(field);
    m.extension.forEach(field);
  };
  file.messageType.forEach(message);
  file.extension.forEach(field);
  for (const s of file.service) {
    for (const method of s.method) {
      check(method.inputType);
      check(method.outputType);
    }
  }
  return out;
}
