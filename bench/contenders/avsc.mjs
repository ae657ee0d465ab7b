// avsc (Avro) with a schema made from each shape's descriptor: records for messages, arrays for
// repeated fields, Avro maps, enums by name. Avro has no unsigned types: uint32/fixed32 travel as
// int and uint64/fixed64 as long with the same bits (as protobuf's fixed types do), converted
// outside the timed loop. Longs are bigint through avsc's custom long type, so 64-bit extremes
// round-trip like everywhere else.
import avro from "avsc";
import { is64, isUnsigned32, isUnsigned64, registry, ScalarType, toCanonical, transform } from "../lib/schema.mjs";

const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf) => buf.readBigInt64LE(0),
  toBuffer: (n) => {
    const buf = Buffer.allocUnsafe(8);
    buf.writeBigInt64LE(n, 0);
    return buf;
  },
  fromJSON: (v) => BigInt(v),
  toJSON: (n) => Number(n),
  isValid: (n) => typeof n === "bigint",
  compare: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
});

/** The Avro schema of a message type; named types are defined once and then referred to by name. */
export function avroSchema(desc, defined = new Set()) {
  const named = (d, make) => {
    if (defined.has(d.typeName)) return d.typeName;
    defined.add(d.typeName);
    return make();
  };
  const scalar = (t) => {
    if (is64(t)) return "long";
    switch (t) {
      case ScalarType.DOUBLE:
        return "double";
      case ScalarType.FLOAT:
        return "float";
      case ScalarType.BOOL:
        return "boolean";
      case ScalarType.STRING:
        return "string";
      case ScalarType.BYTES:
        return "bytes";
      default:
        return "int";
    }
  };
  const element = (f) => {
    if (f.elementKind === "scalar") return scalar(f.scalar);
    if (f.elementKind === "enum") return enumSchema(f.enum);
    return avroSchema(f.message, defined);
  };
  const enumSchema = (e) => named(e, () => ({ type: "enum", name: e.typeName, symbols: e.values.map((v) => v.name) }));
  return named(desc, () => ({
    type: "record",
    name: desc.typeName,
    fields: desc.fields.map((f) => {
      switch (f.fieldKind) {
        case "scalar":
          return { name: f.localName, type: scalar(f.scalar) };
        case "enum":
          return { name: f.localName, type: enumSchema(f.enum) };
        case "message":
          return { name: f.localName, type: avroSchema(f.message, defined) };
        case "list":
          return { name: f.localName, type: { type: "array", items: element(f) } };
        case "map":
          return { name: f.localName, type: { type: "map", values: element(f) } };
      }
    }),
  }));
}

export default {
  id: "avsc",
  label: "avsc (Avro)",
  protobuf: false,
  order: 70,
  async load() {
    return {
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        const type = avro.Type.forSchema(avroSchema(desc), { registry: { long: bigintLong } });
        const value = transform(desc, data, {
          leaf(v, t) {
            if (t.enum) return t.enum.values.find((x) => x.number === v).name;
            if (isUnsigned32(t.scalar)) return v | 0;
            if (isUnsigned64(t.scalar)) return BigInt.asIntN(64, v);
            if (t.scalar === ScalarType.BYTES) return Buffer.from(v);
            return v;
          },
        });
        return {
          value,
          encode: (o) => type.toBuffer(o),
          decode: (bytes) => type.fromBuffer(bytes),
          canonical: (o) =>
            toCanonical(desc, o, (v, t) => {
              if (v === undefined) return v;
              if (t.enum) return t.enum.values.find((x) => x.name === v).number;
              if (isUnsigned32(t.scalar)) return v >>> 0;
              if (isUnsigned64(t.scalar)) return BigInt.asUintN(64, v);
              return v;
            }),
        };
      },
    };
  },
};
