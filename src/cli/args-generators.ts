import type { ParseOutcome, ParseOutput } from "./args.js";
import type { CliOptions } from "./options.js";

/** protoc's prefix for plugin names: `--X_out` runs `protoc-gen-X`. */
export const PLUGIN_PREFIX = "protoc-";

/** The plugin that `--X_out`, `--X_opt` or `--X_prefix` refers to: `protoc-gen-X`. */
export function pluginName(flag: string): string {
  return `${PLUGIN_PREFIX}gen-${flag.slice(2, flag.lastIndexOf("_"))}`;
}

/**
 * Interprets a flag that is not one of protoc's fixed flags: `--X_out=[PARAMS:]DIR`, `--X_opt=…`
 * (comma-joined per plugin), `--X_prefix=COMMAND`; anything else is `Unknown flag: NAME`.
 */
export function interpretGeneratorFlag(name: string, value: string, o: CliOptions, out: ParseOutput): ParseOutcome | undefined {
  // protoforge has no built-in generators (protoc's --cpp_out and so on): every --X_out names a plugin.
  if (!name.endsWith("_out")) {
    if (name.startsWith("--") && name.endsWith("_opt")) {
      const plugin = pluginName(name);
      const before = o.pluginParameters.get(plugin);
      o.pluginParameters.set(plugin, before ? `${before},${value}` : value);
      return undefined;
    }
    if (name.startsWith("--") && name.endsWith("_prefix")) return addCommandPrefix(name, value, o, out);
    return out.fail(`Unknown flag: ${name}`);
  }
  if (o.mode !== "compile") return out.fail("Cannot use --encode, --decode or print .proto info and generate code at the same time.");
  const colon = value.indexOf(":");
  o.outputs.push({
    flag: name,
    plugin: pluginName(name),
    parameter: colon < 0 ? "" : value.slice(0, colon),
    location: colon < 0 ? value : value.slice(colon + 1),
  });
  return undefined;
}

/** `--X_prefix=COMMAND`: once per plugin, no quotes, split into words at spaces and tabs. */
function addCommandPrefix(name: string, value: string, o: CliOptions, out: ParseOutput): ParseOutcome | undefined {
  const plugin = pluginName(name);
  if (o.pluginCommandPrefixes.has(plugin)) return out.fail(`${name} may only be passed once.`);
  if (/["']/.test(value)) return out.fail(`${name}: quotes are not supported in the value. Use a wrapper script for more complex invocations.`);
  const words = value.split(/[ \t]/).filter((w) => !/^[ \t\n\v\f\r]*$/.test(w));
  if (words.length === 0) return out.fail(`${name} requires a non-empty value.`);
  o.pluginCommandPrefixes.set(plugin, words);
  return undefined;
}
