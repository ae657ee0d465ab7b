import { test } from "node:test";
import assert from "node:assert/strict";
import { utf8Encode, utf8Decode, utf8Length, isWellFormedString } from "../../src/wire/index.js";
import { utf8Write, utf8WriteFrom, utf8DecodeEscaped, utf8EncodeEscaped, isWellFormedLoop } from "../../src/wire/utf8.js";
import { BinaryReader, BinaryWriter } from "../../src/wire/index.js";

const te = new TextEncoder();

// String.prototype.isWellFormed / toWellFormed (ES2024) exist in Node 20 but not in the ES2022 lib typings.
type Es2024String = { isWellFormed(): boolean; toWellFormed(): string };
const es2024 = (s: string) => s as unknown as Es2024String;

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
}

function bytes(h: string): Uint8Array {
  const parts = h.trim().split(/\s+/).filter((p) => p.length > 0);
  return Uint8Array.from(parts, (p) => parseInt(p, 16));
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random strings mixing ASCII, 2-, 3- and 4-byte characters and lone surrogates of both kinds. */
function randomStrings(count: number, seed: number): string[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const len = k < 200 ? k : int(0, 300);
    let s = "";
    while (s.length < len) {
      switch (int(0, 7)) {
        case 0:
        case 1:
          s += String.fromCharCode(int(0, 0x7f));
          break;
        case 2:
          s += String.fromCharCode(int(0x80, 0x7ff));
          break;
        case 3: {
          let c = int(0x800, 0xffff);
          if (c >= 0xd800 && c <= 0xdfff) c = 0xe000;
          s += String.fromCharCode(c);
          break;
        }
        case 4:
          s += String.fromCodePoint(int(0x10000, 0x10ffff));
          break;
        case 5:
          s += String.fromCharCode(int(0xd800, 0xdbff)); // lone high surrogate (unless a low one follows)
          break;
        case 6:
          s += String.fromCharCode(int(0xdc00, 0xdfff)); // lone low surrogate (unless a high one precedes)
          break;
        case 7:
          s += "\u{1F600}";
          break;
      }
    }
    out.push(s);
  }
  return out;
}

const FIXED_STRINGS: string[] = [
  "",
  "a",
  "hello, world",
  "\0",
  "\x7f",
  "\x80",
  "\u00e9",
  "\u07ff",
  "\u0800",
  "\uffff",
  "\ufeff",
  "\ue000",
  "\u{10000}",
  "\u{10ffff}",
  "\u{1F600}",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\ud800\ud800",
  "\udc00\ud800",
  "a\ud800b",
  "a\udc00b",
  "\ud83d",
  "x\ud83d",
  "\ude00x",
  "\ud83d\ude00\ud83d",
  "日本語テキスト",
  "Ελληνικά",
  "x".repeat(63),
  "x".repeat(64),
  "x".repeat(65),
  "é".repeat(64),
  "é".repeat(65),
  "\u{1F600}".repeat(32),
  "\u{1F600}".repeat(33),
  "a".repeat(64) + "\ud800",
  "a".repeat(64) + "\udc00" + "b",
  "a".repeat(200) + "日本" + "\u{1F600}",
];

test("utf8Encode: exact bytes for ASCII, 2-, 3- and 4-byte sequences", () => {
  assert.equal(hex(utf8Encode("")), "");
  assert.equal(hex(utf8Encode("A")), "41");
  assert.equal(hex(utf8Encode("\0")), "00");
  assert.equal(hex(utf8Encode("\x7f")), "7f");
  assert.equal(hex(utf8Encode("\x80")), "c2 80");
  assert.equal(hex(utf8Encode("\u00e9")), "c3 a9");
  assert.equal(hex(utf8Encode("\u07ff")), "df bf");
  assert.equal(hex(utf8Encode("\u0800")), "e0 a0 80");
  assert.equal(hex(utf8Encode("\u20ac")), "e2 82 ac");
  assert.equal(hex(utf8Encode("\uffff")), "ef bf bf");
  assert.equal(hex(utf8Encode("\u{10000}")), "f0 90 80 80");
  assert.equal(hex(utf8Encode("\u{1F600}")), "f0 9f 98 80");
  assert.equal(hex(utf8Encode("\u{10ffff}")), "f4 8f bf bf");
});

test("utf8Encode: lone surrogates become U+FFFD (ef bf bd)", () => {
  assert.equal(hex(utf8Encode("\ud800")), "ef bf bd");
  assert.equal(hex(utf8Encode("\udfff")), "ef bf bd");
  assert.equal(hex(utf8Encode("a\ud800b")), "61 ef bf bd 62");
  assert.equal(hex(utf8Encode("\udc00\ud800")), "ef bf bd ef bf bd");
  assert.equal(hex(utf8Encode("\ud83d\ude00\ud83d")), "f0 9f 98 80 ef bf bd");
});

