/**
 * What protoc's BuildFileImpl does after cross-linking, in its order: field number suggestions,
 * option interpretation in two passes around feature resolution, SourceCodeInfo rewriting,
 * validation, map entry conflict checks (only after errors) and unused import warnings.
 */
import type { Builder } from "../link/builder.js";
import type { FileDesc, MessageDesc } from "../link/model.js";
import { detectMapConflicts, validateFile } from "../validate/validate.js";
import { validateEditionRules } from "../validate/editions-rules.js";
import { postProcessFieldFeatures, resolveFeatures } from "./features.js";
import { OptionInterpreter } from "./interpret.js";
import { queueLifetimeChecks, type LifetimeCheck } from "./lifetimes.js";

/** Runs the stages after cross-linking on a file being built; lifetime checks are queued on `deferred`. */
export function afterCrossLink(b: Builder, file: FileDesc, deferred: LifetimeCheck[]): void {
  if (b.messageHints.size > 0) suggestFieldNumbers(b, file);
  if (b.jobs.length > 0) {
    for (const name of b.unknownOptionDependencies) b.error(name, file.proto, "IMPORT", `Import "${name}" was not found or had errors.`);
  }
  if (!b.hadErrors) {
    const interpreter = new OptionInterpreter(b, file.sourceCodeInfo !== undefined);
    for (const job of b.jobs) interpreter.interpret(job, false);
    resolveFeatures(b, file);
    postProcessFieldFeatures(file);
    for (const job of b.jobs) interpreter.interpret(job, true);
    if (file.sourceCodeInfo !== undefined) interpreter.updateSourceCodeInfo(file.sourceCodeInfo, b.optionLocations);
  }
  if (!b.hadErrors) validateFile(b, file);
  if (b.hadErrors) {
    for (const m of file.messages) detectMapConflicts(b, m);
  }
  if (!b.hadErrors && b.unusedDependencies.size > 0) {
    for (const dep of b.unusedDependencies) {
      b.warning(dep.name, file.proto, "IMPORT", `Import ${dep.name} is unused.`);
    }
  }
  if (!b.hadErrors) queueLifetimeChecks(file, b.table, deferred);
  if (!b.hadErrors) validateEditionRules(b, file);
}

/** protoc's SuggestFieldNumbers: for top-level messages with number errors, the first free numbers. */
function suggestFieldNumbers(b: Builder, file: FileDesc): void {
  for (const message of file.messages) {
    const hints = b.messageHints.get(message);
    if (hints === undefined) continue;
    let toSuggest = Math.min(3, hints.fieldsToSuggest);
    if (toSuggest <= 0) continue;
    const used: [number, number][] = [];
    const addOrdinal = (n: number) => {
      if (n <= 0 || n > 536870911) return;
      const last = used[used.length - 1];
      if (last !== undefined && n === last[1]) last[1] = n + 1;
      else used.push([n, n + 1]);
    };
    const addRange = (from: number, to: number) => {
      from = Math.max(0, Math.min(536870912, from));
      to = Math.max(0, Math.min(536870912, to));
      if (from < to) used.push([from, to]);
    };
    fieldsOf(message).forEach(addOrdinal);
    message.extensions.forEach((f) => addOrdinal(f.number));
    for (const r of message.proto.reservedRange) addRange(r.start ?? 0, r.end ?? 0);
    for (const r of message.extensionRanges) addRange(r.start, r.end);
    used.push([536870911, 536870912], [19000, 19999]);
    used.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    if (hints.firstReason === undefined) continue;
    let current = 1;
    const ids: number[] = [];
    for (const [from, to] of used) {
      while (current < from && toSuggest > 0) {
        ids.push(current++);
        toSuggest--;
      }
      if (toSuggest === 0) break;
      current = Math.max(current, to);
    }
    b.error(message.fullName, hints.firstReason, hints.firstReasonLocation, `Suggested field numbers for ${message.fullName}: ${ids.join(", ")}`);
  }
}

function fieldsOf(m: MessageDesc): number[] {
  return m.fields.map((f) => f.number);
}
