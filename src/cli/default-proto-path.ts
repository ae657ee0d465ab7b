import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ProtoPath } from "./options.js";

/**
 * The `include` directory of the protoforge package: the standard .proto files protoc installs
 * (google/protobuf/*.proto, compiler/plugin.proto, the *_features.proto files), kept identical to
 * protoc's by scripts/sync-include.mjs. This module is dist/src/cli/default-proto-path.js, three
 * levels below the package root.
 */
export const PACKAGED_INCLUDE_DIR = fileURLToPath(new URL("../../../include", import.meta.url));

/**
 * protoc's AddDefaultProtoPaths: after the user's --proto_path entries, the empty virtual prefix
 * maps to the include directory installed with the program, when that directory has
 * google/protobuf/descriptor.proto. For protoforge that is the package's own `include` directory
 * (`includeDir`, for tests).
 */
export function defaultProtoPaths(includeDir: string = PACKAGED_INCLUDE_DIR): ProtoPath[] {
  return existsSync(`${includeDir}/google/protobuf/descriptor.proto`) ? [{ virtualPath: "", diskPath: includeDir }] : [];
}
