/**
 * A strict JSON parser (RFC 8259) with no knowledge of protobuf. Unlike JSON.parse it rejects
 * duplicate keys and lone surrogates, limits nesting, keeps the text of numbers (so 64-bit
 * integers and -0 survive) and reports errors with a JSON path and a line:column position.
 */
import { formatPath, JsonError, lineColumn, type JsonErrorCode } from "./errors.js";
import type { JsonMember, JsonNode } from "./json-types.js";

/** How deep objects and arrays may nest by default. */
export const DEFAULT_MAX_DEPTH = 100;

/** Parses JSON text into nodes; throws a JsonError on anything that is not a single valid JSON value. */
export function parseJsonText(text: string, maxDepth = DEFAULT_MAX_DEPTH): JsonNode {
  const p = new Parser(text, maxDepth);
  p.skipSpace();
  const node = p.value(1);
  p.skipSpace();
  if (p.pos < text.length) p.fail("syntax", `unexpected ${p.describe(p.pos)} after the JSON value`, p.pos);
  return node;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Parser {
  pos = 0;
  /** The keys and indexes leading to the value being parsed, for error messages. */
  readonly path: (string | number)[] = [];
  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  fail(code: JsonErrorCode, problem: string, at: number): never {
    const { line, column } = lineColumn(this.text, at);
    throw new JsonError(code, formatPath(this.path), problem, line, column);
  }

  /** Names the character at `at` for an error message. */
  describe(at: number): string {
    if (at >= this.text.length) return "end of input";
    const c = this.text.codePointAt(at)!;
    return c < 0x20 || c > 0x7e ? `character U+${c.toString(16).toUpperCase().padStart(4, "0")}` : `character ${JSON.stringify(String.fromCodePoint(c))}`;
  }

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  /** Parses one value at the current position (whitespace already skipped); `depth` is the nesting level it would open. */
  value(depth: number): JsonNode {
    const t = this.text;
    const at = this.pos;
    const c = t.charCodeAt(at);
    switch (c) {
      case 0x7b /* { */:
        return this.object(depth);
      case 0x5b /* [ */:
        return this.array(depth);
      case 0x22 /* " */:
        return { kind: "string", value: this.string(), at };
      case 0x74 /* t */:
        return this.literal("true", { kind: "bool", value: true, at });
      case 0x66 /* f */:
        return this.literal("false", { kind: "bool", value: false, at });
      case 0x6e /* n */:
        return this.literal("null", { kind: "null", at });
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = at;
      const m = NUMBER.exec(t);
      if (m) {
        this.pos = at + m[0].length;
        const next = t.charCodeAt(this.pos);
        // "01", "1.", "1e", "-" and "1x" are not JSON numbers.
        if (!((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45 || isIdentChar(next))) {
          return { kind: "number", text: m[0], at };
        }
      }
      this.fail("syntax", `invalid number`, at);
    }
    this.fail("syntax", `unexpected ${this.describe(at)}, expected a JSON value`, at);
  }

  literal(word: string, node: JsonNode): JsonNode {
    if (!this.text.startsWith(word, this.pos) || isIdentChar(this.text.charCodeAt(this.pos + word.length))) {
      this.fail("syntax", `unexpected ${this.describe(this.pos)}, expected a JSON value`, this.pos);
    }
    this.pos += word.length;
    return node;
  }

  enter(depth: number): void {
    if (depth > this.maxDepth) this.fail("depth", `JSON nested deeper than ${this.maxDepth} levels`, this.pos);
  }

  object(depth: number): JsonNode {
    const at = this.pos;
    this.enter(depth);
    this.pos++;
    const members: JsonMember[] = [];
    let keys: Set<string> | undefined;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      return { kind: "object", members, at };
    }
    for (;;) {
      const keyAt = this.pos;
      if (this.text.charCodeAt(keyAt) !== 0x22) this.fail("syntax", `unexpected ${this.describe(keyAt)}, expected a string key`, keyAt);
      const key = this.string();
      this.path.push(key);
      // Small objects are searched for duplicates directly; larger ones through a set.
      if (keys) {
        if (keys.has(key)) this.fail("duplicate", `duplicate key ${JSON.stringify(key)}`, keyAt);
        keys.add(key);
      } else {
        for (const m of members) if (m.key === key) this.fail("duplicate", `duplicate key ${JSON.stringify(key)}`, keyAt);
        if (members.length === 16) keys = new Set([...members.map((m) => m.key), key]);
      }
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.fail("syntax", `unexpected ${this.describe(this.pos)}, expected ":"`, this.pos);
      this.pos++;
      this.skipSpace();
      members.push({ key, keyAt, value: this.value(depth + 1) });
      this.path.pop();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x7d /* } */) return { kind: "object", members, at };
      if (c !== 0x2c /* , */) this.fail("syntax", `unexpected ${this.describe(this.pos - 1)}, expected "," or "}"`, this.pos - 1);
      this.skipSpace();
    }
  }

  array(depth: number): JsonNode {
    const at = this.pos;
    this.enter(depth);
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
      return { kind: "array", items, at };
    }
    for (;;) {
      this.path.push(items.length);
      items.push(this.value(depth + 1));
      this.path.pop();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x5d /* ] */) return { kind: "array", items, at };
      if (c !== 0x2c /* , */) this.fail("syntax", `unexpected ${this.describe(this.pos - 1)}, expected "," or "]"`, this.pos - 1);
      this.skipSpace();
    }
  }

  /** Reads a string literal starting at the opening quote. */
  string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let out = "";
    let chunk = i;
    for (;;) {
      if (i >= t.length) this.fail("syntax", "unterminated string", start);
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail("syntax", `unescaped control character U+${c.toString(16).toUpperCase().padStart(4, "0")} in string`, i);
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = t.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) this.fail("encoding", "lone surrogate in string", i);
        i += 2;
        continue;
      }
      if (c !== 0x5c /* \ */) {
        i++;
        continue;
      }
      out += t.slice(chunk, i);
      const [s, next] = this.escape(i);
      out += s;
      i = chunk = next;
    }
    this.pos = i + 1;
    return out + t.slice(chunk, i);
  }

  /** Decodes the escape sequence at `i` (the backslash); returns its text and the position after it. */
  escape(i: number): [string, number] {
    const e = this.text[i + 1];
    switch (e) {
      case '"': return ['"', i + 2];
      case "\\": return ["\\", i + 2];
      case "/": return ["/", i + 2];
      case "b": return ["\b", i + 2];
      case "f": return ["\f", i + 2];
      case "n": return ["\n", i + 2];
      case "r": return ["\r", i + 2];
      case "t": return ["\t", i + 2];
      case "u": {
        const hi = this.hex4(i);
        if (hi < 0xd800 || hi > 0xdfff) return [String.fromCharCode(hi), i + 6];
        if (hi <= 0xdbff && this.text.startsWith("\\u", i + 6)) {
          const lo = this.hex4(i + 6);
          if (lo >= 0xdc00 && lo <= 0xdfff) return [String.fromCharCode(hi, lo), i + 12];
        }
        this.fail("encoding", "lone surrogate in string", i);
      }
    }
    this.fail("syntax", `invalid escape sequence in string`, i);
  }

  /** The value of the four hex digits after `\u` at `i`. */
  hex4(i: number): number {
    const h = this.text.slice(i + 2, i + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail("syntax", `invalid \\u escape in string`, i);
    return parseInt(h, 16);
  }
}

function isIdentChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2b || c === 0x2d || c === 0x2e;
}
