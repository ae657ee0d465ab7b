import { checkCombinations } from "./args-check.js";
import { interpretFlag, type FlagEnv } from "./args-flags.js";
import { defaultOptions, type CliOptions } from "./options.js";

/** What the command line parser needs from the outside world (the file system, in main). */
export interface ArgsEnv extends FlagEnv {
  /** The lines of an `@argsfile`, or undefined when it cannot be opened. */
  readArgsFile(path: string): string[] | undefined;
}

/** The outcome of parsing: run with these options, or stop now with this exit code. Either way, print `stdout`/`stderr` first. */
export type ParseOutcome =
  | { readonly kind: "run"; readonly options: CliOptions; readonly stdout: string; readonly stderr: string }
  | { readonly kind: "exit"; readonly code: number; readonly stdout: string; readonly stderr: string };

/** Accumulates what parsing prints, in order, and how it ends. */
export class ParseOutput {
  stdout = "";
  stderr = "";
  /** Adds a line to stderr. */
  error(line: string): void {
    this.stderr += line + "\n";
  }
  /** Prints error lines and stops parsing with exit code 1. */
  fail(...lines: string[]): ParseOutcome {
    for (const line of lines) this.error(line);
    return this.exit(1);
  }
  /** Stops parsing with `code`. */
  exit(code: number): ParseOutcome {
    return { kind: "exit", code, stdout: this.stdout, stderr: this.stderr };
  }
}

/** Flags that take no value (protoc keeps this list by hand, and so do we); every other flag without `=` takes the next argument. */
const NO_VALUE_FLAGS = new Set([
  "-h", "--help", "--disallow_services", "--include_imports", "--include_source_info", "--retain_options",
  "--version", "--decode_raw", "--notices", "--experimental_editions", "--print_free_field_numbers",
  "--experimental_allow_proto3_optional", "--deterministic_output", "--unsafe_allow_out_dir_escape", "--fatal_warnings",
]);

/** One argument split as protoc splits it: a name and maybe a value; `takesNext` when the value is the next argument. */
interface SplitArg {
  readonly name: string;
  readonly value: string;
  readonly takesNext: boolean;
}

/**
 * Splits one argument: a file name (no leading `-`, or just `-`), `--name[=value]`, or `-X[value]`
 * (a one-letter flag with its value attached).
 */
function splitArgument(arg: string): SplitArg {
  if (!arg.startsWith("-") || arg === "-") return { name: "", value: arg, takesNext: false };
  if (arg[1] === "-") {
    const eq = arg.indexOf("=");
    if (eq >= 0) return { name: arg.slice(0, eq), value: arg.slice(eq + 1), takesNext: false };
    return { name: arg, value: "", takesNext: !NO_VALUE_FLAGS.has(arg) };
  }
  const name = arg.slice(0, 2);
  const value = arg.slice(2);
  return { name, value, takesNext: value === "" && !NO_VALUE_FLAGS.has(name) };
}

/** Replaces each `@file` argument by the file's lines (one argument a line, no shell expansion, not recursive). */
function expandArgsFiles(argv: readonly string[], env: ArgsEnv, out: ParseOutput): string[] | ParseOutcome {
  const args: string[] = [];
  for (const a of argv) {
    if (!a.startsWith("@")) {
      args.push(a);
      continue;
    }
    const lines = env.readArgsFile(a.slice(1));
    if (lines === undefined) return out.fail(`Failed to open argument file: ${a.slice(1)}`);
    args.push(...lines);
  }
  return args;
}

/**
 * Parses a protoc command line (without the program name) exactly as protoc 36.2 does: the same
 * flags, the same error texts, the same exit codes (0 after --help/--version, 1 on bad usage).
 */
export function parseArgs(argv: readonly string[], executableName: string, env: ArgsEnv): ParseOutcome {
  const out = new ParseOutput();
  const args = expandArgsFiles(argv, env, out);
  if (!Array.isArray(args)) return args;
  const options = defaultOptions(executableName);
  if (args.length === 0) {
    out.stdout += env.helpText(executableName);
    return out.exit(0);
  }
  for (let i = 0; i < args.length; i++) {
    const split = splitArgument(args[i]!);
    let value = split.value;
    if (split.takesNext) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) {
        const missing = `Missing value for flag: ${split.name}`;
        return split.name === "--decode" ? out.fail(missing, "To decode an unknown message, use --decode_raw.") : out.fail(missing);
      }
      value = next;
      i++;
    }
    const stop = interpretFlag(split.name, value, options, env, out);
    if (stop) return stop;
  }
  return checkCombinations(options, out) ?? { kind: "run", options, stdout: out.stdout, stderr: out.stderr };
}
