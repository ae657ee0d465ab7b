// Differential testing of the CLI against protoc: the same arguments and stdin through both,
// outputs compared byte for byte. Used by differential.test.ts (a sample) and scripts/cli-diff.mjs (all).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toBinary } from "../../src/codec/binary/to-binary.js";
import { toText } from "../../src/codec/text/to-text.js";
import { registryFromDescriptorSet } from "../../src/descriptor-set.js";
import type { Registry } from "../../src/reflect/registry.js";
import { runCli } from "../../src/cli/run.js";
import { protocPath, repoRoot } from "../support/protoc.js";
import { randomMessage, seededRandom } from "../support/random-message.js";

/** What a run printed and how it exited. */
export interface RunOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** The three codec modes of the command line. */
export type DiffMode = "decode" | "decode_raw" | "encode";

/** One differential case: arguments and stdin, with a label saying how it was made. */
export interface DiffCase {
  readonly id: string;
  readonly mode: DiffMode;
  readonly variant: "valid" | "truncated" | "corrupted" | "duplicated";
  readonly type: string;
  readonly args: readonly string[];
  readonly stdin: Uint8Array;
}

/** The conformance test messages (made by conformance/gen-descriptors.mjs). */
export const conformanceSet = join(repoRoot, "conformance/.gen/descriptors.binpb");

const conformanceTypes = [
  "protobuf_test_messages.proto3.TestAllTypesProto3",
  "protobuf_test_messages.proto2.TestAllTypesProto2",
  "protobuf_test_messages.proto2.TestAllRequiredTypesProto2",
  "protobuf_test_messages.editions.TestAllTypesEdition2023",
  "protobuf_test_messages.editions.proto2.TestAllTypesProto2",
  "protobuf_test_messages.editions.proto3.TestAllTypesProto3",
  "conformance.ConformanceRequest",
];

const googleFiles = [
  "google/api/service.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
  "google/type/datetime.proto",
  "google/type/money.proto",
  "google/longrunning/operations.proto",
  "google/protobuf/descriptor.proto",
  "google/protobuf/struct.proto",
];

const googleTypes = [
  "google.api.Service",
  "google.api.HttpRule",
  "google.rpc.Status",
  "google.rpc.BadRequest",
  "google.type.DateTime",
  "google.type.Money",
  "google.longrunning.Operation",
  "google.protobuf.FileDescriptorSet",
  "google.protobuf.Struct",
];

let googleSet: string | undefined;

/** Compiles a few message types of node_modules/google-proto-files with protoc into a descriptor set (once per process). */
export function googleDescriptorSet(): string {
  if (googleSet) return googleSet;
  const dir = mkdtempSync(join(tmpdir(), "pf-cli-diff-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "google.binpb");
  execFileSync(protocPath, ["-I" + join(repoRoot, "node_modules/google-proto-files"), "--include_imports", `--descriptor_set_out=${out}`, ...googleFiles]);
  googleSet = out;
  return out;
}

/** Generates `count` messages' worth of cases (one per mode each) from a fixed seed. */
export function generateCases(messages: number, seed = 20240601): DiffCase[] {
  if (!existsSync(conformanceSet)) throw new Error(`${conformanceSet} is missing: run node conformance/gen-descriptors.mjs`);
  const sets: [string, Registry, readonly string[]][] = [
    [conformanceSet, registryFromDescriptorSet(readFileSync(conformanceSet)), conformanceTypes],
    [googleDescriptorSet(), registryFromDescriptorSet(readFileSync(googleDescriptorSet())), googleTypes],
  ];
  const all = sets.flatMap(([path, reg, types]) => types.map((t) => ({ path, reg, type: t })));
  const rnd = seededRandom(seed);
  const cases: DiffCase[] = [];
  for (let i = 0; i < messages; i++) {
    const { path, reg, type } = all[i % all.length]!;
    const desc = reg.getMessage(type)!;
    const msg = randomMessage(desc, rnd, 2 + Math.floor(rnd() * 2));
    const binary = toBinary(desc, msg);
    const text = new TextEncoder().encode(toText(desc, msg));
    const variant = (): DiffCase["variant"] => {
      const r = rnd();
      return r < 0.5 ? "valid" : r < 0.7 ? "truncated" : r < 0.9 ? "corrupted" : "duplicated";
    };
    const v1 = variant();
    cases.push({ id: `${i}-decode`, mode: "decode", variant: v1, type, args: [`--descriptor_set_in=${path}`, `--decode=${type}`], stdin: mangle(binary, v1, rnd, false) });
    const v2 = variant();
    cases.push({ id: `${i}-raw`, mode: "decode_raw", variant: v2, type, args: ["--decode_raw"], stdin: mangle(binary, v2, rnd, false) });
    const v3 = variant();
    // Every third encode also orders maps by key; every fifth prints errors Visual Studio style.
    const extra = [...(i % 3 === 0 ? ["--deterministic_output"] : []), ...(i % 5 === 1 ? ["--error_format=msvs"] : [])];
    cases.push({ id: `${i}-encode`, mode: "encode", variant: v3, type, args: [`--descriptor_set_in=${path}`, `--encode=${type}`, ...extra], stdin: mangle(text, v3, rnd, true) });
  }
  return cases;
}

/**
 * Truncates, corrupts or duplicates parts of an input (bytes of a binary message, or of text).
 * Duplicating top-level fields of a binary message repeats map keys and merges messages;
 * duplicating lines of text repeats fields.
 */
function mangle(input: Uint8Array, variant: DiffCase["variant"], rnd: () => number, text: boolean): Uint8Array {
  if (variant === "valid" || input.length === 0) return input;
  if (variant === "truncated") return input.slice(0, Math.floor(rnd() * input.length));
  if (variant === "duplicated") {
    const parts = text ? splitLines(input) : topLevelFields(input);
    if (parts.length === 0) return input;
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, pick(rnd, parts));
    return Buffer.concat(parts);
  }
  const out = Uint8Array.from(input);
  const edits = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * out.length);
    // Text gets printable ASCII and the characters that matter to the tokenizer (an escape, a byte beyond ASCII, a control character now and then); binary gets any byte.
    out[at] = text ? pick(rnd, [0x22, 0x7b, 0x7d, 0x3a, 0x5b, 0x20, 0x0a, 0x2d, 0x5c, 0x09, 0x2e, pick(rnd, [0xc3, 0xff, 0x01, 0x23]), 0x30 + Math.floor(rnd() * 10), 0x61 + Math.floor(rnd() * 26)]) : Math.floor(rnd() * 256);
  }
  return out;
}

