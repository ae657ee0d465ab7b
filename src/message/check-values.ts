/**
 * Checks that the values in a message object have the types of their fields: what the writers
 * (binary, JSON, text) rely on. A value of the wrong type must fail with an error that names the
 * field, not be written as something else (a number in a string field as "", 1 in a bool field
 * as false).
 */
import type { DescField, DescMessage, DescOneof } from "../reflect/descriptors.js";
import { ScalarType } from "../reflect/scalar.js";
import { fieldFullName } from "../reflect/names.js";

/** Why a value does not fit: the wrong kind of value (`type`), or a number outside its type's range (`range`). */
export interface ValueProblem {
  readonly kind: "type" | "range";
  /** "expected a string, got the number 5". */
  readonly message: string;
}

/** A value found by findInvalidValue(): where it is and what is wrong with it. */
export interface InvalidValue extends ValueProblem {
  /**
   * Where, from the message checked: field names (see findInvalidValue), list indexes, and map
   * keys as text (`["people", 3, "address", "city"]`, `["labels", "team"]`); empty for the message itself.
   */
  readonly path: readonly (string | number)[];
  /** The full name of the field ("bench.Address.city"), or the message's type name when the message itself is wrong. */
  readonly field: string;
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A short description of a value for an error message: `the number 1.5`, `the string "1"`, `an array`. */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case "string":
      return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    case "number":
      return `the number ${Object.is(v, -0) ? "-0" : String(v)}`;
    case "bigint":
      return `the bigint ${v}n`;
    case "boolean":
      return String(v);
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
  }
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (v instanceof Map) return "a Map";
  if (ArrayBuffer.isView(v)) return `a ${Object.prototype.toString.call(v).slice(8, -1)}`;
  const typeName = (v as { $typeName?: unknown }).$typeName;
  return typeof typeName === "string" ? `a message of type ${typeName}` : "an object";
}

function wrongType(expected: string, v: unknown): ValueProblem {
  return { kind: "type", message: `expected ${expected}, got ${describeValue(v)}` };
}

function outOfRange(expected: string, v: unknown): ValueProblem {
  return { kind: "range", message: `expected ${expected}, got ${describeValue(v)}` };
}

function intProblem(v: unknown, min: number, max: number, name: string): ValueProblem | undefined {
  if (typeof v !== "number") return wrongType(`a number (${name})`, v);
  return Number.isInteger(v) && v >= min && v <= max ? undefined : outOfRange(`an integer from ${min} to ${max} (${name})`, v);
}

function bigintProblem(v: unknown, min: bigint, max: bigint, name: string): ValueProblem | undefined {
  if (typeof v !== "bigint") return wrongType(`a bigint (${name})`, v);
  return v >= min && v <= max ? undefined : outOfRange(`a bigint from ${min} to ${max} (${name})`, v);
}

/** Why `v` cannot be a value of scalar type `t`, or undefined when it can. */
export function scalarValueProblem(t: ScalarType, v: unknown): ValueProblem | undefined {
  switch (t) {
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return typeof v === "number" ? undefined : wrongType(`a number (${t === ScalarType.FLOAT ? "float" : "double"})`, v);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return intProblem(v, INT32_MIN, INT32_MAX, "int32");
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return intProblem(v, 0, UINT32_MAX, "uint32");
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return bigintProblem(v, INT64_MIN, INT64_MAX, "int64");
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return bigintProblem(v, 0n, UINT64_MAX, "uint64");
    case ScalarType.BOOL:
      return typeof v === "boolean" ? undefined : wrongType("a boolean", v);
    case ScalarType.STRING:
      return typeof v === "string" ? undefined : wrongType("a string", v);
    case ScalarType.BYTES:
      return v instanceof Uint8Array ? undefined : wrongType("a Uint8Array (bytes)", v);
  }
}

/** Why `v` cannot be the value of an enum field (any int32: open enums keep unknown numbers), or undefined. */
export function enumValueProblem(v: unknown): ValueProblem | undefined {
  return intProblem(v, INT32_MIN, INT32_MAX, "an enum number");
}

/** Why `v` cannot be a message of type `desc` (only the object and its `$typeName`, not its fields), or undefined. */
export function messageValueProblem(desc: DescMessage, v: unknown): ValueProblem | undefined {
  if (v === null || typeof v !== "object" || (v as { $typeName?: unknown }).$typeName !== desc.typeName) {
    return wrongType(`a message of type ${desc.typeName}`, v);
  }
  const unknown = (v as { $unknown?: unknown }).$unknown;
  if (unknown !== undefined && !Array.isArray(unknown)) return wrongType("$unknown to be an array of unknown fields", unknown);
  return undefined;
}

/** Why `v` cannot be the value of `oneof` (an object whose `case` is undefined or names one of its fields), or undefined. */
export function oneofValueProblem(oneof: DescOneof, v: unknown): ValueProblem | undefined {
  const isObject = typeof v === "object" && v !== null;
  const c = isObject ? (v as { case?: unknown }).case : undefined;
  if (isObject && (c === undefined || oneof.fields.some((f) => f.localName === c))) return undefined;
  const cases = oneof.fields.map((f) => JSON.stringify(f.localName)).join(", ");
  return { kind: "type", message: `expected a oneof value whose case is undefined or one of ${cases}, got ${isObject ? `case ${describeValue(c)}` : describeValue(v)}` };
}

