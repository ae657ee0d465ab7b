/**
 * Message-valued options written as `{ text format }` (protoc's SetAggregateOption): the text is
 * parsed into a message of the option's type and serialized the way protoc's DynamicMessage
 * serializes it. The runtime text parser does the parsing, over a registry built from the files
 * of the compilation (the file being built as far as it is linked).
 */
import { toBinary } from "../../codec/binary/to-binary.js";
import { fromText } from "../../codec/text/from-text.js";
import { TextFormatError } from "../../codec/text/errors.js";
import { bootDescriptorFile } from "../../reflect/boot/boot.js";
import { DescriptorError } from "../../reflect/build.js";
import { createRegistry, type Registry } from "../../reflect/registry.js";
import type { Builder } from "../link/builder.js";
import type { FieldDesc, FileDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { sameBootMessage } from "./boot-types.js";
import { canonicalize } from "./canonical.js";
import { FileRegistry } from "./file-registry.js";
import { generatedPool } from "./generated.js";

let bootRegistry: Registry | undefined;
const perFile = new WeakMap<FileDesc, Registry>();

/** Parses `text` as a value of the message-typed option `field`: the serialized message, or the parse error. */
export function parseAggregateOption(b: Builder, field: FieldDesc, text: string): Uint8Array | string {
  const type = field.messageType!;
  try {
    // A type of protoc's own descriptor.proto (the file does not import it) comes from the runtime's
    // copy, and so does one of a compiled descriptor.proto that is the same as the runtime's (a
    // value naming no extension or Any type needs no other file).
    const boot = (bootRegistry ??= createRegistry(bootDescriptorFile()));
    const useBoot = generatedPool().file === type.file || (!text.includes("[") && sameBootMessage(boot, type) !== undefined);
    const registry = useBoot ? boot : registryFor(b);
    const desc = registry.getMessage(type.fullName);
    if (desc === undefined) return `Unknown message type ${type.fullName}`;
    const msg = fromText(desc, text, { registry: aggregateFinder(b, registry, badTypeUrlNames(text)) });
    return canonicalize(b.pool, type, toBinary(desc, msg));
  } catch (e) {
    if (e instanceof TextFormatError) return e.reason;
    // The runtime could not build the descriptors of a file the value needs.
    if (e instanceof DescriptorError) return e.message;
    throw e;
  }
}

/**
 * Names written in `[prefix/name]` only with a prefix other than type.googleapis.com/ or
 * type.googleprod.com/ (protoc's aggregate finder knows no other), so their lookup must fail.
 */
function badTypeUrlNames(text: string): Set<string> {
  const good = new Set<string>();
  const bad = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "[") {
      const end = text.indexOf("]", i);
      if (end === -1) break;
      const inner = text.slice(i + 1, end).replace(/\s+/g, "");
      const slash = inner.lastIndexOf("/");
      if (slash !== -1) {
        const prefix = inner.slice(0, slash + 1);
        (prefix === "type.googleapis.com/" || prefix === "type.googleprod.com/" ? good : bad).add(inner.slice(slash + 1));
      }
    }
  }
  for (const n of good) bad.delete(n);
  return bad;
}

/**
 * The registry as protoc's AggregateOptionFinder sees it: an extension name in `[...]` is resolved
 * by protoc's scoping rules relative to the message it extends, so relative names work too; a
 * type in an Any must be visible from the file (protoc's FindSymbol) and use a known URL prefix.
 */
function aggregateFinder(b: Builder, registry: Registry, badTypeNames: ReadonlySet<string>): Registry {
  let byLastPart: Map<string, FieldDesc[]> | undefined;
  const getExtension = (name: string) => {
    byLastPart ??= extensionsByName(b.pool);
    for (const candidate of byLastPart.get(name.slice(name.lastIndexOf(".") + 1)) ?? []) {
      if (candidate.fullName !== name && !candidate.fullName.endsWith("." + name)) continue;
      const found = b.lookupSymbol(name, candidate.containingType!.fullName);
      if (found?.kind === "field" && found.desc === candidate) return registry.getExtension(candidate.fullName);
    }
    return undefined;
  };
  const getMessage = (name: string) => {
    if (badTypeNames.has(name)) return undefined;
    const s = b.findSymbol(name);
    return s?.kind === "message" ? registry.getMessage(name) : undefined;
  };
  return {
    getMessage,
    getEnum: (n) => registry.getEnum(n),
    getExtension,
    getExtensionFor: (e, n) => registry.getExtensionFor(e, n),
    getService: (n) => registry.getService(n),
    getFile: (n) => registry.getFile(n),
    files: () => registry.files(),
  };
}

/** The pool's extensions (with a known extendee) by their last name part, in the pool's order. */
function extensionsByName(pool: Pool): Map<string, FieldDesc[]> {
  const byLastPart = new Map<string, FieldDesc[]>();
  for (const s of pool.symbols.values()) {
    if (s.kind !== "field") continue;
    const f = s.desc as FieldDesc;
    if (!f.isExtension || f.containingType === undefined) continue;
    const list = byLastPart.get(f.name);
    if (list === undefined) byLastPart.set(f.name, [f]);
    else list.push(f);
  }
  return byLastPart;
}

/** The registry of the file being built (see FileRegistry), made at its first aggregate option. */
function registryFor(b: Builder): Registry {
  let r = perFile.get(b.file);
  if (r === undefined) perFile.set(b.file, (r = new FileRegistry(b.pool, b.file)));
  return r;
}
