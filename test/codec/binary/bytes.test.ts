// Bytes fields (singular, repeated, map values, oneof members): by default values under 4 KiB are
// copies (sharing no memory with the input) and larger ones views into the input; copyBytes makes
// every value a copy, aliasBytes every value a view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { codecVariants } from "../../fixtures/load.js";
import { create, fromBinary, toBinary } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

const pattern = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

for (const v of codecVariants) {
  const msg = (n: string) => v.msg("p3", n);

  /** Every bytes value of the decoded messages, with the value it must hold. */
  function decodeAll(options?: { aliasBytes?: boolean; copyBytes?: boolean }) {
    const small = pattern(10, 1);
    const large = pattern(5000, 2);
    const values: [Uint8Array, Uint8Array][] = [];
    const inputs: Uint8Array[] = [];
    const scalars = msg("fx.p3.Scalars");
    const s = toBinary(scalars, create(scalars, { fBytes: large })).slice();
    values.push([fromBinary<M>(scalars, s, options).fBytes as Uint8Array, large]);
    inputs.push(s);
    const packed = msg("fx.p3.Packed");
    const p = toBinary(packed, create(packed, { fBytes: [small, large] })).slice();
    const list = fromBinary<M>(packed, p, options).fBytes as Uint8Array[];
    values.push([list[0]!, small], [list[1]!, large]);
    inputs.push(p);
    const maps = msg("fx.p3.Maps");
    const m = toBinary(maps, create(maps, { stringBytes: new Map([["k", large]]) })).slice();
    values.push([(fromBinary<M>(maps, m, options).stringBytes as Map<string, Uint8Array>).get("k")!, large]);
    inputs.push(m);
    const oneofs = msg("fx.p3.Oneofs");
    const o = toBinary(oneofs, create(oneofs, { kind: { case: "oBytes", value: small } })).slice();
    values.push([(fromBinary<M>(oneofs, o, options).kind as { value: Uint8Array }).value, small]);
    inputs.push(o);
    return { values, inputs };
  }

  const isCopy = (got: Uint8Array, inputs: Uint8Array[]) => got.constructor === Uint8Array && !inputs.some((i) => i.buffer === got.buffer);

  test(`${v.name}: by default, values under 4 KiB are copies, larger ones views`, () => {
    const { values, inputs } = decodeAll();
    for (const [got, want] of values) {
      assert.deepEqual(got, want);
      if (want.length < 4096) assert.ok(isCopy(got, inputs), `${want.length} bytes: a copy`);
      else assert.ok(inputs.some((i) => i.buffer === got.buffer), `${want.length} bytes: a view`);
    }
    for (const i of inputs) i.fill(0);
    for (const [got, want] of values) if (want.length < 4096) assert.deepEqual(got, want, "a copy is unchanged when the input changes");
  });

  test(`${v.name}: with copyBytes, every value is a copy`, () => {
    const { values, inputs } = decodeAll({ copyBytes: true });
    for (const [got, want] of values) assert.ok(isCopy(got, inputs), `${want.length} bytes: a copy`);
    for (const i of inputs) i.fill(0);
    for (const [got, want] of values) assert.deepEqual(got, want, "unchanged when the input changes");
  });

  test(`${v.name}: aliasBytes and copyBytes together are refused`, () => {
    const scalars = msg("fx.p3.Scalars");
    assert.throws(() => fromBinary(scalars, new Uint8Array(0), { aliasBytes: true, copyBytes: true }), {
      name: "TypeError",
      message: "fromBinary: the options aliasBytes and copyBytes exclude each other",
    });
  });


  test(`${v.name}: from a Node Buffer, bytes and unknown fields are plain copies too (a Buffer's slice() is a view)`, () => {
    const scalars = msg("fx.p3.Scalars");
    const value = pattern(40, 3);
    const input = Buffer.from(toBinary(scalars, create(scalars, { fBytes: value })));
    const got = fromBinary<M>(scalars, input).fBytes as Uint8Array;
    // Decoded as another type, field 12 is unknown.
    const unknown = fromBinary(msg("fx.p3.Oneofs"), input).$unknown![0]!.data;
    assert.equal(got.constructor, Uint8Array);
    assert.equal(unknown.constructor, Uint8Array);
    assert.notEqual(got.buffer, input.buffer);
    assert.notEqual(unknown.buffer, input.buffer);
    input.fill(0);
    assert.deepEqual(got, value);
    assert.deepEqual(unknown.subarray(1), value);
  });

  test(`${v.name}: with aliasBytes, decoded bytes are views into the input`, () => {
    const { values, inputs } = decodeAll({ aliasBytes: true });
    for (const [got, want] of values) {
      assert.deepEqual(got, want);
      assert.ok(inputs.some((i) => i.buffer === got.buffer));
    }
  });
}
