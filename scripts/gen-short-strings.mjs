#!/usr/bin/env node
// Writes src/wire/short-strings.ts: short strings made by one String.fromCharCode call, with one
// case per length (each loads every byte or code unit once).
//   node scripts/gen-short-strings.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MAX = 32;
const file = join(import.meta.dirname, "..", "src", "wire", "short-strings.ts");
const names = (n) => Array.from({ length: n }, (_, i) => `c${i}`);
const at = (base, i) => `${base}${i === 0 ? "" : ` + ${i}`}`;

const lines = [
  "/**",
  " * Short strings without a native call: for a few dozen characters, calling into Node's or the",
  " * platform's decoder costs more than decoding. One String.fromCharCode call makes one flat string",
  " * (adding characters one by one would allocate a string for each step, or a rope to be flattened",
  " * later); hence one case per length. Written by scripts/gen-short-strings.mjs.",
  " */",
  "",
  "/** The longest string (in bytes, or code units) these functions take. */",
  `export const MAX_SHORT_STRING = ${MAX};`,
  "",
  "/**",
  " * The string of the `n` bytes at `b[s]` (`n` at most MAX_SHORT_STRING) when they are all ASCII",
  " * (below 0x80), else undefined. Each byte is loaded once, for the check and for the string.",
  " */",
  "export function asciiString(b: Uint8Array, s: number, n: number): string | undefined {",
  "  const f = String.fromCharCode;",
  "  switch (n) {",
  '    case 0: return "";',
];
for (let n = 1; n <= MAX; n++) {
  const c = names(n);
  lines.push(`    case ${n}: {`);
  lines.push(`      const ${c.map((x, i) => `${x} = b[${at("s", i)}]!`).join(", ")};`);
  lines.push(`      return (${c.join(" | ")}) < 0x80 ? f(${c.join(", ")}) : undefined;`);
  lines.push("    }");
}
lines.push("    default: throw new RangeError(`asciiString: ${n} bytes (at most ${MAX_SHORT_STRING})`);", "  }", "}", "");
lines.push(
  "/** The string of the first `n` UTF-16 code units of `u` (`n` at most MAX_SHORT_STRING). */",
  "export function unitsString(u: Uint16Array, n: number): string {",
  "  const f = String.fromCharCode;",
  "  switch (n) {",
  '    case 0: return "";',
);
for (let n = 1; n <= MAX; n++) lines.push(`    case ${n}: return f(${Array.from({ length: n }, (_, i) => `u[${i}]!`).join(", ")});`);
lines.push("    default: throw new RangeError(`unitsString: ${n} code units (at most ${MAX_SHORT_STRING})`);", "  }", "}", "");
const text = lines.join("\n");
if (process.argv.includes("--check")) {
  if (readFileSync(file, "utf8") !== text) {
    console.error("src/wire/short-strings.ts is out of date: run node scripts/gen-short-strings.mjs");
    process.exit(1);
  }
} else writeFileSync(file, text);
