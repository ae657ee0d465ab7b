import { test } from "node:test";
import assert from "node:assert/strict";
import { TimestampSchema, type Timestamp } from "../../src/wkt/google/protobuf/timestamp_pb.js";
import { DurationSchema } from "../../src/wkt/google/protobuf/duration_pb.js";
import { create } from "../../src/message/create.js";
import { clone } from "../../src/message/clone.js";
import { equals } from "../../src/message/equals.js";
import { fromBinary } from "../../src/codec/binary/from-binary.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { fromJsonString } from "../../src/codec/json/from-json.js";

// These checks are made by the compiler: a wrong type fails `tsc`, which the build runs.
test("generated schemas type what the runtime functions take and return", () => {
  const ts = create(TimestampSchema, { seconds: 5n, nanos: 7 });
  const seconds: bigint = ts.seconds; // inferred as Timestamp
  const back: Timestamp = fromBinary(TimestampSchema, toBinary(TimestampSchema, ts));
  const fromJson: Timestamp = fromJsonString(TimestampSchema, '"1970-01-01T00:00:05.000000007Z"');
  assert.equal(seconds, 5n);
  assert.ok(equals(TimestampSchema, back, fromJson));
  assert.ok(equals(TimestampSchema, clone(TimestampSchema, ts), ts));
  const duration = create(DurationSchema);
  // @ts-expect-error a Duration is not a Timestamp
  assert.throws(() => toBinary(TimestampSchema, duration), /expected a message of type google.protobuf.Timestamp, got google.protobuf.Duration/);
});