test("utf8Length: exact values", () => {
  assert.equal(utf8Length(""), 0);
  assert.equal(utf8Length("abc"), 3);
  assert.equal(utf8Length("\x7f"), 1);
  assert.equal(utf8Length("\x80"), 2);
  assert.equal(utf8Length("\u07ff"), 2);
  assert.equal(utf8Length("\u0800"), 3);
  assert.equal(utf8Length("\uffff"), 3);
  assert.equal(utf8Length("\u{1F600}"), 4);
  assert.equal(utf8Length("\ud800"), 3);
  assert.equal(utf8Length("\udc00"), 3);
  assert.equal(utf8Length("\ud800\ud800"), 6);
  assert.equal(utf8Length("\udc00\ud800"), 6);
  assert.equal(utf8Length("\ud83d\ude00\ud83d"), 7);
});

test("utf8Length matches TextEncoder for fixed and random strings", () => {
  const all = [...FIXED_STRINGS, ...randomStrings(600, 1)];
  for (const s of all) {
    assert.equal(utf8Length(s), te.encode(s).length, `string ${JSON.stringify(s)}`);
  }
});

test("utf8Write writes the same bytes as TextEncoder, at the given position, and nothing beyond", () => {
  const all = [...FIXED_STRINGS, ...randomStrings(600, 2)];
  for (const s of all) {
    const expected = te.encode(s);
    for (const pos of [0, 3]) {
      const buf = new Uint8Array(pos + expected.length + 8).fill(0xaa);
      const n = utf8Write(s, buf, pos);
      assert.equal(n, expected.length, `length for ${JSON.stringify(s)}`);
      assert.deepEqual(buf.subarray(pos, pos + n), expected, `bytes for ${JSON.stringify(s)}`);
      for (let i = 0; i < pos; i++) assert.equal(buf[i], 0xaa, "wrote before pos");
      for (let i = pos + n; i < buf.length; i++) assert.equal(buf[i], 0xaa, "wrote past the end");
    }
  }
});

test("utf8Write into a buffer of exactly utf8Length bytes (short and long strings)", () => {
  for (const s of [...FIXED_STRINGS, ...randomStrings(300, 3)]) {
    const buf = new Uint8Array(utf8Length(s));
    assert.equal(utf8Write(s, buf, 0), buf.length);
    assert.deepEqual(buf, te.encode(s));
  }
});

test("utf8Decode: valid sequences decode exactly, with and without validation", () => {
  const cases: [string, string][] = [
    ["", ""],
    ["41", "A"],
    ["00", "\0"],
    ["7f", "\x7f"],
    ["c2 80", "\x80"],
    ["c3 a9", "\u00e9"],
    ["df bf", "\u07ff"],
    ["e0 a0 80", "\u0800"],
    ["e2 82 ac", "\u20ac"],
    ["ed 9f bf", "\ud7ff"],
    ["ee 80 80", "\ue000"],
    ["ef bf bf", "\uffff"],
    ["f0 90 80 80", "\u{10000}"],
    ["f0 9f 98 80", "\u{1F600}"],
    ["f4 8f bf bf", "\u{10ffff}"],
    ["ef bb bf 41", "\ufeffA"], // a BOM is kept, not stripped
    ["61 62 63 c3 a9 f0 9f 98 80 64", "abc\u00e9\u{1F600}d"],
  ];
  for (const [h, s] of cases) {
    for (const validate of [true, false]) {
      const b = bytes(h);
      assert.equal(utf8Decode(b, 0, b.length, validate), s, `${h} validate=${validate}`);
      // Long input (slow path) and an offset range inside a larger buffer.
      const pad = "z".repeat(20);
      const big = new Uint8Array([0xff, 0xff, ...te.encode(pad), ...b, ...te.encode(pad), 0xff]);
      assert.equal(utf8Decode(big, 2, big.length - 1, validate), pad + s + pad, `long ${h} validate=${validate}`);
      // A sub-range that excludes the invalid 0xff bytes around it.
      const framed = new Uint8Array([0xff, ...b, 0xff]);
      assert.equal(utf8Decode(framed, 1, framed.length - 1, validate), s, `framed ${h} validate=${validate}`);
    }
  }
});

