/**
 * Options as protoc's parser stores them: each `name = value` becomes an UninterpretedOption of
 * the element's options message, with locations for the option, its name, each name part and the
 * value (protoc's ParseOption).
 */
import type { OptionNode } from "../ast.js";
import type { UninterpretedOption } from "../../reflect/descriptor-types.js";
import { TokenKind } from "../token.js";
import type { LowerContext } from "./context.js";
import { subPath, subPathAt } from "./paths.js";
import { newNamePart, newOptions, newUninterpreted, type AnyOptions, type OptionsKind } from "./protos.js";

/** UninterpretedOption field numbers of the value kinds, as used in location paths. */
const VALUE_FIELD = {
  identifier: 3,
  "positive-int": 4,
  "negative-int": 5,
  double: 6,
  string: 7,
  aggregate: 8,
} as const;

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
    rec.add(path, node, node.comments);
    rec.add(subPath(path, 2), { start: first.start, end: node.name[node.name.length - 1]!.end });
    node.name.forEach((part, j) => {
      const partPath = subPathAt(path, 2, j);
      rec.add(partPath, part);
      rec.add(subPath(partPath, 1), part.nameSpan);
    });
    let field: number = VALUE_FIELD[v.kind];
    // `-inf` and `-nan` are identifiers to protoc's parser: it records the identifier path and stores a double.
    if (v.kind === "double" && ctx.tokens.kind(v.end) === TokenKind.Identifier) field = VALUE_FIELD.identifier;
    rec.add(subPath(path, field), v);
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
