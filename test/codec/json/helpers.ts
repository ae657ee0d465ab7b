// Shared helpers of the JSON codec tests.
import assert from "node:assert/strict";
import { fromJsonString, toJsonString, JsonError, type JsonReadOptions, type JsonWriteStringOptions } from "../../../src/codec/json/index.js";
import type { DescMessage } from "../../../src/reflect/descriptors.js";
import type { Message } from "../../../src/reflect/message.js";
import { All, registry } from "./fixtures.js";

/** A message of test.All (or `desc`) as plain fields, for assertions. */
export type Fields = Record<string, unknown>;

/** Parses JSON text as test.All (or `desc`) with the test registry. */
export function parse(text: string, options: JsonReadOptions = {}, desc: DescMessage = All): Fields {
  return fromJsonString(desc, text, { registry, ...options }) as unknown as Fields;
}

/** Prints a message as compact JSON text with the test registry. */
export function print(msg: Message, options: JsonWriteStringOptions = {}, desc: DescMessage = All): string {
  return toJsonString(desc, msg, { registry, ...options });
}

/** Parses and prints again: the canonical form of the input. */
export function roundTrip(text: string, desc: DescMessage = All): string {
  return print(parse(text, {}, desc) as unknown as Message, {}, desc);
}

/** Asserts that parsing fails with exactly this message; returns the error. */
export function parseFails(text: string, message: string, options: JsonReadOptions = {}, desc: DescMessage = All): JsonError {
  let caught: unknown;
  try {
    parse(text, options, desc);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof JsonError, `expected a JsonError for ${text}, got ${String(caught)}`);
  assert.equal(caught.message, message);
  return caught;
}

/** Asserts that printing fails with exactly this message; returns the error. */
export function printFails(msg: Message, message: string, desc: DescMessage = All): JsonError {
  let caught: unknown;
  try {
    print(msg, {}, desc);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof JsonError, `expected a JsonError, got ${String(caught)}`);
  assert.equal(caught.message, message);
  return caught;
}
