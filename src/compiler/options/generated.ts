/**
 * protoc's "generated pool": the descriptor.proto compiled into protoc. Options are parsed with
 * it (known fields of FileOptions & co.), and it answers option lookups when the file being
 * compiled does not import descriptor.proto itself. Built once, by this compiler's own linker,
 * from the runtime's embedded copy of descriptor.proto.
 */
import { fromBinary } from "../../codec/binary/from-binary.js";
import { bootDescriptorFile, descriptorProtoBytes } from "../../reflect/boot/boot.js";
import type { DescMessage } from "../../reflect/descriptors.js";
import type { FileDescriptorProto } from "../../reflect/descriptor-types.js";
import { buildFile } from "../link/build-file.js";
import type { FileDesc, MessageDesc } from "../link/model.js";
import { Pool } from "../link/pool.js";
import { SourceLocationTable } from "../lower/locations.js";

let generated: { pool: Pool; file: FileDesc } | undefined;

/** descriptor.proto as built by the linker, in a pool of its own. */
export function generatedPool(): { pool: Pool; file: FileDesc } {
  if (generated !== undefined) return generated;
  const fileDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorProto")!;
  const proto = fromBinary<FileDescriptorProto>(fileDesc, descriptorProtoBytes());
  const pool = new Pool();
  const diagnostics: never[] = [];
  const file = buildFile({ pool, diagnostics, directInputs: new Set(), load: () => undefined, deferred: [] }, proto, new SourceLocationTable());
  if (file === undefined) throw new Error(`the embedded descriptor.proto does not build: ${JSON.stringify(diagnostics)}`);
  generated = { pool, file };
  return generated;
}

/** A message of the generated descriptor.proto by full name (e.g. "google.protobuf.FileOptions"). */
export function generatedMessage(fullName: string): MessageDesc | undefined {
  let m = generatedCache.get(fullName);
  if (m === undefined && !generatedCache.has(fullName)) {
    const s = generatedPool().pool.findSymbol(fullName);
    m = s?.kind === "message" ? (s.desc as MessageDesc) : undefined;
    generatedCache.set(fullName, m);
  }
  return m;
}

const generatedCache = new Map<string, MessageDesc | undefined>();

const runtimeCache = new Map<string, DescMessage>();

/** The runtime descriptor of a descriptor.proto message, for decoding and encoding options. */
export function runtimeMessage(fullName: string): DescMessage {
  const cached = runtimeCache.get(fullName);
  if (cached !== undefined) return cached;
  const short = fullName.slice("google.protobuf.".length);
  const parts = short.split(".");
  let m = bootDescriptorFile().messages.find((x) => x.name === parts[0]);
  for (const p of parts.slice(1)) m = m?.nestedMessages.find((x) => x.name === p);
  if (m === undefined) throw new Error(`no ${fullName} in descriptor.proto`);
  runtimeCache.set(fullName, m);
  return m;
}