test("utf8Decode: short and long ASCII strings", () => {
  for (const n of [0, 1, 15, 16, 17, 64, 65, 1000]) {
    const s = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + (i % 95))).join("");
    const b = te.encode(s);
    assert.equal(utf8Decode(b, 0, b.length, true), s);
    assert.equal(utf8Decode(b, 0, b.length, false), s);
  }
});

/** Invalid UTF-8 and what a WHATWG decoder replaces it with (one U+FFFD per maximal invalid subpart). */
const INVALID: [string, string, string][] = [
  ["overlong NUL", "c0 80", "\ufffd\ufffd"],
  ["overlong 2-byte", "c1 bf", "\ufffd\ufffd"],
  ["overlong 3-byte", "e0 80 80", "\ufffd\ufffd\ufffd"],
  ["overlong 3-byte U+07FF", "e0 9f bf", "\ufffd\ufffd\ufffd"],
  ["overlong 4-byte", "f0 80 80 80", "\ufffd\ufffd\ufffd\ufffd"],
  ["overlong 4-byte U+FFFF", "f0 8f bf bf", "\ufffd\ufffd\ufffd\ufffd"],
  ["truncated 2-byte", "c3", "\ufffd"],
  ["truncated 3-byte", "e2 82", "\ufffd"],
  ["truncated 4-byte", "f0 9f 98", "\ufffd"],
  ["truncated 3-byte before ASCII", "e2 82 41", "\ufffdA"],
  ["truncated 4-byte before ASCII", "f0 9f 41", "\ufffdA"],
  ["encoded high surrogate", "ed a0 80", "\ufffd\ufffd\ufffd"],
  ["encoded low surrogate", "ed bf bf", "\ufffd\ufffd\ufffd"],
  ["encoded surrogate pair (CESU-8)", "ed a0 bd ed b8 80", "\ufffd".repeat(6)],
  ["above U+10FFFF", "f4 90 80 80", "\ufffd\ufffd\ufffd\ufffd"],
  ["byte f5", "f5 80 80 80", "\ufffd\ufffd\ufffd\ufffd"],
  ["byte f8", "f8", "\ufffd"],
  ["byte fe", "fe", "\ufffd"],
  ["byte ff", "ff", "\ufffd"],
  ["lone continuation 80", "80", "\ufffd"],
  ["lone continuation bf", "41 bf 42", "A\ufffdB"],
  ["2-byte lead then ASCII", "c3 41", "\ufffdA"],
];

test("utf8Decode with validation rejects invalid UTF-8 (returns undefined), short and long", () => {
  for (const [name, h] of INVALID) {
    const b = bytes(h);
    assert.equal(utf8Decode(b, 0, b.length, true), undefined, name);
    const pad = te.encode("p".repeat(20));
    const long = new Uint8Array([...pad, ...b, ...pad]);
    assert.equal(utf8Decode(long, 0, long.length, true), undefined, `long ${name}`);
    const ascii = new Uint8Array([0x41, ...b]);
    assert.equal(utf8Decode(ascii, 0, ascii.length, true), undefined, `after ASCII ${name}`);
  }
});

test("utf8Decode without validation replaces invalid UTF-8 by U+FFFD, short and long", () => {
  for (const [name, h, expected] of INVALID) {
    const b = bytes(h);
    assert.equal(utf8Decode(b, 0, b.length, false), expected, name);
    const pad = "p".repeat(20);
    const long = new Uint8Array([...te.encode(pad), ...b, ...te.encode(pad)]);
    assert.equal(utf8Decode(long, 0, long.length, false), pad + expected + pad, `long ${name}`);
  }
});

test("utf8Decode only looks at [start, end)", () => {
  // Valid bytes surrounded by invalid ones: the range must exclude them.
  const b = bytes("ff c3 a9 41 ff");
  assert.equal(utf8Decode(b, 1, 4, true), "\u00e9A");
  // Cutting a multi-byte sequence makes it truncated.
  assert.equal(utf8Decode(b, 1, 2, true), undefined);
  assert.equal(utf8Decode(b, 1, 2, false), "\ufffd");
  assert.equal(utf8Decode(b, 2, 2, true), "");
});

test("utf8Encode then utf8Decode round-trips well-formed strings", () => {
  for (const s of [...FIXED_STRINGS, ...randomStrings(400, 4)]) {
    const b = utf8Encode(s);
    const wellFormed = isWellFormedString(s);
    const decoded = utf8Decode(b, 0, b.length, true);
    if (wellFormed) assert.equal(decoded, s);
    else {
      // Lone surrogates were replaced by U+FFFD: still valid UTF-8, but not the same string.
      assert.notEqual(decoded, s);
      assert.equal(decoded, es2024(s).toWellFormed());
    }
  }
});

