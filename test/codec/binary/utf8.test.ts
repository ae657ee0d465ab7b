// UTF-8 validation where the features ask for it: proto3 and utf8_validation = VERIFY reject invalid
// UTF-8 in string fields (a WireError); proto2 and NONE accept it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fromHex, payload } from "../../fixtures/load.js";
import { fromBinary, toBinary, WireError } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

type M = Message & Record<string, unknown>;

// Invalid UTF-8 byte sequences (each 1-3 bytes).
const invalid = [
  "ff", //          never valid
  "80", //          a lone continuation byte
  "c0 80", //       overlong NUL
  "c3", //          truncated 2-byte sequence
  "e2 82", //       truncated 3-byte sequence
  "ed a0 80", //    a UTF-16 surrogate (U+D800)
  "f4 90 80", //    start of a code point above U+10FFFF (truncated)
];

function str(tag: string, bytesHex: string): Uint8Array {
  const b = fromHex(bytesHex);
  return fromHex(`${tag} ${b.length.toString(16).padStart(2, "0")} ${bytesHex}`);
}

function throwsWire(fn: () => unknown, what: string): void {
  assert.throws(fn, (e: unknown) => e instanceof WireError, what);
}

for (const v of codecVariants) {
  test(`${v.name}: valid UTF-8 of every length decodes in proto3`, () => {
    const desc = v.msg("p3", "fx.p3.Strings");
    const bytes = payload("p3_strings");
    const m = fromBinary<M>(desc, bytes);
    assert.deepEqual(m, {
      $typeName: "fx.p3.Strings",
      s: "\u03b1\u03b2",
      r: ["a", "", "\u{1f600}"],
      m: new Map([["k\u00e9", "v\u00e9"]]),
      o: { case: "oStr", value: "o" },
      opt: "",
      b: new Uint8Array([0xff]),
    });
    assertBytes(toBinary(desc, m), bytes);
    // A BOM is kept (not stripped); U+FFFF and U+10FFFF are valid.
    const n = fromBinary<M>(desc, str("0a", "ef bb bf 41 ef bf bf f4 8f bf bf"));
    assert.equal(n.s, "\ufeffA\uffff\u{10ffff}");
  });

  test(`${v.name}: proto3: invalid UTF-8 in string, repeated string, map key and value, oneof, optional is a WireError`, () => {
    const desc = v.msg("p3", "fx.p3.Strings");
    for (const bad of invalid) {
      throwsWire(() => fromBinary(desc, str("0a", bad)), `s ${bad}`);
      throwsWire(() => fromBinary(desc, str("12", bad)), `r ${bad}`);
      throwsWire(() => fromBinary(desc, str("22", bad)), `o_str ${bad}`);
      throwsWire(() => fromBinary(desc, str("2a", bad)), `opt ${bad}`);
      throwsWire(() => fromBinary(desc, concatEntry(str("0a", bad))), `map key ${bad}`);
      throwsWire(() => fromBinary(desc, concatEntry(str("12", bad))), `map value ${bad}`);
    }
    // bytes fields take anything.
    assert.deepEqual(fromBinary<M>(desc, fromHex("32 02 c0 80")).b, new Uint8Array([0xc0, 0x80]));
  });

  test(`${v.name}: proto2: invalid UTF-8 is accepted (no validation)`, () => {
    const desc = v.msg("p2", "fx.p2.Strings");
    for (const bad of invalid) {
      const m = fromBinary<M>(desc, str("0a", bad));
      assert.equal(typeof m.s, "string", bad);
      const r = fromBinary<M>(desc, str("12", bad));
      assert.equal((r.r as string[]).length, 1, bad);
      const e = fromBinary<M>(desc, concatEntry(str("0a", bad), "1a"));
      assert.equal((e.m as Map<string, string>).size, 1, bad);
    }
    // Invalid bytes are kept (as U+DC00 + byte) and written back as they were, as protoc does.
    const m = fromBinary<M>(desc, str("0a", "61 ff 62"));
    assert.equal(m.s, "a\udcffb");
    assert.deepEqual(toBinary(desc, m), fromHex("0a 03 61 ff 62"));
    for (const bad of invalid) {
      // Map entries with both key and value: protoc writes both back even when one was missing.
      const entry = (key: string, value: string) => {
        const body = [...str("0a", key), ...str("12", value)];
        return new Uint8Array([0x1a, body.length, ...body]);
      };
      for (const input of [str("0a", bad), str("12", bad), entry(bad, "61"), entry("61", bad)]) {
        assert.deepEqual(toBinary(desc, fromBinary(desc, input)), input, bad);
      }
    }
  });

  test(`${v.name}: editions: utf8_validation NONE accepts, VERIFY rejects`, () => {
    const f = v.msg("e23", "fx.e23.Features");
    for (const bad of invalid) {
      // str_none (4), map_none (15), oneof_str (18): the file sets NONE.
      fromBinary(f, str("22", bad));
      fromBinary(f, concatEntry(str("0a", bad), "7a"));
      fromBinary(f, concatEntry(str("12", bad), "7a"));
      fromBinary(f, str("92 01", bad));
      // str_verify (5), strs_verify (14), map_verify (21): VERIFY.
      throwsWire(() => fromBinary(f, str("2a", bad)), `str_verify ${bad}`);
      throwsWire(() => fromBinary(f, str("72", bad)), `strs_verify ${bad}`);
      throwsWire(() => fromBinary(f, concatEntry(str("0a", bad), "aa 01")), `map_verify key ${bad}`);
      throwsWire(() => fromBinary(f, concatEntry(str("12", bad), "aa 01")), `map_verify value ${bad}`);
      // Sub.b (2) in edition 2023 inherits NONE from the file.
      fromBinary(f, wrap("4a", str("12", bad)));
      const e24 = v.msg("e24", "fx.e24.Main");
      throwsWire(() => fromBinary(e24, str("12", bad)), `e24 implicit_str ${bad}`);
      fromBinary(e24, str("62", bad));
    }
  });

  test(`${v.name}: strings of every length around the short-string limit, ASCII or not, with a minimal or a padded length prefix`, () => {
    const p3 = v.msg("p3", "fx.p3.Strings");
    const p2 = v.msg("p2", "fx.p2.Strings");
    const enc = new TextEncoder();
    for (let n = 0; n <= 40; n++) {
      for (const text of ["x".repeat(n), "\u00e9".repeat(n >> 1) + "y".repeat(n & 1), "a".repeat(Math.max(0, n - 1)) + (n > 0 ? "\u20ac" : "")]) {
        const utf8 = enc.encode(text);
        const minimal = new Uint8Array([0x0a, utf8.length, ...utf8]);
        // The same length as a two-byte varint (non-canonical, but valid), and a trailing field after it.
        const padded = new Uint8Array([0x0a, utf8.length | 0x80, 0x00, ...utf8, 0x12, 0x01, 0x7a]);
        for (const desc of [p3, p2]) {
          assert.equal(fromBinary<M>(desc, minimal).s, text, `${desc.typeName} ${JSON.stringify(text)}`);
          const m = fromBinary<M>(desc, padded);
          assert.equal(m.s, text, `padded ${JSON.stringify(text)}`);
          assert.deepEqual(m.r, ["z"]);
        }
        // One byte short: an error at the length prefix (offset 1), not a shorter string.
        if (utf8.length > 0) {
          assert.throws(
            () => fromBinary(p3, minimal.subarray(0, minimal.length - 1)),
            (e: unknown) => e instanceof WireError && e.offset === 1 && /exceeds/.test(e.message),
          );
        }
      }
    }
  });

  test(`${v.name}: the error names the field and the offset of the string`, () => {
    const desc = v.msg("p3", "fx.p3.Strings");
    assert.throws(
      () => fromBinary(desc, fromHex("32 00 0a 01 ff")),
      (e: unknown) => e instanceof WireError && e.offset >= 2 && e.offset <= 4 && /UTF-8/.test(e.message),
    );
  });
}

/** A map entry (field `tag`, default field 3 "1a") containing the given key/value bytes. */
function concatEntry(content: Uint8Array, tag = "1a"): Uint8Array {
  return wrap(tag, content);
}

function wrap(tag: string, content: Uint8Array): Uint8Array {
  const t = fromHex(tag);
  const out = new Uint8Array(t.length + 1 + content.length);
  out.set(t, 0);
  out[t.length] = content.length;
  out.set(content, t.length + 1);
  return out;
}
