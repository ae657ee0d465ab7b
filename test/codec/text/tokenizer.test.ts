// The tokenizer on its own: token types, text and 0-based positions as protoc's io::Tokenizer gives them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TextFormatError } from "../../../src/codec/text/errors.js";
import { Tokenizer, type Token } from "../../../src/codec/text/tokenizer.js";

function tokens(text: string): Pick<Token, "type" | "text" | "line" | "column">[] {
  const tk = new Tokenizer(text);
  const out = [];
  while (tk.current.type !== "end") {
    const { type, text: t, line, column } = tk.current;
    out.push({ type, text: t, line, column });
    tk.next();
  }
  return out;
}

test("tokenizer: identifiers, numbers, strings and symbols with positions", () => {
  assert.deepEqual(tokens("a_1: -12 { b: 'x' }\n  c: 1.5f"), [
    { type: "identifier", text: "a_1", line: 0, column: 0 },
    { type: "symbol", text: ":", line: 0, column: 3 },
    { type: "symbol", text: "-", line: 0, column: 5 },
    { type: "integer", text: "12", line: 0, column: 6 },
    { type: "symbol", text: "{", line: 0, column: 9 },
    { type: "identifier", text: "b", line: 0, column: 11 },
    { type: "symbol", text: ":", line: 0, column: 12 },
    { type: "string", text: "'x'", line: 0, column: 14 },
    { type: "symbol", text: "}", line: 0, column: 18 },
    { type: "identifier", text: "c", line: 1, column: 2 },
    { type: "symbol", text: ":", line: 1, column: 3 },
    { type: "float", text: "1.5f", line: 1, column: 5 },
  ]);
});

test("tokenizer: number forms", () => {
  const types = (s: string) => tokens(s).map((t) => `${t.type}:${t.text}`);
  assert.deepEqual(types("0 0x1F 017 .5 5. 1e5 1E-5 2f 0f 1.e3"), [
    "integer:0", "integer:0x1F", "integer:017", "float:.5", "float:5.", "float:1e5", "float:1E-5", "float:2f", "float:0f", "float:1.e3",
  ]);
});

test("tokenizer: # comments and every kind of whitespace are skipped; tabs advance to multiples of 8", () => {
  assert.deepEqual(tokens("# c\n\t\v\f\r a # b\n\tz").map((t) => [t.text, t.line, t.column]), [
    ["a", 1, 12],
    ["z", 2, 8],
  ]);
});

test("tokenizer: columns count UTF-8 bytes", () => {
  const t = tokens("'é😀' x");
  assert.equal(t[1]!.column, 9);
});

test("tokenizer: string bytes decode escapes and encode raw characters as UTF-8", () => {
  const tk = new Tokenizer(String.raw`"a\n\x41\101\u00e9\U0001F600é\'\?"`);
  assert.deepEqual([...tk.current.bytes!], [0x61, 0x0a, 0x41, 0x41, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9, 0x27, 0x3f]);
  assert.deepEqual([...new Tokenizer(String.raw`'\777\0\x7'`).current.bytes!], [0xff, 0, 7]);
  // a lone surrogate in the input becomes U+FFFD, as TextEncoder does
  assert.deepEqual([...new Tokenizer('"\ud800"').current.bytes!], [0xef, 0xbf, 0xbd]);
});

test("tokenizer: URL mode reads runs of URL characters", () => {
  const tk = new Tokenizer("[type.googleapis.com/a.B] x");
  tk.urlMode = true;
  tk.next();
  assert.equal(tk.current.type, "url");
  assert.equal(tk.current.text, "type.googleapis.com/a.B");
  tk.next();
  assert.equal(tk.current.text, "]");
});

test("tokenizer: errors name protoc's position", () => {
  const at = (s: string) => {
    try {
      tokens(s);
    } catch (e) {
      assert.ok(e instanceof TextFormatError);
      return `${e.line}:${e.column} ${e.reason}`;
    }
    return "accepted";
  };
  assert.equal(at("'abc"), "1:5 Unexpected end of string.");
  assert.equal(at("x\n 'a\\"), "2:5 Invalid escape sequence in string literal.");
  assert.equal(at("12abc"), "1:3 Need space between number and identifier.");
  assert.equal(at("0x1.5"), "1:4 Hex and octal numbers must be integers.");
  assert.equal(at("1e+"), "1:4 \"e\" must be followed by exponent.");
  assert.equal(at("'\\z'"), "1:3 Invalid escape sequence in string literal.");
  assert.equal(at("a\0"), "1:2 Invalid control characters encountered in text.");
  assert.equal(at("\u00ff"), "1:1 Interpreting non ascii codepoint 195.");
  assert.equal(at("😀"), "1:1 Interpreting non ascii codepoint 240.");
});

