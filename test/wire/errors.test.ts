import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError } from "../../src/wire/index.js";

test("WireError carries the offset and names it in the message", () => {
  const e = new WireError("truncated varint", 17, "truncated");
  assert.ok(e instanceof Error);
  assert.ok(e instanceof WireError);
  assert.equal(e.name, "WireError");
  assert.equal(e.offset, 17);
  assert.equal(e.message, "truncated varint at byte 17");
  assert.equal(e.code, "truncated");
  assert.equal(e.field, undefined);
});

test("codes tell errors apart: invalid UTF-8 names the field", async () => {
  const { compileWithProtoc, messageType } = await import("../support/protoc.js");
  const { fromBinary } = await import("../../src/codec/binary/from-binary.js");
  const reg = compileWithProtoc({ "u.proto": 'syntax = "proto3"; package u; message M { string s = 1; M m = 2; }' });
  const M = messageType(reg, "u.M");
  const codeOf = (bytes: number[]) => {
    try {
      fromBinary(M, new Uint8Array(bytes));
    } catch (e) {
      return [(e as WireError).code, (e as WireError).field];
    }
    return undefined;
  };
  assert.deepEqual(codeOf([0x0a, 0x01, 0xff]), ["invalid-utf8", "u.M.s"]);
  assert.deepEqual(codeOf([0x12, 0x03, 0x0a, 0x01, 0xc0]), ["invalid-utf8", "u.M.s"]);
  assert.deepEqual(codeOf([0x0a, 0x05, 0x61]), ["invalid-length", undefined]);
  assert.deepEqual(codeOf([0x08]), ["truncated", undefined]);
  assert.deepEqual(codeOf([0x00]), ["invalid-tag", undefined]);
  assert.deepEqual(codeOf([0x0c]), ["invalid-group", undefined]);
  assert.deepEqual(codeOf([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), ["varint-too-long", undefined]);
  let deep: number[] = [];
  for (let i = 0; i < 101; i++) {
    const len: number[] = [];
    for (let n = deep.length; ; n >>>= 7) {
      if (n < 0x80) {
        len.push(n);
        break;
      }
      len.push((n & 0x7f) | 0x80);
    }
    deep = [0x12, ...len, ...deep];
  }
  assert.deepEqual(codeOf(deep), ["too-deep", undefined]);
});

test("WireError at offset 0 still names the offset", () => {
  const e = new WireError("invalid field number 0", 0, "invalid-tag");
  assert.equal(e.offset, 0);
  assert.equal(e.message, "invalid field number 0 at byte 0");
});

test("WireError with offset -1 (writing) has no offset in the message", () => {
  const e = new WireError("join() without fork()", -1, "misuse");
  assert.equal(e.offset, -1);
  assert.equal(e.message, "join() without fork()");
  assert.match(String(e), /^WireError: join\(\) without fork\(\)$/);
});
