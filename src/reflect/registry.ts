import type { DescEnum, DescExtension, DescFile, DescMessage, DescService } from "./descriptors.js";
import type { FileDescriptorProto } from "./descriptor-types.js";
import { buildFile, DescriptorError, type BuildContext } from "./build.js";
import type { FeatureDefaultsTable } from "./features.js";

/** A set of descriptors to look types up in: what decoders of Any, extensions and JSON/text need. */
export interface Registry {
  getMessage(typeName: string): DescMessage | undefined;
  getEnum(typeName: string): DescEnum | undefined;
  getExtension(typeName: string): DescExtension | undefined;
  /** The extension of `extendee` with field number `number`. */
  getExtensionFor(extendee: DescMessage | string, number: number): DescExtension | undefined;
  getService(typeName: string): DescService | undefined;
  getFile(name: string): DescFile | undefined;
  /** Every file, in the order they were added. */
  files(): Iterable<DescFile>;
}

type TypeDesc = DescMessage | DescEnum | DescExtension | DescService;

/** A registry that can be added to. */
export class MutableRegistry implements Registry {
  private readonly types = new Map<string, TypeDesc>();
  private readonly fileMap = new Map<string, DescFile>();
  private readonly extensionsByExtendee = new Map<string, Map<number, DescExtension>>();

  constructor(private readonly parent?: Registry) {}

  getMessage(typeName: string): DescMessage | undefined {
    const t = this.types.get(typeName);
    if (t) return t.kind === "message" ? t : undefined;
    return this.parent?.getMessage(typeName);
  }
  getEnum(typeName: string): DescEnum | undefined {
    const t = this.types.get(typeName);
    if (t) return t.kind === "enum" ? t : undefined;
    return this.parent?.getEnum(typeName);
  }
  getExtension(typeName: string): DescExtension | undefined {
    const t = this.types.get(typeName);
    if (t) return t.kind === "extension" ? t : undefined;
    return this.parent?.getExtension(typeName);
  }
  getExtensionFor(extendee: DescMessage | string, number: number): DescExtension | undefined {
    const name = typeof extendee === "string" ? extendee : extendee.typeName;
    return this.extensionsByExtendee.get(name)?.get(number) ?? this.parent?.getExtensionFor(name, number);
  }
  getService(typeName: string): DescService | undefined {
    const t = this.types.get(typeName);
    if (t) return t.kind === "service" ? t : undefined;
    return this.parent?.getService(typeName);
  }
  getFile(name: string): DescFile | undefined {
    return this.fileMap.get(name) ?? this.parent?.getFile(name);
  }
  *files(): Iterable<DescFile> {
    if (this.parent) yield* this.parent.files();
    yield* this.fileMap.values();
  }

  /** Adds a type; a different descriptor under a name already taken is an error. */
  add(desc: TypeDesc): void {
    const name = desc.typeName;
    const p = this.parent;
    const existing = this.types.get(name) ?? p?.getMessage(name) ?? p?.getEnum(name) ?? p?.getExtension(name) ?? p?.getService(name);
    if (existing && existing !== desc) throw new DescriptorError(`"${name}" is already defined`);
    if (desc.kind === "extension") {
      const other = this.getExtensionFor(desc.extendee.typeName, desc.number);
      if (other && other !== desc) {
        throw new DescriptorError(`Extension number ${desc.number} has already been used in "${desc.extendee.typeName}" by extension "${other.typeName}"`);
      }
      let byNo = this.extensionsByExtendee.get(desc.extendee.typeName);
      if (!byNo) this.extensionsByExtendee.set(desc.extendee.typeName, (byNo = new Map()));
      byNo.set(desc.number, desc);
    }
    this.types.set(name, desc);
  }

  /** Adds a file and everything it defines. */
  addFile(file: DescFile): void {
    if (this.fileMap.has(file.name) && this.fileMap.get(file.name) !== file) throw new DescriptorError(`duplicate file "${file.name}"`);
    this.fileMap.set(file.name, file);
    const addMessage = (m: DescMessage): void => {
      this.add(m);
      m.nestedMessages.forEach(addMessage);
      m.nestedEnums.forEach((e) => this.add(e));
      m.nestedExtensions.forEach((x) => this.add(x));
    };
    file.messages.forEach(addMessage);
    file.enums.forEach((e) => this.add(e));
    file.extensions.forEach((x) => this.add(x));
    file.services.forEach((s) => this.add(s));
  }

  /**
   * Builds descriptors from FileDescriptorProtos (in any order: dependencies are built first)
   * and adds them. Dependencies may also come from the parent registry.
   */
  addFileProtos(protos: readonly FileDescriptorProto[], featureDefaults: FeatureDefaultsTable): DescFile[] {
    const byName = new Map<string, FileDescriptorProto>();
    for (const p of protos) {
      const name = p.name ?? "";
      const seen = byName.get(name);
      if (seen && !sameData(seen, p)) throw new DescriptorError(`two different files are named "${name}"`);
      byName.set(name, p);
    }
    const built: DescFile[] = [];
    const visiting = new Set<string>();
    const ctx: BuildContext = {
      featureDefaults,
      findFile: (name) => this.getFile(name) ?? visit(name),
      findType: (name) => {
        const t = this.types.get(name);
        if (t?.kind === "message" || t?.kind === "enum") return t;
        return this.parent?.getMessage(name) ?? this.parent?.getEnum(name);
      },
      addType: (d) => this.add(d),
    };
    const visit = (name: string): DescFile | undefined => {
      // A file the registry (or its parent) already has is used as it is.
      const done = this.getFile(name);
      if (done) return done;
      const proto = byName.get(name);
      if (!proto) return undefined;
      if (visiting.has(name)) throw new DescriptorError(`import cycle involving "${name}"`);
      visiting.add(name);
      const file = buildFile(proto, ctx);
      visiting.delete(name);
      this.fileMap.set(name, file);
      built.push(file);
      return file;
    };
    for (const p of protos) visit(p.name ?? "");
    return built;
  }
}

/** Combines descriptors and registries into one registry (later ones win on duplicate names). */
export function createRegistry(...items: (Registry | DescFile | DescMessage | DescEnum | DescExtension | DescService)[]): Registry {
  const reg = new MutableRegistry();
  const addLenient = (d: TypeDesc) => {
    try {
      reg.add(d);
    } catch {
      // a type listed twice (e.g. a registry and one of its files) is not an error here
    }
  };
  for (const item of items) {
    if ("kind" in item) {
      if (item.kind === "file") reg.addFile(item);
      else if (item.kind === "message") {
        const addMessage = (m: DescMessage): void => {
          addLenient(m);
          m.nestedMessages.forEach(addMessage);
          m.nestedEnums.forEach(addLenient);
          m.nestedExtensions.forEach(addLenient);
        };
        addMessage(item);
        // Make the types its fields refer to reachable too (for Any / JSON of nested types).
        collectFieldTypes(item, addLenient);
      } else addLenient(item);
    } else {
      for (const f of item.files()) if (!reg.getFile(f.name)) reg.addFile(f);
    }
  }
  return reg;
}

function collectFieldTypes(root: DescMessage, add: (d: TypeDesc) => void): void {
  const seen = new Set<DescMessage>([root]);
  const stack = [root];
  while (stack.length) {
    const m = stack.pop()!;
    for (const f of m.fields) {
      const target = "message" in f ? f.message : undefined;
      if ("enum" in f && f.enum) add(f.enum);
      if (target && !seen.has(target)) {
        seen.add(target);
        add(target);
        stack.push(target);
      }
    }
  }
}

/** Deep equality of plain descriptor data (objects, arrays, bytes, primitives). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