/** A value findInvalidValue() found in a message of type `typeName`, as one line: `pkg.Book.people[1].name: expected a string, got …`. */
export function formatInvalidValue(typeName: string, bad: InvalidValue): string {
  return `${bad.path.length === 0 ? typeName : `${typeName}.${formatValuePath(bad.path)}`}: ${bad.message}`;
}

/**
 * The first value in `msg` (depth first, fields in declaration order) whose type does not fit its
 * field, or undefined when all do. `undefined` and `null` stand for an unset field (an empty list
 * or map); list elements and map values may be neither. A message that contains itself is
 * reported rather than followed around.
 */
export function findInvalidValue(desc: DescMessage, msg: unknown, fieldName: (f: DescField) => string = (f) => f.name): InvalidValue | undefined {
  const found = new Checker(fieldName).message(desc, msg);
  if (!found) return undefined;
  // The path was collected from the value outwards, and field names only now: nothing is built
  // while the values fit.
  const field = found.field === undefined ? desc.typeName : typeof found.field === "string" ? found.field : fieldFullName(found.field);
  return { kind: found.kind, message: found.message, path: found.path.reverse(), field };
}

/** A path of findInvalidValue() as text: `people[3].address.city`, `labels["a b"]`. */
export function formatValuePath(path: readonly (string | number)[]): string {
  let out = "";
  for (const s of path) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** A value that does not fit, as the checker returns it: the path from the value outwards. */
interface Found extends ValueProblem {
  readonly path: (string | number)[];
  /** The field it is a value of (a oneof's full name for a bad oneof value); undefined for the message checked itself. */
  field: DescField | string | undefined;
}

function found(problem: ValueProblem, field?: DescField | string): Found {
  return { kind: problem.kind, message: problem.message, path: [], field };
}

class Checker {
  /** The messages being checked, to tell a message that contains itself. */
  private readonly open = new Set<object>();

  constructor(private readonly fieldName: (f: DescField) => string) {}

  message(desc: DescMessage, msg: unknown): Found | undefined {
    const problem = messageValueProblem(desc, msg);
    if (problem) return found(problem);
    const m = msg as Record<string, unknown>;
    if (this.open.has(m)) return found({ kind: "type", message: "the message contains itself" });
    this.open.add(m);
    const bad = this.members(desc, m);
    this.open.delete(m);
    return bad;
  }

  private members(desc: DescMessage, m: Record<string, unknown>): Found | undefined {
    for (const member of desc.members) {
      const v = m[member.localName];
      if (v === undefined || v === null) continue;
      if (member.kind === "field") {
        const bad = this.field(member, v);
        if (bad) return at(bad, this.fieldName(member), member);
        continue;
      }
      const problem = oneofValueProblem(member, v);
      if (problem) return { ...found(problem, `${desc.typeName}.${member.name}`), path: [member.name] };
      const { case: c, value } = v as { case?: string; value?: unknown };
      const f = member.fields.find((x) => x.localName === c);
      if (!f || value === undefined || value === null) continue;
      const bad = this.field(f, value);
      if (bad) return at(bad, this.fieldName(f), f);
    }
    return undefined;
  }

  private field(f: DescField, v: unknown): Found | undefined {
    switch (f.fieldKind) {
      case "scalar":
      case "enum":
      case "message":
        return this.single(f, v);
      case "list": {
        if (!Array.isArray(v)) return found(wrongType("an array", v));
        for (let i = 0; i < v.length; i++) {
          const bad = this.single(f, v[i]);
          if (bad) return at(bad, i, f);
        }
        return undefined;
      }
      case "map": {
        if (!(v instanceof Map)) return found(wrongType("a Map", v));
        for (const [k, e] of v as Map<unknown, unknown>) {
          const keyProblem = scalarValueProblem(f.mapKey, k);
          const bad = keyProblem ? found({ kind: keyProblem.kind, message: `map key: ${keyProblem.message}` }) : this.single(f, e);
          if (bad) return at(bad, typeof k === "string" ? k : String(k), f);
        }
        return undefined;
      }
    }
  }

  /** One value of a singular field, or one element of a list or a map (`f`'s element type). */
  private single(f: DescField, v: unknown): Found | undefined {
    const kind = f.fieldKind === "list" || f.fieldKind === "map" ? f.elementKind : f.fieldKind;
    switch (kind) {
      case "message":
        return this.message((f as { message: DescMessage }).message, v);
      case "enum":
        return wrap(enumValueProblem(v));
      default:
        return wrap(scalarValueProblem((f as { scalar: ScalarType }).scalar, v));
    }
  }
}

function wrap(problem: ValueProblem | undefined): Found | undefined {
  return problem && found(problem);
}

/** Adds one step to the path of `bad` (from the value outwards) and the field when it has none yet. */
function at(bad: Found, step: string | number, field: DescField): Found {
  bad.path.push(step);
  bad.field ??= field;
  return bad;
}
