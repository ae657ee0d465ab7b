/**
 * Enum value name checks: protoc's CheckEnumValueUniqueness (names must stay distinct once the
 * enum's name is stripped as a prefix and they are PascalCased; only a warning for proto2 enums
 * with deprecated_legacy_json_field_conflicts) and the custom JSON string checks of
 * `(pb.enumvalue.json).string` (CheckEnumCustomStringUniqueness and the per-value checks).
 */
import type { Builder } from "../link/builder.js";
import { Edition, type EnumDesc, type EnumValueDesc } from "../link/model.js";
import { WireType } from "../../wire/wire-type.js";
import { lengthDelimitedPayload, parseFields } from "../options/unknown-fields.js";

/** Checks the enum's values. */
export function validateEnumValueNames(b: Builder, e: EnumDesc): void {
  const prefix = [...e.name].filter((c) => c !== "_").join("").toLowerCase();
  const seen = new Map<string, EnumValueDesc>();
  e.values.forEach((v, i) => {
    const stripped = pascalCase(removePrefix(prefix, v.name));
    const other = seen.get(stripped);
    if (other === undefined) {
      seen.set(stripped, v);
      return;
    }
    if (other.name === v.name || other.number === v.number) return;
    const message = `Enum name ${v.name} has the same name as ${other.name} if you ignore case and strip out the enum name prefix (if any). (If you are using allow_alias, please assign the same number to each enum value name.)`;
    if (e.options?.deprecatedLegacyJsonFieldConflicts === true && e.file.edition === Edition.PROTO2) {
      b.warning(v.fullName, e.proto.value[i]!, "NAME", message);
      return;
    }
    b.error(v.fullName, e.proto.value[i]!, "NAME", message);
  });
}

function removePrefix(prefix: string, s: string): string {
  let i = 0;
  let j = 0;
  for (; i < s.length && j < prefix.length; i++) {
    if (s[i] === "_") continue;
    if (s[i]!.toLowerCase() !== prefix[j++]) return s;
  }
  if (j < prefix.length) return s;
  while (i < s.length && s[i] === "_") i++;
  if (i === s.length) return s;
  return s.slice(i);
}

/** Each run between underscores with its first letter upper-cased and the rest lower-cased, joined (names are ASCII here). */
function pascalCase(s: string): string {
  let out = "";
  for (const part of s.split("_")) if (part !== "") out += part[0]!.toUpperCase() + part.slice(1).toLowerCase();
  return out;
}

/** The (pb.enumvalue.json).string custom JSON name of an enum value, if its options set the extension. */
function customJson(v: EnumValueDesc): { set: boolean; value: string | undefined } {
  let set = false;
  let value: string | undefined;
  for (const u of v.options?.$unknown ?? []) {
    if (u.no !== 998 || u.wireType !== WireType.LengthDelimited) continue;
    set = true;
    for (const f of parseFields(lengthDelimitedPayload(u)) ?? []) {
      if (f.no === 1 && f.wireType === WireType.LengthDelimited) value = new TextDecoder().decode(lengthDelimitedPayload(f));
    }
  }
  return { set, value };
}

/** protoc's CheckEnumCustomStringUniqueness. */
export function validateEnumCustomJson(b: Builder, e: EnumDesc): void {
  const byJson = new Map<string, EnumValueDesc>();
  const firstByNumber = new Map<number, EnumValueDesc>();
  e.values.forEach((v, i) => {
    const proto = e.proto.value[i]!;
    if (e.options?.allowAlias === true) {
      const primary = firstByNumber.get(v.number);
      if (primary === undefined) {
        firstByNumber.set(v.number, v);
      } else {
        const a = customJson(primary).value;
        const c = customJson(v).value;
        if (a !== c) {
          const show = (s: string | undefined) => (s === undefined ? "unset" : `"${s}"`);
          b.error(
            e.fullName,
            proto,
            "OPTION_VALUE",
            `Alias values for number ${v.number} must have the same custom JSON string. "${v.name}" has ${show(c)} but primary alias "${primary.name}" has ${show(a)}.`,
          );
        }
      }
    }
    const insert = (name: string, isCustom: boolean) => {
      const conflict = byJson.get(name);
      if (conflict === undefined) {
        byJson.set(name, v);
        return;
      }
      if (conflict !== v && conflict.number !== v.number) {
        b.error(
          e.fullName,
          proto,
          "OPTION_VALUE",
          `${isCustom ? "Custom" : "Default"} JSON string "${name}" conflicts with ${conflict.name === name ? "default" : "custom"} JSON string of "${conflict.name}".`,
        );
      }
    };
    insert(v.name, false);
    const custom = customJson(v);
    if (custom.set) insert(custom.value ?? "", true);
  });
}

/** protoc's checks of one enum value's custom JSON string. */
export function validateEnumValueCustomJson(b: Builder, v: EnumValueDesc): void {
  const custom = customJson(v);
  if (!custom.set) return;
  const s = custom.value ?? "";
  if (s.includes("\0")) b.error(v.fullName, v.proto, "OPTION_VALUE", "Custom JSON strings cannot contain embedded null characters.");
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)[ \t\n\v\f\r]*$/.exec(s);
  if (m !== null) {
    const n = Number(m[1]);
    if (n >= -2147483648 && n <= 2147483647 && n !== v.number) {
      b.error(v.fullName, v.proto, "OPTION_VALUE", `Custom JSON string "${s}" parses as integer ${n}, which does not match the enum value's number ${v.number}.`);
    }
  }
}
