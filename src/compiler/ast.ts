/**
 * The syntax tree of a .proto file (proto2, proto3 and editions).
 *
 * Positions are token indices into the file's TokenTable (`FileNode.tokens`), which holds each
 * token's line, column and end column (0-based). A node's `start`/`end` are the first and last
 * tokens of the source location protoc records for it in SourceCodeInfo (span = start of `start`
 * to end of `end`); parts protoc records separately (name, number, type, label, default value,
 * option names and values...) have their own token indices or spans. Comments are attached where
 * protoc attaches them. Nodes are appended to their parent when parsing starts, so a file with
 * errors still yields the part that was read.
 */
import type { TokenTable } from "./token.js";

/** The index of a token in the file's TokenTable. */
export type TokenIndex = number;

/** A source range from the start of token `start` to the end of token `end`, as protoc records locations. */
export interface Span {
  start: TokenIndex;
  end: TokenIndex;
}

/** Comments attached to a declaration, as in SourceCodeInfo.Location. */
export interface Comments {
  /** The comment right before the declaration, if any. */
  readonly leading?: string;
  /** The comment right after it (same line or next), if any. */
  readonly trailing?: string;
  /** Comments before the leading one, separated by blank lines. */
  readonly detached: readonly string[];
}

/** Every node that protoc records a location for. */
export interface NodeBase extends Span {
  /** Comments attached to the node's location; absent when none. */
  comments?: Comments;
}

/** A whole file. Its span is protoc's root location (first token to last token). */
export interface FileNode extends NodeBase {
  readonly kind: "file";
  /** The file name given to the parser. */
  readonly name: string;
  /** All tokens of the file; every TokenIndex in the tree points here. */
  readonly tokens: TokenTable;
  /** The `syntax = "...";` or `edition = "...";` statement, when present. */
  syntax?: SyntaxNode;
  /** Top-level statements in source order. */
  readonly decls: FileDecl[];
}

/** A top-level statement. */
export type FileDecl =
  | PackageNode
  | ImportNode
  | OptionNode
  | MessageNode
  | EnumNode
  | ServiceNode
  | ExtendNode
  | EmptyNode;

/** `syntax = "proto3";` or `edition = "2023";` (protoc records both under FileDescriptorProto.syntax). */
export interface SyntaxNode extends NodeBase {
  readonly kind: "syntax";
  /** Which keyword was used. */
  readonly keyword: "syntax" | "edition";
  /** The string value, e.g. "proto3" or "2023". */
  value: string;
  /** The string tokens of the value. */
  valueSpan?: Span;
  /** For `edition`: the Edition enum number (e.g. 1000 for 2023). */
  edition?: number;
}

/** `package a.b.c;` */
export interface PackageNode extends NodeBase {
  readonly kind: "package";
  /** The dotted name. */
  name: string;
}

/** `import "x.proto";`, with `public`, `weak` or (edition 2024) `option`. */
export interface ImportNode extends NodeBase {
  readonly kind: "import";
  /** The imported path (UTF-8 decoded). */
  path: string;
  /** `public`, `weak` or `option`, when written. */
  modifier?: "public" | "weak" | "option";
  /** The modifier keyword's token. */
  modifierToken?: TokenIndex;
  /** The string tokens of the path. */
  pathSpan?: Span;
}

/** An empty statement `;`. */
export interface EmptyNode {
  readonly kind: "empty";
  /** The `;` token. */
  readonly token: TokenIndex;
}

/** One part of an option name: `foo` or `(foo.bar)`. Span includes the parentheses. */
export interface OptionNamePart extends Span {
  /** The name text; for extensions the dotted name inside the parentheses (maybe with a leading dot). */
  name: string;
  /** True for a parenthesized extension name. */
  isExtension: boolean;
  /** The span protoc records for name_part: the identifiers inside the parentheses. */
  nameSpan: Span;
}

/** An option's value, as protoc keeps it in UninterpretedOption. Span includes a leading `-`. */
export type OptionValue = Span &
  (
    | { readonly kind: "identifier"; readonly value: string }
    | { readonly kind: "positive-int"; readonly value: bigint }
    | { readonly kind: "negative-int"; readonly value: bigint }
    | { readonly kind: "double"; readonly value: number }
    | { readonly kind: "string"; readonly bytes: Uint8Array; readonly value: string }
    | { readonly kind: "aggregate"; readonly value: string }
  );

/**
 * `name = value`: an option statement (`option a = 1;`, span from the `option` keyword to `;`) or
 * one entry of a `[...]` list (span from the name to the value).
 */
export interface OptionNode extends NodeBase {
  readonly kind: "option";
  /** The name parts; the name's span is from the first part to the last. */
  readonly name: OptionNamePart[];
  /** The value; absent when parsing failed before it. */
  value?: OptionValue;
}

/** `default = value` in a field's `[...]`: protoc's default_value text; the span covers the value only. */
export interface DefaultValueNode extends Span {
  readonly kind: "default";
  /**
   * The text protoc stores: integers re-printed in decimal (a `-` kept), floats via SimpleDtoa,
   * bytes C-escaped, strings as written (UTF-8 decoded), enum values as the identifier.
   */
  value: string;
  /** For string fields: the exact bytes of the literal. */
  bytes?: Uint8Array;
}

/** `json_name = "..."` in a field's `[...]`; the span covers the whole assignment. */
export interface JsonNameNode extends Span {
  readonly kind: "json_name";
  /** The JSON name. */
  value: string;
  /** The span of the string value (protoc records it as a second location). */
  valueSpan?: Span;
}

/** A `[...]` list of options; its span covers the brackets. */
export interface OptionList<T = OptionNode> extends Span {
  /** The entries in source order. */
  readonly entries: T[];
}

