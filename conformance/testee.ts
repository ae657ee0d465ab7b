// The conformance testee: reads length-prefixed ConformanceRequests on stdin and answers each with
// a length-prefixed ConformanceResponse on stdout, as the official conformance runner expects.
import { readFileSync, readSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { registryFromDescriptorSet } from "../src/descriptor-set.js";
import { fromBinary } from "../src/codec/binary/from-binary.js";
import { toBinary } from "../src/codec/binary/to-binary.js";
import { create } from "../src/message/create.js";
import type { DescMessage } from "../src/reflect/descriptors.js";
import type { Message, OneofValue } from "../src/reflect/message.js";
import type { Registry } from "../src/reflect/registry.js";

const WireFormat = { PROTOBUF: 1, JSON: 2, JSPB: 3, TEXT_FORMAT: 4 } as const;

interface ConformanceRequest extends Message {
  payload: OneofValue;
  requestedOutputFormat: number;
  messageType: string;
  testCategory: number;
  printUnknownFields: boolean;
}

const registry: Registry = registryFromDescriptorSet(readFileSync(fileURLToPath(new URL("../../conformance/.gen/descriptors.binpb", import.meta.url))));

function messageType(name: string): DescMessage {
  const d = registry.getMessage(name);
  if (!d) throw new Error(`unknown message type ${name}`);
  return d;
}

const requestDesc = messageType("conformance.ConformanceRequest");
const responseDesc = messageType("conformance.ConformanceResponse");

type Result = { case: string; value: unknown };

function handle(req: ConformanceRequest): Result {
  if (req.messageType === "conformance.FailureSet") {
    return { case: "protobufPayload", value: toBinary(messageType("conformance.FailureSet"), create(messageType("conformance.FailureSet"))) };
  }
  const desc = registry.getMessage(req.messageType);
  if (!desc) return { case: "runtimeError", value: `unknown message type ${req.messageType}` };
  let msg: Message;
  switch (req.payload.case) {
    case "protobufPayload":
      try {
        msg = fromBinary(desc, req.payload.value as Uint8Array);
      } catch (e) {
        return { case: "parseError", value: String((e as Error).message) };
      }
      break;
    default:
      return { case: "skipped", value: `input format ${String(req.payload.case)} is not supported yet` };
  }
  switch (req.requestedOutputFormat) {
    case WireFormat.PROTOBUF:
      try {
        return { case: "protobufPayload", value: toBinary(desc, msg) };
      } catch (e) {
        return { case: "serializeError", value: String((e as Error).message) };
      }
    default:
      return { case: "skipped", value: `output format ${req.requestedOutputFormat} is not supported yet` };
  }
}

function readExactly(n: number): Buffer | undefined {
  const buf = Buffer.alloc(n);
  let off = 0;
  while (off < n) {
    let got: number;
    try {
      got = readSync(0, buf, off, n - off, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw e;
    }
    if (got === 0) return off === 0 ? undefined : (() => { throw new Error("truncated request"); })();
    off += got;
  }
  return buf;
}

function writeAll(buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += writeSync(1, buf, off, buf.length - off);
}

for (;;) {
  const lenBuf = readExactly(4);
  if (!lenBuf) break;
  const body = readExactly(lenBuf.readUInt32LE(0)) ?? Buffer.alloc(0);
  const req = fromBinary<ConformanceRequest>(requestDesc, body);
  let result: Result;
  try {
    result = handle(req);
  } catch (e) {
    result = { case: "runtimeError", value: String((e as Error).stack ?? e) };
  }
  const res = create(responseDesc, { result });
  const out = toBinary(responseDesc, res);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(out.length, 0);
  writeAll(header);
  writeAll(out);
}
