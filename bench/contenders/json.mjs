// JSON.stringify / JSON.parse of the same data as plain objects. Made JSON-ready once, outside the
// timed loop: 64-bit integers as decimal strings, bytes as base64 (as in proto3 JSON). So the
// timings leave out that conversion and the UTF-8 encoding of the string: a lower bound for JSON.
import { is64, registry, ScalarType, toCanonical, transform } from "../lib/schema.mjs";

export default {
  id: "json",
  label: "JSON",
  protobuf: false,
  order: 50,
  async load() {
    return {
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        const value = transform(desc, data, {
          leaf(v, t) {
            if (t.scalar !== undefined && is64(t.scalar)) return String(v);
            if (t.scalar === ScalarType.BYTES) return Buffer.from(v).toString("base64");
            return v;
          },
        });
        return {
          value,
          encode: (o) => JSON.stringify(o),
          decode: (s) => JSON.parse(s),
          canonical: (o) =>
            toCanonical(desc, o, (v, t) => {
              if (v === undefined) return v;
              if (t.scalar !== undefined && is64(t.scalar)) return BigInt(v);
              if (t.scalar === ScalarType.BYTES) return new Uint8Array(Buffer.from(v, "base64"));
              return v;
            }),
        };
      },
    };
  },
};
