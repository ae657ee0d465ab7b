/** The proto3 JSON format: reading, writing, options and errors. */
export { toJson, toJsonString } from "./to-json.js";
export { fromJson, fromJsonString, fromJsonBytes, mergeFromJson, mergeFromJsonString } from "./from-json.js";
export type { JsonReadOptions, JsonWriteOptions, JsonWriteStringOptions } from "./options.js";
export { JsonError, type JsonErrorCode } from "./errors.js";
export type { JsonValue, JsonObject, JsonNode, JsonMember } from "./json-types.js";
export { parseJsonText } from "./json-reader.js";
