// msgpackr: standard MessagePack (no records extension), 64-bit integers as bigint. The native
// add-on is replaced by a stub (bench/no-msgpackr-extract), so this is msgpackr's pure-JS path.
import { Packr, isNativeAccelerationEnabled } from "msgpackr";
import { registry, toCanonical } from "../lib/schema.mjs";

export default {
  id: "msgpackr",
  label: "msgpackr",
  protobuf: false,
  order: 60,
  async load() {
    const packr = new Packr({ useRecords: false, int64AsType: "bigint" });
    return {
      note: isNativeAccelerationEnabled ? "native add-on" : "pure JavaScript",
      prepare(shape, data) {
        const desc = registry.getMessage(shape.typeName);
        return {
          value: data,
          encode: (o) => packr.pack(o),
          decode: (bytes) => packr.unpack(bytes),
          canonical: (o) => toCanonical(desc, o),
        };
      },
    };
  },
};