/** Tokens and errors when errors are collected: the tokenizer goes on as protoc's does. */
function recovering(input: string | Uint8Array): { tokens: string[]; errors: string[] } {
  const errors: string[] = [];
  const tk = new Tokenizer(input, { onError: (reason, line, column) => void errors.push(`${line + 1}:${column + 1} ${reason}`) });
  const out: string[] = [];
  while (tk.current.type !== "end") {
    out.push(`${tk.current.type}:${tk.current.text}`);
    tk.next();
  }
  return { tokens: out, errors };
}

test("tokenizer: after an error it goes on where protoc's tokenizer goes on", () => {
  assert.deepEqual(recovering("12abc 0x.5 09"), {
    tokens: ["integer:12", "identifier:abc", "integer:0x", "float:.5", "integer:09"],
    errors: ["1:3 Need space between number and identifier.", '1:9 "0x" must be followed by hex digits.', "1:9 Hex and octal numbers must be integers.", "1:13 Numbers starting with leading zero must be in octal."],
  });
  // a string ends at a newline or at the end; a bad escape is skipped
  assert.deepEqual(recovering("'ab\nx '\\q' '\\"), {
    tokens: ["string:'ab", "identifier:x", "string:'\\q'", "string:'\\"],
    errors: ['1:4 Multiline strings are not allowed. Did you miss a "?.', "2:5 Invalid escape sequence in string literal.", "2:10 Invalid escape sequence in string literal.", "2:10 Unexpected end of string."],
  });
  // control characters are skipped (with what follows, whitespace and NUL included); a NUL ends a comment
  assert.deepEqual(recovering("a \x01\x02\n\x00 b # c\x00d"), {
    tokens: ["identifier:a", "identifier:b", "identifier:d"],
    errors: ["1:3 Invalid control characters encountered in text.", "2:8 Invalid control characters encountered in text."],
  });
  // each byte beyond ASCII is a symbol of its own
  assert.deepEqual(recovering(new Uint8Array([0xc3, 0xa9, 0x61])), {
    tokens: ["symbol:\ufffd", "symbol:\ufffd", "identifier:a"],
    errors: ["1:1 Interpreting non ascii codepoint 195.", "1:2 Interpreting non ascii codepoint 169."],
  });
});

test("tokenizer: bytes in, bytes out: string literals keep bytes that are not UTF-8", () => {
  const tk = new Tokenizer(new Uint8Array([0x22, 0xff, 0xc3, 0xa9, 0x22]));
  assert.deepEqual([...tk.current.bytes!], [0xff, 0xc3, 0xa9]);
  assert.equal(tk.current.endColumn, 5);
});

test("tokenizer: lenientStrings takes \\u surrogates and \\U above 10ffff as protoc does", () => {
  const bytes = (s: string) => [...new Tokenizer(s, { lenientStrings: true }).current.bytes!];
  assert.deepEqual(bytes(String.raw`'\ud801\udc37'`), [0xf0, 0x90, 0x90, 0xb7]);
  assert.deepEqual(bytes(String.raw`'\U0000d801\udc37'`), [0xf0, 0x90, 0x90, 0xb7]);
  assert.deepEqual(bytes(String.raw`'\ud800'`), [0xed, 0xa0, 0x80]);
  assert.deepEqual(bytes(String.raw`'\udc00\ud801'`), [0xed, 0xb0, 0x80, 0xed, 0xa0, 0x81]);
  // a trail surrogate must be written with \u to pair up
  assert.deepEqual(bytes(String.raw`'\ud801\U0000dc37'`), [0xed, 0xa0, 0x81, 0xed, 0xb0, 0xb7]);
  assert.deepEqual(bytes(String.raw`'\U00110000'`), [...Buffer.from("\\U00110000")]);
  assert.deepEqual(bytes(String.raw`'\U001FFFFF'`), [...Buffer.from("\\U001fffff")]);
});
