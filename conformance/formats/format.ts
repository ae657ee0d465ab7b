import type { DescMessage } from "../../src/reflect/descriptors.js";
import type { Message } from "../../src/reflect/message.js";
import type { Registry } from "../../src/reflect/registry.js";

/** Thrown by a format that does not support a request yet: the testee answers `skipped`. */
export class Unsupported extends Error {}

/** A wire format the testee can parse a payload from and serialize a message to. */
export interface TesteeFormat {
  /** Parses a payload; throws Unsupported, or any other error for a parse error. */
  parse(desc: DescMessage, payload: string, registry: Registry, options: { ignoreUnknownFields: boolean }): Message;
  /** Serializes a message; throws Unsupported, or any other error for a serialize error. */
  serialize(desc: DescMessage, msg: Message, registry: Registry, options: { printUnknownFields: boolean }): string;
}
