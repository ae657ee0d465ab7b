// The conformance testee: reads length-prefixed ConformanceRequests on stdin and answers each with
// a length-prefixed ConformanceResponse on stdout, as the official conformance runner expects.
import { readFileSync, readSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { registryFromDescriptorSet } from "../src/descriptor-set.js";
import { fromBinary } from "../src/codec/binary/from-binary.js";
import { toBinary } from "../src/codec/binary/to-binary.js";
import { create } from "../src/message/create.js";
import { setCodecFactory } from "../src/codec/binary/codec.js";
import { reflectiveCodec } from "../src/codec/binary/reflective.js";
import type { DescMessage } from "../src/reflect/descriptors.js";
import type { Message, OneofValue } from "../src/reflect/message.js";
import type { Registry } from "../src/reflect/registry.js";
import { Unsupported } from "./formats/format.js";
import { jsonFormat } from "./formats/json.js";
import { textFormat } from "./formats/text.js";
import { generatedRegistry } from "./generated/registry.js";

const WireFormat = { PROTOBUF: 1, JSON: 2, TEXT_FORMAT: 4 } as const;

interface ConformanceRequest extends Message {
  payload: OneofValue;
  requestedOutputFormat: number;
  messageType: string;
  testCategory: number;
  printUnknownFields: boolean;
}

// PROTOFORGE_CODEC=reflective runs the suites through the reflective codec instead of the compiled ones;
// PROTOFORGE_CODEC=generated through the code generated for the conformance protos (conformance/generated/).
if (process.env.PROTOFORGE_CODEC === "reflective") setCodecFactory(reflectiveCodec);

const registry: Registry =
  process.env.PROTOFORGE_CODEC === "generated"
    ? await generatedRegistry()
    : registryFromDescriptorSet(readFileSync(fileURLToPath(new URL("../../conformance/.gen/descriptors.binpb", import.meta.url))));

function messageType(name: string): DescMessage {
  const d = registry.getMessage(name);
  if (!d) throw new Error(`unknown message type ${name}`);
  return d;
}

const requestDesc = messageType("conformance.ConformanceRequest");
const responseDesc = messageType("conformance.ConformanceResponse");

type Result = { case: string; value: unknown };

const TestCategory = { JSON_IGNORE_UNKNOWN_PARSING_TEST: 3 } as const;

function handle(req: ConformanceRequest): Result {
  if (req.messageType === "conformance.FailureSet") {
    const failureSet = messageType("conformance.FailureSet");
    return { case: "protobufPayload", value: toBinary(failureSet, create(failureSet)) };
  }
  const desc = registry.getMessage(req.messageType);
  if (!desc) return { case: "runtimeError", value: `unknown message type ${req.messageType}` };
  let msg: Message;
  try {
    switch (req.payload.case) {
      case "protobufPayload":
        msg = fromBinary(desc, req.payload.value as Uint8Array);
        break;
      case "jsonPayload":
        msg = jsonFormat.parse(desc, req.payload.value as string, registry, {
          ignoreUnknownFields: req.testCategory === TestCategory.JSON_IGNORE_UNKNOWN_PARSING_TEST,
        });
        break;
      case "textPayload":
        msg = textFormat.parse(desc, req.payload.value as string, registry, { ignoreUnknownFields: false });
        break;
      default:
        return { case: "skipped", value: `input format ${String(req.payload.case)} is not supported` };
    }
  } catch (e) {
    if (e instanceof Unsupported) return { case: "skipped", value: e.message };
    return { case: "parseError", value: String((e as Error).message) };
  }
  try {
    switch (req.requestedOutputFormat) {
      case WireFormat.PROTOBUF:
        return { case: "protobufPayload", value: toBinary(desc, msg) };
      case WireFormat.JSON:
        return { case: "jsonPayload", value: jsonFormat.serialize(desc, msg, registry, { printUnknownFields: req.printUnknownFields }) };
      case WireFormat.TEXT_FORMAT:
        return { case: "textPayload", value: textFormat.serialize(desc, msg, registry, { printUnknownFields: req.printUnknownFields }) };
      default:
        return { case: "skipped", value: `output format ${req.requestedOutputFormat} is not supported` };
    }
  } catch (e) {
    if (e instanceof Unsupported) return { case: "skipped", value: e.message };
    return { case: "serializeError", value: String((e as Error).message) };
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
