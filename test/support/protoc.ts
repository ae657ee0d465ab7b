import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { registryFromDescriptorSet } from "../../src/descriptor-set.js";
import type { Registry } from "../../src/reflect/registry.js";
import type { DescMessage } from "../../src/reflect/descriptors.js";

/** The repository root (tests run from dist/test/…). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** Real protoc, the oracle. */
export const protocPath = join(repoRoot, "node_modules/protoc/bin/protoc-linux-x86_64");

/** Compiles .proto sources (file name → text) with protoc and returns a registry of them and their imports. */
export function compileWithProtoc(files: Record<string, string>): Registry {
  const dir = mkdtempSync(join(tmpdir(), "pf-test-"));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const out = join(dir, "set.binpb");
    execFileSync(protocPath, [`-I${dir}`, `-I${join(repoRoot, "node_modules/protoc/include")}`, "--include_imports", `--descriptor_set_out=${out}`, ...Object.keys(files)]);
    return registryFromDescriptorSet(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Encodes text format with `protoc --encode`, the oracle for binary output. */
export function protocEncode(files: Record<string, string>, typeName: string, text: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "pf-test-"));
  try {
    for (const [name, src] of Object.entries(files)) writeFileSync(join(dir, name), src);
    return new Uint8Array(execFileSync(protocPath, [`-I${dir}`, `-I${join(repoRoot, "node_modules/protoc/include")}`, `--encode=${typeName}`, ...Object.keys(files)], { input: text }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Looks up a message type, failing loudly. */
export function messageType(registry: Registry, typeName: string): DescMessage {
  const d = registry.getMessage(typeName);
  if (!d) throw new Error(`no message type ${typeName}`);
  return d;
}
