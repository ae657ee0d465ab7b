import { Unsupported, type TesteeFormat } from "./format.js";

/** Proto3 JSON for the testee. */
export const jsonFormat: TesteeFormat = {
  parse() {
    throw new Unsupported("JSON input is not supported yet");
  },
  serialize() {
    throw new Unsupported("JSON output is not supported yet");
  },
};
