// protoforge generated code: protoc-gen-protoforge output (target=js+dts), generated at setup into
// bench/.gen/protoforge. Its modules register specialized codecs written ahead of time by the same
// emitter the dynamic codecs are compiled from, so nothing is compiled at run time.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { protoforgeDist } from "../lib/paths.mjs";
import { protoforge, toCanonical, transform } from "../lib/schema.mjs";

const { create, fromBinary, toBinary } = protoforge;

export default {
  id: "protoforge-generated",
  label: "protoforge generated",
  protobuf: true,
  order: 15,
  async load() {
    const gen = await import("../.gen/protoforge/bench_pb.js");
    const { codecFor } = await import(pathToFileURL(join(protoforgeDist, "codec/binary/codec.js")).href);
    return {
      prepare(shape, data) {
        const schema = gen[`${shape.typeName.split(".").slice(1).join("_")}Schema`];
        // Generated codecs are object methods ("decode(r, …) {"); compiled ones are "function decode".
        if (String(codecFor(schema).decode).startsWith("function")) throw new Error(`${shape.typeName}: the generated codec is not registered`);
        const value = transform(schema, data, {
          map: (pairs) => new Map(pairs),
          message: (fields, d) => create(d, fields),
        });
        return {
          value,
          encode: (m) => toBinary(schema, m),
          decode: (bytes) => fromBinary(schema, bytes),
          canonical: (m) => toCanonical(schema, m),
        };
      },
    };
  },
};