test("isWellFormedString", () => {
  assert.equal(isWellFormedString(""), true);
  assert.equal(isWellFormedString("abc"), true);
  assert.equal(isWellFormedString("\u{1F600}"), true);
  assert.equal(isWellFormedString("\ud83d\ude00x\u{10ffff}"), true);
  assert.equal(isWellFormedString("\ud800"), false);
  assert.equal(isWellFormedString("\udc00"), false);
  assert.equal(isWellFormedString("a\ud800"), false);
  assert.equal(isWellFormedString("\ud800a"), false);
  assert.equal(isWellFormedString("\udc00\ud800"), false);
  assert.equal(isWellFormedString("\ud83d\ude00\ud83d"), false);
  assert.equal(isWellFormedString("\ud800\ud800\udc00"), false);
  for (const s of [...FIXED_STRINGS, ...randomStrings(400, 5)]) {
    assert.equal(isWellFormedString(s), es2024(s).isWellFormed(), JSON.stringify(s));
    assert.equal(isWellFormedLoop(s), es2024(s).isWellFormed(), `the fallback: ${JSON.stringify(s)}`);
  }
  for (const s of ["\ud800", "\udc00", "a\ud800", "\ud800a", "\udc00\ud800", "\ud83d\ude00\ud83d", "\ud800\ud800\udc00"]) assert.equal(isWellFormedLoop(s), false, JSON.stringify(s));
});

/** What the platform's decoder makes of `b`: undefined when invalid (validate), else with U+FFFD. */
function reference(b: Uint8Array, validate: boolean): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: validate, ignoreBOM: true }).decode(b);
  } catch {
    return undefined;
  }
}

test("utf8Decode agrees with TextDecoder on every lead byte followed by every second byte", () => {
  // Each pair is put at the start (decoded in JavaScript) and at the end of a 40-byte input
  // (after an ASCII probe: decoded natively), with valid continuation bytes after it.
  for (let b0 = 0; b0 < 256; b0++) {
    for (let b1 = 0; b1 < 256; b1++) {
      const seq = [b0, b1, 0x80, 0x80];
      for (const b of [new Uint8Array(seq), new Uint8Array([...seq, ...new Array(36).fill(0x61)]), new Uint8Array([...new Array(36).fill(0x61), ...seq])]) {
        for (const validate of [true, false]) {
          assert.equal(utf8Decode(b, 0, b.length, validate), reference(b, validate), `${hex(b)} validate=${validate}`);
        }
      }
    }
  }
});

test("utf8Decode agrees with TextDecoder on random, mostly valid UTF-8 of every length", () => {
  const r = rng(7);
  const strings = randomStrings(600, 8);
  for (let k = 0; k < 3000; k++) {
    const valid = te.encode(strings[k % strings.length]! + strings[(k * 7) % strings.length]!.slice(0, Math.floor(r() * 50)));
    const b = valid.slice();
    // Damage a third of them: a random byte, a truncation or a swapped pair.
    if (k % 3 === 0 && b.length > 0) {
      const i = Math.floor(r() * b.length);
      const how = Math.floor(r() * 3);
      if (how === 0) b[i] = Math.floor(r() * 256);
      else if (how === 1) b[i] = 0x80 | Math.floor(r() * 64);
      else if (i + 1 < b.length) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
    }
    for (const validate of [true, false]) {
      const end = k % 5 === 0 ? Math.floor(r() * (b.length + 1)) : b.length;
      const view = b.subarray(0, end);
      assert.equal(utf8Decode(b, 0, end, validate), reference(view, validate), `${hex(view)} validate=${validate}`);
    }
  }
});

test("utf8Decode: long non-ASCII text, decoded in JavaScript or (beyond 64 KB) natively", () => {
  for (const n of [40, 1000, 30000, 70000]) {
    const s = "Grüße, Привет, 你好, \u{1F600} ".repeat(n / 20);
    const b = te.encode(s);
    assert.equal(utf8Decode(b, 0, b.length, true), s);
    assert.equal(utf8Decode(b, 0, b.length, false), s);
    const bad = b.slice();
    bad[b.length - 3] = 0xff;
    assert.equal(utf8Decode(bad, 0, bad.length, true), undefined);
    assert.equal(utf8Decode(bad, 0, bad.length, false), reference(bad, false));
  }
});

