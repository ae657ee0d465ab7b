import { fromBinary } from "../codec/binary/from-binary.js";
import { toBinary } from "../codec/binary/to-binary.js";
import { generateFromRequest, type CodeGenerator } from "./generator.js";
import type { CodeGeneratorRequest } from "./plugin-proto.js";
import { codeGeneratorRequestDesc, codeGeneratorResponseDesc } from "./plugin-schema.js";

/** Runs a generator on a serialized CodeGeneratorRequest and returns the serialized CodeGeneratorResponse. */
export function runPluginBytes(generator: CodeGenerator, request: Uint8Array): Uint8Array {
  const req = fromBinary<CodeGeneratorRequest>(codeGeneratorRequestDesc(), request);
  return toBinary(codeGeneratorResponseDesc(), generateFromRequest(generator, req));
}

/**
 * Runs a generator as a protoc plugin: reads the CodeGeneratorRequest from stdin and writes the
 * response to stdout. Problems with the input files go back to protoc in the response; an
 * unreadable request is reported on stderr with exit status 1.
 */
export async function runPlugin(generator: CodeGenerator): Promise<void> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  const input = new Uint8Array(Buffer.concat(chunks));
  let output: Uint8Array;
  try {
    output = runPluginBytes(generator, input);
  } catch (e) {
    process.stderr.write(`${generator.name}: cannot read the CodeGeneratorRequest on stdin: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(output, (err) => (err ? reject(err) : resolve())));
}
