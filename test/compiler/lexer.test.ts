import { test } from "node:test";
import assert from "node:assert/strict";
import { Lexer } from "../../src/compiler/lexer.js";
import { parseFloatText, parseInteger, stringTokensValue, UINT64_MAX } from "../../src/compiler/literals.js";
import { cEscape, simpleDtoa } from "../../src/compiler/c-format.js";
import { TokenKind } from "../../src/compiler/token.js";
import { latin1Bytes, lex, utf8 } from "./helpers.js";

test("identifiers, symbols and positions (0-based line, column, end column)", () => {
  const { tokens, errors } = lex("message Foo_1 {\n  int32 x = 1;\n}");
  assert.deepEqual(errors, []);
  assert.deepEqual(tokens, [
    { kind: "Identifier", text: "message", at: "0:0-7" },
    { kind: "Identifier", text: "Foo_1", at: "0:8-13" },
    { kind: "Symbol", text: "{", at: "0:14-15" },
    { kind: "Identifier", text: "int32", at: "1:2-7" },
    { kind: "Identifier", text: "x", at: "1:8-9" },
    { kind: "Symbol", text: "=", at: "1:10-11" },
    { kind: "Integer", text: "1", at: "1:12-13" },
    { kind: "Symbol", text: ";", at: "1:13-14" },
    { kind: "Symbol", text: "}", at: "2:0-1" },
    { kind: "End", text: "", at: "2:1-1" },
  ]);
});

test("a tab advances the column to the next multiple of 8", () => {
  const { tokens } = lex("\ta\t\tb x\tc\n   \td");
  assert.deepEqual(
    tokens.map((t) => `${t.text}@${t.at}`),
    ["a@0:8-9", "b@0:24-25", "x@0:26-27", "c@0:32-33", "d@1:8-9", "@1:9-9"],
  );
});

test("columns count UTF-8 bytes; \\r, \\v and \\f are whitespace", () => {
  const { tokens } = lex("/* é€ */ a\r\nb\x0b\x0cc");
  assert.deepEqual(
    tokens.map((t) => `${t.text}@${t.at}`),
    ["a@0:12-13", "b@1:0-1", "c@1:3-4", "@1:4-4"],
  );
});

test("numbers: decimal, octal, hex and floats", () => {
  const { tokens, errors } = lex("0 7 0777 0x1F 0XaB 1.5 1e10 1E-3 .5 5. 2.5e+3 0.5");
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tokens.slice(0, -1).map((t) => `${t.kind}:${t.text}`),
    [
      "Integer:0", "Integer:7", "Integer:0777", "Integer:0x1F", "Integer:0XaB",
      "Float:1.5", "Float:1e10", "Float:1E-3", "Float:.5", "Float:5.", "Float:2.5e+3", "Float:0.5",
    ],
  );
  assert.equal(parseInteger("0777", UINT64_MAX), 511n);
  assert.equal(parseInteger("0x1F", UINT64_MAX), 31n);
  assert.equal(parseInteger("0x", UINT64_MAX), 0n);
  assert.equal(parseInteger("08", UINT64_MAX), undefined);
  assert.equal(parseInteger("18446744073709551615", UINT64_MAX), UINT64_MAX);
  assert.equal(parseInteger("18446744073709551616", UINT64_MAX), undefined);
  assert.equal(parseInteger("2147483648", 0x7fffffffn), undefined);
  assert.equal(parseFloatText("1e"), 1);
  assert.equal(parseFloatText(".5e+"), 0.5);
  assert.equal(parseFloatText("1e400"), Infinity);
  assert.equal(parseFloatText("5."), 5);
});

test("bad numbers report protoc's errors at protoc's positions", () => {
  const cases: [string, string[]][] = [
    ["0x;", ['0:2: "0x" must be followed by hex digits.']],
    ["1e;", ['0:2: "e" must be followed by exponent.']],
    ["1e+;", ['0:3: "e" must be followed by exponent.']],
    ["08", ["0:1: Numbers starting with leading zero must be in octal."]],
    ["0x1.5", ["0:3: Hex and octal numbers must be integers."]],
    ["017.5", ["0:3: Hex and octal numbers must be integers."]],
    ["1.5.3", ["0:3: Already saw decimal point or exponent; can't have another one."]],
    ["1x", ["0:1: Need space between number and identifier."]],
    ["1.5f", ["0:3: Need space between number and identifier."]],
    ["foo.5", ["0:3: Need space between identifier and decimal point."]],
  ];
  for (const [src, want] of cases) assert.deepEqual(lex(src).errors, want, src);
  // "foo .5" and "foo. 5" are fine.
  assert.deepEqual(lex("foo .5").errors, []);
  assert.deepEqual(lex("foo.x").errors, []);
});

