// protobufjs with static code: pbjs -t static-module -w es6, generated at setup into bench/.gen/pbjs.
// 64-bit integers are Long objects (protobufjs' exact representation), so extremes round-trip.
import $protobuf from "protobufjs/minimal.js";
import { is64, isUnsigned64, registry, toCanonical, transform } from "../lib/schema.mjs";

export default {
  id: "protobufjs",
  label: "protobufjs (static)",
  protobuf: true,
  order: 30,
  async load() {
    const root = await import("../.gen/pbjs/bench.js");
    const Long = $protobuf.util.Long;
    if (!Long) throw new Error("protobufjs has no Long support: 64-bit values would lose precision");
    const classOf = (typeName) => typeName.split(".").reduce((ns, part) => ns[part], root);
    return {
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        const Type = classOf(shape.typeName);
        const value = transform(desc, data, {
          leaf: (v, t) => (t.scalar !== undefined && is64(t.scalar) ? Long.fromString(String(v), isUnsigned64(t.scalar)) : v),
          message: (fields, d) => classOf(d.typeName).create(fields),
        });
        return {
          value,
          encode: (m) => Type.encode(m).finish(),
          decode: (bytes) => Type.decode(bytes),
          canonical: (m) => toCanonical(desc, m, (v) => (Long.isLong(v) ? BigInt(v.toString()) : v)),
        };
      },
    };
  },
};
