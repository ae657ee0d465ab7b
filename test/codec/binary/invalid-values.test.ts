import { test } from "node:test";
import assert from "node:assert/strict";
import { compileWithProtoc, messageType } from "../../support/protoc.js";
import { testProto } from "../../message/schema.js";
import { create } from "../../../src/message/create.js";
import { toBinary } from "../../../src/codec/binary/to-binary.js";
import { setExtension } from "../../../src/codec/binary/extensions.js";
import { setCodecFactory } from "../../../src/codec/binary/codec.js";
import { reflectiveCodec } from "../../../src/codec/binary/reflective.js";
import { WireError } from "../../../src/wire/errors.js";
import type { Registry } from "../../../src/reflect/registry.js";
import type { Message } from "../../../src/reflect/message.js";

type Fields = Message & Record<string, unknown>;
const files = {
  ...testProto,
  "implicit.proto": `syntax = "proto3"; package ops; message Implicit { bool flag = 1; bytes data = 2; int64 n = 3; string s = 4; repeated string names = 5; map<string, int32> counts = 6; }`,
};

/** Runs `body` with the codecs of a fresh registry: compiled (the default) or reflective. */
function withCodecs(kind: "compiled" | "reflective", body: (registry: Registry) => void): void {
  const registry = compileWithProtoc(files);
  if (kind === "reflective") setCodecFactory(reflectiveCodec);
  try {
    body(registry);
  } finally {
    setCodecFactory(undefined);
  }
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof WireError, `expected a WireError, got ${String(e)}`);
    assert.equal(e.code, "invalid-value");
    assert.equal(e.offset, -1);
    return `${e.message} [${e.field}]`;
  }
  assert.fail("expected toBinary to fail");
}

