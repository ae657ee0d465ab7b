import { ScalarType, type ScalarValue } from "./scalar.js";

/** Parses a FieldDescriptorProto.default_value string as protoc writes it, for a scalar field. */
export function parseDefaultValue(scalar: ScalarType, text: string): ScalarValue {
  switch (scalar) {
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      if (text === "inf") return Infinity;
      if (text === "-inf") return -Infinity;
      if (text === "nan") return NaN;
      return checkedNumber(text);
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      try {
        return BigInt(text);
      } catch {
        throw new Error(`invalid default value "${text}" for a 64-bit integer field`);
      }
    case ScalarType.BOOL:
      if (text === "true") return true;
      if (text === "false") return false;
      throw new Error(`invalid default value "${text}" for a bool field`);
    case ScalarType.STRING:
      return text;
    case ScalarType.BYTES:
      return unescapeBytes(text);
    default:
      return checkedNumber(text);
  }
}

function checkedNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === "" || Number.isNaN(n)) throw new Error(`invalid default value "${text}"`);
  return n;
}

/** Undoes protoc's C escaping of a bytes default (\n, \", \\, octal \NNN, hex \xHH …). */
export function unescapeBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c /* \ */) {
      out.push(c & 0xff);
      continue;
    }
    const e = text[++i];
    switch (e) {
      case "n": out.push(10); break;
      case "r": out.push(13); break;
      case "t": out.push(9); break;
      case "a": out.push(7); break;
      case "b": out.push(8); break;
      case "f": out.push(12); break;
      case "v": out.push(11); break;
      case "x": {
        let v = 0;
        let digits = 0;
        while (digits < 2 && i + 1 < text.length && /[0-9a-fA-F]/.test(text[i + 1]!)) {
          v = v * 16 + parseInt(text[++i]!, 16);
          digits++;
        }
        out.push(v & 0xff);
        break;
      }
      default:
        if (e !== undefined && e >= "0" && e <= "7") {
          let v = Number(e);
          for (let d = 0; d < 2 && i + 1 < text.length && text[i + 1]! >= "0" && text[i + 1]! <= "7"; d++) {
            v = v * 8 + Number(text[++i]);
          }
          out.push(v & 0xff);
        } else if (e !== undefined) {
          out.push(e.charCodeAt(0) & 0xff);
        }
    }
  }
  return new Uint8Array(out);
}
