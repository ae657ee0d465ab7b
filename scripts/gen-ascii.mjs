#!/usr/bin/env node
// Writes src/wire/ascii.ts: one case per string length, each loading the bytes once into locals,
// checking them for ASCII and passing them to one String.fromCharCode call.
//   node scripts/gen-ascii.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MAX = 32;
const file = join(import.meta.dirname, "..", "src", "wire", "ascii.ts");
const lines = [
  "/**",
  " * Short ASCII strings without a native call: for strings of a few dozen bytes, calling into",
  " * Node's or the platform's UTF-8 decoder costs more than decoding. One call to String.fromCharCode",
  " * makes one flat string (adding characters or pieces one by one would allocate a string for each",
  " * step, or a rope to be flattened later); hence one case per length, which loads each byte once",
  " * for both the ASCII check and the call. Written by scripts/gen-ascii.mjs.",
  " */",
  "",
  "/** The longest string asciiString() takes. */",
  `export const MAX_ASCII_STRING = ${MAX};`,
  "",
  "/**",
  " * The string of the `n` bytes at `b[s]` (`n` at most MAX_ASCII_STRING) when they are all ASCII",
  " * (below 0x80), else undefined.",
  " */",
  "export function asciiString(b: Uint8Array, s: number, n: number): string | undefined {",
  "  const f = String.fromCharCode;",
  "  switch (n) {",
  '    case 0: return "";',
];
for (let n = 1; n <= MAX; n++) {
  const names = Array.from({ length: n }, (_, i) => `c${i}`);
  const loads = names.map((c, i) => `${c} = b[s${i === 0 ? "" : ` + ${i}`}]!`).join(", ");
  lines.push(`    case ${n}: {`);
  lines.push(`      const ${loads};`);
  lines.push(`      return (${names.join(" | ")}) < 0x80 ? f(${names.join(", ")}) : undefined;`);
  lines.push("    }");
}
lines.push("    default: throw new RangeError(`asciiString: ${n} bytes (at most ${MAX_ASCII_STRING})`);");
lines.push("  }", "}", "");
const text = lines.join("\n");
if (process.argv.includes("--check")) {
  if (readFileSync(file, "utf8") !== text) {
    console.error("src/wire/ascii.ts is out of date: run node scripts/gen-ascii.mjs");
    process.exit(1);
  }
} else writeFileSync(file, text);
