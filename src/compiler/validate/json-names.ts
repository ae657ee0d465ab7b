/**
 * protoc's CheckFieldJsonNameUniqueness: a message's fields must have distinct JSON names, with
 * and without custom `json_name`s; custom names may not look like extensions (`[...]`). Under
 * features.json_format = LEGACY_BEST_EFFORT conflicts involving a default name are warnings.
 */
import type { Builder } from "../link/builder.js";
import type { MessageDesc } from "../link/model.js";
import { toJsonName } from "../link/build-message.js";

interface Details {
  readonly name: string;
  readonly orig: string;
  readonly isCustom: boolean;
}

/** Checks one pass (`useCustom`: whether json_name options count). */
export function checkJsonNames(b: Builder, m: MessageDesc, useCustom: boolean): void {
  const byName = new Map<string, Details>();
  const fields = m.proto.field;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const name = field.name ?? "";
    // A built field without json_name already holds its default JSON name.
    const built = m.fields[i]!;
    const dflt = built.hasJsonName ? toJsonName(name) : built.jsonName;
    const custom = useCustom && field.jsonName !== undefined && field.jsonName !== dflt;
    const d: Details = { name, orig: custom ? field.jsonName! : dflt, isCustom: custom };
    if (d.isCustom && d.orig.startsWith("[") && d.orig.endsWith("]")) {
      b.error(m.fullName, field, "NAME", `The custom JSON name of field "${name}" ("${d.orig}") is invalid: JSON names may not start with '[' and end with ']'.`);
      continue;
    }
    const match = byName.get(d.orig);
    if (match === undefined) {
      byName.set(d.orig, d);
      continue;
    }
    if (useCustom && !d.isCustom && !match.isCustom) continue;
    const suffix = d.orig !== match.orig ? ` ("${match.orig}")` : "";
    const message = `The ${d.isCustom ? "custom" : "default"} JSON name of field "${name}" ("${d.orig}") conflicts with the ${match.isCustom ? "custom" : "default"} JSON name of field "${match.name}"${suffix}.`;
    if (m.features.jsonFormat === 2 && (!d.isCustom || !match.isCustom)) b.warning(m.fullName, field, "NAME", message);
    else b.error(m.fullName, field, "NAME", message);
  }
}
