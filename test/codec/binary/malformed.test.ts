// Malformed and hostile input: every problem is a WireError (never another exception), nesting is
// limited to 100 levels as in protoc, lengths are checked before anything is allocated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fieldBoundaries, fixtureText, fromHex, hex, payload } from "../../fixtures/load.js";
import { create, fromBinary, toBinary, WireError } from "../../../src/index.js";
import type { DescMessage } from "../../../src/reflect/descriptors.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

function throwsWire(fn: () => unknown, what: string): void {
  assert.throws(fn, (e: unknown) => {
    if (!(e instanceof WireError)) assert.fail(`${what}: expected a WireError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    assert.equal(e.name, "WireError");
    assert.ok(Number.isInteger(e.offset) && e.offset >= 0, `${what}: offset ${e.offset}`);
    return true;
  }, what);
}

function decoded(name: string): string {
  return fixtureText(`payloads/${name}.decoded.txt`);
}

for (const v of codecVariants) {
  test(`${v.name}: 100 nested messages decode, 101 fail with WireError (as in protoc)`, () => {
    const desc = v.msg("p3", "fx.p3.Recursive");
    assert.doesNotMatch(decoded("p3_recursive_100.as.fx.p3.Recursive"), /^ERROR/);
    assert.match(decoded("p3_recursive_101.as.fx.p3.Recursive"), /^ERROR/);
    const bytes = payload("p3_recursive_100");
    let m = fromBinary<M>(desc, bytes);
    let levels = 0;
    while (m.child) {
      m = m.child as M;
      levels++;
    }
    assert.equal(levels, 100);
    assert.equal(m.depth, 100);
    assertBytes(toBinary(desc, fromBinary(desc, bytes)), bytes);
    throwsWire(() => fromBinary(desc, payload("p3_recursive_101")), "101 levels");
  });

  test(`${v.name}: 100 nested groups (DELIMITED) decode, 101 fail; also when the groups are unknown fields`, () => {
    assert.doesNotMatch(decoded("e23_recursive_delimited_100.as.fx.e23.AllDelimited"), /^ERROR/);
    assert.match(decoded("e23_recursive_delimited_101.as.fx.e23.AllDelimited"), /^ERROR/);
    assert.doesNotMatch(decoded("e23_recursive_delimited_100.as.fx.unk.Empty"), /^ERROR/);
    assert.match(decoded("e23_recursive_delimited_101.as.fx.unk.Empty"), /^ERROR/);
    const desc = v.msg("e23", "fx.e23.AllDelimited");
    const ok = payload("e23_recursive_delimited_100");
    assertBytes(toBinary(desc, fromBinary(desc, ok)), ok);
    throwsWire(() => fromBinary(desc, payload("e23_recursive_delimited_101")), "101 groups");
    const empty = v.msg("unk", "fx.unk.Empty");
    const u = fromBinary<M>(empty, ok);
    assert.equal(u.$unknown?.length, 1);
    assertBytes(toBinary(empty, u), ok);
    throwsWire(() => fromBinary(empty, payload("e23_recursive_delimited_101")), "101 unknown groups");
  });

  test(`${v.name}: a map value 98 levels deep (below its entry) decodes, as in protoc`, () => {
    assert.doesNotMatch(decoded("p3_map_nested_98.as.fx.p3.Maps"), /^ERROR/);
    const desc = v.msg("p3", "fx.p3.Maps");
    const bytes = payload("p3_map_nested_98");
    assertBytes(toBinary(desc, fromBinary(desc, bytes)), bytes);
  });

  test(
    `${v.name}: a map value 99 levels deep fails: protoc counts the map entry as a nesting level`,
    
    () => {
      assert.match(decoded("p3_map_nested_99.as.fx.p3.Maps"), /^ERROR/);
      throwsWire(() => fromBinary(v.msg("p3", "fx.p3.Maps"), payload("p3_map_nested_99")), "99 levels below a map entry");
    },
  );

  test(`${v.name}: maxDepth option`, () => {
    const desc = v.msg("p3", "fx.p3.Recursive");
    const nested = (n: number): Uint8Array => {
      let m: Record<string, unknown> = { depth: n };
      for (let i = 0; i < n; i++) m = { child: m };
      return toBinary(desc, create(desc, m));
    };
    assert.equal(fromBinary<M>(desc, nested(5), { maxDepth: 5 }).$typeName, "fx.p3.Recursive");
    throwsWire(() => fromBinary(desc, nested(6), { maxDepth: 5 }), "6 levels with maxDepth 5");
    // Deep nesting inside a map value counts too.
    const maps = v.msg("p3", "fx.p3.Maps");
    const sub = v.msg("p3", "fx.p3.Sub");
    let s: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 100; i++) s = { child: s };
    const deep = toBinary(maps, create(maps, { int32Msg: new Map([[1, create(sub, s)]]) }));
    throwsWire(() => fromBinary(maps, deep), "map value nested past 100");
  });

  test(`${v.name}: a length larger than the rest of the input is a WireError, without a huge allocation`, () => {
    const scalars = v.msg("p2", "fx.p2.Scalars");
    const cases = [
      "62 ff ff ff ff 07", //                         bytes, length 2^31 - 1
      "62 ff ff ff ff 0f", //                         bytes, length 2^32 - 1
      "62 80 80 80 80 10", //                         bytes, length 2^32 (low 32 bits are 0)
      "62 81 80 80 80 10 00", //                      bytes, length 2^32 + 1 (low 32 bits are 1)
      "62 ff ff ff ff ff ff ff ff 01", //             bytes, length 2^63 - 1
      "62 ff ff ff ff ff ff ff ff ff 01", //          a length varint of 11 bytes
      "4a 05 61 62", //                               string, 5 bytes claimed, 2 present
      "5a 7f 08 01", //                               message
      "5a 03 4a 05 61 62 63", //                      a string running past its message's end
      "9a 06 ff ff ff 7f", //                         an unknown field (99)
    ];
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    for (const h of cases) throwsWire(() => fromBinary(scalars, fromHex(h)), h);
    const packed = v.msg("p3", "fx.p3.Packed");
    throwsWire(() => fromBinary(packed, fromHex("2a ff ff ff ff 07 01")), "packed run");
    throwsWire(() => fromBinary(packed, fromHex("5a ff ff ff ff 07 01")), "repeated message");
    throwsWire(() => fromBinary(v.msg("p3", "fx.p3.Maps"), fromHex("0a ff ff ff ff 07 08 01")), "map entry");
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024, "no large buffers allocated");
    assert.ok(performance.now() - started < 2000, "fails fast");
  });

  test(`${v.name}: field number 0, out-of-range field numbers and wire types 6 and 7 are errors`, () => {
    const scalars = v.msg("p2", "fx.p2.Scalars");
    const cases = [
      "00 01", //                   field 0, varint
      "02 00", //                   field 0, length-delimited
      "05 00 00 00 00", //          field 0, fixed32
      "03 04", //                   field 0, group
      "28 01 00 00", //             field 0 after a valid field
      "5a 02 00 00", //             field 0 inside a sub-message
      "80 80 80 80 10 00", //       field 2^29 (one past the maximum)
      "f8 ff ff ff ff 01 00", //    field 2^30 - 1
      "88 80 80 80 80 80 80 80 80 01 00", // a tag varint with bits beyond 32
      "0e", //                      wire type 6
      "0f 00", //                   wire type 7
      "5a 01 0f", //                wire type 7 inside a sub-message
      "80", //                      a truncated tag
    ];
    for (const h of cases) throwsWire(() => fromBinary(scalars, fromHex(h)), h);
    const groups = v.msg("p2", "fx.p2.Groups");
    throwsWire(() => fromBinary(groups, fromHex("0b 00 00 0c")), "field 0 inside a group");
    const empty = v.msg("unk", "fx.unk.Empty");
    throwsWire(() => fromBinary(empty, fromHex("0b 00 00 0c")), "field 0 inside an unknown group");
    throwsWire(() => fromBinary(empty, fromHex("0b 0e 0c")), "wire type 6 inside an unknown group");
    // The maximum field number is fine.
    assert.equal(fromBinary<M>(empty, fromHex("f8 ff ff ff 0f 00")).$unknown?.[0]?.no, 536870911);
  });

  test(`${v.name}: truncated scalars are errors`, () => {
    const scalars = v.msg("p2", "fx.p2.Scalars");
    for (const h of ["09 00 00 00 00 00 00 00", "15 00 00 00", "28", "28 80", "28 ff ff ff ff ff ff ff ff ff", "39 01", "3d 01 02 03", "40 80 80"]) {
      throwsWire(() => fromBinary(scalars, fromHex(h)), h);
    }
  });

  // Cut a protoc payload at every byte: a cut at a top-level field boundary is a valid, shorter
  // message (written back as exactly that prefix); any other cut is a WireError.
  const samples: [string, "p2" | "p3" | "e23" | "e24" | "unk", string][] = [
    ["p2_allkinds", "p2", "fx.p2.AllKinds"],
    ["p2_scalars", "p2", "fx.p2.Scalars"],
    ["p2_groups", "p2", "fx.p2.Groups"],
    ["p2_extendable", "p2", "fx.p2.Extendable"],
    ["p2_unpacked", "p2", "fx.p2.Unpacked"],
    ["p3_packed", "p3", "fx.p3.Packed"],
    ["p3_maps_multi", "p3", "fx.p3.Maps"],
    ["p3_strings", "p3", "fx.p3.Strings"],
    ["e23_features", "e23", "fx.e23.Features"],
    ["e23_all_delimited", "e23", "fx.e23.AllDelimited"],
    ["e24_main", "e24", "fx.e24.Main"],
    ["unk_full", "unk", "fx.unk.Empty"],
    ["unk_full", "unk", "fx.unk.Partial"],
  ];
  test(`${v.name}: input truncated at every byte is a WireError or, at a field boundary, a valid shorter message`, () => {
    for (const [name, set, type] of samples) {
      const desc: DescMessage = v.msg(set, type);
      const full = payload(name);
      const boundaries = new Set(fieldBoundaries(full));
      // Decode from a view into a larger buffer: bytes after the cut must not be read.
      for (let cut = 0; cut < full.length; cut++) {
        const prefix = full.subarray(0, cut);
        let m: Message | undefined;
        try {
          m = fromBinary(desc, prefix);
        } catch (e) {
          if (!(e instanceof WireError)) assert.fail(`${name} as ${type}, cut at ${cut}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          if (boundaries.has(cut)) assert.fail(`${name} as ${type}, cut at field boundary ${cut}: ${e.message}`);
          continue;
        }
        assert.ok(boundaries.has(cut), `${name} as ${type}: a cut at ${cut} inside a field decoded without error (${hex(prefix.subarray(Math.max(0, cut - 8)))})`);
        // (fx.unk.Partial writes its known fields first, so only messages read in wire order compare.)
        if (type !== "fx.unk.Partial") assertBytes(toBinary(desc, m), prefix, `${name} as ${type}, cut at ${cut}`);
      }
    }
  });

  test(`${v.name}: random corruption never throws anything but WireError`, () => {
    // A fixed-seed LCG, so failures reproduce.
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [name, set, type] of samples) {
      const desc = v.msg(set, type);
      const full = payload(name);
      for (let i = 0; i < 200; i++) {
        const b = full.slice();
        const flips = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < flips; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
        try {
          const m = fromBinary(desc, b);
          toBinary(desc, m);
        } catch (e) {
          if (!(e instanceof WireError)) assert.fail(`${name} as ${type}, corrupted ${hex(b)}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
    }
  });
}
