// Hand-made inputs (fixtures/handmade.json) checked against protoc's verdict on each
// (fixtures/handmade.oracle.json, written by gen.mjs from protoc --decode): where protoc fails to
// parse, decoding is a WireError; where it parses, decoding succeeds, the unknown fields are the
// ones protoc reports, and writing back gives protoc's re-encoding (decode | encode) when it has one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertBytes, codecVariants, fixtureText, fromHex, payload, sets } from "../../fixtures/load.js";
import { fromBinary, toBinary, WireError } from "../../../src/index.js";
import type { Message } from "../../../src/reflect/message.js";

interface Case {
  id: string;
  file: string;
  message: string;
  hex: string;
  todo?: string;
  noReencode?: string;
}
interface Verdict {
  id: string;
  ok: boolean;
  text?: string;
  reencoded?: string;
  error?: string;
}

const cases = (JSON.parse(fixtureText("handmade.json")) as { cases: Case[] }).cases;
const oracle = new Map((JSON.parse(fixtureText("handmade.oracle.json")) as Verdict[]).map((v) => [v.id, v]));

const setOfFile: Record<string, keyof typeof sets> = {
  "proto2.proto": "p2",
  "proto3.proto": "p3",
  "edition2023.proto": "e23",
  "edition2024.proto": "e24",
  "unknown.proto": "unk",
};

function input(hex: string): Uint8Array {
  const parts = hex.trim().split(/\s+/).map((t) => (t.startsWith("@") ? payload(t.slice(1)) : fromHex(t)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** Field numbers of the top-level unknown fields in protoc's text output ("N: …" or "N {" at column 0). */
function protocUnknownNumbers(text: string): number[] {
  return [...text.matchAll(/^(\d+)(?::| \{)/gm)].map((m) => Number(m[1]));
}

test("every hand-made case has a verdict from protoc", () => {
  assert.ok(cases.length > 100);
  for (const c of cases) assert.ok(oracle.has(c.id), c.id);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, "ids are unique");
});

for (const v of codecVariants) {
  for (const c of cases) {
    const verdict = oracle.get(c.id)!;
    const title = `${v.name}: ${c.message} ${c.id}: protoc ${verdict.ok ? "reads it" : "rejects it"}`;
    test(title, c.todo ? { todo: c.todo } : {}, () => {
      const desc = v.msg(setOfFile[c.file]!, c.message);
      const bytes = input(c.hex);
      if (!verdict.ok) {
        assert.throws(() => fromBinary(desc, bytes), (e: unknown) => {
          if (!(e instanceof WireError)) assert.fail(`expected a WireError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          return true;
        });
        return;
      }
      const m: Message = fromBinary(desc, bytes);
      assert.deepEqual((m.$unknown ?? []).map((u) => u.no), protocUnknownNumbers(verdict.text ?? ""), "top-level unknown fields");
      if (verdict.reencoded !== undefined && c.noReencode === undefined) assertBytes(toBinary(desc, m), fromHex(verdict.reencoded), "protoc's re-encoding");
    });
  }
}
