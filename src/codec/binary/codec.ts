import type { BinaryReader } from "../../wire/reader.js";
import type { BinaryWriter } from "../../wire/writer.js";
import type { DescMessage } from "../../reflect/descriptors.js";
import type { Message } from "../../reflect/message.js";
import { defaultCodecFactory } from "./compile.js";

/** Decoding limits and choices, passed down through nested messages. */
export interface ReadContext {
  /** Keep unknown fields in `$unknown`. */
  readonly unknown: boolean;
  /** How deep messages and groups may nest. */
  readonly maxDepth: number;
}

/**
 * The binary codec of one message type. Specialized codecs are emitted from the descriptor
 * (compiled at run time, or written out by the code generator); the reflective one walks the
 * descriptor and serves where code cannot be compiled.
 */
export interface MessageCodec {
  /** A new message with every field unset. */
  create(): Message;
  /**
   * Reads fields into `msg` until `end`, or for a group (`groupNo` > 0) until its end tag.
   * `depth` counts the messages around this one.
   */
  decode(r: BinaryReader, end: number, depth: number, msg: Message, ctx: ReadContext, groupNo: number): void;
  /** Writes the fields of `msg` without a length prefix; `unknown`: also its unknown fields. */
  encode(msg: Message, w: BinaryWriter, unknown: boolean): void;
}

/** How codecs are made for types that have none registered. */
export type CodecFactory = (desc: DescMessage) => MessageCodec;

const codecs = new WeakMap<DescMessage, MessageCodec>();
let factory: CodecFactory | undefined;

/** Sets how codecs are made from now on (e.g. reflectiveCodec to avoid run-time compilation); undefined restores the default. */
export function setCodecFactory(f: CodecFactory | undefined): void {
  factory = f;
}

/** The codec of a message type, made on first use. */
export function codecFor(desc: DescMessage): MessageCodec {
  let c = codecs.get(desc);
  if (c === undefined) {
    c = (factory ?? defaultCodecFactory)(desc);
    codecs.set(desc, c);
  }
  return c;
}

/** Registers a codec for a message type (generated code does this for its types). */
export function registerCodec(desc: DescMessage, codec: MessageCodec): void {
  codecs.set(desc, codec);
}

/** True when a codec exists for the type already. */
export function hasCodec(desc: DescMessage): boolean {
  return codecs.has(desc);
}
