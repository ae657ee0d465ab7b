/** Options of the JSON codec, and the per-call context the reader and writer pass down (also to the well-known types). */
import type { DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import type { Registry } from "../../reflect/registry.js";
import { formatPath, JsonError, lineColumn, type JsonErrorCode, type JsonPathSegments } from "./errors.js";
import type { JsonNode, JsonValue } from "./json-types.js";

/** Options for reading JSON. */
export interface JsonReadOptions {
  /** Skip keys that name no field, and enum names that name no value, instead of failing. Default false. */
  ignoreUnknownFields?: boolean;
  /** Where google.protobuf.Any type URLs and "[pkg.ext]" extension keys are resolved. */
  registry?: Registry;
  /** How deep JSON objects and arrays may nest. Default 100. */
  maxDepth?: number;
}

/** Options for writing JSON. */
export interface JsonWriteOptions {
  /** Also write fields without presence that hold their default: zero scalars and enums, empty lists and maps. Default false. */
  emitDefaultValues?: boolean;
  /** Write enum values as numbers instead of names. Default false. */
  enumAsInteger?: boolean;
  /** Use the .proto field names instead of the JSON (lowerCamelCase or json_name) names. Default false. */
  useProtoFieldName?: boolean;
  /** Where google.protobuf.Any type URLs and extensions are resolved. */
  registry?: Registry;
}

/** Options for writing JSON text. */
export interface JsonWriteStringOptions extends JsonWriteOptions {
  /** Pretty-print with this many spaces per level; 0 (the default) writes compact JSON. */
  prettySpaces?: number;
}

/** What the reader passes down while reading one JSON document. */
export interface ReadContext {
  readonly ignoreUnknownFields: boolean;
  readonly registry: Registry | undefined;
  readonly maxDepth: number;
  /** The keys and indexes leading to the value being read: push before reading a member, pop after. */
  readonly path: (string | number)[];
  /** Throws a JsonError for the value at the current path, positioned at source offset `at` (-1 for none). */
  fail(code: JsonErrorCode, problem: string, at: number): never;
  /** Reads a JSON value into a message of type `desc` (merging into what it holds). */
  readMessage(desc: DescMessage, msg: Message, node: JsonNode): void;
  /** True for the well-known types with a JSON form of their own (written under "value" inside an Any). */
  isWellKnown(typeName: string): boolean;
}

/** What the writer passes down while writing one message. */
export interface WriteContext {
  readonly emitDefaultValues: boolean;
  readonly enumAsInteger: boolean;
  readonly useProtoFieldName: boolean;
  readonly registry: Registry | undefined;
  /** The keys and indexes leading to the value being written: push before writing a member, pop after. */
  readonly path: (string | number)[];
  /** Throws a JsonError for the value at the current path. */
  fail(code: JsonErrorCode, problem: string): never;
  /** Writes a message as JSON. */
  writeMessage(desc: DescMessage, msg: Message): JsonValue;
  /** True for the well-known types with a JSON form of their own (written under "value" inside an Any). */
  isWellKnown(typeName: string): boolean;
}

/** Builds the fail() of a ReadContext: errors carry the current path and, for text, the line and column. */
export function readFail(source: string | undefined, path: JsonPathSegments): ReadContext["fail"] {
  return (code, problem, at) => {
    if (source === undefined || at < 0) throw new JsonError(code, formatPath(path), problem);
    const { line, column } = lineColumn(source, at);
    throw new JsonError(code, formatPath(path), problem, line, column);
  };
}
