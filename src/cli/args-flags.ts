import type { ParseOutcome, ParseOutput } from "./args.js";
import type { CliOptions } from "./options.js";
import { interpretGeneratorFlag } from "./args-generators.js";
import { addProtoPath } from "./args-proto-path.js";

/** What interpreting flags needs from outside: whether a path exists, and the texts --help, --version and --notices print. */
export interface FlagEnv {
  /** True when something (file or directory) exists at `path`, like access(path, F_OK). */
  exists(path: string): boolean;
  /** The --help text. */
  helpText(executableName: string): string;
  /** The --version lines. */
  versionText(): string;
  /** The --notices text. */
  noticesText(): string;
  /** The edition names (without `EDITION_`) that --edition_defaults_minimum/maximum accept. */
  editionNames(): readonly string[];
}

/** Default message of --direct_dependencies_violation_msg: `%s` is the import. */
export const DEFAULT_DIRECT_DEPENDENCIES_VIOLATION_MSG = "File is imported but not declared in --direct_dependencies: %s";
/** Default message of --option_dependencies_violation_msg: `%s` is the import. */
export const DEFAULT_OPTION_DEPENDENCIES_VIOLATION_MSG = "File is option imported but not declared in --option_dependencies: %s";

/**
 * Applies one flag (or, with an empty name, one input file) to `options`, as protoc's
 * InterpretArgument does. Returns an outcome when parsing must stop (an error, or --help/--version).
 */
