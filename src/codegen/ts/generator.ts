import { Edition } from "../../reflect/features.js";
import type { CodeGenerator } from "../generator.js";
import { generateTsFiles } from "./file.js";
import { parseTsOptions } from "./options.js";

/**
 * protoforge's TypeScript generator (protoc-gen-protoforge): per .proto file, a module with the
 * message and enum types, the embedded descriptor, typed schemas and the binary codecs.
 */
export const tsGenerator: CodeGenerator = {
  name: "protoc-gen-protoforge",
  supportsProto3Optional: true,
  editions: { minimum: Edition.PROTO2, maximum: Edition.E2024 },
  generate(ctx) {
    const options = parseTsOptions(ctx.options);
    for (const file of ctx.files) {
      for (const out of generateTsFiles(file, options)) ctx.addFile(out.name, out.content);
    }
  },
};
