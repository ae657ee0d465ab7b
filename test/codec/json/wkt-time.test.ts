import { test } from "node:test";
import assert from "node:assert/strict";
import { create } from "../../../src/message/create.js";
import { All, messageType } from "./fixtures.js";
import { parse, parseFails, print, printFails, roundTrip, type Fields } from "./helpers.js";

const Timestamp = messageType("google.protobuf.Timestamp");
const Duration = messageType("google.protobuf.Duration");
const ts = (seconds: bigint, nanos = 0) => create(All, { wTimestamp: create(Timestamp, { seconds, nanos }) });
const dur = (seconds: bigint, nanos = 0) => create(All, { wDuration: create(Duration, { seconds, nanos }) });
const tsOf = (text: string) => parse(`{"wTimestamp": ${JSON.stringify(text)}}`)["wTimestamp"] as Fields;
const durOf = (text: string) => parse(`{"wDuration": ${JSON.stringify(text)}}`)["wDuration"] as Fields;

test("Timestamp: printed in UTC with 0, 3, 6 or 9 fractional digits", () => {
  assert.equal(print(ts(0n)), '{"wTimestamp":"1970-01-01T00:00:00Z"}');
  assert.equal(print(ts(0n, 10000000)), '{"wTimestamp":"1970-01-01T00:00:00.010Z"}');
  assert.equal(print(ts(0n, 10000)), '{"wTimestamp":"1970-01-01T00:00:00.000010Z"}');
  assert.equal(print(ts(0n, 10)), '{"wTimestamp":"1970-01-01T00:00:00.000000010Z"}');
  assert.equal(print(ts(-1n, 999999999)), '{"wTimestamp":"1969-12-31T23:59:59.999999999Z"}');
  assert.equal(print(ts(951782400n)), '{"wTimestamp":"2000-02-29T00:00:00Z"}');
  assert.equal(print(ts(-62135596800n)), '{"wTimestamp":"0001-01-01T00:00:00Z"}');
  assert.equal(print(ts(253402300799n, 999999999)), '{"wTimestamp":"9999-12-31T23:59:59.999999999Z"}');
});

test("Timestamp: out-of-range values cannot be printed", () => {
  printFails(ts(-62135596801n), "$.wTimestamp: Timestamp seconds out of range: -62135596801");
  printFails(ts(253402300800n), "$.wTimestamp: Timestamp seconds out of range: 253402300800");
  printFails(ts(0n, -1), "$.wTimestamp: Timestamp nanos out of range: -1");
  printFails(ts(0n, 1000000000), "$.wTimestamp: Timestamp nanos out of range: 1000000000");
});

test("Timestamp: parsed with any fraction length and UTC offsets", () => {
  assert.deepEqual(tsOf("1970-01-01T00:00:00.1Z"), { $typeName: "google.protobuf.Timestamp", seconds: 0n, nanos: 100000000 });
  assert.deepEqual(tsOf("1970-01-01T00:00:00.123456789Z"), { $typeName: "google.protobuf.Timestamp", seconds: 0n, nanos: 123456789 });
  assert.deepEqual(tsOf("1970-01-01T01:00:00+01:00"), { $typeName: "google.protobuf.Timestamp", seconds: 0n, nanos: 0 });
  assert.deepEqual(tsOf("1969-12-31T16:00:00-08:00"), { $typeName: "google.protobuf.Timestamp", seconds: 0n, nanos: 0 });
  assert.deepEqual(tsOf("2024-02-29T12:30:45.5Z"), { $typeName: "google.protobuf.Timestamp", seconds: 1709209845n, nanos: 500000000 });
  assert.equal(roundTrip('{"wTimestamp": "0001-01-01T00:00:00Z"}'), '{"wTimestamp":"0001-01-01T00:00:00Z"}');
  assert.equal(roundTrip('{"wTimestamp": "9999-12-31T23:59:59.999999999Z"}'), '{"wTimestamp":"9999-12-31T23:59:59.999999999Z"}');
});

