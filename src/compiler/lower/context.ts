/** State shared by the lowering functions: the file's tokens, its syntax and the two location records. */
import type { FileNode } from "../ast.js";
import type { TokenTable } from "../token.js";
import { LocationRecorder, SourceLocationTable, type ErrorLocation } from "./locations.js";
import type { DeferredOptionLocations } from "./option-locations.js";

/** The syntax protoc's parser tracks: "proto2" (also without a syntax statement), "proto3" or "editions". */
export type Syntax = "proto2" | "proto3" | "editions";

/** What every lowering function needs. */
export class LowerContext {
  /** The file's tokens. */
  readonly tokens: TokenTable;
  /** SourceCodeInfo locations in protoc's order (swapped for a scratch recorder while extension range options are read). */
  rec: LocationRecorder;
  /** The syntax of the file. */
  readonly syntax: Syntax;

  constructor(
    ast: FileNode,
    /** Error positions, shared by every file of a compilation. */
    readonly table: SourceLocationTable,
    /** Whether SourceCodeInfo is recorded. */
    readonly sourceInfo: boolean,
    /** Where the locations inside options go, if deferred. */
    deferred?: DeferredOptionLocations,
  ) {
    this.tokens = ast.tokens;
    this.rec = new LocationRecorder(ast.tokens, sourceInfo, deferred);
    const s = ast.syntax;
    this.syntax = s === undefined ? "proto2" : s.keyword === "edition" ? "editions" : s.value === "proto3" ? "proto3" : "proto2";
  }

  /** Records where `part` of `proto` is: the start of token `t`. */
  mark(proto: object, part: ErrorLocation, t: number): void {
    this.table.addAt(proto, part, this.tokens.line(t), this.tokens.column(t));
  }
}
