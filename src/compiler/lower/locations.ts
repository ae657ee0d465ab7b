/**
 * Where things are in a .proto file, in the two forms protoc keeps:
 * - SourceCodeInfo locations, appended in the order protoc's parser creates its LocationRecorders
 *   (a location's span is fixed when the recorder ends, but its place in the list is where it
 *   was created);
 * - the error location table (protoc's SourceLocationTable): for a descriptor proto and a part of
 *   it (name, number, type...), the line and column where later stages report errors.
 */
import type { Comments, Span } from "../ast.js";
import type { SourceCodeInfo_Location } from "../../reflect/descriptor-types.js";
import type { TokenTable } from "../token.js";
import type { DeferredOptionLocations } from "./option-locations.js";
import { newLocation } from "./protos.js";

/** The part of a declaration an error points at (protoc's DescriptorPool::ErrorCollector::ErrorLocation). */
export type ErrorLocation =
  | "NAME"
  | "NUMBER"
  | "TYPE"
  | "EXTENDEE"
  | "DEFAULT_VALUE"
  | "INPUT_TYPE"
  | "OUTPUT_TYPE"
  | "OPTION_NAME"
  | "OPTION_VALUE"
  | "IMPORT"
  | "EDITIONS"
  | "SYMBOL"
  | "OTHER";

/** A 0-based line and column; line -1 when unknown. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The position protoc uses when it has none recorded. */
export const NO_POSITION: Position = { line: -1, column: 0 };

const PART_CODE: Record<ErrorLocation, number> = {
  NAME: 0, NUMBER: 1, TYPE: 2, EXTENDEE: 3, DEFAULT_VALUE: 4, INPUT_TYPE: 5, OUTPUT_TYPE: 6,
  OPTION_NAME: 7, OPTION_VALUE: 8, IMPORT: 9, EDITIONS: 10, SYMBOL: 11, OTHER: 12,
};

/**
 * protoc's SourceLocationTable: error positions keyed by descriptor proto object and part. Each
 * object's positions are kept flat, as (part, line, column) triples: most objects have two or
 * three parts, and errors are rare.
 */
export class SourceLocationTable {
  private readonly map = new Map<object, number[]>();
  private lastProto: object | undefined;
  private lastParts: number[] | undefined;
  private readonly imports = new Map<object, Map<string, Position>>();

  /** Records (replacing any earlier entry) where `part` of `proto` is. */
  add(proto: object, part: ErrorLocation, at: Position): void {
    this.addAt(proto, part, at.line, at.column);
  }

  /** Records (replacing any earlier entry) that `part` of `proto` is at `line` and `column`. */
  addAt(proto: object, part: ErrorLocation, line: number, column: number): void {
    const code = PART_CODE[part];
    // The parts of one object are mostly recorded one after the other.
    let a = proto === this.lastProto ? this.lastParts : this.map.get(proto);
    if (a === undefined) {
      // Room for the three parts most elements have (-1: free), so the list rarely grows.
      a = [code, line, column, -1, 0, 0, -1, 0, 0];
      this.map.set(proto, a);
      this.lastProto = proto;
      this.lastParts = a;
      return;
    }
    this.lastProto = proto;
    this.lastParts = a;
    for (let i = 0; i < a.length; i += 3) {
      if (a[i] === code || a[i] === -1) {
        a[i] = code;
        a[i + 1] = line;
        a[i + 2] = column;
        return;
      }
    }
    a.push(code, line, column);
  }

  /** Records where the import of `name` (or the `weak` keyword) is in the file `proto`. */
  addImport(proto: object, name: string, at: Position): void {
    let m = this.imports.get(proto);
    if (m === undefined) this.imports.set(proto, (m = new Map()));
    m.set(name, at);
  }

  /** The position of `part` of `proto`, or NO_POSITION. */
  find(proto: object, part: ErrorLocation): Position {
    const a = this.map.get(proto);
    if (a === undefined) return NO_POSITION;
    const code = PART_CODE[part];
    for (let i = 0; i < a.length; i += 3) if (a[i] === code) return { line: a[i + 1]!, column: a[i + 2]! };
    return NO_POSITION;
  }

  /** The position of an import in the file `proto`, or NO_POSITION. */
  findImport(proto: object, name: string): Position {
    return this.imports.get(proto)?.get(name) ?? NO_POSITION;
  }
}

/** Collects SourceCodeInfo locations from AST spans, in protoc's order. */
export class LocationRecorder {
  /** The locations recorded so far. */
  readonly locations: SourceCodeInfo_Location[] = [];

  constructor(
    private readonly tokens: TokenTable,
    /** When false, nothing is recorded (error positions are still computed). */
    readonly enabled = true,
    /** Where the locations inside option statements go instead of the list, if they are deferred. */
    readonly deferred?: DeferredOptionLocations,
  ) {}

  /** The position of the start of token `t`. */
  at(t: number): Position {
    return { line: this.tokens.line(t), column: this.tokens.column(t) };
  }

  /**
   * Appends a location for `path` covering `span`, with the node's comments if any. The array
   * becomes the location's path: the caller may go on reading it (to make child paths) but must
   * not change it.
   */
  add(path: number[], span: Span, comments?: Comments): SourceCodeInfo_Location | undefined {
    if (!this.enabled) return undefined;
    const loc = newLocation(path, this.span(span.start, span.end), comments);
    this.locations.push(loc);
    return loc;
  }

  /** Appends a location covering the single token `t` (the array becomes the location's path, as in add()). */
  token(path: number[], t: number): void {
    if (this.enabled) this.locations.push(newLocation(path, this.span(t, t)));
  }

  /** protoc's span encoding: [line, column, endLine, endColumn], endLine left out when equal. */
  private span(start: number, end: number): number[] {
    const t = this.tokens;
    const line = t.line(start);
    const endLine = t.line(end);
    return endLine === line ? [line, t.column(start), t.endColumn(end)] : [line, t.column(start), endLine, t.endColumn(end)];
  }
}