export function interpretFlag(name: string, value: string, o: CliOptions, env: FlagEnv, out: ParseOutput): ParseOutcome | undefined {
  const once = `${name} may only be passed once.`;
  const blank = `${name} requires a non-empty value.`;
  switch (name) {
    case "":
      if (value === "") {
        return out.fail(
          `You seem to have passed an empty string as one of the arguments to ${o.executableName}.  This is actually sort of hard to do.  Congrats.  Unfortunately it is not valid input so the program is going to die now.`,
        );
      }
      o.inputFiles.push(value);
      return undefined;
    case "-I":
    case "--proto_path":
      return addProtoPath(value, o, env, out);
    case "--direct_dependencies":
    case "--option_dependencies": {
      const direct = name === "--direct_dependencies";
      if ((direct ? o.directDependencies : o.optionDependencies) !== undefined) {
        return out.fail(`${name} may only be passed once. To specify multiple ${direct ? "direct" : "option"} dependencies, pass them all as a single parameter separated by ':'.`);
      }
      const list = value.split(":").filter((s) => s !== "");
      if (direct) o.directDependencies = list;
      else o.optionDependencies = list;
      return undefined;
    }
    case "--direct_dependencies_violation_msg":
      o.directDependenciesViolationMsg = value;
      return undefined;
    case "--option_dependencies_violation_msg":
      o.optionDependenciesViolationMsg = value;
      return undefined;
    case "--descriptor_set_in":
      if (o.descriptorSetIn.length > 0) {
        return out.fail(`${name} may only be passed once. To specify multiple descriptor sets, pass them all as a single parameter separated by ':'.`);
      }
      if (value === "") return out.fail(blank);
      if (o.dependencyOut !== "") return out.fail(`${name} cannot be used with --dependency_out.`);
      o.descriptorSetIn = value.split(":").filter((s) => s !== "");
      return undefined;
    case "-o":
    case "--descriptor_set_out":
      if (o.descriptorSetOut !== "") return out.fail(once);
      if (value === "") return out.fail(blank);
      if (o.mode !== "compile") return out.fail("Cannot use --encode or --decode and generate descriptors at the same time.");
      o.descriptorSetOut = value;
      return undefined;
    case "--dependency_out":
      if (o.dependencyOut !== "") return out.fail(once);
      if (value === "") return out.fail(blank);
      if (o.descriptorSetIn.length > 0) return out.fail(`${name} cannot be used with --descriptor_set_in.`);
      o.dependencyOut = value;
      return undefined;
    case "--include_imports":
      if (o.includeImports) return out.fail(once);
      o.includeImports = true;
      return undefined;
    case "--include_source_info":
      if (o.includeSourceInfo) return out.fail(once);
      o.includeSourceInfo = true;
      return undefined;
    case "--retain_options":
      if (o.retainOptions) return out.fail(once);
      o.retainOptions = true;
      return undefined;
    case "-h":
    case "--help":
      out.stdout += env.helpText(o.executableName);
      return out.exit(0);
    case "--version":
      out.stdout += env.versionText();
      return out.exit(0);
    case "--notices":
      out.stdout += env.noticesText() + "\n";
      return out.exit(0);
    case "--disallow_services":
      o.disallowServices = true;
      return undefined;
    case "--unsafe_allow_out_dir_escape":
      o.unsafeAllowOutDirEscape = true;
      return undefined;
    case "--experimental_allow_proto3_optional":
      return undefined; // accepted and ignored, as protoc does
    case "--encode":
    case "--decode":
    case "--decode_raw":
      return setCodecMode(name, value, o, out);
    case "--deterministic_output":
      o.deterministicOutput = true;
      return undefined;
    case "--error_format":
      if (value !== "gcc" && value !== "msvs") return out.fail(`Unknown error format: ${value}`);
      o.errorFormat = value;
      return undefined;
    case "--fatal_warnings":
      if (o.fatalWarnings) return out.fail(once);
      o.fatalWarnings = true;
      return undefined;
    case "--plugin": {
      const eq = value.indexOf("=");
      const pluginName = eq >= 0 ? value.slice(0, eq) : value.slice(value.lastIndexOf("/") + 1);
      o.plugins.set(pluginName, eq >= 0 ? value.slice(eq + 1) : value);
      return undefined;
    }
    case "--print_free_field_numbers":
      if (o.mode !== "compile") return out.fail(`Cannot use ${name} and use --encode, --decode or print other info at the same time.`);
      if (o.outputs.length > 0 || o.descriptorSetOut !== "") return out.fail(`Cannot use ${name} and generate code or descriptors at the same time.`);
      o.mode = "print";
      o.printFreeFieldNumbers = true;
      return undefined;
    case "--enable_codegen_trace":
      return undefined; // only affects code generators, which take it from the environment
    case "--experimental_editions":
      o.experimentalEditions = true;
      return undefined;
    case "--edition_defaults_out":
      if (o.editionDefaultsOut !== "") return out.fail(once);
      if (value === "") return out.fail(blank);
      if (o.mode !== "compile") return out.fail("Cannot use --encode or --decode and generate defaults at the same time.");
      o.editionDefaultsOut = value;
      return undefined;
    case "--edition_defaults_minimum":
    case "--edition_defaults_maximum": {
      const min = name === "--edition_defaults_minimum";
      const current = min ? o.editionDefaultsMinimum : o.editionDefaultsMaximum;
      if (current !== "" && current !== "UNKNOWN") return out.fail(once);
      if (!env.editionNames().includes(value)) return out.fail(`${name} unknown edition "${value}".`);
      if (min) o.editionDefaultsMinimum = value;
      else o.editionDefaultsMaximum = value;
      return undefined;
    }
    default:
      return interpretGeneratorFlag(name, value, o, out);
  }
}

/** --encode=TYPE, --decode=TYPE, --decode_raw: only one of them, and not together with output flags. */
function setCodecMode(name: string, value: string, o: CliOptions, out: ParseOutput): ParseOutcome | undefined {
  if (o.mode !== "compile") return out.fail("Only one of --encode and --decode can be specified.");
  if (o.outputs.length > 0 || o.descriptorSetOut !== "") return out.fail(`Cannot use ${name} and generate code or descriptors at the same time.`);
  o.mode = name === "--encode" ? "encode" : "decode";
  if (value === "" && name !== "--decode_raw") {
    return name === "--decode" ? out.fail(`Type name for ${name} cannot be blank.`, "To decode an unknown message, use --decode_raw.") : out.fail(`Type name for ${name} cannot be blank.`);
  }
  if (value !== "" && name === "--decode_raw") return out.fail("--decode_raw does not take a parameter.");
  o.codecType = value;
  return undefined;
}
