import { Unsupported, type TesteeFormat } from "./format.js";

/** The text format for the testee. */
export const textFormat: TesteeFormat = {
  parse() {
    throw new Unsupported("text format input is not supported yet");
  },
  serialize() {
    throw new Unsupported("text format output is not supported yet");
  },
};
