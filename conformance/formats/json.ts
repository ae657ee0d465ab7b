import { fromJsonString } from "../../src/codec/json/from-json.js";
import { toJsonString } from "../../src/codec/json/to-json.js";
import type { TesteeFormat } from "./format.js";

/** Proto3 JSON for the testee. */
export const jsonFormat: TesteeFormat = {
  parse(desc, payload, registry, options) {
    return fromJsonString(desc, payload, { registry, ignoreUnknownFields: options.ignoreUnknownFields });
  },
  serialize(desc, msg, registry) {
    return toJsonString(desc, msg, { registry });
  },
};
