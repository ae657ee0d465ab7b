/**
 * The custom-generator API (package entry `protoforge/codegen`): write a code generator in
 * TypeScript over protoforge's descriptors, then run it as a protoc plugin (runPlugin) or
 * in-process (runGenerator, generateFromDescriptorSet, generateFromRequest). See docs/codegen.md.
 */
export {
  type CodeGenerator,
  type GeneratorContext,
  type GeneratedFile,
  runGenerator,
  generateFromRequest,
  generateFromDescriptorSet,
  parseParameter,
} from "./generator.js";
export { runPlugin, runPluginBytes } from "./plugin.js";
export { PluginError } from "./errors.js";
export { getComments, docBlock, commentLines, sourcePath, type DescComments } from "./comments.js";
export { fieldDeclaration, enumValueDeclaration } from "./declaration.js";
export { tsGenerator } from "./ts/generator.js";
export { Edition } from "../reflect/features.js";
export type { CodeGeneratorRequest, CodeGeneratorResponse, Version } from "./plugin-proto.js";
