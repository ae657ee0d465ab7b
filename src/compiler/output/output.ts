/**
 * A built file as it goes into protoc's descriptor set (GetTransitiveDependencies): CopyTo with
 * json names, SourceCodeInfo when asked, and source-retention options stripped unless retained.
 */
import type { FileDescriptorProto } from "../../reflect/descriptor-types.js";
import type { FileDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { copyFile } from "./copy-to.js";
import { stripSourceRetentionOptions } from "./retention.js";

/** The FileDescriptorProto protoc writes for `file`. */
export function outputFile(pool: Pool, file: FileDesc, sourceInfo: boolean, retainOptions: boolean): FileDescriptorProto {
  let proto = copyFile(file, true);
  if (sourceInfo && file.sourceCodeInfo !== undefined) proto.sourceCodeInfo = file.sourceCodeInfo;
  if (!retainOptions) proto = stripSourceRetentionOptions(pool, proto);
  return proto;
}
