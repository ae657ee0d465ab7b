// protoforge with the reflective codec (walks the descriptor for every message), as where code
// cannot be compiled at run time. Its registry has its own descriptors, so the reflective codecs
// registered here do not affect the other protoforge contenders in the same process.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { protoforgeDist } from "../lib/paths.mjs";
import { allMessages, loadRegistry } from "../lib/schema.mjs";
import { protoforgeCodecs } from "../lib/protoforge-codecs.mjs";

export default {
  id: "protoforge-reflective",
  label: "protoforge reflective",
  protobuf: true,
  order: 20,
  async load() {
    const dist = (p) => import(pathToFileURL(join(protoforgeDist, p)).href);
    const { registerCodec } = await dist("codec/binary/codec.js");
    const { reflectiveCodec } = await dist("codec/binary/reflective.js");
    const registry = loadRegistry();
    for (const m of allMessages(registry)) registerCodec(m, reflectiveCodec(m));
    return protoforgeCodecs(registry);
  },
};
