/**
 * Extension values for JSON. Extensions are not message properties: they stay in `$unknown` as
 * raw fields, so the JSON codec decodes and encodes them with the binary codec.
 */
import { readField } from "../binary/from-binary.js";
import type { DescExtension, DescMessage } from "../../reflect/descriptors.js";
import type { Message, UnknownField } from "../../reflect/message.js";
import type { Registry } from "../../reflect/registry.js";
import { BinaryReader } from "../../wire/reader.js";

/** An extension set on a message, with its decoded value (an array for repeated extensions). */
export interface ExtensionValue {
  readonly ext: DescExtension;
  readonly value: unknown;
}

/** Decodes the extensions of `desc` that `msg` holds in `$unknown` and the registry knows, in field-number order; `fail` reports undecodable data. */
export function getExtensionValues(desc: DescMessage, msg: Message, registry: Registry, fail: (problem: string) => never): ExtensionValue[] {
  if (!msg.$unknown || msg.$unknown.length === 0) return [];
  const byNumber = new Map<number, UnknownField[]>();
  for (const u of msg.$unknown) {
    const list = byNumber.get(u.no);
    if (list) list.push(u);
    else byNumber.set(u.no, [u]);
  }
  const out: ExtensionValue[] = [];
  for (const no of [...byNumber.keys()].sort((a, b) => a - b)) {
    const ext = registry.getExtensionFor(desc, no);
    if (!ext) continue;
    const holder: Record<string, unknown> = {};
    try {
      for (const u of byNumber.get(no)!) {
        readField(holder, ext, new BinaryReader(u.data), u.wireType, 0, { unknown: true, maxDepth: 100 });
      }
    } catch (e) {
      fail(`invalid data for extension ${ext.typeName}: ${(e as Error).message}`);
    }
    const value = holder["value"];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out.push({ ext, value });
  }
  return out;
}

/** Adds an extension value to `msg.$unknown`, encoded as the binary codec would write it. */
export { appendExtension as addExtensionValue } from "../binary/extensions.js";