test("string escapes decode like protoc's ParseStringAppend", () => {
  const value = (src: string): number[] => {
    const { tokens, errors } = lex(src);
    assert.deepEqual(errors, [], src);
    return [...stringTokensValue(tokens.filter((t) => t.kind === "String").map((t) => t.text))];
  };
  const bytes = (s: string): number[] => [...latin1Bytes(s)];
  assert.deepEqual(value(String.raw`"\n\t\\\'\"\?\a\b\f\r\v"`), bytes("\n\t\\'\"?\x07\b\f\r\v"));
  assert.deepEqual(value(String.raw`'\123\0\377\7a'`), [0o123, 0, 0xff, 7, 97]);
  assert.deepEqual(value(String.raw`"\x1F\xf\X41g"`), [0x1f, 0xf, 0x41, 0x67]);
  assert.deepEqual(value(String.raw`"\u00e9\U0001F600"`), [...utf8("é😀")]);
  assert.deepEqual(value(String.raw`"\ud83d\ude00"`), [...utf8("😀")]);
  assert.deepEqual(value(String.raw`"\ud800"`), [0xed, 0xa0, 0x80]);
  assert.deepEqual(value(String.raw`"\U00110000"`), bytes("\\U00110000"));
  assert.deepEqual(value(`"a" 'b' "c"`), bytes("abc"));
  assert.deepEqual(value(`"é"`), [...utf8("é")]);
});

test("bad strings report protoc's errors", () => {
  const cases: [string, string[]][] = [
    ['"abc', ["0:4: Unexpected end of string."]],
    ['"ab\ncd"\n', ['0:3: Multiline strings are not allowed. Did you miss a "?.', '1:3: Multiline strings are not allowed. Did you miss a "?.']],
    [String.raw`"a\zb"`, ["0:3: Invalid escape sequence in string literal."]],
    [String.raw`"\xg"`, ["0:3: Expected hex digits for escape sequence."]],
    [String.raw`"\u12g4"`, ["0:5: Expected four hex digits for \\u escape sequence."]],
    [String.raw`"\U0020"`, ["0:5: Expected eight hex digits up to 10ffff for \\U escape sequence"]],
    ['"a\x00b"', ["0:2: Unexpected end of string.", "0:2: Invalid control characters encountered in text.", "0:5: Unexpected end of string."]],
  ];
  for (const [src, want] of cases) assert.deepEqual(lex(src).errors, want, JSON.stringify(src));
});

test("comments are skipped; a lone slash is a symbol", () => {
  const { tokens, errors } = lex("a // x\n/* y\n * z */ b / c");
  assert.deepEqual(errors, []);
  assert.deepEqual(tokens.map((t) => `${t.kind}:${t.text}@${t.at}`), [
    "Identifier:a@0:0-1", "Identifier:b@2:8-9", "Symbol:/@2:10-11", "Identifier:c@2:12-13", "End:@2:13-13",
  ]);
});

test("comment errors: nesting and end of file", () => {
  assert.deepEqual(lex("/* a /* b */ c").errors, ['0:6: "/*" inside block comment.  Block comments cannot be nested.']);
  assert.deepEqual(lex("x\n  /* abc\n d").errors, ["2:2: End-of-file inside block comment.", "1:2:   Comment started here."]);
  assert.deepEqual(lex("/* a *").errors, ["0:6: End-of-file inside block comment.", "0:0:   Comment started here."]);
});

test("control characters and non-ASCII bytes", () => {
  const { tokens, errors } = lex(latin1Bytes("a\x01\x02\x1f b \xc3\xa9 \x7f"));
  assert.deepEqual(errors, [
    "0:1: Invalid control characters encountered in text.",
    "0:7: Interpreting non ascii codepoint 195.",
    "0:8: Interpreting non ascii codepoint 169.",
  ]);
  assert.deepEqual(tokens.map((t) => `${t.kind}:${t.at}`), [
    "Identifier:0:0-1", "Identifier:0:5-6", "Symbol:0:7-8", "Symbol:0:8-9", "Symbol:0:10-11", "End:0:11-11",
  ]);
});

test("a NUL byte is a control character; it also ends a line comment", () => {
  const { tokens, errors } = lex(latin1Bytes("// c\x00 x\ny"));
  assert.deepEqual(errors, ["0:4: Invalid control characters encountered in text."]);
  assert.deepEqual(tokens.map((t) => t.text), ["x", "y", ""]);
});

