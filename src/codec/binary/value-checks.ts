/**
 * What the binary encoders call when a container is not what its field holds (the writer checks
 * the scalars it writes). They fail with a WireError of code "invalid-value"; toBinary() then
 * names the field (see findInvalidValue).
 */
import { WireError } from "../../wire/errors.js";
import type { DescMessage, DescOneof } from "../../reflect/descriptors.js";
import { describeValue, messageValueProblem, oneofValueProblem } from "../../message/check-values.js";

function invalid(message: string): never {
  throw new WireError(message, -1, "invalid-value");
}

/** Fails for what is not an array, in place of a repeated field's list. */
export function notList(v: unknown): never {
  invalid(`expected an array for a repeated field, got ${describeValue(v)}`);
}

/** Fails for what is not a Map, in place of a map field's. */
export function notMap(v: unknown): never {
  invalid(`expected a Map for a map field, got ${describeValue(v)}`);
}

/** Fails for what is not a message of type `desc` (what an encoder found in place of one). */
export function notMessage(desc: DescMessage, m: unknown): never {
  invalid(messageValueProblem(desc, m)?.message ?? `expected a message of type ${desc.typeName}`);
}

/** Fails for a oneof's value that is not an object whose `case` is undefined or one of the oneof's fields. */
export function invalidOneof(oneof: DescOneof, v: unknown): never {
  invalid(`${oneof.parent.typeName}.${oneof.name}: ${oneofValueProblem(oneof, v)?.message ?? "invalid oneof value"}`);
}
