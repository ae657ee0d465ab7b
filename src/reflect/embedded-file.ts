import type { DescEnum, DescExtension, DescFile, DescMessage, DescService } from "./descriptors.js";
import type { FileDescriptorProto } from "./descriptor-types.js";
import type { Message } from "./message.js";
import { bootFeatureDefaults } from "./boot/boot.js";
import { DescriptorError } from "./build.js";
import { MutableRegistry } from "./registry.js";

/**
 * Descriptors embedded in generated code. A generated module holds its file's serialized
 * FileDescriptorProto; the runtime builds the descriptors from it with the same registry code as
 * for dynamic descriptors (fileFromProto), imports resolved to the files of the generated modules
 * it imports. The Gen* types are descriptors that also carry the TypeScript type of their values,
 * so functions taking a schema can infer the message type.
 */

declare const messageType: unique symbol;
declare const enumType: unique symbol;
declare const extensionType: unique symbol;
declare const serviceType: unique symbol;

/** The descriptor of a generated file. */
export type GenFile = DescFile;

/** A message descriptor that carries the TypeScript type `T` of its messages (a generated schema). */
export type GenMessage<T extends Message> = DescMessage & { readonly [messageType]?: T };

/** An enum descriptor that carries the TypeScript type of its values. */
export type GenEnum<T extends number> = DescEnum & { readonly [enumType]?: T };

/** An extension descriptor that carries the types of the message it extends and of its value. */
export type GenExtension<Extendee extends Message, Value> = DescExtension & { readonly [extensionType]?: { extendee: Extendee; value: Value } };

/** A service descriptor that carries the request and response types of its methods, by method local name. */
export type GenService<Methods extends Record<string, GenMethodTypes>> = DescService & { readonly [serviceType]?: Methods };

/** The types of one method of a generated service. */
export interface GenMethodTypes {
  readonly input: Message;
  readonly output: Message;
  readonly kind: "unary" | "server_streaming" | "client_streaming" | "bidi_streaming";
}

/** The message type a schema describes: `T` for a GenMessage<T>, else Message. */
export type MessageShape<D extends DescMessage> = D extends GenMessage<infer T> ? (unknown extends T ? Message : T) : Message;

/**
 * Builds the descriptors of one file from its FileDescriptorProto. Each import must be one of
 * `deps` (the files of the modules it imports, in any order) or a public import of one of them.
 */
export function fileFromProto(proto: FileDescriptorProto, deps: readonly DescFile[]): DescFile {
  const base = new MutableRegistry();
  const added = new Set<DescFile>();
  const add = (f: DescFile): void => {
    if (added.has(f)) return;
    added.add(f);
    base.addFile(f);
    // Types of public imports are visible through the importing file.
    for (const i of f.proto.publicDependency) {
      const pub = f.dependencies[i];
      if (pub) add(pub);
    }
  };
  deps.forEach(add);
  for (const name of proto.dependency) {
    if (!base.getFile(name)) throw new DescriptorError(`${proto.name ?? ""}: dependency "${name}" is not among the files given`);
  }
  const [file] = new MutableRegistry(base).addFileProtos([proto], bootFeatureDefaults());
  if (!file) throw new DescriptorError(`${proto.name ?? ""}: no file was built`);
  return file;
}

/** The message at `path` in `file`: the index of a top-level message, then of nested messages. */
export function messageDesc<T extends Message>(file: DescFile, ...path: [number, ...number[]]): GenMessage<T> {
  const [first, ...rest] = path;
  let m = at(file.messages, first, file, path);
  for (const i of rest) m = at(m.nestedMessages, i, file, path);
  return m;
}

/** The enum at `path` in `file`: the indexes of the messages it is nested in (if any), then its own index. */
export function enumDesc<T extends number>(file: DescFile, ...path: [number, ...number[]]): GenEnum<T> {
  const own = path[path.length - 1]!;
  const scope = path.length === 1 ? file.enums : messageDesc(file, ...(path.slice(0, -1) as [number, ...number[]])).nestedEnums;
  return at(scope, own, file, path);
}

/** The extension at `path` in `file`: the indexes of the messages it is declared in (if any), then its own index. */
export function extDesc<Extendee extends Message, Value>(file: DescFile, ...path: [number, ...number[]]): GenExtension<Extendee, Value> {
  const own = path[path.length - 1]!;
  const scope = path.length === 1 ? file.extensions : messageDesc(file, ...(path.slice(0, -1) as [number, ...number[]])).nestedExtensions;
  return at(scope, own, file, path);
}

/** The service with index `index` in `file`. */
export function serviceDesc<Methods extends Record<string, GenMethodTypes>>(file: DescFile, index: number): GenService<Methods> {
  return at(file.services, index, file, [index]);
}

function at<T>(list: readonly T[], i: number, file: DescFile, path: readonly number[]): T {
  const d = list[i];
  if (d === undefined) throw new DescriptorError(`${file.name}: no descriptor at [${path.join(", ")}]`);
  return d;
}