/** An entry of a field's `[...]` list. */
export type FieldOption = OptionNode | DefaultValueNode | JsonNameNode;

/** A type as written: a scalar keyword or a (possibly qualified) message/enum name. */
export interface TypeRef extends Span {
  /** The name as protoc stores it, e.g. "int32", ".foo.Bar", "Bar.Baz". */
  name: string;
  /** FieldDescriptorProto.Type number for scalar types and `group`; 0 for named types. */
  scalar: number;
}

/** A field, map field or group in a message, oneof or extend block. */
export interface FieldNode extends NodeBase {
  readonly kind: "field";
  /** The label keyword, when written. */
  label?: { readonly value: "optional" | "required" | "repeated"; readonly token: TokenIndex };
  /** The type; for map fields it spans `map<K, V>`. */
  type?: TypeRef;
  /** Key and value types of a `map<K, V>` field. */
  map?: { readonly key: TypeRef; readonly value: TypeRef };
  /** The name as written (protoc lower-cases a group's field name later). */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** The field number (0 if out of range). */
  number?: number;
  /** The number token. */
  numberToken?: TokenIndex;
  /** The `[...]` options, `default` and `json_name` among them, in source order. */
  options?: OptionList<FieldOption>;
  /** For groups: the body, a nested message whose span starts where the field starts. */
  group?: GroupBody;
  /** For fields inside an extend block: the extendee. */
  extendee?: Span & { name: string };
}

/** The message body of a group field. */
export interface GroupBody extends NodeBase {
  readonly decls: MessageDecl[];
}

/** A statement inside a message body. */
export type MessageDecl =
  | FieldNode
  | MessageNode
  | EnumNode
  | ExtendNode
  | OptionNode
  | OneofNode
  | ExtensionRangeNode
  | ReservedNode
  | EmptyNode;

/** `message Name { ... }`; the span starts at `message` (after any visibility keyword). */
export interface MessageNode extends NodeBase {
  readonly kind: "message";
  /** Edition 2024 `export` or `local`. */
  visibility?: "export" | "local";
  /** The visibility keyword's token. */
  visibilityToken?: TokenIndex;
  /** The message name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** Statements of the body in source order. */
  readonly decls: MessageDecl[];
}

/** `oneof name { ... }` */
export interface OneofNode extends NodeBase {
  readonly kind: "oneof";
  /** The oneof name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** Fields and option statements in source order. */
  readonly decls: (FieldNode | OptionNode)[];
}

/** One range `a`, `a to b` or `a to max`, as written (ends inclusive); the span covers it all. */
export interface RangeNode extends Span {
  /** The first number (signed for enum ranges). */
  first: number;
  /** The tokens of the first number (with a leading `-` for enums). */
  firstSpan: Span;
  /** The last number, or "max". Equal to `first` for a single number. */
  last: number | "max";
  /** The tokens of the last number; for a single number protoc records only its first token. */
  lastSpan: Span;
}

/** `extensions 100 to 199 [options];` — its span is the whole statement. */
export interface ExtensionRangeNode extends NodeBase {
  readonly kind: "extensions";
  /** The ranges. */
  readonly ranges: RangeNode[];
  /** The options, which apply to every range. */
  options?: OptionList;
}

/** `reserved 1, 5 to 9;` or `reserved "a", "b";` (editions: `reserved a, b;`). Span starts at `reserved`. */
export interface ReservedNode extends NodeBase {
  readonly kind: "reserved";
  /** Number ranges, when numbers are reserved. */
  ranges?: RangeNode[];
  /** Names (string literals or, in editions, identifiers), when names are reserved. */
  names?: (Span & { value: string })[];
}

/** `extend Foo { fields }` — its span is the whole block. */
export interface ExtendNode extends NodeBase {
  readonly kind: "extend";
  /** The extendee as written. */
  extendee?: Span & { name: string };
  /** The extension fields. */
  readonly fields: FieldNode[];
}

/** `enum Name { ... }`; the span starts at `enum`. */
export interface EnumNode extends NodeBase {
  readonly kind: "enum";
  /** Edition 2024 `export` or `local`. */
  visibility?: "export" | "local";
  /** The visibility keyword's token. */
  visibilityToken?: TokenIndex;
  /** The enum name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** Statements of the body in source order. */
  readonly decls: EnumDecl[];
}

/** A statement inside an enum body. */
export type EnumDecl = EnumValueNode | OptionNode | ReservedNode | EmptyNode;

/** `NAME = 1 [options];` */
export interface EnumValueNode extends NodeBase {
  readonly kind: "value";
  /** The value name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** The number. */
  number?: number;
  /** The number's tokens (a leading `-` included). */
  numberSpan?: Span;
  /** The `[...]` options. */
  options?: OptionList;
}

/** `service Name { ... }` */
export interface ServiceNode extends NodeBase {
  readonly kind: "service";
  /** The service name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** Statements of the body in source order. */
  readonly decls: (MethodNode | OptionNode | EmptyNode)[];
}

/** `rpc Name(stream In) returns (stream Out);` or with an `{ option ...; }` body. */
export interface MethodNode extends NodeBase {
  readonly kind: "method";
  /** The method name. */
  name?: string;
  /** The name token. */
  nameToken?: TokenIndex;
  /** The input type. */
  input?: Span & { name: string };
  /** The `stream` token before the input type. */
  clientStreaming?: TokenIndex;
  /** The output type. */
  output?: Span & { name: string };
  /** The `stream` token before the output type. */
  serverStreaming?: TokenIndex;
  /** Statements of the `{ ... }` body, when there is one. */
  body?: (OptionNode | EmptyNode)[];
}
