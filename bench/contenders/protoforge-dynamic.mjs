// protoforge with its default codecs: specialized code emitted from the descriptors and compiled
// at run time (src/codec/binary/emit.ts, compile.ts).
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { protoforgeDist } from "../lib/paths.mjs";
import { allMessages, loadRegistry } from "../lib/schema.mjs";
import { protoforgeCodecs } from "../lib/protoforge-codecs.mjs";

export default {
  id: "protoforge-dynamic",
  label: "protoforge dynamic",
  protobuf: true,
  order: 10,
  async load() {
    const { codecFor } = await import(pathToFileURL(join(protoforgeDist, "codec/binary/codec.js")).href);
    const registry = loadRegistry();
    // Make sure the codecs are the compiled ones (not the reflective fallback).
    for (const m of allMessages(registry)) {
      if (m.isMapEntry) continue;
      if (!/switch \(tag( >>> 3)?\)/.test(String(codecFor(m).decode))) throw new Error(`${m.typeName}: no compiled codec (run-time compilation unavailable?)`);
    }
    return protoforgeCodecs(registry);
  },
};
