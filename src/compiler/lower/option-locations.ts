/**
 * The locations inside an option statement: its name, each name part and its value. protoc's
 * parser records them and its UpdateSourceCodeInfo drops them again for every option that is
 * interpreted, which is nearly every option of a file that compiles. So a compilation defers
 * them: the lowering keeps the option's node, and the interpreter makes them only for an option
 * left uninterpreted, at the place protoc's parser put them (right after the option's location).
 */
import type { OptionNode } from "../ast.js";
import type { SourceCodeInfo_Location } from "../../reflect/descriptor-types.js";
import { TokenKind, type TokenTable } from "../token.js";
import { LocationRecorder } from "./locations.js";
import { subPath, subPathAt } from "./paths.js";

/** UninterpretedOption field numbers of the value kinds, as used in location paths. */
const VALUE_FIELD = {
  identifier: 3,
  "positive-int": 4,
  "negative-int": 5,
  double: 6,
  string: 7,
  aggregate: 8,
} as const;

/** Records the locations inside option `node`, whose own location is at `path` (…, 999, index). */
export function recordOptionDetails(rec: LocationRecorder, tokens: TokenTable, node: OptionNode, path: readonly number[]): void {
  const first = node.name[0]!;
  const v = node.value!;
  rec.add(subPath(path, 2), { start: first.start, end: node.name[node.name.length - 1]!.end });
  node.name.forEach((part, j) => {
    const partPath = subPathAt(path, 2, j);
    rec.add(partPath, part);
    rec.add(subPath(partPath, 1), part.nameSpan);
  });
  let field: number = VALUE_FIELD[v.kind];
  // `-inf` and `-nan` are identifiers to protoc's parser: it records the identifier path and stores a double.
  if (v.kind === "double" && tokens.kind(v.end) === TokenKind.Identifier) field = VALUE_FIELD.identifier;
  rec.add(subPath(path, field), v);
}

/** The option statements of one file whose inner locations were deferred, by the option's own location. */
export class DeferredOptionLocations {
  private readonly options = new Map<SourceCodeInfo_Location, OptionNode>();

  constructor(private readonly tokens: TokenTable) {}

  /** Defers the inner locations of `node`, whose own location is `loc`. */
  defer(loc: SourceCodeInfo_Location, node: OptionNode): void {
    this.options.set(loc, node);
  }

  /** The inner locations of the option whose own location is `loc`, if they were deferred. */
  innerLocations(loc: SourceCodeInfo_Location): SourceCodeInfo_Location[] | undefined {
    const node = this.options.get(loc);
    if (node === undefined) return undefined;
    const rec = new LocationRecorder(this.tokens);
    recordOptionDetails(rec, this.tokens, node, loc.path);
    return rec.locations;
  }
}
