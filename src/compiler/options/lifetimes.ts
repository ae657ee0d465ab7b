/**
 * protoc's deferred feature lifetime validation: once a requested file and everything it loaded
 * are built, every explicitly set feature and option is checked against its definition's
 * feature_support: used before it was introduced or after it was removed is an error, after it was
 * deprecated a warning (warnings only for files given to the compiler).
 */
import { toBinary } from "../../codec/binary/to-binary.js";
import type { FeatureSet, FieldOptions_FeatureSupport } from "../../reflect/descriptor-types.js";
import type { Diagnostic } from "../diagnostic.js";
import type { Position, SourceLocationTable } from "../lower/locations.js";
import type { AnyOptions } from "../lower/protos.js";
import { editionName } from "../link/build-file.js";
import { Type, type FieldDesc, type FileDesc, type MessageDesc, type OptionsOwner } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { parseMessage, type State } from "./canonical.js";
import { generatedMessage, runtimeMessage } from "./generated.js";
import { visitElements } from "../link/visit.js";

/** One message (features or options) waiting for validation. */
export interface LifetimeCheck {
  readonly file: FileDesc;
  readonly message: AnyOptions | FeatureSet;
  /** Where errors about the element are reported (its name). */
  readonly at: Position;
  readonly fullName: string;
}

/** Queues the features and options of every element of a successfully built file. */
export function queueLifetimeChecks(file: FileDesc, table: SourceLocationTable, out: LifetimeCheck[]): void {
  visitElements(file, (d: OptionsOwner) => {
    const fullName = d.kind === "file" ? d.name : d.kind === "extensionRange" ? d.message.fullName : d.fullName;
    if (d.protoFeatures !== undefined) out.push({ file, message: d.protoFeatures, at: table.find(d.proto, "NAME"), fullName });
    const o = d.options;
    if (o !== undefined && (hasSetField(o) || (o.$unknown?.length ?? 0) > 0)) out.push({ file, message: o, at: table.find(d.proto, "NAME"), fullName });
  });
}

/** Runs the queued checks (protoc's DeferredValidation::Validate); false when an error was reported. */
export function validateLifetimes(
  pool: Pool,
  checks: LifetimeCheck[],
  directInputs: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): boolean {
  let ok = true;
  for (const c of checks) {
    const errors: string[] = [];
    const warnings: string[] = [];
    const typeName = c.message.$typeName;
    const inPool = pool.findSymbol(typeName);
    const desc = inPool?.kind === "message" ? (inPool.desc as MessageDesc) : generatedMessage(typeName)!;
    if (!mayFindSupport(pool, desc, c.message)) continue;
    const state = parseMessage(pool, desc, toBinary(runtimeMessage(typeName), c.message as AnyOptions));
    walk(c.file.edition, state, errors, warnings);
    const at = c.at;
    for (const e of errors) {
      ok = false;
      diagnostics.push({ file: c.file.name, line: at.line, column: at.column, message: e, severity: "error" });
    }
    if (directInputs.has(c.file.name)) {
      for (const w of warnings) diagnostics.push({ file: c.file.name, line: at.line, column: at.column, message: w, severity: "warning" });
    }
  }
  checks.length = 0;
  return ok;
}

function walk(edition: number, state: State, errors: string[], warnings: string[]): void {
  const entries = [...state.entries.values()].sort((a, b) => a.field.number - b.field.number);
  for (const e of entries) {
    if (e.values.length === 0) continue;
    const f = e.field;
    if (f.type === Type.MESSAGE || f.type === Type.GROUP) for (const v of e.values) walk(edition, v as State, errors, warnings);
    if (f.enumType !== undefined) {
      for (const v of e.values) {
        const value = f.enumType.values.find((x) => BigInt(x.number) === v);
        if (value !== undefined) check(edition, value.fullName, value.options?.featureSupport, errors, warnings);
      }
    }
    check(edition, f.fullName, f.options?.featureSupport, errors, warnings);
  }
}

/** Whether a runtime message has a field set (a value, or a non-empty list); unknown fields aside. */
function hasSetField(m: object): boolean {
  for (const k in m) {
    const v = (m as Record<string, unknown>)[k];
    if (k === "$typeName" || k === "$unknown" || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    return true;
  }
  return false;
}

/**
 * False when walking `message` cannot meet a feature_support: no field of its type is set and
 * none of its unknown fields is an extension that has (or whose values may have) one. Spares
 * parsing the options of most elements, which hold only custom options without lifetimes.
 */
function mayFindSupport(pool: Pool, desc: MessageDesc, message: AnyOptions | FeatureSet): boolean {
  if (hasSetField(message)) return true;
  const seen = new Set<MessageDesc>();
  for (const u of message.$unknown ?? []) {
    const ext = pool.findExtension(desc, u.no);
    if (ext !== undefined && fieldMayHaveSupport(pool, ext, seen)) return true;
  }
  return false;
}

function fieldMayHaveSupport(pool: Pool, f: FieldDesc, seen: Set<MessageDesc>): boolean {
  if (f.options?.featureSupport !== undefined) return true;
  if (f.enumType !== undefined && f.enumType.values.some((v) => v.options?.featureSupport !== undefined)) return true;
  const m = f.messageType;
  if (m === undefined || seen.has(m)) return false;
  seen.add(m);
  for (const x of m.fields) if (fieldMayHaveSupport(pool, x, seen)) return true;
  for (const x of pool.extensionsOf(m)) if (fieldMayHaveSupport(pool, x, seen)) return true;
  return false;
}

/** protoc's ValidateSingleFeatureLifetimes. */
function check(edition: number, name: string, s: FieldOptions_FeatureSupport | undefined, errors: string[], warnings: string[]): void {
  if (s === undefined) return;
  if (edition < (s.editionIntroduced ?? 0)) {
    errors.push(`${name} wasn't introduced until edition ${editionName(s.editionIntroduced ?? 0)} and can't be used in edition ${editionName(edition)}`);
  }
  if (s.editionRemoved !== undefined && edition >= s.editionRemoved) {
    errors.push(`${name} has been removed in edition ${editionName(s.editionRemoved)}${s.removalError !== undefined ? `: ${s.removalError}` : ""}`);
  } else if (s.editionDeprecated !== undefined && edition >= s.editionDeprecated) {
    warnings.push(`${name} has been deprecated in edition ${editionName(s.editionDeprecated)}: ${s.deprecationWarning ?? ""}`);
  }
}
