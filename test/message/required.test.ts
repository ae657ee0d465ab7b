// missingRequiredFields() with extensions looked into through options.extensions.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { getExtension, hasExtension, setExtension } from "../../src/codec/binary/extensions.js";
import { create } from "../../src/message/create.js";
import { isInitialized, missingRequiredFields, type SetExtension } from "../../src/message/required.js";
import type { DescExtension } from "../../src/reflect/descriptors.js";
import type { Message } from "../../src/reflect/message.js";
import { compileWithProtoc } from "../support/protoc.js";

const registry = compileWithProtoc({
  "req.proto":
    'syntax = "proto2";\npackage r;\n' +
    "message Req { required int32 a = 1; optional Req child = 20; extensions 100 to 200; }\n" +
    "extend Req { optional Req one = 150; repeated Req many = 101; optional int32 num = 102; }\n",
});
const Req = registry.getMessage("r.Req")!;
const ext = (name: string) => registry.getExtension(`r.${name}`)!;
const one = ext("one");
const many = ext("many");
const num = ext("num");

/** The hook a caller gives: the extensions of `ours` that are set in a message. */
const setExtensions = (ours: readonly DescExtension[]) => (_desc: unknown, msg: Message): SetExtension[] =>
  ours.filter((e) => hasExtension(msg, e)).map((e) => ({ ext: e, value: getExtension(msg, e) }));

function message(): Message {
  const m = create(Req, { child: {} });
  setExtension(m, one, create(Req, { a: 1, child: {} }));
  setExtension(m, many, [create(Req, { a: 1 }), create(Req, {})]);
  setExtension(m, num, 7);
  return m;
}

test("without the hook, extensions are not looked into", () => {
  assert.deepEqual(missingRequiredFields(Req, message()), ["a", "child.a"]);
});

test("with the hook, extensions are paths in parentheses, in number order among the fields", () => {
  const options = { extensions: setExtensions([one, many, num]) };
  assert.deepEqual(missingRequiredFields(Req, message(), options), ["a", "child.a", "(r.many)[1].a", "(r.one).child.a"]);
  assert.equal(isInitialized(Req, message(), options), false);
});

test("scalar extensions and extensions the hook does not give are skipped", () => {
  assert.deepEqual(missingRequiredFields(Req, message(), { extensions: setExtensions([num]) }), ["a", "child.a"]);
  const m = create(Req, { a: 1 });
  setExtension(m, one, create(Req, { a: 2 }));
  assert.equal(isInitialized(Req, m, { extensions: setExtensions([one, many, num]) }), true);
});
