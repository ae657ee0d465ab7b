/**
 * protoc's SetOptionValue: checks an option's value against the field's type and encodes it as
 * the unknown field protoc adds (ints by their wire type, enums by number, message values from
 * text format). Errors have protoc's texts and point at the option's value.
 */
import type { UninterpretedOption } from "../../reflect/descriptor-types.js";
import type { UnknownField } from "../../reflect/message.js";
import type { Builder } from "../link/builder.js";
import { Type, cppType, type EnumDesc, type EnumValueDesc, type FieldDesc } from "../link/model.js";
import type { OptionsJob } from "../link/options-job.js";
import { parseAggregateOption } from "./aggregate.js";
import { generatedPool } from "./generated.js";
import { bytesField, doubleField, fixed32Field, fixed64Field, floatField, groupField, parseFields, varintField } from "./unknown-fields.js";

const INT32_MIN = -2147483648n;
const INT32_MAX = 2147483647n;
const INT64_MAX = (1n << 63n) - 1n;
const UINT32_MAX = 4294967295n;

/** The unknown fields setting `field` to the option's value, or undefined after reporting an error. */
export function setOptionValue(b: Builder, job: OptionsJob, uo: UninterpretedOption, field: FieldDesc): UnknownField[] | undefined {
  const valueError = (message: string): undefined => {
    b.error(job.elementName, uo, "OPTION_VALUE", message);
    return undefined;
  };
  const name = field.fullName;
  const no = field.number;
  const pos = uo.positiveIntValue;
  const neg = uo.negativeIntValue;
  switch (cppType(field.type!)) {
    case "int32": {
      const range = `-2147483648 to 2147483647, for int32 option "${name}".`;
      const v = pos ?? neg;
      if (v === undefined) return valueError(`Value must be integer, from ${range}`);
      if (v > INT32_MAX || v < INT32_MIN) return valueError(`Value out of range, ${range}`);
      return [intField(no, field.type!, v)];
    }
    case "int64": {
      const range = `-9223372036854775808 to 9223372036854775807, for int64 option "${name}".`;
      const v = pos ?? neg;
      if (v === undefined) return valueError(`Value must be integer, from ${range}`);
      if (v > INT64_MAX) return valueError(`Value out of range, ${range}`);
      return [intField(no, field.type!, v)];
    }
    case "uint32": {
      const range = `0 to 4294967295, for uint32 option "${name}".`;
      if (pos === undefined) return valueError(`Value must be integer, from ${range}`);
      if (pos > UINT32_MAX) return valueError(`Value out of range, ${range}`);
      return [field.type === Type.FIXED32 ? fixed32Field(no, Number(pos)) : varintField(no, pos)];
    }
    case "uint64":
      if (pos === undefined) return valueError(`Value must be integer, from 0 to 18446744073709551615, for uint64 option "${name}".`);
      return [field.type === Type.FIXED64 ? fixed64Field(no, pos) : varintField(no, pos)];
    case "float":
    case "double": {
      let v: number;
      if (uo.doubleValue !== undefined) v = uo.doubleValue;
      else if (pos !== undefined) v = Number(pos);
      else if (neg !== undefined) v = Number(neg);
      else if (uo.identifierValue === "inf") v = Infinity;
      else if (uo.identifierValue === "nan") v = NaN;
      else return valueError(`Value must be number for ${cppType(field.type!)} option "${name}".`);
      return [field.type === Type.FLOAT ? floatField(no, Math.fround(v)) : doubleField(no, v)];
    }
    case "bool":
      if (uo.identifierValue === undefined) return valueError(`Value must be identifier for boolean option "${name}".`);
      if (uo.identifierValue !== "true" && uo.identifierValue !== "false") {
        return valueError(`Value must be "true" or "false" for boolean option "${name}".`);
      }
      return [varintField(no, uo.identifierValue === "true" ? 1n : 0n)];
    case "enum": {
      if (uo.identifierValue === undefined) return valueError(`Value must be identifier for enum-valued option "${name}".`);
      const e = field.enumType!;
      const valueName = uo.identifierValue;
      let value: EnumValueDesc | undefined;
      if (isGenerated(e)) {
        value = e.valuesByName.get(valueName);
      } else {
        const scope = e.fullName.slice(0, e.fullName.length - e.name.length);
        const s = b.findSymbolNotEnforcingDeps(scope + valueName);
        if (s?.kind === "enumValue") {
          const candidate = s.desc as EnumValueDesc;
          if (candidate.enum !== e) {
            return valueError(
              `Enum type "${e.fullName}" has no value named "${valueName}" for option "${name}". This appears to be a value from a sibling type.`,
            );
          }
          value = candidate;
        }
      }
      if (value === undefined) return valueError(`Enum type "${e.fullName}" has no value named "${valueName}" for option "${name}".`);
      return [varintField(no, BigInt(value.number))];
    }
    case "string":
      if (uo.stringValue === undefined) return valueError(`Value must be quoted string for string option "${name}".`);
      return [bytesField(no, uo.stringValue)];
    case "message": {
      if (uo.aggregateValue === undefined) {
        return valueError(
          `Option "${name}" is a message. To set the entire message, use syntax like "${field.name} = { <proto text format> }". To set fields within it, use syntax like "${field.name}.foo = value".`,
        );
      }
      const parsed = parseAggregateOption(b, field, uo.aggregateValue);
      if (typeof parsed === "string") return valueError(`Error while parsing option value for "${field.name}": ${parsed}`);
      if (field.type === Type.MESSAGE) return [bytesField(no, parsed)];
      return [groupField(no, parseFields(parsed) ?? [])];
    }
  }
}

function isGenerated(e: EnumDesc): boolean {
  return generatedPool().pool.files.get(e.file.name) === e.file;
}

/** An int32/int64-family value encoded per the field's type (varint, zigzag or fixed). */
function intField(no: number, type: number, v: bigint): UnknownField {
  switch (type) {
    case Type.SFIXED32:
      return fixed32Field(no, Number(BigInt.asUintN(32, v)));
    case Type.SINT32:
      return varintField(no, BigInt(((Number(v) << 1) ^ (Number(v) >> 31)) >>> 0));
    case Type.SFIXED64:
      return fixed64Field(no, v);
    case Type.SINT64:
      return varintField(no, BigInt.asUintN(64, (v << 1n) ^ (v >> 63n)));
    default:
      return varintField(no, v);
  }
}
