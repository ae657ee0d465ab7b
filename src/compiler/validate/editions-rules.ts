/**
 * Checks protoc makes under newer editions, after everything else succeeded: naming style
 * (features.enforce_naming_style STYLE2024 and later), proto limits (enforce_proto_limits) and
 * the symbol visibility rules of STRICT default_symbol_visibility.
 */
import type { Builder } from "../link/builder.js";
import type { FileDesc, MessageDesc, OptionsOwner } from "../link/model.js";
import { visitElements } from "../link/visit.js";

const STYLE2024 = 1;
const STYLE_LEGACY = 2;
const STYLE2026 = 3;
const NAMING_OPT_OUT = " (features.enforce_naming_style = STYLE_LEGACY can be used to opt out of this check)";
const COLLISION_OPT_OUT = " (features.enforce_naming_style = STYLE2024 can be used to opt out of this check)";
const LIMITS_OPT_OUT = " (features.enforce_proto_limits = LEGACY_NO_EXPLICIT_LIMITS can be used to opt out of this check)";

/** Runs naming style, proto limit and visibility checks, in protoc's order (each only if nothing failed before). */
export function validateEditionRules(b: Builder, file: FileDesc): void {
  visitElements(file, (d) => {
    const style = d.features.enforceNamingStyle;
    if (style >= STYLE2024 && style !== STYLE_LEGACY) validateNamingStyle(b, d, style >= STYLE2026);
  });
  if (b.hadErrors) return;
  visitElements(file, (d) => {
    if (d.features.enforceProtoLimits !== 1) validateProtoLimits(b, d);
  });
  if (b.hadErrors) return;
  checkVisibility(b, file);
}

function containsBadUnderscores(name: string): boolean {
  if (name === "") return false;
  if (name.startsWith("_") || name.endsWith("_")) return true;
  for (let i = 1; i < name.length; i++) if (name[i - 1] === "_" && !/[A-Za-z]/.test(name[i]!)) return true;
  return false;
}

function titleCase(name: string): string | undefined {
  if (name === "") return "is empty";
  if (!/^[A-Za-z0-9]*$/.test(name)) return "should be TitleCase";
  if (!/^[A-Z]/.test(name)) return "should begin with a capital letter";
  return undefined;
}

function lowerSnakeCase(name: string): string | undefined {
  if (name === "") return "is empty";
  if (!/^[a-z0-9_.]*$/.test(name)) return "should be lower_snake_case";
  if (!/^[a-z]/.test(name)) return "should begin with a lower case letter";
  if (containsBadUnderscores(name)) return "contains style violating underscores";
  return undefined;
}

function upperSnakeCase(name: string): string | undefined {
  if (name === "") return "is empty";
  if (!/^[A-Z0-9_]*$/.test(name)) return "should be UPPER_SNAKE_CASE";
  if (!/^[A-Z]/.test(name)) return "should begin with an upper case letter";
  if (containsBadUnderscores(name)) return "contains style violating underscores";
  return undefined;
}

/** protoc's IsValidFieldNonCollisionName for fields and oneofs. */
function collisionError(name: string, message: MessageDesc | undefined): string | undefined {
  if (message !== undefined) {
    const has = (n: string) => {
      const c = message.children.get(n);
      return (c?.kind === "field" && !c.isExtension) || c?.kind === "oneof";
    };
    for (const prefix of ["has_", "get_", "set_", "clear_"]) {
      if (name.startsWith(prefix) && has(name.slice(prefix.length))) {
        return `should not begin with ${prefix} if a field named ${name.slice(prefix.length)} exists. This can cause collisions in generated code.`;
      }
    }
    if (name.endsWith("_value") && has(name.slice(0, -6))) {
      return `should not end with _value if a field named ${name.slice(0, -6)} exists. This can cause collisions in generated code.`;
    }
  }
  if (name === "descriptor") return "should not be named descriptor. This can cause collisions in generated code.";
  return undefined;
}

