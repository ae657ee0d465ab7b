#!/usr/bin/env node
// Records protoc's SourceCodeInfo for every test/compiler/fixtures/*.proto into
// <name>.locations.json: [{ path, span, leading?, trailing?, detached? }] in protoc's order.
// Usage: node scripts/compiler-record-source-info.mjs [path/to/protoc]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "test/compiler/fixtures");
const protoc = process.argv[2] ?? join(root, "node_modules/protoc/bin/protoc-linux-x86_64");
const include = join(root, "node_modules/protoc/include");

const tmp = mkdtempSync(join(tmpdir(), "protoforge-sci-"));
try {
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith(".proto")).sort()) {
    const out = join(tmp, "out.pb");
    const r = spawnSync(protoc, ["-I" + fixtures, "-I" + include, "--include_source_info", "--descriptor_set_out=" + out, name], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`protoc failed on ${name}:\n${r.stderr}`);
    const locations = sourceCodeInfo(readFileSync(out));
    writeFileSync(join(fixtures, name.replace(/\.proto$/, ".locations.json")), JSON.stringify(locations) + "\n");
    console.log(`${name}: ${locations.length} locations`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** The locations of the first file of a FileDescriptorSet. */
function sourceCodeInfo(set) {
  const file = fields(set).find((f) => f.no === 1).bytes;
  const info = fields(file).find((f) => f.no === 9);
  if (info === undefined) return [];
  return fields(info.bytes)
    .filter((f) => f.no === 1)
    .map((f) => {
      const loc = { path: [], span: [] };
      for (const g of fields(f.bytes)) {
        if (g.no === 1) loc.path.push(...ints(g));
        else if (g.no === 2) loc.span.push(...ints(g));
        else if (g.no === 3) loc.leading = text(g.bytes);
        else if (g.no === 4) loc.trailing = text(g.bytes);
        else if (g.no === 6) (loc.detached ??= []).push(text(g.bytes));
      }
      return loc;
    });
}

function text(bytes) {
  return new TextDecoder().decode(bytes);
}

/** Packed or unpacked int32 values of a field. */
function ints(f) {
  if (f.wireType === 0) return [f.value];
  const out = [];
  for (let pos = 0; pos < f.bytes.length; ) {
    const [v, next] = varint(f.bytes, pos);
    out.push(v);
    pos = next;
  }
  return out;
}

/** The fields of a message: { no, wireType, value | bytes }; only varint and length-delimited occur here. */
function fields(buf) {
  const out = [];
  for (let pos = 0; pos < buf.length; ) {
    const [tag, p1] = varint(buf, pos);
    const no = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType === 0) {
      const [value, p2] = varint(buf, p1);
      out.push({ no, wireType, value });
      pos = p2;
    } else if (wireType === 2) {
      const [len, p2] = varint(buf, p1);
      out.push({ no, wireType, bytes: buf.subarray(p2, p2 + len) });
      pos = p2 + len;
    } else {
      throw new Error(`unexpected wire type ${wireType}`);
    }
  }
  return out;
}

function varint(buf, pos) {
  let v = 0;
  let mul = 1;
  for (;;) {
    const b = buf[pos++];
    v += (b & 0x7f) * mul;
    if (b < 0x80) return [v, pos];
    mul *= 128;
  }
}
