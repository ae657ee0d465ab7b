import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ProtoPath } from "./options.js";

/**
 * protoc's AddDefaultProtoPaths: after the user's --proto_path entries, protoc maps the empty
 * virtual prefix to the `include` directory next to its installation (where the well-known types
 * live), when that directory has google/protobuf/descriptor.proto.
 *
 * protoforge takes the well-known types from the `protoc` npm package's include directory,
 * `node_modules/protoc/include`, resolved relative to protoforge's package root (this module is
 * dist/src/cli/default-proto-path.js, three levels below it). That is also where the protoc binary
 * of this repository (node_modules/protoc/bin/protoc-linux-x86_64) finds them, so messages about
 * those files name the same absolute disk paths as protoc's.
 */
export function defaultProtoPaths(): ProtoPath[] {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const include = `${root}node_modules/protoc/include`;
  return existsSync(`${include}/google/protobuf/descriptor.proto`) ? [{ virtualPath: "", diskPath: include }] : [];
}
