/**
 * Options waiting to be interpreted (protoc's OptionsToInterpret), queued by the linker in the
 * order protoc allocates options, and the element paths SourceCodeInfo uses for them.
 */
import type { AnyOptions } from "../lower/protos.js";
import type { OptionsOwner } from "./model.js";

/** One element's options to interpret. */
export interface OptionsJob {
  /** The element; its `options` is the working copy interpretation fills in. */
  readonly owner: OptionsOwner;
  /** The options as parsed (their UninterpretedOptions carry the error positions). */
  readonly original: AnyOptions;
  /** The scope relative extension names are resolved in (a file's is `package.dummy`). */
  readonly nameScope: string;
  /** The element's name for diagnostics (full name, or the file name). */
  readonly elementName: string;
  /** The SourceCodeInfo path of the element's options field, e.g. [4, 0, 7]. */
  readonly path: readonly number[];
}

/** Options field numbers in each descriptor proto (the last element of an options path). */
export const OPTIONS_FIELD = {
  file: 8,
  message: 7,
  field: 8,
  oneof: 2,
  enum: 3,
  enumValue: 3,
  service: 3,
  method: 4,
  extensionRange: 3,
} as const;

/** A copy of an options message, so interpretation (which replaces its parts) never touches the parsed proto. */
export function copyOptions<T extends AnyOptions>(o: T): T {
  return { ...o, uninterpretedOption: o.uninterpretedOption.slice() };
}
