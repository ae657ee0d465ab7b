import { PluginError } from "../errors.js";

/** Options of the TypeScript generator (`--protoforge_opt=key=value,…`). */
export interface TsOptions {
  /** `ts`: TypeScript modules; `js+dts`: JavaScript modules with declaration files. */
  readonly target: "ts" | "js+dts";
  /** The extension of relative imports: `.js` (Node ESM), `.ts` (Deno, type stripping) or none (bundlers). */
  readonly importExtension: "js" | "ts" | "none";
  /** Where generated code imports the runtime from; a path starting with `.` is relative to the output directory. */
  readonly runtimeImport: string;
  /**
   * Where the well-known types (the files protoc ships) are imported from: `protoforge/wkt` gives
   * `protoforge/wkt/timestamp`; `none` generates them like any other file.
   */
  readonly wktImport: string | undefined;
}

/** The defaults: TypeScript, `.js` imports, the runtime and well-known types from the protoforge package. */
export const defaultTsOptions: TsOptions = {
  target: "ts",
  importExtension: "js",
  runtimeImport: "protoforge/codegen-runtime",
  wktImport: "protoforge/wkt",
};

/** Reads the options from `key=value` pairs; an unknown key or value is a PluginError. */
export function parseTsOptions(pairs: readonly (readonly [string, string])[]): TsOptions {
  const o: { -readonly [K in keyof TsOptions]: TsOptions[K] } = { ...defaultTsOptions };
  for (const [key, value] of pairs) {
    switch (key) {
      case "target":
        if (value !== "ts" && value !== "js+dts") throw new PluginError(`target: expected "ts" or "js+dts", got "${value}"`);
        o.target = value;
        break;
      case "import_extension": {
        const v = value.replace(/^\./, "");
        if (v !== "js" && v !== "ts" && v !== "none" && v !== "") throw new PluginError(`import_extension: expected "js", "ts" or "none", got "${value}"`);
        o.importExtension = v === "" ? "none" : v;
        break;
      }
      case "runtime_import":
        if (!value) throw new PluginError("runtime_import: expected a module specifier");
        o.runtimeImport = value;
        break;
      case "wkt_import":
        o.wktImport = value === "none" || value === "" ? undefined : value.replace(/\/$/, "");
        break;
      default:
        throw new PluginError(`unknown option "${key}" (known: target, import_extension, runtime_import, wkt_import)`);
    }
  }
  return o;
}
