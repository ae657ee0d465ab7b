/**
 * Checks protoc's command line tool makes on the files it was asked to compile, once they are
 * built (positions are unknown, as protoc's): option imports of files whose custom options could
 * act as debug_redact markers, the generic services deprecation warning, field
 * numbers in the reserved 19000-19999 range, and option targets (an option whose definition lists
 * `targets` may only be set on those kinds of elements).
 */
import { toBinary } from "../../codec/binary/to-binary.js";
import type { Diagnostic } from "../diagnostic.js";
import { Type, type EnumDesc, type FieldDesc, type FileDesc, type MessageDesc, type OptionsOwner } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import type { AnyOptions, OptionsKind } from "../lower/protos.js";
import { parseMessage, type State } from "../options/canonical.js";
import { visitElements } from "../link/visit.js";
import { generatedMessage, runtimeMessage } from "../options/generated.js";
import { copyOptions } from "../output/copy-to.js";

const GENERIC_SERVICES =
  "Generic services (cc_generic_services, java_generic_services, and py_generic_services) are deprecated in favor of using plugins that generate code specific to your particular RPC system. Additional code generator options may be required to enable generic services and total removal of these options is planned in future breaking releases.";

/** OptionTargetType numbers and protoc's names for them, by element kind. */
const TARGETS: Record<OptionsOwner["kind"], readonly [number, string, OptionsKind]> = {
  file: [1, "file", "file"],
  extensionRange: [2, "extension range", "extensionRange"],
  message: [3, "message", "message"],
  field: [4, "field", "field"],
  oneof: [5, "oneof", "oneof"],
  enum: [6, "enum", "enum"],
  enumValue: [7, "enum entry", "enumValue"],
  service: [8, "service", "service"],
  method: [9, "method", "method"],
};

/** Reports protoc's post-build diagnostics for the input files. */
export function checkInputs(pool: Pool, files: readonly FileDesc[], diagnostics: Diagnostic[]): void {
  const report = (file: string, message: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({ file, line: -1, column: 0, message, severity });
  for (const file of files) {
    for (const name of file.optionDependencies) {
      const dep = pool.files.get(name);
      const marker = dep === undefined ? undefined : debugRedactMarker(dep);
      if (marker !== undefined) {
        report(
          file.name,
          `Option dependency ${dep!.name} contains a custom option ${marker} marked debug_redact, which is used to mark fields that need to be redacted in debug string APIs. Switch to a regular import or remove the debug_redact annotation to avoid potentially leaking sensitive data.`,
        );
        break;
      }
    }
    const o = file.options;
    if (o?.ccGenericServices === true || o?.javaGenericServices === true || o?.pyGenericServices === true) {
      report(file.name, GENERIC_SERVICES, "warning");
    }
    visitElements(file, (d) => {
      if (d.kind === "field" && d.number >= 19000 && d.number <= 19999) {
        report(file.name, "Field numbers 19000 through 19999 are reserved for the protocol buffer library implementation.");
      }
    });
  }
  for (const file of files) {
    visitElements(file, (d) => {
      const [target, name, kind] = TARGETS[d.kind];
      const options = copyOptions(d as never, kind);
      if (options === undefined) return;
      checkTargets(parseOptions(pool, options), target, name, (m) => report(file.name, m));
    });
  }
}

/** protoc's FindDebugRedactMarker: the last extension whose enum (or a message field's enum) has a debug_redact value. */
function debugRedactMarker(file: FileDesc): string | undefined {
  const visited = new Map<MessageDesc, boolean>();
  const enumRedacts = (e: EnumDesc) => e.values.some((v) => v.options?.debugRedact === true);
  const fieldRedacts = (f: FieldDesc): boolean =>
    (f.enumType !== undefined && enumRedacts(f.enumType)) || (f.messageType !== undefined && messageRedacts(f.messageType));
  const messageRedacts = (m: MessageDesc): boolean => {
    const seen = visited.get(m);
    if (seen !== undefined) return seen;
    visited.set(m, false);
    for (const f of m.fields) {
      if (fieldRedacts(f)) {
        visited.set(m, true);
        return true;
      }
    }
    return false;
  };
  let marker: string | undefined;
  visitElements(file, (d) => {
    if (d.kind === "field" && d.isExtension && fieldRedacts(d)) marker = d.fullName;
  });
  return marker;
}

function parseOptions(pool: Pool, options: AnyOptions): State {
  const inPool = pool.findSymbol(options.$typeName);
  const desc = inPool?.kind === "message" ? (inPool.desc as MessageDesc) : generatedMessage(options.$typeName)!;
  return parseMessage(pool, desc, toBinary(runtimeMessage(options.$typeName), options));
}

/** protoc's ValidateTargetConstraintsRecursive over the set fields of an options message. */
function checkTargets(state: State, target: number, targetName: string, report: (m: string) => void): void {
  const entries = [...state.entries.values()].sort((a, b) => a.field.number - b.field.number);
  for (const e of entries) {
    if (e.values.length === 0) continue;
    const targets = e.field.options?.targets ?? [];
    if (targets.length > 0 && !targets.includes(target as never)) {
      report(`Option ${e.field.fullName} cannot be set on an entity of type \`${targetName}\`.`);
    }
    if (e.field.type === Type.MESSAGE) for (const v of e.values) checkTargets(v as State, target, targetName, report);
  }
}
