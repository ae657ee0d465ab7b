/**
 * protoc's --print_free_field_numbers: for every message of the input files, the field numbers it
 * leaves free — not taken by a field, an extension range or a reserved range. Nested messages
 * (map entries and groups included) come before the message around them, in declaration order.
 */
import type { DescFile, DescMessage } from "../reflect/descriptors.js";
import { MAX_FIELD_NUMBER } from "../wire/wire-type.js";

/** The lines protoc prints for `files`, in their order. */
export function freeFieldNumbers(files: readonly DescFile[]): string {
  const lines: string[] = [];
  for (const file of files) for (const m of file.messages) addMessage(m, lines);
  return lines.map((l) => `${l}\n`).join("");
}

function addMessage(m: DescMessage, lines: string[]): void {
  for (const nested of m.nestedMessages) addMessage(nested, lines);
  // Occupied ranges, [start, end), in order.
  const taken: [number, number][] = m.fields.map((f) => [f.number, f.number + 1]);
  for (const [start, end] of m.extensionRanges) taken.push([start, end]);
  for (const r of m.proto.reservedRange) taken.push([r.start ?? 0, r.end ?? 0]);
  taken.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // The name padded to 35 columns, as protoc's "%-35s free:".
  let line = `${m.typeName.padEnd(35)} free:`;
  let next = 1;
  for (const [start, end] of taken) {
    if (next < start) line += next + 1 === start ? ` ${next}` : ` ${next}-${start - 1}`;
    next = Math.max(next, end);
  }
  if (next <= MAX_FIELD_NUMBER) line += ` ${next}-INF`;
  lines.push(line);
}
