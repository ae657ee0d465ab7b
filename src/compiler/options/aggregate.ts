/**
 * Message-valued options written as `{ text format }` (protoc's SetAggregateOption): the text is
 * parsed into a message of the option's type and serialized the way protoc's DynamicMessage
 * serializes it. The runtime text parser does the parsing, over a registry built from the files
 * of the compilation (the file being built as far as it is linked).
 */
import { toBinary } from "../../codec/binary/to-binary.js";
import { fromText } from "../../codec/text/from-text.js";
import { TextFormatError } from "../../codec/text/errors.js";
import { bootDescriptorFile, bootFeatureDefaults } from "../../reflect/boot/boot.js";
import { createRegistry, MutableRegistry, type Registry } from "../../reflect/registry.js";
import type { Builder } from "../link/builder.js";
import type { FieldDesc, FileDesc } from "../link/model.js";
import type { Pool } from "../link/pool.js";
import { copyFile } from "../output/copy-to.js";
import { canonicalize } from "./canonical.js";
import { generatedPool } from "./generated.js";

const shared = new WeakMap<Pool, MutableRegistry>();
let bootRegistry: Registry | undefined;
const perFile = new WeakMap<FileDesc, Registry>();

/** Parses `text` as a value of the message-typed option `field`: the serialized message, or the parse error. */
export function parseAggregateOption(b: Builder, field: FieldDesc, text: string): Uint8Array | string {
  const type = field.messageType!;
  let registry: Registry;
  try {
    // A type of protoc's own descriptor.proto (the file does not import it) comes from the runtime's copy.
    registry = generatedPool().file === type.file ? (bootRegistry ??= createRegistry(bootDescriptorFile())) : registryFor(b);
  } catch (e) {
    return String(e instanceof Error ? e.message : e);
  }
  const desc = registry.getMessage(type.fullName);
  if (desc === undefined) return `Unknown message type ${type.fullName}`;
  try {
    const msg = fromText(desc, text, { registry: aggregateFinder(b, registry, badTypeUrlNames(text)) });
    return canonicalize(b.pool, type, toBinary(desc, msg));
  } catch (e) {
    if (e instanceof TextFormatError) return e.reason;
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
  const byLastPart = new Map<string, FieldDesc[]>();
  for (const s of b.pool.symbols.values()) {
    if (s.kind !== "field") continue;
    const f = s.desc as FieldDesc;
    if (!f.isExtension || f.containingType === undefined) continue;
    const list = byLastPart.get(f.name);
    if (list === undefined) byLastPart.set(f.name, [f]);
    else list.push(f);
  }
  const getExtension = (name: string) => {
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

/** A registry holding the file being built and everything it depends on. */
function registryFor(b: Builder): Registry {
  const cached = perFile.get(b.file);
  if (cached !== undefined) return cached;
  let base = shared.get(b.pool);
  if (base === undefined) shared.set(b.pool, (base = new MutableRegistry()));
  const table = bootFeatureDefaults();
  const done = new Set<FileDesc>();
  const add = (f: FileDesc): void => {
    if (done.has(f)) return;
    done.add(f);
    for (const d of f.dependencies) if (d !== undefined) add(d);
    for (const name of f.optionDependencies) {
      const d = b.pool.files.get(name);
      if (d !== undefined) add(d);
    }
    if (base.getFile(f.name) === undefined) base.addFileProtos([copyFile(f, false)], table);
  };
  for (const d of b.file.dependencies) if (d !== undefined) add(d);
  for (const name of b.file.optionDependencies) {
    const d = b.pool.files.get(name);
    if (d !== undefined) add(d);
  }
  const local = new MutableRegistry(base);
  local.addFileProtos([copyFile(b.file, false)], table);
  perFile.set(b.file, local);
  return local;
}
