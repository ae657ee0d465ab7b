/** The wrapper types (google.protobuf.Int32Value, StringValue, …): written as their bare wrapped value. */
import { getFieldValue, setFieldValue } from "../../message/fields.js";
import type { ScalarValue } from "../../reflect/scalar.js";
import { readScalar } from "./scalar-read.js";
import { writeScalar } from "./scalar-write.js";
import { wktField, type WktConverter } from "./wkt-support.js";

/** Any wrapper: its `value` field (number 1) as that scalar's JSON. */
export const wrapperJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const f = wktField(desc, 1);
    if (f.fieldKind !== "scalar") return ctx.fail("value", `${desc.typeName}.value is not a scalar`);
    return writeScalar(ctx, f.scalar, getFieldValue(msg, f) as ScalarValue);
  },
  fromJson(desc, msg, node, ctx) {
    const f = wktField(desc, 1);
    if (f.fieldKind !== "scalar") return ctx.fail("value", `${desc.typeName}.value is not a scalar`, node.at);
    setFieldValue(msg, f, readScalar(ctx, f.scalar, node));
  },
};

/** The type names of the wrappers. */
export const wrapperTypeNames: readonly string[] = [
  "DoubleValue",
  "FloatValue",
  "Int64Value",
  "UInt64Value",
  "Int32Value",
  "UInt32Value",
  "BoolValue",
  "StringValue",
  "BytesValue",
].map((n) => "google.protobuf." + n);
