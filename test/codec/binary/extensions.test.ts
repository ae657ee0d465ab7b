// Extensions: kept raw in $unknown, re-emitted byte for byte; read and written with
// getExtension / setExtension.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fromHex, payload } from "../../fixtures/load.js";
import { clearExtension, create, createEmpty, fromBinary, getExtension, hasExtension, setExtension, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

for (const v of codecVariants) {
  const ext = (set: "p2" | "e23", name: string) => {
    const x = v.registry(set).getExtension(name);
    assert.ok(x, name);
    return x;
  };

  test(`${v.name}: proto2 extensions are kept in $unknown, in order, and re-emitted identically`, () => {
    const desc = v.msg("p2", "fx.p2.Extendable");
    const bytes = payload("p2_extendable");
    const m = fromBinary<M>(desc, bytes);
    assert.equal(m.a, 1);
    assert.deepEqual(
      m.$unknown?.map((u) => [u.no, u.wireType]),
      [[100, 0], [101, 2], [101, 2], [102, 2], [103, 3], [104, 2], [105, 0], [106, 2], [1000, 2], [1001, 2], [1001, 2]],
    );
    assert.deepEqual(m.$unknown?.[4]?.data, fromHex("08 03 bc 06"), "the group's content and end tag");
    assert.deepEqual(m.$unknown?.[5]?.data, fromHex("02 01 02"), "packed as protoc wrote it");
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${v.name}: getExtension decodes the stored fields`, () => {
    const desc = v.msg("p2", "fx.p2.Extendable");
    const m = fromBinary<M>(desc, payload("p2_extendable"));
    const sub = (init: Record<string, unknown>) => ({ $typeName: "fx.p2.Sub", c: [], ...init });
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_int32")), 5);
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.ext_strings")), ["x", "y"]);
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.ext_msg")), sub({ a: 2 }));
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.extgroup")), { $typeName: "fx.p2.ExtGroup", g: 3 });
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.ext_packed")), [1, 2]);
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_enum")), 1);
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_default")), "d");
    assert.equal(getExtension(m, ext("p2", "fx.p2.Scope.scoped_ext")), "s");
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.Scope.Inner.deep_ext")), [sub({ a: 4 }), sub({ b: "z" })]);
    for (const n of ["fx.p2.ext_int32", "fx.p2.ext_strings", "fx.p2.extgroup", "fx.p2.Scope.Inner.deep_ext"]) {
      assert.equal(hasExtension(m, ext("p2", n)), true, n);
    }
  });

  test(`${v.name}: unset extensions read their defaults`, () => {
    const m = createEmpty(v.msg("p2", "fx.p2.Extendable"));
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_default")), "dflt");
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_int32")), 0);
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_enum")), 3, "first value of Closed2");
    assert.deepEqual(getExtension(m, ext("p2", "fx.p2.ext_strings")), []);
    assert.equal(hasExtension(m, ext("p2", "fx.p2.ext_int32")), false);
    assert.throws(() => getExtension(createEmpty(v.msg("p2", "fx.p2.Scalars")), ext("p2", "fx.p2.ext_int32")), TypeError);
  });

  test(`${v.name}: setExtension in number order produces protoc's bytes`, () => {
    const desc = v.msg("p2", "fx.p2.Extendable");
    const m = create(desc, { a: 1 });
    const sub = v.msg("p2", "fx.p2.Sub");
    setExtension(m, ext("p2", "fx.p2.ext_int32"), 5);
    setExtension(m, ext("p2", "fx.p2.ext_strings"), ["x", "y"]);
    setExtension(m, ext("p2", "fx.p2.ext_msg"), create(sub, { a: 2 }));
    setExtension(m, ext("p2", "fx.p2.extgroup"), create(v.msg("p2", "fx.p2.ExtGroup"), { g: 3 }));
    setExtension(m, ext("p2", "fx.p2.ext_packed"), [1, 2]);
    setExtension(m, ext("p2", "fx.p2.ext_enum"), 1);
    setExtension(m, ext("p2", "fx.p2.ext_default"), "d");
    setExtension(m, ext("p2", "fx.p2.Scope.scoped_ext"), "s");
    setExtension(m, ext("p2", "fx.p2.Scope.Inner.deep_ext"), [create(sub, { a: 4 }), create(sub, { b: "z" })]);
    assertBytes(toBinary(desc, m), payload("p2_extendable"));
    clearExtension(m, ext("p2", "fx.p2.ext_strings"));
    assert.equal(hasExtension(m, ext("p2", "fx.p2.ext_strings")), false);
    assert.equal(getExtension(m, ext("p2", "fx.p2.ext_int32")), 5);
  });

  test(`${v.name}: an extension past the last field and an unknown extension number`, () => {
    const desc = v.msg("p2", "fx.p2.AllKinds");
    const bytes = payload("p2_allkinds");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m.$unknown, [{ no: 150, wireType: 0, data: fromHex("4d") }]);
    assert.equal(getExtension(m, ext("p2", "fx.p2.all_ext")), 77);
    assertBytes(toBinary(desc, m), bytes);
    // A number in an extension range with no extension declared is kept the same way.
    const e = fromBinary<M>(v.msg("p2", "fx.p2.Extendable"), fromHex("08 01 b0 09 07"));
    assert.deepEqual(e.$unknown, [{ no: 150, wireType: 0, data: fromHex("07") }]);
  });

  test(`${v.name}: editions extensions: DELIMITED, EXPANDED, PACKED`, () => {
    const desc = v.msg("e23", "fx.e23.Extendable");
    const bytes = payload("e23_extendable");
    // a: 1; ext_delimited (100) as a group; ext_expanded (101) expanded; ext_packed (102) packed.
    assertBytes(bytes, fromHex("08 01 a3 06 08 02 a4 06 a8 06 01 a8 06 02 b2 06 02 03 04"));
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m.$unknown, [
      { no: 100, wireType: 3, data: fromHex("08 02 a4 06") },
      { no: 101, wireType: 0, data: fromHex("01") },
      { no: 101, wireType: 0, data: fromHex("02") },
      { no: 102, wireType: 2, data: fromHex("02 03 04") },
    ]);
    assert.deepEqual(getExtension(m, ext("e23", "fx.e23.ext_delimited")), { $typeName: "fx.e23.Sub", a: 2 });
    assert.deepEqual(getExtension(m, ext("e23", "fx.e23.ext_expanded")), [1, 2]);
    assert.deepEqual(getExtension(m, ext("e23", "fx.e23.ext_packed")), [3, 4]);
    assertBytes(toBinary(desc, m), bytes);
    const n = create(desc, { a: 1 });
    setExtension(n, ext("e23", "fx.e23.ext_delimited"), create(v.msg("e23", "fx.e23.Sub"), { a: 2 }));
    setExtension(n, ext("e23", "fx.e23.ext_expanded"), [1, 2]);
    setExtension(n, ext("e23", "fx.e23.ext_packed"), [3, 4]);
    assertBytes(toBinary(desc, n), bytes);
  });

  test(`${v.name}: malformed extension data is a WireError`, () => {
    const desc = v.msg("p2", "fx.p2.Extendable");
    // ext_msg (102) with a length past the end; extgroup (103) never ended.
    assert.throws(() => fromBinary(desc, fromHex("b2 06 05 08 01")), { name: "WireError" });
    assert.throws(() => fromBinary(desc, fromHex("bb 06 08 03")), { name: "WireError" });
  });
}
