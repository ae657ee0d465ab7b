import type { ParseOutcome, ParseOutput } from "./args.js";
import { PLUGIN_PREFIX, pluginName } from "./args-generators.js";
import type { CliOptions } from "./options.js";

/**
 * The checks protoc makes once every flag is read, in protoc's order: each `--X_opt` needs its
 * plugin, the default proto_path ".", an input and an output for the mode, flags that only make
 * sense together. Returns an outcome when parsing must stop; the three "only makes sense" notes
 * are printed without stopping.
 */
export function checkCombinations(o: CliOptions, out: ParseOutput): ParseOutcome | undefined {
  let unknownOption = false;
  for (const plugin of o.pluginParameters.keys()) {
    if (o.plugins.has(plugin)) continue;
    if (o.outputs.some((d) => pluginName(d.flag) === plugin)) continue;
    // protoc lets --cpp_opt pass without --cpp_out: it may be meant for a C++ plugin.
    if (plugin === `${PLUGIN_PREFIX}gen-cpp`) continue;
    out.error(`Unknown flag: --${plugin.slice(PLUGIN_PREFIX.length + 4)}_opt`);
    unknownOption = true;
  }
  if (unknownOption) return out.exit(1);

  if (o.protoPaths.length === 0 && o.descriptorSetIn.length === 0) o.protoPaths.push({ virtualPath: "", diskPath: "." });

  let missingInput: boolean;
  if (o.mode === "compile") missingInput = o.inputFiles.length === 0;
  else if (o.mode === "decode" && o.codecType === "") {
    if (o.inputFiles.length > 0 || o.descriptorSetIn.length > 0) return out.fail("When using --decode_raw, no input files should be given.");
    missingInput = false;
  } else missingInput = o.inputFiles.length === 0 && o.descriptorSetIn.length === 0;
  if (missingInput) return out.fail("Missing input file.");
  if (o.mode === "compile" && o.outputs.length === 0 && o.descriptorSetOut === "" && o.editionDefaultsOut === "") return out.fail("Missing output directives.");
  if (o.mode !== "compile" && o.dependencyOut !== "") return out.fail("Can only use --dependency_out=FILE when generating code.");
  if (o.mode !== "encode" && o.deterministicOutput) return out.fail("Can only use --deterministic_output with --encode.");
  if (o.dependencyOut !== "" && o.inputFiles.length > 1) return out.fail("Can only process one input file when using --dependency_out=FILE.");
  for (const [set, flag] of [[o.includeImports, "--include_imports"], [o.includeSourceInfo, "--include_source_info"], [o.retainOptions, "--retain_options"]] as const) {
    if (set && o.descriptorSetOut === "") out.error(`${flag} only makes sense when combined with --descriptor_set_out.`);
  }
  return undefined;
}