function validateNamingStyle(b: Builder, d: OptionsOwner, style2026: boolean): void {
  const err = (name: string, what: string, problem: string | undefined, optOut = NAMING_OPT_OUT) => {
    if (problem !== undefined) b.error(name, d.proto, "NAME", `${what} ${name} ${problem}${optOut}`);
  };
  switch (d.kind) {
    case "file":
      if (d.package === "") return;
      {
        const p = lowerSnakeCase(d.package);
        if (p !== undefined) b.error(d.name, d.proto, "NAME", `Package name ${d.package} ${p}${NAMING_OPT_OUT}`);
      }
      return;
    case "message": return err(d.name, "Message name", titleCase(d.name));
    case "oneof":
      err(d.name, "Oneof name", lowerSnakeCase(d.name));
      if (style2026) err(d.name, "Oneof name", collisionError(d.name, d.message), COLLISION_OPT_OUT);
      return;
    case "field":
      err(d.name, "Field name", lowerSnakeCase(d.name));
      if (style2026) err(d.name, "Field name", collisionError(d.name, d.containingType), COLLISION_OPT_OUT);
      return;
    case "enum": return err(d.name, "Enum name", titleCase(d.name));
    case "enumValue": return err(d.name, "Enum value name", upperSnakeCase(d.name));
    case "service": return err(d.name, "Service name", titleCase(d.name));
    case "method": return err(d.name, "Method name", titleCase(d.name));
    default: return;
  }
}

function validateProtoLimits(b: Builder, d: OptionsOwner): void {
  const err = (what: string, name: string, limit: string) =>
    b.error(name, d.proto, "NAME", `${what} name ${name} should not contain more than ${limit}${LIMITS_OPT_OUT}`);
  switch (d.kind) {
    case "message":
      if (d.fields.length > 1500) err("Message", d.name, "1500 fields");
      if (d.oneofs.filter((o) => !(o.fields.length === 1 && o.fields[0]!.proto3Optional)).length > 1000) err("Message", d.name, "1000 oneofs");
      return;
    case "oneof":
      if (d.fields.length > 1200) err("Oneof", d.name, "1200 fields");
      return;
    case "enum":
      if (d.values.length > 1700) err("Enum", d.name, "1700 values");
      return;
    default:
      return;
  }
}

/** protoc's SymbolChecker: under STRICT visibility, nested types may not be `export` (except namespaced enums). */
function checkVisibility(b: Builder, file: FileDesc): void {
  const fileDefault = file.features.defaultSymbolVisibility;
  const defaultLocal = fileDefault === 4 || fileDefault === 3;
  const isNamespaceMessage = (m: MessageDesc): boolean => {
    if (m.parent !== undefined) return false;
    const kw = m.proto.visibility ?? 0;
    if (!(kw === 1 || (kw === 0 && defaultLocal))) return false;
    const r = m.proto.reservedRange;
    return r.length === 1 && r[0]!.start === 1 && r[0]!.end === 536870912;
  };
  const nestedMessages: MessageDesc[] = [];
  const nestedEnums: { name: string; proto: object; visibility: number; features: number }[] = [];
  visitElements(file, (d) => {
    if (d.kind === "message" && d.parent !== undefined) nestedMessages.push(d);
    if (d.kind === "enum" && d.parent !== undefined) {
      const exported = !defaultLocal || d.proto.visibility === 2;
      if (!(exported && isNamespaceMessage(d.parent))) {
        nestedEnums.push({ name: d.fullName, proto: d.proto, visibility: d.proto.visibility ?? 0, features: d.features.defaultSymbolVisibility });
      }
    }
  });
  for (const m of nestedMessages) {
    if (m.proto.visibility === 2 && m.features.defaultSymbolVisibility === 4) {
      b.error(
        m.fullName,
        m.proto,
        "SYMBOL",
        `"${m.fullName}" is a nested message and cannot be \`export\` with STRICT default_symbol_visibility. It must be moved to top-level, ideally in its own file in order to be \`export\`.`,
      );
    }
  }
  for (const e of nestedEnums) {
    if (e.visibility === 2 && e.features === 4) {
      b.error(
        e.name,
        e.proto,
        "SYMBOL",
        `"${e.name}" is a nested enum and cannot be marked \`export\` with STRICT default_symbol_visibility. It must be moved to top-level, ideally in its own file in order to be \`export\`. For C++ namespacing of enums in a messages use: \`local message <OuterNamespace> { export enum ${e.name} {...} reserved 1 to max; }\``,
      );
    }
  }
}
