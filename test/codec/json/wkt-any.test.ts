import { test } from "node:test";
import assert from "node:assert/strict";
import { fromJson, toJson } from "../../../src/codec/json/index.js";
import { toBinary } from "../../../src/codec/binary/to-binary.js";
import { create } from "../../../src/message/create.js";
import type { Message } from "../../../src/reflect/message.js";
import { All, messageType, registry } from "./fixtures.js";
import { parse, parseFails, printFails, roundTrip } from "./helpers.js";

const Any = messageType("google.protobuf.Any");
const Duration = messageType("google.protobuf.Duration");
const url = (name: string) => `type.googleapis.com/${name}`;
const anyOf = (typeUrl: string, value: Uint8Array) => create(All, { wAny: create(Any, { typeUrl, value }) });

test("Any holding a message: its fields beside @type", () => {
  const json = `{"wAny":{"@type":"${url("test.All")}","sInt32":1,"child":{"sString":"x"}}}`;
  assert.equal(roundTrip(json), json);
  const m = parse(json);
  const any = m["wAny"] as { typeUrl: string; value: Uint8Array };
  assert.equal(any.typeUrl, url("test.All"));
  assert.deepEqual(any.value, toBinary(All, create(All, { sInt32: 1, child: create(All, { sString: "x" }) })));
});

test("@type may come after the fields", () => {
  assert.equal(roundTrip(`{"wAny":{"sInt32":1,"@type":"${url("test.All")}"}}`), `{"wAny":{"@type":"${url("test.All")}","sInt32":1}}`);
});

test("Any holding a well-known type: its JSON under value", () => {
  for (const [type, value] of [
    ["google.protobuf.Duration", '"1.500s"'],
    ["google.protobuf.Timestamp", '"1970-01-01T00:00:00Z"'],
    ["google.protobuf.FieldMask", '"a.bC,d"'],
    ["google.protobuf.Int64Value", '"5"'],
    ["google.protobuf.Value", '{"a":[1,null]}'],
    ["google.protobuf.Struct", '{"a":true}'],
    ["google.protobuf.ListValue", '[1,"x"]'],
  ] as const) {
    const json = `{"wAny":{"@type":"${url(type)}","value":${value}}}`;
    assert.equal(roundTrip(json), json);
  }
  // Empty is an ordinary message: no "value".
  assert.equal(roundTrip(`{"wAny":{"@type":"${url("google.protobuf.Empty")}"}}`), `{"wAny":{"@type":"${url("google.protobuf.Empty")}"}}`);
});

test("Any inside Any", () => {
  const inner = `{"@type":"${url("test.All")}","wAny":{"@type":"${url("google.protobuf.Duration")}","value":"2s"}}`;
  const json = `{"wAny":{"@type":"${url("google.protobuf.Any")}","value":${inner}}}`;
  assert.equal(roundTrip(json), json);
});

test("empty Any", () => {
  assert.equal(roundTrip('{"wAny":{}}'), '{"wAny":{}}');
  assert.deepEqual(toJson(Any, create(Any)), {});
  printFails(anyOf("", new Uint8Array([8, 1])), "$.wAny: Any has a value but no type URL");
});

test("bad Any input", () => {
  parseFails('{"wAny": {"sInt32": 1}}', '$.wAny: Any is missing "@type" (line 1:10)');
  parseFails('{"wAny": {"@type": 1}}', '$.wAny["@type"]: expected a string for "@type", got number (line 1:20)');
  parseFails('{"wAny": {"@type": "type.googleapis.com/x.Nope"}}', '$.wAny["@type"]: cannot resolve Any type URL "type.googleapis.com/x.Nope": unknown message type "x.Nope" (line 1:20)');
  parseFails('{"wAny": {"@type": "type.googleapis.com/"}}', '$.wAny["@type"]: invalid Any type URL "type.googleapis.com/" (line 1:20)');
  parseFails(`{"wAny": {"@type": "${url("test.All")}", "nope": 1}}`, '$.wAny.nope: unknown field "nope" in message test.All (line 1:52)');
  parseFails(`{"wAny": {"@type": "${url("google.protobuf.Duration")}", "value": "1s", "extra": 1}}`, '$.wAny.extra: unknown key "extra" in Any holding google.protobuf.Duration (expected "@type" and "value") (line 1:83)');
  parseFails(`{"wAny": {"@type": "${url("google.protobuf.Duration")}", "value": 1}}`, "$.wAny.value: expected a string for google.protobuf.Duration, got number (line 1:77)");
  parseFails('{"wAny": []}', "$.wAny: expected an object for google.protobuf.Any, got array (line 1:10)");
  assert.throws(() => fromJson(All, { wAny: { "@type": url("test.All") } }), { message: `$.wAny["@type"]: cannot resolve Any type URL "${url("test.All")}" without a registry` });
  // ignoreUnknownFields applies inside the packed message too.
  const m = parse(`{"wAny": {"@type": "${url("google.protobuf.Duration")}", "value": "1s", "extra": 1}}`, { ignoreUnknownFields: true });
  assert.equal((m["wAny"] as { typeUrl: string }).typeUrl, url("google.protobuf.Duration"));
});

test("Any that cannot be printed", () => {
  printFails(anyOf(url("x.Nope"), new Uint8Array()), '$.wAny: cannot resolve Any type URL "type.googleapis.com/x.Nope": unknown message type "x.Nope"');
  printFails(anyOf(url("test.All"), new Uint8Array([8])), "$.wAny: invalid test.All in Any: truncated varint at byte 1");
  const dur = toBinary(Duration, create(Duration, { seconds: 315576000001n }));
  printFails(anyOf(url("google.protobuf.Duration"), dur), "$.wAny.value: Duration seconds out of range: 315576000001");
  assert.throws(() => toJson(All, anyOf(url("test.All"), new Uint8Array()) as Message), { message: '$.wAny: cannot resolve Any type URL "type.googleapis.com/test.All" without a registry' });
  assert.deepEqual(toJson(All, anyOf(url("test.All"), new Uint8Array()), { registry }), { wAny: { "@type": url("test.All") } });
});
