/** The table of well-known types whose JSON form differs from that of ordinary messages. */
import { anyJson } from "./wkt-any.js";
import { fieldMaskJson } from "./wkt-field-mask.js";
import { listValueJson, structJson, valueJson } from "./wkt-struct.js";
import type { WktConverter } from "./wkt-support.js";
import { durationJson, timestampJson } from "./wkt-time.js";
import { wrapperJson, wrapperTypeNames } from "./wkt-wrappers.js";

const converters = new Map<string, WktConverter>([
  ["google.protobuf.Any", anyJson],
  ["google.protobuf.Timestamp", timestampJson],
  ["google.protobuf.Duration", durationJson],
  ["google.protobuf.FieldMask", fieldMaskJson],
  ["google.protobuf.Struct", structJson],
  ["google.protobuf.Value", valueJson],
  ["google.protobuf.ListValue", listValueJson],
  ...wrapperTypeNames.map((n): [string, WktConverter] => [n, wrapperJson]),
]);

/** The JSON converter of a well-known type, or undefined for messages written field by field (google.protobuf.Empty among them). */
export function wktConverter(typeName: string): WktConverter | undefined {
  return converters.get(typeName);
}