/** The lines of a text, each with its newline. */
function splitLines(input: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === 0x0a) {
      lines.push(input.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < input.length) lines.push(input.subarray(start));
  return lines;
}

/** The top-level fields of a binary message (tag and value each), or [] when it does not split. */
function topLevelFields(input: Uint8Array): Uint8Array[] {
  const fields: Uint8Array[] = [];
  let pos = 0;
  const varint = (): number => {
    let v = 0;
    for (let shift = 1; pos < input.length; shift *= 128) {
      const b = input[pos++]!;
      v += (b & 0x7f) * shift;
      if (b < 0x80) return v;
    }
    throw new RangeError("truncated varint");
  };
  try {
    while (pos < input.length) {
      const start = pos;
      const wireType = varint() % 8;
      if (wireType === 0) varint();
      else if (wireType === 1) pos += 8;
      else if (wireType === 5) pos += 4;
      else if (wireType === 2) pos += varint();
      else return [];
      fields.push(input.subarray(start, pos));
    }
  } catch {
    return [];
  }
  return fields;
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** Runs real protoc. */
export function runProtoc(args: readonly string[], stdin: Uint8Array): RunOutput {
  const r = spawnSync(protocPath, args, { input: stdin, maxBuffer: 1 << 28 });
  return { stdout: r.stdout, stderr: r.stderr.toString("utf8"), code: r.status ?? -1 };
}

/** Runs protoforge in this process (the same code main.js runs, without the process start-up). */
export async function runProtoforge(args: readonly string[], stdin: Uint8Array): Promise<RunOutput> {
  const out: Buffer[] = [];
  let stderr = "";
  const code = await runCli(args, {
    readStdin: async () => stdin,
    writeStdout: (d) => void out.push(typeof d === "string" ? Buffer.from(d, "utf8") : Buffer.from(d)),
    writeStderr: (t) => void (stderr += t),
  });
  return { stdout: Buffer.concat(out), stderr, code };
}

/** Replaces the time and thread id of absl log lines (`E1121 12:14:27.384919    6233 file.cc:578] `), which differ from run to run. */
export function normalizeStderr(s: string): string {
  return s.replace(/^([EWIF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1MMDD hh:mm:ss.uuuuuu TID ");
}

/** Where two runs differ ("" when they do not): the exit codes, and the first differing line of each stream. */
export function compareRuns(expected: RunOutput, actual: RunOutput): string {
  const diffs: string[] = [];
  if (expected.code !== actual.code) diffs.push(`exit code ${actual.code}, protoc ${expected.code}`);
  if (!expected.stdout.equals(actual.stdout)) diffs.push("stdout: " + firstDifference(show(expected.stdout), show(actual.stdout)));
  const e = normalizeStderr(expected.stderr);
  const a = normalizeStderr(actual.stderr);
  if (e !== a) diffs.push("stderr: " + firstDifference(e, a));
  return diffs.join("\n");
}

/** The first line where two texts differ, with its neighbours. */
function firstDifference(expected: string, actual: string): string {
  const x = expected.split("\n");
  const y = actual.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const around = (lines: string[]) => lines.slice(Math.max(0, i - 2), i + 3).join("\n   ");
  return `line ${i + 1} (of ${x.length} / ${y.length})\n  protoc:\n   ${around(x)}\n  protoforge:\n   ${around(y)}`;
}

function show(b: Buffer): string {
  const s = b.toString("latin1");
  return /^[\x20-\x7e\n]*$/.test(s) ? s : (b.toString("hex").match(/.{1,64}/g) ?? []).join("\n");
}
