// Runs protoc and protoforge on the same command line, each in its own copy of a working
// directory, and compares everything: exit code, stdout, stderr, and every file the directory
// holds afterwards (outputs, archives, dependency files), byte for byte.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { create } from "../../src/message/create.js";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { codeGeneratorResponseDesc } from "../../src/codegen/plugin-schema.js";
import type { CodeGeneratorResponse } from "../../src/codegen/plugin-proto.js";
import { runCli } from "../../src/cli/run.js";
import { protocPath, repoRoot } from "../support/protoc.js";

/** What a run left behind. */
export interface WorkspaceRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every file of the working directory (but the plugin), by relative path, as hex. */
  readonly files: Record<string, string>;
}

/** A plugin that writes its request to $REC_OUT (when set) and answers with the base64 response in $RESP. */
const PLUGIN =
  '#!/usr/bin/env node\nconst fs = require("node:fs");\nconst input = fs.readFileSync(0);\n' +
  "if (process.env.REC_OUT) fs.writeFileSync(process.env.REC_OUT, input);\n" +
  'if (process.env.RESP) process.stdout.write(Buffer.from(process.env.RESP, "base64"));\n';

/** The plugin's file name in every working directory (`--plugin=protoc-gen-x=./plug.cjs`). */
export const PLUGIN_FILE = "plug.cjs";

/** The CodeGeneratorResponse a plugin answers with, as the base64 $RESP wants. */
export function responseBase64(init: Partial<Omit<CodeGeneratorResponse, "$typeName" | "file">> & { file?: { name?: string; insertionPoint?: string; content?: string }[] }): string {
  const desc = codeGeneratorResponseDesc();
  return Buffer.from(toBinary(desc, create(desc, init as never))).toString("base64");
}

/** protoc's own include directory (where protoc finds the well-known types: its binary's real path, then ../include). */
const protocInclude = realpathSync(join(dirname(protocPath), "../include"));
const ourInclude = join(repoRoot, "include");

/** A template directory copied for each run. */
export class Workspace {
  readonly template: string;
  private readonly root: string;
  private runs = 0;

  /** Creates the template from `files` (relative path → text), with the plugin. */
  constructor(files: Record<string, string>) {
    this.root = mkdtempSync(join(tmpdir(), "protoforge-cli-ws-"));
    this.template = join(this.root, "template");
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.template, name)), { recursive: true });
      writeFileSync(join(this.template, name), text);
    }
    writeFileSync(join(this.template, PLUGIN_FILE), PLUGIN);
    chmodSync(join(this.template, PLUGIN_FILE), 0o755);
  }

  /** Runs protoc in the template itself (to make inputs such as descriptor sets that every run then has). */
  prepare(args: readonly string[]): void {
    const r = spawnSync(protocPath, args, { cwd: this.template, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  }

  /** Removes everything. */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private fresh(who: string): string {
    const dir = join(this.root, `${who}-${++this.runs}`);
    cpSync(this.template, dir, { recursive: true });
    return dir;
  }

  /** Runs real protoc in a fresh copy. */
  protoc(args: readonly string[], env: Record<string, string> = {}): WorkspaceRun {
    const dir = this.fresh("protoc");
    const r = spawnSync(protocPath, args, { cwd: dir, env: { ...process.env, ...env } });
    return finish(dir, r.status ?? -1, r.stdout.toString("latin1"), r.stderr.toString("utf8"), protocInclude);
  }

  /** Runs protoforge (in this process) in a fresh copy. */
  async protoforge(args: readonly string[], env: Record<string, string> = {}): Promise<WorkspaceRun> {
    const dir = this.fresh("protoforge");
    const start = process.cwd();
    const saved = { ...process.env };
    Object.assign(process.env, env);
    process.chdir(dir);
    let stdout = "";
    let stderr = "";
    try {
      const code = await runCli(args, {
        readStdin: async () => new Uint8Array(),
        writeStdout: (d) => void (stdout += typeof d === "string" ? d : Buffer.from(d).toString("latin1")),
        writeStderr: (t) => void (stderr += t),
      });
      return finish(dir, code, stdout, stderr, ourInclude);
    } finally {
      process.chdir(start);
      for (const k of Object.keys(env)) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  }

  /** Runs both and asserts that they did the same. */
  async compare(args: readonly string[], env: Record<string, string> = {}): Promise<void> {
    await this.compareRuns(args, env);
  }

  /** Runs both and asserts that they did the same; returns protoforge's run. */
  async compareRuns(args: readonly string[], env: Record<string, string> = {}): Promise<WorkspaceRun> {
    const theirs = this.protoc(args, env);
    const ours = await this.protoforge(args, env);
    assert.deepEqual({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }, { code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
    assert.deepEqual(ours.files, theirs.files);
    return ours;
  }
}

/**
 * The outcome with the run's directory replaced by `$W` and the include directory with the
 * well-known types by `$INCLUDE` (protoc's is next to its binary, protoforge's in its package).
 */
function finish(dir: string, code: number, stdout: string, stderr: string, include: string): WorkspaceRun {
  const clean = (s: string) => s.split(dir).join("$W").split(include).join("$INCLUDE");
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (relative(dir, p) !== PLUGIN_FILE) {
        const bytes = readFileSync(p);
        files[relative(dir, p)] = /^[\t\n\x20-\x7e]*$/.test(bytes.toString("latin1")) ? clean(bytes.toString("latin1")) : bytes.toString("hex");
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { code, stdout: clean(stdout), stderr: clean(stderr), files };
}
