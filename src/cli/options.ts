/** What protoc is asked to do: compile (the default), encode or decode a message, or print information about .proto files. */
export type Mode = "compile" | "encode" | "decode" | "print";

/** How errors name their place: `file:LINE:COL: message` (gcc, the default) or `file(LINE) : error in column=COL: message` (msvs). */
export type ErrorFormat = "gcc" | "msvs";

/** One `--proto_path` entry: files under `virtualPath` (empty: every relative path) are read from `diskPath`. */
export interface ProtoPath {
  readonly virtualPath: string;
  readonly diskPath: string;
}

/** An `--X_out=[PARAMS:]LOCATION` flag: where generator or plugin X writes its files. */
export interface OutputDirective {
  /** The flag as given, e.g. `--ts_out`. */
  readonly flag: string;
  /** The plugin that runs it (`protoc-gen-ts`). */
  readonly plugin: string;
  /** The text before the first `:` of the value, or empty. */
  readonly parameter: string;
  /** A directory, or a .zip/.jar/.srcjar file. */
  readonly location: string;
}

/** Everything a protoc command line asks for, after parsing and checking (field names follow protoc's own). */
export interface CliOptions {
  /** The name the program was run as, for the help text and some messages. */
  readonly executableName: string;
  mode: Mode;
  /** The message type for --encode/--decode; empty for --decode_raw. */
  codecType: string;
  /** `--proto_path`/`-I` entries in order; `[{"", "."}]` when neither they nor --descriptor_set_in were given. */
  protoPaths: ProtoPath[];
  /** Input file names as given (mapped to virtual paths later). */
  inputFiles: string[];
  descriptorSetIn: string[];
  descriptorSetOut: string;
  dependencyOut: string;
  editionDefaultsOut: string;
  editionDefaultsMinimum: string;
  editionDefaultsMaximum: string;
  includeImports: boolean;
  includeSourceInfo: boolean;
  retainOptions: boolean;
  errorFormat: ErrorFormat;
  deterministicOutput: boolean;
  fatalWarnings: boolean;
  disallowServices: boolean;
  unsafeAllowOutDirEscape: boolean;
  experimentalEditions: boolean;
  printFreeFieldNumbers: boolean;
  /** Set by --direct_dependencies (undefined when not given). */
  directDependencies: string[] | undefined;
  directDependenciesViolationMsg: string | undefined;
  /** Set by --option_dependencies (undefined when not given). */
  optionDependencies: string[] | undefined;
  optionDependenciesViolationMsg: string | undefined;
  outputs: OutputDirective[];
  /** `--X_opt` values by plugin name (`protoc-gen-X`), comma-joined. */
  pluginParameters: Map<string, string>;
  /** `--plugin=[NAME=]PATH` by plugin name. */
  plugins: Map<string, string>;
  /** `--X_prefix=COMMAND` by plugin name: the command's words. */
  pluginCommandPrefixes: Map<string, string[]>;
}

/** Options as they are before any flag is read. */
export function defaultOptions(executableName: string): CliOptions {
  return {
    executableName,
    mode: "compile",
    codecType: "",
    protoPaths: [],
    inputFiles: [],
    descriptorSetIn: [],
    descriptorSetOut: "",
    dependencyOut: "",
    editionDefaultsOut: "",
    editionDefaultsMinimum: "",
    editionDefaultsMaximum: "",
    includeImports: false,
    includeSourceInfo: false,
    retainOptions: false,
    errorFormat: "gcc",
    deterministicOutput: false,
    fatalWarnings: false,
    disallowServices: false,
    unsafeAllowOutDirEscape: false,
    experimentalEditions: false,
    printFreeFieldNumbers: false,
    directDependencies: undefined,
    directDependenciesViolationMsg: undefined,
    optionDependencies: undefined,
    optionDependenciesViolationMsg: undefined,
    outputs: [],
    pluginParameters: new Map(),
    plugins: new Map(),
    pluginCommandPrefixes: new Map(),
  };
}
