import type { DescFile } from "../descriptors.js";
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto } from "../descriptor-types.js";
import type { FeatureDefaultsTable } from "../features.js";
import { localName } from "../names.js";
import { MutableRegistry } from "../registry.js";
import { base64Decode } from "../../wire/base64.js";
import { bootDecodeFile } from "./boot-decode.js";
import { descriptorProtoBase64 } from "./descriptor-bytes.js";

let booted: { bytes: Uint8Array; proto: FileDescriptorProto; table: FeatureDefaultsTable; registry: MutableRegistry; file: DescFile } | undefined;

/** descriptor.proto as protoc serializes it (a FileDescriptorProto). */
export function descriptorProtoBytes(): Uint8Array {
  return boot().bytes;
}

/** The feature defaults of every edition, read from FeatureSet's `edition_defaults` options in descriptor.proto. */
export function bootFeatureDefaults(): FeatureDefaultsTable {
  return boot().table;
}

/**
 * descriptor.proto's descriptors, built from its embedded serialized form with no other help.
 * Their `proto` objects hold only what descriptors are built from; decode descriptorProtoBytes()
 * with the binary codec for the complete FileDescriptorProto.
 */
export function bootDescriptorFile(): DescFile {
  return boot().file;
}

function boot() {
  if (booted) return booted;
  const bytes = base64Decode(descriptorProtoBase64)!;
  const proto = bootDecodeFile(bytes);
  const table = featureDefaultsFromProto(proto);
  const registry = new MutableRegistry();
  const [file] = registry.addFileProtos([proto], table);
  booted = { bytes, proto, table, registry, file: file! };
  return booted;
}

/** Reads the feature defaults table from descriptor.proto's FeatureSet message, as protoc does. */
export function featureDefaultsFromProto(descriptorProto: FileDescriptorProto): FeatureDefaultsTable {
  const messages = descriptorProto.messageType;
  const featureSet = messages.find((m) => m.name === "FeatureSet");
  if (!featureSet) throw new Error("descriptor.proto has no FeatureSet message");
  // Enums of FeatureSet may be nested directly or inside a nested message (VisibilityFeature).
  const enums = new Map<string, EnumDescriptorProto>();
  const collect = (prefix: string, m: DescriptorProto) => {
    for (const e of m.enumType) enums.set(`${prefix}.${e.name}`, e);
    for (const n of m.nestedType) collect(`${prefix}.${n.name}`, n);
  };
  collect(".google.protobuf.FeatureSet", featureSet);
  const features = new Map<string, (readonly [number, number])[]>();
  const nameByNumber = new Map<number, string>();
  for (const f of featureSet.field) {
    const e = enums.get(f.typeName ?? "");
    const rows: (readonly [number, number])[] = [];
    for (const d of f.options?.editionDefaults ?? []) {
      const value = e ? e.value.find((v) => v.name === d.value)?.number : d.value === "true" ? 1 : 0;
      if (value === undefined) throw new Error(`FeatureSet.${f.name}: unknown default "${d.value}"`);
      rows.push([d.edition ?? 0, value]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    const name = localName(f.name ?? "");
    features.set(name, rows);
    nameByNumber.set(f.number ?? 0, name);
  }
  return { features, nameByNumber };
}
