// Loads the fixtures recorded from protoc by fixtures/record.mjs (no protoc needed at test time).
import { readFileSync } from "node:fs";
import { registryFromDescriptorSet } from "../../../src/descriptor-set.js";
import type { DescMessage } from "../../../src/reflect/descriptors.js";
import type { Registry } from "../../../src/reflect/registry.js";

const dir = new URL("../../../../test/codec/text/fixtures/", import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), "utf8")) as T;
}

/** protoc --decode output for a binary message (`input`: the text protoc --encode made it from). */
export interface PrintFixture {
  name: string;
  type: string;
  input?: string;
  hex: string;
  text: string;
}

/** protoc --decode_raw output. */
export interface RawFixture {
  name: string;
  hex: string;
  text: string;
}

/** The first error protoc --encode reports, without the `input:` prefix. */
export interface ErrorFixture {
  name: string;
  type: string;
  input: string;
  error: string;
}

/** Every error and warning line protoc --encode printed, without the `input:` prefix (`input`: bytes as latin1 text). */
export interface DiagnosticFixture {
  name: string;
  type: string;
  input: string;
  ok: boolean;
  lines: string[];
}

export const printFixtures = readJson<PrintFixture[]>("print.json");
export const rawFixtures = readJson<RawFixture[]>("raw.json");
export const errorFixtures = readJson<ErrorFixture[]>("errors.json");
export const diagnosticFixtures = readJson<DiagnosticFixture[]>("diagnostics.json");

/** The test protos (text_test.proto, text_test3.proto, text_test_editions.proto) and their imports. */
export const registry: Registry = registryFromDescriptorSet(readFileSync(new URL("descriptors.binpb", dir)));

/** A message type from the test protos. */
export function messageType(name: string): DescMessage {
  const d = registry.getMessage(name);
  if (!d) throw new Error(`no message type ${name}`);
  return d;
}

/** Bytes from a hex string. */
export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, "hex"));
}
