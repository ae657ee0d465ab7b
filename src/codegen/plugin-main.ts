/** The protoc-gen-protoforge executable (bin/protoc-gen-protoforge): runs the TypeScript generator as a protoc plugin. */
import { runPlugin } from "./plugin.js";
import { tsGenerator } from "./ts/generator.js";

await runPlugin(tsGenerator);