test("Timestamp: malformed text and out-of-range dates are refused", () => {
  const form = "expected RFC 3339 form like 1972-01-01T10:00:20.021Z";
  for (const bad of ["1970-01-01t00:00:00Z", "1970-01-01T00:00:00z", "1970-01-01T00:00:00", "1970-01-01 00:00:00Z", "1970-1-01T00:00:00Z", "1970-01-01T00:00:00.Z", "1970-01-01T00:00:00.1234567890Z", "1970-01-01T00:00:00+0100", " 1970-01-01T00:00:00Z", "10000-01-01T00:00:00Z"]) {
    parseFails(`{"wTimestamp": ${JSON.stringify(bad)}}`, `$.wTimestamp: invalid Timestamp ${JSON.stringify(bad)}: ${form} (line 1:16)`);
  }
  parseFails('{"wTimestamp": "2023-02-29T00:00:00Z"}', '$.wTimestamp: invalid Timestamp "2023-02-29T00:00:00Z": no such date (line 1:16)');
  parseFails('{"wTimestamp": "2023-13-01T00:00:00Z"}', '$.wTimestamp: invalid Timestamp "2023-13-01T00:00:00Z": no such date (line 1:16)');
  parseFails('{"wTimestamp": "0000-01-01T00:00:00Z"}', '$.wTimestamp: invalid Timestamp "0000-01-01T00:00:00Z": no such date (line 1:16)');
  parseFails('{"wTimestamp": "2023-01-01T24:00:00Z"}', '$.wTimestamp: invalid Timestamp "2023-01-01T24:00:00Z": no such time of day (line 1:16)');
  parseFails('{"wTimestamp": "2023-01-01T23:59:60Z"}', '$.wTimestamp: invalid Timestamp "2023-01-01T23:59:60Z": no such time of day (line 1:16)');
  parseFails('{"wTimestamp": "2023-01-01T00:00:00+24:00"}', '$.wTimestamp: invalid Timestamp "2023-01-01T00:00:00+24:00": invalid UTC offset (line 1:16)');
  const range = "(must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z)";
  parseFails('{"wTimestamp": "0001-01-01T00:00:00+00:01"}', `$.wTimestamp: Timestamp out of range: "0001-01-01T00:00:00+00:01" ${range} (line 1:16)`);
  parseFails('{"wTimestamp": "9999-12-31T23:59:59-00:01"}', `$.wTimestamp: Timestamp out of range: "9999-12-31T23:59:59-00:01" ${range} (line 1:16)`);
  parseFails('{"wTimestamp": 0}', "$.wTimestamp: expected a string for google.protobuf.Timestamp, got number (line 1:16)");
});

test("Duration: printed with 0, 3, 6 or 9 fractional digits and the sign of either part", () => {
  assert.equal(print(dur(0n)), '{"wDuration":"0s"}');
  assert.equal(print(dur(1n, 500000000)), '{"wDuration":"1.500s"}');
  assert.equal(print(dur(-1n, -500000000)), '{"wDuration":"-1.500s"}');
  assert.equal(print(dur(0n, -500)), '{"wDuration":"-0.000000500s"}');
  assert.equal(print(dur(0n, 10000)), '{"wDuration":"0.000010s"}');
  assert.equal(print(dur(315576000000n, 999999999)), '{"wDuration":"315576000000.999999999s"}');
  assert.equal(print(dur(-315576000000n, -999999999)), '{"wDuration":"-315576000000.999999999s"}');
});

test("Duration: invalid values cannot be printed", () => {
  printFails(dur(315576000001n), "$.wDuration: Duration seconds out of range: 315576000001");
  printFails(dur(-315576000001n), "$.wDuration: Duration seconds out of range: -315576000001");
  printFails(dur(0n, 1000000000), "$.wDuration: Duration nanos out of range: 1000000000");
  printFails(dur(1n, -1), "$.wDuration: Duration seconds and nanos have different signs: 1, -1");
  printFails(dur(-1n, 1), "$.wDuration: Duration seconds and nanos have different signs: -1, 1");
});

test("Duration: parsing", () => {
  assert.deepEqual(durOf("1.5s"), { $typeName: "google.protobuf.Duration", seconds: 1n, nanos: 500000000 });
  assert.deepEqual(durOf("-1.5s"), { $typeName: "google.protobuf.Duration", seconds: -1n, nanos: -500000000 });
  assert.deepEqual(durOf("-0.5s"), { $typeName: "google.protobuf.Duration", seconds: 0n, nanos: -500000000 });
  assert.deepEqual(durOf("0.000000001s"), { $typeName: "google.protobuf.Duration", seconds: 0n, nanos: 1 });
  assert.deepEqual(durOf("-0s"), { $typeName: "google.protobuf.Duration", seconds: 0n, nanos: 0 });
  assert.equal(roundTrip('{"wDuration": "-315576000000.999999999s"}'), '{"wDuration":"-315576000000.999999999s"}');
  const form = 'expected seconds with an "s" suffix like "1.5s"';
  for (const bad of ["1", "1.5", "1.s", ".5s", "+1s", "1.0000000001s", "1 s", "1S", "1e3s", "- 1s", ""]) {
    parseFails(`{"wDuration": ${JSON.stringify(bad)}}`, `$.wDuration: invalid Duration ${JSON.stringify(bad)}: ${form} (line 1:15)`);
  }
  parseFails('{"wDuration": "315576000001s"}', '$.wDuration: Duration out of range: "315576000001s" (at most 315576000000 seconds either way) (line 1:15)');
  parseFails('{"wDuration": "-99999999999999999999s"}', '$.wDuration: Duration out of range: "-99999999999999999999s" (at most 315576000000 seconds either way) (line 1:15)');
  parseFails('{"wDuration": 1}', "$.wDuration: expected a string for google.protobuf.Duration, got number (line 1:15)");
});
