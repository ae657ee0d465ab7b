/**
 * Building enums, enum values, services and methods, with the checks protoc's DescriptorBuilder
 * makes while building them (BuildEnum, BuildEnumValue, BuildService, BuildMethod).
 */
import type { EnumDescriptorProto, EnumValueDescriptorProto, ServiceDescriptorProto } from "../../reflect/descriptor-types.js";
import type { Builder } from "./builder.js";
import { EMPTY_FEATURES, type EnumDesc, type EnumValueDesc, type MessageDesc, type MethodDesc, type ServiceDesc } from "./model.js";

/** Builds an enum (nested in `parent`, or top-level) and its values. */
export function buildEnum(b: Builder, proto: EnumDescriptorProto, parent: MessageDesc | undefined, path: readonly number[]): EnumDesc {
  const file = b.file;
  const scope = parent === undefined ? file.package : parent.fullName;
  const name = proto.name ?? "";
  const fullName = scope === "" ? name : `${scope}.${name}`;
  b.validateSymbolName(name, fullName, proto);
  const e: EnumDesc = {
    kind: "enum", proto, name, fullName, file, parent, values: [], valuesByName: new Map(),
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  if (proto.value.length === 0) b.error(fullName, proto, "NAME", "Enums must contain at least one value.");
  proto.value.forEach((v, i) => e.values.push(buildEnumValue(b, v, e, i, [...path, 2, i])));
  for (const r of proto.reservedRange) {
    if (r.start! > r.end!) b.error(fullName, r, "NUMBER", "Reserved range end number must be greater than start number.");
  }
  b.allocateOptions(e, proto.options, "enum", path, fullName, fullName);
  if (b.addSymbol(fullName, e, proto) && parent !== undefined) parent.children.set(name, e);
  const ranges = proto.reservedRange;
  for (let i = 0; i < ranges.length; i++) {
    const r1 = ranges[i]!;
    for (let j = i + 1; j < ranges.length; j++) {
      const r2 = ranges[j]!;
      if (r1.end! >= r2.start! && r2.end! >= r1.start!) {
        b.error(fullName, r1, "NUMBER", `Reserved range ${r2.start} to ${r2.end} overlaps with already-defined range ${r1.start} to ${r1.end}.`);
      }
    }
  }
  const names = new Set<string>();
  for (const n of proto.reservedName) {
    if (names.has(n)) b.error(n, proto, "NAME", `Enum value "${n}" is reserved multiple times.`);
    names.add(n);
  }
  e.values.forEach((v, i) => {
    for (const r of ranges) {
      if (r.start! <= v.number && v.number <= r.end!) b.error(v.fullName, r, "NUMBER", `Enum value "${v.name}" uses reserved number ${v.number}.`);
    }
    if (names.has(v.name)) b.error(v.fullName, proto.value[i]!, "NAME", `Enum value "${v.name}" is reserved.`);
  });
  return e;
}

function buildEnumValue(b: Builder, proto: EnumValueDescriptorProto, e: EnumDesc, index: number, path: readonly number[]): EnumValueDesc {
  const name = proto.name ?? "";
  // Enum values are siblings of their enum, not children.
  const scope = e.fullName.slice(0, e.fullName.length - e.name.length);
  const fullName = scope + name;
  const v: EnumValueDesc = {
    kind: "enumValue", proto, name, fullName, file: b.file, number: proto.number ?? 0, enum: e, index,
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  b.validateSymbolName(name, fullName, proto);
  b.allocateOptions(v, proto.options, "enumValue", path, fullName, fullName);
  const outer = b.addSymbol(fullName, v, proto);
  if (outer && e.parent !== undefined) e.parent.children.set(name, v);
  const inner = !e.valuesByName.has(name);
  if (inner) e.valuesByName.set(name, v);
  if (inner && !outer) {
    const where = e.parent === undefined ? b.file.package : e.parent.fullName;
    const outerScope = where === "" ? "the global scope" : `"${where}"`;
    b.error(
      fullName,
      proto,
      "NAME",
      `Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, "${name}" must be unique within ${outerScope}, not just within "${e.name}".`,
    );
  }
  return v;
}

/** Builds a service and its methods. */
export function buildService(b: Builder, proto: ServiceDescriptorProto, path: readonly number[]): ServiceDesc {
  const file = b.file;
  const name = proto.name ?? "";
  const fullName = file.package === "" ? name : `${file.package}.${name}`;
  const s: ServiceDesc = {
    kind: "service", proto, name, fullName, file, methods: [],
    options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
  };
  b.validateSymbolName(name, fullName, proto);
  proto.method.forEach((m, i) => {
    const mName = m.name ?? "";
    const mFull = `${fullName}.${mName}`;
    b.validateSymbolName(mName, mFull, m);
    const method: MethodDesc = {
      kind: "method", proto: m, name: mName, fullName: mFull, file, service: s, inputType: undefined, outputType: undefined,
      options: undefined, protoFeatures: undefined, features: EMPTY_FEATURES,
    };
    b.allocateOptions(method, m.options, "method", [...path, 2, i], mFull, mFull);
    b.addSymbol(mFull, method, m);
    s.methods.push(method);
  });
  b.allocateOptions(s, proto.options, "service", path, fullName, fullName);
  b.addSymbol(fullName, s, proto);
  return s;
}
