/**
 * Options as protoc's parser stores them: each `name = value` becomes an UninterpretedOption of
 * the element's options message, with locations for the option, its name, each name part and the
 * value (protoc's ParseOption).
 */
import type { OptionNode } from "../ast.js";
import type { UninterpretedOption } from "../../reflect/descriptor-types.js";
import type { LowerContext } from "./context.js";
import { recordOptionDetails } from "./option-locations.js";
import { subPathAt } from "./paths.js";
import { newNamePart, newOptions, newUninterpreted, type AnyOptions, type OptionsKind } from "./protos.js";

/** Something with an optional options message. */
export interface HasOptions<T extends AnyOptions> {
  options?: T;
}

/** Returns `holder.options`, creating an empty options message of `kind` first if needed. */
export function ensureOptions<T extends AnyOptions>(holder: HasOptions<T>, kind: OptionsKind): T {
  return (holder.options ??= newOptions(kind) as T);
}

/**
 * Appends `node` to `options.uninterpretedOption`, recording locations under `container` (the
 * path of the options field, e.g. [4, 0, 7]). The option's own location carries its comments.
 */
export function lowerOption(ctx: LowerContext, node: OptionNode, options: AnyOptions, container: readonly number[]): UninterpretedOption {
  const rec = ctx.rec;
  const index = options.uninterpretedOption.length;
  const opt = newUninterpreted(node.name.map((p) => newNamePart(p.name, p.isExtension)));
  options.uninterpretedOption.push(opt);
  const first = node.name[0]!;
  const v = node.value!;
  if (rec.enabled) {
    const path = subPathAt(container, 999, index);
    const loc = rec.add(path, node, node.comments)!;
    if (rec.deferred !== undefined) rec.deferred.defer(loc, node);
    else recordOptionDetails(rec, ctx.tokens, node, path);
  }
  ctx.mark(opt, "OPTION_NAME", first.start);
  ctx.mark(opt, "OPTION_VALUE", v.start);
  switch (v.kind) {
    case "identifier":
      opt.identifierValue = v.value;
      break;
    case "positive-int":
      opt.positiveIntValue = v.value;
      break;
    case "negative-int":
      opt.negativeIntValue = v.value;
      break;
    case "double":
      opt.doubleValue = v.value;
      break;
    case "string":
      opt.stringValue = v.bytes;
      break;
    case "aggregate":
      opt.aggregateValue = v.value;
      break;
  }
  return opt;
}

/** A deep copy of an options message (protoc copies extension range options to every range of a statement). */
export function cloneOptions<T extends AnyOptions>(o: T): T {
  return {
    ...o,
    uninterpretedOption: o.uninterpretedOption.map((u) => ({ ...u, name: u.name.map((n) => ({ ...n })) })),
  };
}
