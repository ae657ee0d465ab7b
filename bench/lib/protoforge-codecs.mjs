// The codecs of a protoforge contender: plain data becomes a protoforge message (maps as Map),
// encoded with toBinary and decoded with fromBinary, all on the descriptors of one registry.
import { protoforge, toCanonical, transform } from "./schema.mjs";

const { create, fromBinary, toBinary } = protoforge;

/** The contender's `prepare` for a registry whose codecs are already chosen. */
export function protoforgeCodecs(registry) {
  return {
    prepare(shape, data) {
      const desc = registry.getMessage(shape.typeName);
      const value = transform(desc, data, {
        map: (pairs) => new Map(pairs),
        message: (fields, d) => create(d, fields),
      });
      return {
        value,
        encode: (m) => toBinary(desc, m),
        decode: (bytes) => fromBinary(desc, bytes),
        canonical: (m) => toCanonical(desc, m),
      };
    },
  };
}
