/** Number and byte formatting the way protoc's C++ does it (SimpleDtoa, absl::CEscape). */

/** C's `%.<precision>g` for a finite double. */
function formatG(v: number, precision: number): string {
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [mantissa, e] = v.toExponential(precision - 1).split("e") as [string, string];
  const x = Number(e);
  if (x < -4 || x >= precision) {
    return `${stripZeros(mantissa)}e${x < 0 ? "-" : "+"}${String(Math.abs(x)).padStart(2, "0")}`;
  }
  return stripZeros(v.toFixed(precision - 1 - x));
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/**
 * protoc's io::SimpleDtoa: `%.15g` if that reads back as the same double, else `%.17g`;
 * "inf", "-inf" and "nan" for the special values.
 */
export function simpleDtoa(v: number): string {
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (Number.isNaN(v)) return "nan";
  const s = formatG(v, 15);
  return Number(s) === v ? s : formatG(v, 17);
}

/**
 * absl::CEscape: `\n \r \t \" \' \\` by name, other bytes outside 0x20..0x7e as 3-digit octal.
 * protoc stores bytes fields' default values this way.
 */
export function cEscape(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) {
    switch (b) {
      case 10: s += "\\n"; break;
      case 13: s += "\\r"; break;
      case 9: s += "\\t"; break;
      case 34: s += '\\"'; break;
      case 39: s += "\\'"; break;
      case 92: s += "\\\\"; break;
      default:
        s += b < 0x20 || b >= 0x7f ? "\\" + b.toString(8).padStart(3, "0") : String.fromCharCode(b);
    }
  }
  return s;
}

/**
 * protoc's io::SimpleFtoa for a float value: `%.6g` if that reads back (as a float) as the same
 * value, else `%.9g`; "inf", "-inf" and "nan" for the special values.
 */
export function simpleFtoa(v: number): string {
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (Number.isNaN(v)) return "nan";
  const f = Math.fround(v);
  const s = formatG(f, 6);
  return Math.fround(Number(s)) === f ? s : formatG(f, 9);
}
