/** google.protobuf.Timestamp (RFC 3339 text) and google.protobuf.Duration ("1.5s") in JSON. */
import { getFieldValue, setFieldValue } from "../../message/fields.js";
import { jsonTypeName, type JsonNode } from "./json-types.js";
import type { ReadContext } from "./options.js";
import { quote } from "./scalar-read.js";
import { wktField, type WktConverter } from "./wkt-support.js";

// Timestamps span 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
const MIN_TIMESTAMP = -62135596800;
const MAX_TIMESTAMP = 253402300799;
// Durations span about ±10,000 years.
const MAX_DURATION = 315576000000n;
const MAX_NANOS = 999999999;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (valid for any year, unlike Date.UTC for years below 100). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date [year, month, day] of a day count since 1970-01-01. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Nanoseconds as a fraction: none, or 3, 6 or 9 digits, whichever is shortest without loss. */
function fraction(nanos: number): string {
  if (nanos === 0) return "";
  const s = String(nanos).padStart(9, "0");
  if (nanos % 1000000 === 0) return "." + s.slice(0, 3);
  if (nanos % 1000 === 0) return "." + s.slice(0, 6);
  return "." + s;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

function expectString(node: JsonNode, ctx: ReadContext, typeName: string): string {
  if (node.kind !== "string") ctx.fail("type", `expected a string for ${typeName}, got ${jsonTypeName(node)}`, node.at);
  return node.value;
}

/** Timestamp: "1972-01-01T10:00:20.021Z"; offsets like "+01:00" are accepted when reading, "Z" is always written. */
export const timestampJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const seconds = Number(getFieldValue(msg, wktField(desc, 1)) as bigint);
    const nanos = getFieldValue(msg, wktField(desc, 2)) as number;
    if (seconds < MIN_TIMESTAMP || seconds > MAX_TIMESTAMP) ctx.fail("range", `Timestamp seconds out of range: ${seconds}`);
    if (nanos < 0 || nanos > MAX_NANOS) ctx.fail("range", `Timestamp nanos out of range: ${nanos}`);
    const days = Math.floor(seconds / 86400);
    const secOfDay = seconds - days * 86400;
    const [y, m, d] = civilFromDays(days);
    const time = `${pad(Math.floor(secOfDay / 3600), 2)}:${pad(Math.floor(secOfDay / 60) % 60, 2)}:${pad(secOfDay % 60, 2)}`;
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${time}${fraction(nanos)}Z`;
  },
  fromJson(desc, msg, node, ctx) {
    const s = expectString(node, ctx, desc.typeName);
    const p = TIMESTAMP.exec(s);
    const invalid = (why: string): never => ctx.fail("value", `invalid Timestamp ${quote(s)}: ${why}`, node.at);
    if (!p) return invalid("expected RFC 3339 form like 1972-01-01T10:00:20.021Z");
    const [y, mo, d, h, mi, sec] = [p[1], p[2], p[3], p[4], p[5], p[6]].map(Number) as [number, number, number, number, number, number];
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return invalid("no such date");
    if (h > 23 || mi > 59 || sec > 59) return invalid("no such time of day");
    let offset = 0;
    if (p[8] !== undefined) {
      const oh = Number(p[9]);
      const om = Number(p[10]);
      if (oh > 23 || om > 59) return invalid("invalid UTC offset");
      offset = (p[8] === "-" ? -1 : 1) * (oh * 3600 + om * 60);
    }
    const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
    if (seconds < MIN_TIMESTAMP || seconds > MAX_TIMESTAMP) {
      ctx.fail("range", `Timestamp out of range: ${quote(s)} (must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z)`, node.at);
    }
    setFieldValue(msg, wktField(desc, 1), BigInt(seconds));
    setFieldValue(msg, wktField(desc, 2), Number((p[7] ?? "").padEnd(9, "0")));
  },
};

/** Duration: seconds with up to 9 fractional digits and an "s" suffix: "-1.500s". */
export const durationJson: WktConverter = {
  toJson(desc, msg, ctx) {
    const seconds = getFieldValue(msg, wktField(desc, 1)) as bigint;
    const nanos = getFieldValue(msg, wktField(desc, 2)) as number;
    if (seconds < -MAX_DURATION || seconds > MAX_DURATION) ctx.fail("range", `Duration seconds out of range: ${seconds}`);
    if (nanos < -MAX_NANOS || nanos > MAX_NANOS) ctx.fail("range", `Duration nanos out of range: ${nanos}`);
    if ((seconds > 0n && nanos < 0) || (seconds < 0n && nanos > 0)) {
      ctx.fail("value", `Duration seconds and nanos have different signs: ${seconds}, ${nanos}`);
    }
    const negative = seconds < 0n || nanos < 0;
    const abs = seconds < 0n ? -seconds : seconds;
    return `${negative ? "-" : ""}${abs}${fraction(Math.abs(nanos))}s`;
  },
  fromJson(desc, msg, node, ctx) {
    const s = expectString(node, ctx, desc.typeName);
    const p = DURATION.exec(s);
    if (!p) return ctx.fail("value", `invalid Duration ${quote(s)}: expected seconds with an "s" suffix like "1.5s"`, node.at);
    const abs = p[2]!.length > 15 ? MAX_DURATION + 1n : BigInt(p[2]!);
    if (abs > MAX_DURATION) ctx.fail("range", `Duration out of range: ${quote(s)} (at most ${MAX_DURATION} seconds either way)`, node.at);
    const sign = p[1] === "-" ? -1 : 1;
    const nanos = Number((p[3] ?? "").padEnd(9, "0"));
    setFieldValue(msg, wktField(desc, 1), sign < 0 ? -abs : abs);
    setFieldValue(msg, wktField(desc, 2), nanos === 0 ? 0 : sign * nanos);
  },
};

