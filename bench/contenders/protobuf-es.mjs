// @bufbuild/protobuf v2 with code from protoc-gen-es (run by real protoc at setup, bench/.gen/es).
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { registry, toCanonical, transform } from "../lib/schema.mjs";

export default {
  id: "protobuf-es",
  label: "protobuf-es",
  protobuf: true,
  order: 40,
  async load() {
    const gen = await import("../.gen/es/bench_pb.js");
    return {
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        const schema = gen[`${shape.typeName.split(".").slice(1).join("_")}Schema`];
        const value = create(schema, transform(desc, data));
        return {
          value,
          encode: (m) => toBinary(schema, m),
          decode: (bytes) => fromBinary(schema, bytes),
          canonical: (m) => toCanonical(desc, m),
        };
      },
    };
  },
};
