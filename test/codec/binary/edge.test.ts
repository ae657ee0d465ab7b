// Edge cases (fixtures/proto/edge.proto): colliding property names, the largest field numbers,
// non-canonical tags, and the MessageSet wire format.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fromHex, payload } from "../../fixtures/load.js";
import { create, createEmpty, fromBinary, getExtension, hasExtension, setExtension, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

for (const v of codecVariants) {
  const name = v.name;
  const reg = v.registry("edge");
  const msg = (n: string) => v.msg("edge", n);

  test(`${name}: fields whose property names collide get distinct names and round trip`, () => {
    const desc = msg("fx.edge.Collide");
    const names = desc.members.map((m) => m.localName);
    assert.equal(new Set(names).size, names.length, `distinct: ${JSON.stringify(names)}`);
    assert.equal(desc.fieldByName("foo_bar")!.localName, "fooBar", "the first keeps its name");
    assert.notEqual(desc.fieldByName("fooBar")!.localName, "fooBar");
    assert.equal(desc.oneofs[0]!.localName, "myKind");
    assert.notEqual(desc.fieldByName("myKind")!.localName, "myKind");
    assert.equal(desc.fieldByName("to_j_s_o_n")!.localName, "toJSON$");
    assert.equal(desc.fieldByName("value_of")!.localName, "valueOf$");
    const bytes = payload("edge_collide");
    const m = fromBinary<M>(desc, bytes);
    const value = (n: string) => m[desc.fieldByName(n)!.localName];
    assert.equal(value("foo_bar"), 1);
    assert.equal(value("fooBar"), 2);
    assert.equal(value("_"), 3);
    assert.equal(value("myKind"), 5);
    assert.equal(value("__"), 7);
    assert.equal(value("to_j_s_o_n"), 8);
    assert.equal(value("value_of"), 9);
    assert.deepEqual(m.myKind, { case: "k2", value: "k" });
    assertBytes(toBinary(desc, m), bytes);
  });

  test(`${name}: the largest field numbers (5-byte tags, tags >= 2^31) round trip`, () => {
    const desc = msg("fx.edge.HighNumbers");
    assert.equal(desc.fieldByName("max")!.number, 536870911);
    const bytes = payload("edge_high");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.edge.HighNumbers",
      max: -1,
      big: "big",
      mid: 4n,
      packedHigh: [1, 2],
      unpackedHigh: [-1n, 1n],
      highgroup: { $typeName: "fx.edge.HighNumbers.HighGroup", x: 5 },
      highMap: new Map([[1, "v"]]),
      child: { $typeName: "fx.edge.HighNumbers", max: 3, low: 0, packedHigh: [], unpackedHigh: [], highMap: new Map() },
      low: 1,
      twoByte: 2,
    });
    assertBytes(toBinary(desc, m), bytes);
    // The same values set with create() encode the same.
    const built = create(desc, {
      max: -1, big: "big", mid: 4n, packedHigh: [1, 2], unpackedHigh: [-1n, 1n], highgroup: { x: 5 },
      highMap: new Map([[1, "v"]]), child: { max: 3, low: 0 }, low: 1, twoByte: 2,
    });
    assertBytes(toBinary(desc, built), bytes);
  });

  test(`${name}: non-canonical (padded) tags are accepted; written back canonical`, () => {
    const desc = msg("fx.edge.HighNumbers");
    // low (1) with its tag padded to 3 bytes; HighGroup (268435457) has 5-byte start and end tags.
    const m = fromBinary<M>(desc, fromHex("88 80 00 07 8b 80 80 80 08 08 05 8c 80 80 80 08"));
    assert.equal(m.low, 7);
    assert.deepEqual(m.highgroup, { $typeName: "fx.edge.HighNumbers.HighGroup", x: 5 });
    assertBytes(toBinary(desc, m), fromHex("08 07 8b 80 80 80 08 08 05 8c 80 80 80 08"));
  });

  test(`${name}: MessageSet items are kept as unknown groups and written back identically`, () => {
    const desc = msg("fx.edge.MessageSet");
    assert.equal(desc.isMessageSet, true);
    const bytes = payload("edge_messageset");
    // Item 1: group 1 { type_id (2): 1000, message (3): { s: "x" } }; item 2: type_id 268435455, { n: 1 }.
    assertBytes(bytes, fromHex("0b 10 e8 07 1a 03 0a 01 78 0c 0b 10 ff ff ff 7f 1a 02 08 01 0c"));
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m.$unknown, [
      { no: 1, wireType: 3, data: fromHex("10 e8 07 1a 03 0a 01 78 0c") },
      { no: 1, wireType: 3, data: fromHex("10 ff ff ff 7f 1a 02 08 01 0c") },
    ]);
    assertBytes(toBinary(desc, m), bytes);
  });

  test(
    `${name}: getExtension / setExtension on a MessageSet use the item encoding`,
    
    () => {
      const desc = msg("fx.edge.MessageSet");
      const item = reg.getExtension("fx.edge.SetItem.item")!;
      const other = reg.getExtension("fx.edge.OtherItem.other")!;
      const m = fromBinary<M>(desc, payload("edge_messageset"));
      assert.equal(hasExtension(m, item), true);
      assert.deepEqual(getExtension(m, item), { $typeName: "fx.edge.SetItem", s: "x" });
      assert.deepEqual(getExtension(m, other), { $typeName: "fx.edge.OtherItem", n: 1 });
      const n = createEmpty(desc);
      setExtension(n, item, create(msg("fx.edge.SetItem"), { s: "x" }));
      setExtension(n, other, create(msg("fx.edge.OtherItem"), { n: 1 }));
      assertBytes(toBinary(desc, n), payload("edge_messageset"));
    },
  );
}
