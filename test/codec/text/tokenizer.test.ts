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