for (const kind of ["compiled", "reflective"] as const) {
  test(`toBinary (${kind} codecs): a value of the wrong type fails, naming where and what`, () => {
    withCodecs(kind, (registry) => {
      const Outer = messageType(registry, "ops.Outer");
      const Inner = messageType(registry, "ops.Inner");
      const Implicit = messageType(registry, "ops.Implicit");
      const outer = (init: Record<string, unknown>, change: (m: Fields) => void) => {
        const m = create(Outer, init) as Fields;
        change(m);
        return () => toBinary(Outer, m);
      };
      const implicit = (change: (m: Fields) => void) => {
        const m = create(Implicit) as Fields;
        change(m);
        return () => toBinary(Implicit, m);
      };
      const cases: [() => unknown, string][] = [
        [outer({}, (m) => { m.s = 5; }), "ops.Outer.s: expected a string, got the number 5 [ops.Outer.s]"],
        [outer({}, (m) => { m.i32 = "1"; }), `ops.Outer.i32: expected a number (int32), got the string "1" [ops.Outer.i32]`],
        [outer({}, (m) => { m.b = "ab"; }), `ops.Outer.b: expected a Uint8Array (bytes), got the string "ab" [ops.Outer.b]`],
        [outer({}, (m) => { m.d = "1"; }), `ops.Outer.d: expected a number (double), got the string "1" [ops.Outer.d]`],
        [outer({}, (m) => { m.inner = "Main St"; }), `ops.Outer.inner: expected a message of type ops.Inner, got the string "Main St" [ops.Outer.inner]`],
        [outer({}, (m) => { m.inner = create(Outer); }), "ops.Outer.inner: expected a message of type ops.Inner, got a message of type ops.Outer [ops.Outer.inner]"],
        [outer({ inners: [{ r: "a" }, { r: "b" }] }, (m) => { ((m.inners as Fields[])[1]!).r = 7; }), "ops.Outer.inners[1].r: expected a string, got the number 7 [ops.Inner.r]"],
        [outer({}, (m) => { m.inners = [create(Inner), null]; }), "ops.Outer.inners[1]: expected a message of type ops.Inner, got null [ops.Outer.inners]"],
        [outer({}, (m) => { m.byName = { k: create(Inner) }; }), "ops.Outer.by_name: expected a Map, got an object [ops.Outer.by_name]"],
        [outer({}, (m) => { m.byId = new Map([[1, "x"]]); }), `ops.Outer.by_id["1"]: map key: expected a bigint (int64), got the number 1 [ops.Outer.by_id]`],
        [outer({}, (m) => { m.choice = { case: "nope", value: 1 }; }), `ops.Outer.choice: expected a oneof value whose case is undefined or one of "text", "msg", got case the string "nope" [ops.Outer.choice]`],
        [outer({}, (m) => { m.choice = 3; }), `ops.Outer.choice: expected a oneof value whose case is undefined or one of "text", "msg", got the number 3 [ops.Outer.choice]`],
        [outer({}, (m) => { m.choice = { case: "text", value: 1 }; }), "ops.Outer.text: expected a string, got the number 1 [ops.Outer.text]"],
        [outer({}, (m) => { m.fs = [1, "2"]; }), `ops.Outer.fs[1]: expected a number (float), got the string "2" [ops.Outer.fs]`],
        // Implicit presence: what is not the zero value of the right type is not skipped as if it were.
        [implicit((m) => { m.flag = 1; }), "ops.Implicit.flag: expected a boolean, got the number 1 [ops.Implicit.flag]"],
        [implicit((m) => { m.flag = 0; }), "ops.Implicit.flag: expected a boolean, got the number 0 [ops.Implicit.flag]"],
        [implicit((m) => { m.data = ""; }), `ops.Implicit.data: expected a Uint8Array (bytes), got the string "" [ops.Implicit.data]`],
        [implicit((m) => { m.n = 0; }), "ops.Implicit.n: expected a bigint (int64), got the number 0 [ops.Implicit.n]"],
        [implicit((m) => { m.s = null; m.names = "abc"; }), `ops.Implicit.names: expected an array, got the string "abc" [ops.Implicit.names]`],
        [implicit((m) => { m.names = ["a", 2]; }), "ops.Implicit.names[1]: expected a string, got the number 2 [ops.Implicit.names]"],
        [implicit((m) => { m.counts = [["a", 1]]; }), "ops.Implicit.counts: expected a Map, got an array [ops.Implicit.counts]"],
        [implicit((m) => { m.counts = new Map([["a", "1"]]); }), `ops.Implicit.counts.a: expected a number (int32), got the string "1" [ops.Implicit.counts]`],
      ];
      for (const [fn, expected] of cases) assert.equal(failure(fn), expected);

      // Values that fit still encode, and unset values (undefined, null) are skipped.
      const ok = create(Outer, { s: "x", inners: [{ r: "a" }], byId: new Map([[1n, "y"]]), choice: { case: "text", value: "t" } }) as Fields;
      ok.inner = null;
      ok.i32 = undefined;
      assert.deepEqual([...toBinary(Outer, ok)], [0x12, 1, 0x78, 0x3a, 3, 0x12, 1, 0x61, 0x4a, 5, 8, 1, 0x12, 1, 0x79, 0x52, 1, 0x74]);
      const zero = create(Implicit, { flag: false, data: new Uint8Array(0), n: 0n, s: "" }) as Fields;
      zero.names = null;
      assert.equal(toBinary(Implicit, zero).length, 0);
      assert.deepEqual([...toBinary(Implicit, create(Implicit, { flag: true }))], [8, 1]);
    });
  });
}

test("setExtension: a message value of the wrong type fails", () => {
  const registry = compileWithProtoc(files);
  const Outer = messageType(registry, "ops.Outer");
  const ext = registry.getExtension("ops.ext_msg")!;
  assert.throws(() => setExtension(create(Outer), ext, "x" as unknown as Message), (e: unknown) => e instanceof WireError && e.code === "invalid-value" && /expected a message of type ops.Inner, got the string "x"/.test(e.message));
});
