// Helpers for the code generator tests: run protoc with protoc-gen-protoforge on .proto sources,
// type-check the output with tsc, import generated JavaScript.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { protocPath, repoRoot } from "../support/protoc.js";

/** The plugin launcher. */
export const pluginPath = join(repoRoot, "bin/protoc-gen-protoforge");

/** What a protoc run produced. */
export interface ProtocRun {
  readonly status: number | null;
  readonly stderr: string;
  /** The directory the output went to (inside the repository, so `protoforge/…` imports resolve). */
  readonly outDir: string;
  /** Output files by path relative to outDir. */
  readonly files: Map<string, string>;
}

/** A scratch directory under .tmp/ in the repository (removed by removeScratch). */
export function scratchDir(prefix: string): string {
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  return mkdtempSync(join(repoRoot, ".tmp", `${prefix}-`));
}

/** Removes a scratch directory. */
export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir`, relative to it. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))]))
    .sort();
}

/**
 * Writes `sources` (file name → text) to a scratch directory and runs protoc on them with the
 * plugin (`--protoforge_opt=<opt>`), also given `extraArgs`. The output goes to `<scratch>/out`.
 */
export function runPlugin(sources: Record<string, string>, opt = "", extraArgs: string[] = [], plugin = ["protoforge", pluginPath]): ProtocRun {
  const dir = scratchDir("codegen");
  const src = join(dir, "src");
  const outDir = join(dir, "out");
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(src, name)), { recursive: true });
    writeFileSync(join(src, name), text);
  }
  const [name, path] = plugin as [string, string];
  const args = [`-I${src}`, `-I${join(repoRoot, "node_modules/protoc/include")}`, `--plugin=protoc-gen-${name}=${path}`, `--${name}_out=${outDir}`];
  if (opt) args.push(`--${name}_opt=${opt}`);
  const res = spawnSync(protocPath, [...args, ...extraArgs, ...Object.keys(sources)], { encoding: "utf8" });
  const files = new Map<string, string>();
  for (const f of listFiles(outDir)) files.set(f, readFileSync(join(outDir, f), "utf8"));
  return { status: res.status, stderr: res.stderr, outDir, files };
}

/** Type-checks the TypeScript under `dir` with tsc --strict and the other strictness flags; returns the error lines. */
export function typecheck(dir: string): string[] {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        types: [],
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        noPropertyAccessFromIndexSignature: true,
        verbatimModuleSyntax: true,
      },
      include: ["**/*.ts"],
    }),
  );
  const res = spawnSync(join(repoRoot, "node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  const lines = (res.stdout + res.stderr).split("\n").filter((l) => l.trim() !== "");
  return res.status === 0 ? [] : lines;
}

/** Imports a generated JavaScript module. */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