test("utf8Decode: ASCII of every length up to 40, and with one non-ASCII character at each position", () => {
  for (let n = 0; n <= 40; n++) {
    const s = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join("");
    const b = new Uint8Array([0xff, ...te.encode(s), 0xff]);
    assert.equal(utf8Decode(b, 1, b.length - 1, true), s, `length ${n}`);
    for (let k = 0; k < n; k++) {
      const t = s.slice(0, k) + "\u00e9" + s.slice(k + 1);
      const u = te.encode(t);
      assert.equal(utf8Decode(u, 0, u.length, true), t, `length ${n}, é at ${k}`);
    }
  }
});

test("utf8Decode: non-ASCII text of every length around the short-string limit (32 bytes), at an offset", () => {
  const pieces = ["é", "日", "\u{1F600}", "a"];
  for (let n = 1; n <= 40; n++) {
    for (let k = 0; k < pieces.length; k++) {
      let s = "";
      for (let i = 0; Buffer.byteLength(s) < n; i++) s += pieces[(i + k) % pieces.length];
      const b = new Uint8Array([0xff, ...te.encode(s), 0xff]);
      assert.equal(utf8Decode(b, 1, b.length - 1, true), s, `${JSON.stringify(s)}`);
      // Cut before the last byte: a truncated sequence (or a shorter valid string when the last piece is ASCII).
      const cut = utf8Decode(b, 1, b.length - 2, true);
      assert.equal(cut, s.endsWith("a") ? s.slice(0, -1) : undefined, `${JSON.stringify(s)} cut`);
    }
  }
});

test("utf8DecodeEscaped then utf8EncodeEscaped gives back any bytes, valid UTF-8 or not, short and long", () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = [[0x41], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f]];
  for (let n = 0; n < 600; n++) {
    const bytes: number[] = [];
    const count = Math.floor(rnd() * (n % 3 === 0 ? 200 : 20));
    for (let i = 0; i < count; i++) bytes.push(...(rnd() < 0.3 ? [Math.floor(rnd() * 256)] : pieces[Math.floor(rnd() * pieces.length)]!));
    const b = Uint8Array.from(bytes);
    const s = utf8DecodeEscaped(b, 0, b.length);
    assert.deepEqual(utf8EncodeEscaped(s), b, Buffer.from(b).toString("hex"));
    assert.equal(utf8Length(s, true), b.length);
    const valid = utf8Decode(b, 0, b.length, true);
    if (valid !== undefined) assert.equal(s, valid, "valid UTF-8 decodes as utf8Decode does");
    // The BinaryWriter writes it back too, through every path of its string writing.
    const w = new BinaryWriter();
    w.stringEscaped(s);
    const r = new BinaryReader(w.finish());
    assert.equal(r.string(false), s);
  }
});

test("utf8Write: a lone surrogate U+DC80–U+DCFF is one byte only when escaped; other lone surrogates are U+FFFD either way", () => {
  for (const [s, plain, escaped] of [
    ["\udcff", "ef bf bd", "ff"],
    ["a\udc80b", "61 ef bf bd 62", "61 80 62"],
    ["\udc7f", "ef bf bd", "ef bf bd"],
    ["\udd00", "ef bf bd", "ef bf bd"],
    ["\ud800", "ef bf bd", "ef bf bd"],
    ["\ud83d\ude00", "f0 9f 98 80", "f0 9f 98 80"],
  ] as const) {
    assert.equal(hex(utf8Encode(s)), plain, JSON.stringify(s));
    assert.equal(hex(utf8EncodeEscaped(s)), escaped, JSON.stringify(s));
    assert.equal(utf8Length(s), plain.split(" ").length);
    assert.equal(utf8Length(s, true), escaped.split(" ").length);
    const long = "x".repeat(70) + s;
    assert.equal(hex(utf8EncodeEscaped(long)), `${"78 ".repeat(70)}${escaped}`, `long ${JSON.stringify(s)}`);
  }
});

test("utf8WriteFrom writes what utf8Write writes of the rest of the string, from every position", () => {
  for (const s of ["plain ascii", "Grüße, Привет, 你好, 😀!", "a\ud800b\udc00c", "\udcff\udc80x", "😀😀"]) {
    for (let from = 0; from <= s.length; from++) {
      for (const escaped of [false, true]) {
        const expected = new Uint8Array(4 * s.length);
        const n = utf8Write(s.slice(from), expected, 0, escaped);
        const got = new Uint8Array(4 * s.length + 3);
        const end = utf8WriteFrom(s, from, got, 3, escaped);
        assert.equal(end - 3, n, `${JSON.stringify(s)} from ${from}`);
        assert.deepEqual(got.subarray(3, end), expected.subarray(0, n), `${JSON.stringify(s)} from ${from}`);
      }
    }
  }
});