/** Reads `a;`, then runs nextWithComments after the `;`: returns what it collected plus the next token. */
function commentsAfterFirst(src: string): { trailing: string; detached: string[]; leading: string; next: string } {
  const lexer = new Lexer(utf8(src), () => {});
  lexer.nextWithComments(false);
  lexer.next();
  const { comments } = lexer.nextWithComments(true);
  return { ...comments, next: lexer.text };
}

test("nextWithComments sorts comments into trailing, detached and leading", () => {
  assert.deepEqual(commentsAfterFirst("a; // t\n// l\nb"), { trailing: " t\n", detached: [], leading: " l\n", next: "b" });
  assert.deepEqual(commentsAfterFirst("a;\n// t\n\n// d\n\n// l\nb"), {
    trailing: " t\n", detached: [" d\n"], leading: " l\n", next: "b",
  });
  assert.deepEqual(commentsAfterFirst("a;\n\n// l1\n// l2\nb"), { trailing: "", detached: [], leading: " l1\n l2\n", next: "b" });
  // Before a closing brace, a comment cannot lead: it becomes trailing (or detached).
  assert.deepEqual(commentsAfterFirst("a;\n// t\n}"), { trailing: " t\n", detached: [], leading: "", next: "}" });
  // A block comment followed by a token on the same line is detached.
  assert.deepEqual(commentsAfterFirst("a; /* x */ b"), { trailing: "", detached: [" x "], leading: "", next: "b" });
  // Block comment text loses each line's leading whitespace and one '*'.
  assert.deepEqual(commentsAfterFirst("a;\n/* one\n   * two\n   ** three\n*/\nb").leading, " one\n two\n* three\n");
  assert.deepEqual(commentsAfterFirst("a;\n/**/\nb"), { trailing: "", detached: [], leading: "", next: "b" });
});

test("a UTF-8 byte order mark is skipped; another 0xEF start is an error", () => {
  const ok = new Lexer(latin1Bytes("\xef\xbb\xbfa"), () => assert.fail("no error expected"));
  assert.equal(ok.nextWithComments(false).ok, true);
  assert.equal(ok.text, "a");
  assert.equal(ok.tokens.column(ok.current), 3);
  const errors: string[] = [];
  const bad = new Lexer(latin1Bytes("\xef\xbba"), (l, c, m) => errors.push(`${l}:${c}: ${m}`));
  assert.equal(bad.nextWithComments(false).ok, false);
  assert.deepEqual(errors, ["0:2: Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file."]);
});

test("whitespace mode reports spaces and newlines as tokens", () => {
  const lexer = new Lexer(utf8("a \t b\n/* c */\n c"), () => {});
  lexer.reportWhitespace = true;
  const seen: string[] = [];
  while (lexer.next()) seen.push(`${lexer.kind}:${JSON.stringify(lexer.text)}`);
  const W = TokenKind.Whitespace, N = TokenKind.Newline, I = TokenKind.Identifier;
  assert.deepEqual(seen, [`${I}:"a"`, `${W}:" \\t "`, `${I}:"b"`, `${N}:"\\n"`, `${N}:"\\n"`, `${W}:" "`, `${I}:"c"`]);
});

test("the End token is reused when reading past the end", () => {
  const lexer = new Lexer(utf8("a"), () => {});
  lexer.next();
  assert.equal(lexer.next(), false);
  const end = lexer.current;
  assert.equal(lexer.next(), false);
  assert.equal(lexer.current, end);
  assert.equal(lexer.previous, end);
});

test("simpleDtoa matches protoc's %.15g / %.17g choice", () => {
  const cases: [number, string][] = [
    [1e10, "10000000000"], [1e15, "1e+15"], [1e16, "1e+16"], [0.0001, "0.0001"], [0.00001, "1e-05"],
    [0.1, "0.1"], [Math.PI, "3.1415926535897931"], [1.2345678901234568e29, "1.2345678901234568e+29"],
    [Infinity, "inf"], [-Infinity, "-inf"], [NaN, "nan"], [-0, "-0"], [0, "0"], [500, "500"],
    [1000000000000005, "1000000000000005"], [2.5e-320, "2.49997216795671e-320"],
  ];
  for (const [v, want] of cases) assert.equal(simpleDtoa(v), want, String(v));
});

test("cEscape matches absl::CEscape", () => {
  assert.equal(cEscape(latin1Bytes("a\n\r\t\"'\\\x01\x7f\xffz")), "a\\n\\r\\t\\\"\\'\\\\\\001\\177\\377z");
});
