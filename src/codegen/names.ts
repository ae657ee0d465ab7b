import type { DescEnum, DescExtension, DescFile, DescMessage, DescService } from "../reflect/descriptors.js";

/**
 * The names a generated module exports, worked out from its file alone so that every importer
 * agrees on them: `file_<path>`, a type and a `…Schema` constant per message and enum, one
 * constant per extension and per service. A name that is taken gets `$1`, `$2`, … appended; a
 * reserved word or a global the generated code relies on gets `$`.
 */
export interface FileSymbols {
  readonly file: string;
  readonly type: ReadonlyMap<DescMessage | DescEnum, string>;
  readonly schema: ReadonlyMap<DescMessage | DescEnum, string>;
  readonly extension: ReadonlyMap<DescExtension, string>;
  readonly service: ReadonlyMap<DescService, string>;
  /** Every exported name. */
  readonly names: ReadonlySet<string>;
}

// JavaScript and TypeScript reserved words, type keywords, and globals generated code refers to.
const reserved = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await as async any boolean constructor declare get module require number set string symbol type from of " +
    "undefined unique keyof readonly infer never unknown object bigint arguments eval globalThis Array ArrayBuffer BigInt Boolean Date " +
    "Error Function Infinity JSON Map Math NaN Number Object Promise Record Set String Symbol Uint8Array WeakMap"
  ).split(" "),
);

/** `name`, or `name$` when it is reserved in generated code. */
export function safeIdentifier(name: string): string {
  return reserved.has(name) ? name + "$" : name;
}

/** True for a valid JavaScript identifier (ASCII). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** The name of a message or enum relative to its package, nested names joined with `_` (Outer_Inner). */
export function relativeTypeName(desc: DescMessage | DescEnum | DescService): string {
  const pkg = desc.file.packageName;
  const rel = pkg ? desc.typeName.slice(pkg.length + 1) : desc.typeName;
  return rel.replace(/\./g, "_");
}

/** The constant naming a file's descriptor: `file_` and the path without `.proto`, other characters as `_`. */
export function fileConstName(file: DescFile): string {
  return "file_" + file.name.replace(/\.proto$/, "").replace(/[^A-Za-z0-9_]/g, "_");
}

/** A set of names in one module that hands out unique ones. */
export class NameScope {
  private readonly taken = new Set<string>();

  /** Marks a name as used. */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** True when the name is used. */
  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** `base` (made safe), or with `$1`, `$2`, … appended when taken; the result is reserved. */
  unique(base: string): string {
    let name = safeIdentifier(base);
    for (let i = 1; this.taken.has(name); i++) name = `${safeIdentifier(base)}$${i}`;
    this.taken.add(name);
    return name;
  }
}

const cache = new WeakMap<DescFile, FileSymbols>();

/** The exported names of the module generated for `file`. */
export function fileSymbols(file: DescFile): FileSymbols {
  let s = cache.get(file);
  if (!s) cache.set(file, (s = computeSymbols(file)));
  return s;
}

function computeSymbols(file: DescFile): FileSymbols {
  const scope = new NameScope();
  const type = new Map<DescMessage | DescEnum, string>();
  const schema = new Map<DescMessage | DescEnum, string>();
  const extension = new Map<DescExtension, string>();
  const service = new Map<DescService, string>();
  const fileName = scope.unique(fileConstName(file));
  const named = (d: DescMessage | DescEnum) => {
    const base = relativeTypeName(d);
    const name = scope.unique(base);
    type.set(d, name);
    // Foo_Bar$1 gets Foo_Bar$1Schema; a reserved name like Map$ keeps MapSchema.
    schema.set(d, scope.unique((name === safeIdentifier(base) ? base : name) + "Schema"));
  };
  const visit = (m: DescMessage): void => {
    if (m.isMapEntry) return;
    named(m);
    m.nestedEnums.forEach(named);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  file.enums.forEach(named);
  const visitExtensions = (m: DescMessage): void => {
    for (const x of m.nestedExtensions) extension.set(x, scope.unique(`${relativeTypeName(m)}_${x.name}`));
    m.nestedMessages.forEach(visitExtensions);
  };
  for (const x of file.extensions) extension.set(x, scope.unique(x.name));
  file.messages.forEach(visitExtensions);
  for (const s of file.services) service.set(s, scope.unique(relativeTypeName(s)));
  const names = new Set<string>([fileName, ...type.values(), ...schema.values(), ...extension.values(), ...service.values()]);
  return { file: fileName, type, schema, extension, service, names };
}
