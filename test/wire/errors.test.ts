import { test } from "node:test";
import assert from "node:assert/strict";
import { WireError } from "../../src/wire/index.js";

test("WireError carries the offset and names it in the message", () => {
  const e = new WireError("truncated varint", 17);
  assert.ok(e instanceof Error);
  assert.ok(e instanceof WireError);
  assert.equal(e.name, "WireError");
  assert.equal(e.offset, 17);
  assert.equal(e.message, "truncated varint at byte 17");
});

test("WireError at offset 0 still names the offset", () => {
  const e = new WireError("invalid field number 0", 0);
  assert.equal(e.offset, 0);
  assert.equal(e.message, "invalid field number 0 at byte 0");
});

test("WireError with offset -1 (writing) has no offset in the message", () => {
  const e = new WireError("join() without fork()", -1);
  assert.equal(e.offset, -1);
  assert.equal(e.message, "join() without fork()");
  assert.match(String(e), /^WireError: join\(\) without fork\(\)$/);
});
