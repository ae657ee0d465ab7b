// Finds the contenders: every module in bench/contenders/ (see its README.md for the interface).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir } from "./paths.mjs";

/** The contender every ratio is relative to. */
export const BASELINE = "protobufjs";
/** The contender whose protobuf bytes every other protobuf contender must reproduce. */
export const REFERENCE = "protoforge-dynamic";

/**
 * The contender modules, in report order. `only`: ids (or parts of ids) to keep; the baseline
 * and the reference are always kept, since ratios and byte checks need them.
 */
export async function findContenders(only) {
  const dir = join(benchDir, "contenders");
  const ids = readdirSync(dir).filter((f) => f.endsWith(".mjs")).map((f) => f.slice(0, -4));
  const all = await loadContenders(ids);
  all.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  if (!only || only.length === 0) return all;
  return all.filter((c) => c.id === BASELINE || c.id === REFERENCE || only.some((o) => c.id.includes(o)));
}

/** Imports the contenders with these ids (each module is named after its id), and only those. */
export async function loadContenders(ids) {
  const out = [];
  for (const id of ids) {
    const c = (await import(pathToFileURL(join(benchDir, "contenders", `${id}.mjs`)).href)).default;
    for (const key of ["id", "label", "order", "load"]) if (c?.[key] === undefined) throw new Error(`bench/contenders/${id}.mjs: default export lacks "${key}"`);
    if (c.id !== id) throw new Error(`bench/contenders/${id}.mjs: its id must be its file name, not "${c.id}"`);
    out.push(c);
  }
  return out;
}
