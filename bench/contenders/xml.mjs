// XML with fast-xml-parser (XMLBuilder / XMLParser): one element per field, repeated elements for
// lists, <key>/<value> entries for maps, enums by name. Made XML-ready once, outside the timed
// loop (every value as text, bytes as base64); the parser keeps values as text and is told which
// elements are lists. Like JSON, the timings leave out the text conversion of the values.
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { is64, registry, ScalarType, toCanonical, transform } from "../lib/schema.mjs";

/** The jPaths ("Root.field.sub") of the repeated elements below a message type. */
function listPaths(desc, path, out = new Set(), depth = 0) {
  if (depth > 16) return out;
  for (const f of desc.fields) {
    const p = `${path}.${f.localName}`;
    if (f.fieldKind === "list" || f.fieldKind === "map") out.add(p);
    const sub = f.fieldKind === "message" || ((f.fieldKind === "list" || f.fieldKind === "map") && f.elementKind === "message") ? f.message : undefined;
    if (sub) listPaths(sub, f.fieldKind === "map" ? `${p}.value` : p, out, depth + 1);
  }
  return out;
}

function fromText(v, t) {
  if (t.enum) return t.enum.values.find((x) => x.name === v).number;
  if (is64(t.scalar)) return BigInt(v);
  switch (t.scalar) {
    case ScalarType.STRING:
      return v;
    case ScalarType.BOOL:
      return v === "true";
    case ScalarType.BYTES:
      return new Uint8Array(Buffer.from(v, "base64"));
    default:
      return Number(v);
  }
}

export default {
  id: "xml",
  label: "XML (fast-xml-parser)",
  protobuf: false,
  order: 80,
  async load() {
    return {
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        const lists = listPaths(desc, desc.name);
        const builder = new XMLBuilder({ ignoreAttributes: true, format: false });
        const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, isArray: (_name, jPath) => lists.has(jPath) });
        const body = transform(desc, data, {
          leaf(v, t) {
            if (t.enum) return t.enum.values.find((x) => x.number === v).name;
            if (t.scalar === ScalarType.BYTES) return Buffer.from(v).toString("base64");
            return String(v);
          },
          map: (pairs) => pairs.map(([key, value]) => ({ key, value })),
        });
        return {
          value: { [desc.name]: body },
          encode: (o) => builder.build(o),
          decode: (s) => parser.parse(s),
          canonical: (o) =>
            toCanonical(
              desc,
              o[desc.name],
              (v, t) => (v === undefined ? v : fromText(v, t)),
              (m) => (m ?? []).map((e) => [e.key, e.value]),
            ),
        };
      },
    };
  },
};
