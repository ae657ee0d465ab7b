import type { DescEnum, DescField, DescFile, DescMessage } from "../../reflect/descriptors.js";
import { emitCodecMethods, type EmitNames } from "../../codec/binary/emit.js";
import type { ModuleContext } from "./module.js";

/** The messages of a file that get a codec: all but map entries, depth first. */
export function codecMessages(file: DescFile): DescMessage[] {
  const out: DescMessage[] = [];
  const visit = (m: DescMessage): void => {
    if (m.isMapEntry) return;
    out.push(m);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  return out;
}

/**
 * The codecs of a file's messages, emitted by the same emitter as the codecs compiled at run time
 * (codec/binary/emit.ts) and registered with defineCodec(): generated code never compiles code at
 * run time. Codecs of messages in other modules are looked up once, at load time.
 */
export function codecSection(file: DescFile, ctx: ModuleContext): string[] {
  if (ctx.flavour === "dts") return [];
  const messages = codecMessages(file);
  if (messages.length === 0) return [];
  const local = new Map<DescMessage, string>();
  for (const m of messages) local.set(m, ctx.scope.unique(lowerFirst(ctx.typeName(m)) + "Codec"));
  const referenced = new Set<DescMessage>();
  const hoisted: string[] = [];
  const external = new Map<DescMessage, string>();
  const enumSets = new Map<DescEnum, string>();
  const codecRef = (d: DescMessage): string => {
    const own = local.get(d);
    if (own !== undefined) {
      referenced.add(d);
      return own;
    }
    let name = external.get(d);
    if (name === undefined) {
      name = ctx.scope.unique(lowerFirst(ctx.typeName(d)) + "Codec");
      external.set(d, name);
      hoisted.push(`const ${name} = ${ctx.runtime("codecOf")}(${ctx.schemaName(d)});`);
    }
    return name;
  };
  const enumSetRef = (f: DescField): string => {
    if (f.fieldKind !== "enum") throw new Error(`${f.name}: not an enum field`);
    let name = enumSets.get(f.enum);
    if (name === undefined) {
      name = ctx.scope.unique(ctx.typeName(f.enum) + "Values");
      enumSets.set(f.enum, name);
      const numbers = [...new Set(f.enum.values.map((v) => v.number))];
      hoisted.push(`/** The numbers of closed enum ${f.enum.typeName}: others read from the wire are kept as unknown fields. */\nconst ${name} = new Set([${numbers.join(", ")}]);`);
    }
    return name;
  };
  const rt = ctx.runtime("codecRuntime", false, "rt");
  const bodies = messages.map((m) => {
    const names: EmitNames = {
      codec: codecRef,
      field: (f) => `${ctx.schemaName(f.parent)}.fields[${f.parent.fields.indexOf(f)}]${ctx.ts ? "!" : ""}`,
      enumSet: enumSetRef,
      runtime: rt,
      self: ctx.schemaName(m),
      types: ctx.ts
        ? {
            message: (d) => ctx.typeName(d),
            enum: (e) => ctx.typeName(e),
            reader: ctx.runtime("BinaryReader", true),
            writer: ctx.runtime("BinaryWriter", true),
            context: ctx.runtime("ReadContext", true),
          }
        : undefined,
    };
    return emitCodecMethods(m, names);
  });
  const define = ctx.runtime("defineCodec");
  const codecs = messages.map((m, i) => {
    const call = `${define}(${ctx.schemaName(m)}, {\n${bodies[i]}\n});`;
    if (!referenced.has(m)) return call;
    return ctx.ts ? `const ${local.get(m)}: ${ctx.runtime("GenCodec", true)}<${ctx.typeName(m)}> = ${call}` : `const ${local.get(m)} = ${call}`;
  });
  return [
    "// Binary codecs: specialized create/decode/encode functions for the messages above, registered\n" +
      "// with the runtime, so that toBinary() and fromBinary() need no code generation at run time.",
    ...hoisted,
    ...codecs,
  ];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
