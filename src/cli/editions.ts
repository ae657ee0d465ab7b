/**
 * The editions as protoc names them: the values of descriptor.proto's `Edition` enum (read from
 * the embedded descriptor.proto), without the `EDITION_` prefix.
 */
import { bootDescriptorFile } from "../reflect/boot/boot.js";

let values: readonly { readonly name: string; readonly number: number }[] | undefined;

function editionValues(): readonly { readonly name: string; readonly number: number }[] {
  values ??= bootDescriptorFile()
    .enums.find((e) => e.name === "Edition")!
    .values.map((v) => ({ name: v.name.replace(/^EDITION_/, ""), number: v.number }));
  return values;
}

/** The names, in declaration order: what --edition_defaults_minimum/maximum accept. */
export function editionNames(): string[] {
  return editionValues().map((v) => v.name);
}

/** The number of an edition named as the flags take it, or undefined. */
export function editionNumber(name: string): number | undefined {
  return editionValues().find((v) => v.name === name)?.number;
}

/** An edition as protoc's messages print it: its name, or nothing for a number that is not one. */
export function editionText(edition: number): string {
  return editionValues().find((v) => v.number === edition)?.name ?? "";
}
