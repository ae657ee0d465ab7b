import { toBinary } from "../codec/binary/to-binary.js";
import { TextFormatError, type TextDiagnostic } from "../codec/text/errors.js";
import { fromText } from "../codec/text/from-text.js";
import type { DescMessage } from "../reflect/descriptors.js";
import type { Message } from "../reflect/message.js";
import type { Registry } from "../reflect/registry.js";
import { FAILED, requiredWarning, type CodecResult } from "./decode.js";
import { sortExtensionsByNumber, sortMapsByKey } from "./deterministic.js";
import { formatDiagnostic } from "./diagnostics.js";
import { completeMapEntries, faithfulSchema } from "./faithful-schema.js";
import type { ErrorFormat } from "./options.js";
import { serializationUtf8Logs } from "./utf8-log.js";

/** Options of --encode. */
export interface EncodeOptions {
  readonly errorFormat: ErrorFormat;
  /** --deterministic_output: map entries ordered by key. */
  readonly deterministic: boolean;
}

const empty = new Uint8Array(0);

/**
 * --encode=TYPE: parses the text format from `input` and writes the binary message, as protoc
 * does: the parser goes on after the tokenizer's errors and reports them all (`input:LINE:COL:
 * reason`, then `Failed to parse input.`, exit 1), warns of deprecated fields, and takes strings
 * as they are (a string that must be UTF-8 and is not is written, and logged). The message is
 * parsed in the faithful schema (see faithful-schema.ts), which keeps the bytes of strings and
 * every map entry, in order.
 */
export function encode(desc: DescMessage, registry: Registry, input: Uint8Array, options: EncodeOptions): CodecResult {
  const schema = faithfulSchema(registry, desc, "encode");
  const faithful = schema.message(desc.typeName)!;
  const warnings: TextDiagnostic[] = [];
  const format = (d: TextDiagnostic) => formatDiagnostic(options.errorFormat, "input", d.line, d.column, d.message, d.severity) + "\n";
  let msg: Message;
  try {
    msg = fromText(faithful, input, { registry: schema.registry, collectErrors: true, lenientStrings: true, onWarning: (w) => warnings.push(w) });
  } catch (e) {
    if (!(e instanceof TextFormatError)) throw e;
    return { stdout: empty, stderr: e.diagnostics.map(format).join("") + FAILED, code: 1 };
  }
  completeMapEntries(faithful, msg, schema);
  const required = requiredWarning(faithful, msg, schema.registry);
  if (options.deterministic) sortMapsByKey(faithful, msg, (f) => schema.isMap(f));
  sortExtensionsByNumber(faithful, msg);
  const stdout = toBinary(faithful, msg);
  return { stdout, stderr: warnings.map(format).join("") + required + serializationUtf8Logs(faithful, msg, schema), code: 0 };
}
