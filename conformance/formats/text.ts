import { fromText } from "../../src/codec/text/from-text.js";
import { toText } from "../../src/codec/text/to-text.js";
import type { TesteeFormat } from "./format.js";

/**
 * The text format for the testee: any error from the parser is a parse error. The runner parses
 * our output with protoc's parser, so expanded and unexpanded `Any` both pass; we print Any expanded.
 */
export const textFormat: TesteeFormat = {
  parse(desc, payload, registry, options) {
    return fromText(desc, payload, { registry, ignoreUnknownFields: options.ignoreUnknownFields });
  },
  serialize(desc, msg, registry, options) {
    return toText(desc, msg, { registry, printUnknownFields: options.printUnknownFields, expandAny: true });
  },
};
