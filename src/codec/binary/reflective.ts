import type { DescMessage } from "../../reflect/descriptors.js";
import { createEmpty } from "../../message/create.js";
import type { MessageCodec } from "./codec.js";
import { readMessage } from "./from-binary.js";
import { writeMessage } from "./to-binary.js";

/** A codec that walks the descriptor for every message: slower, but needs no run-time code generation. */
export function reflectiveCodec(desc: DescMessage): MessageCodec {
  return {
    create: () => createEmpty(desc),
    decode: (r, end, depth, msg, ctx, groupNo) => readMessage(desc, msg, r, end, depth, ctx, groupNo),
    encode: (msg, w, unknown) => writeMessage(desc, msg, w, unknown),
  };
}
