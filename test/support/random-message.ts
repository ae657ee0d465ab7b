import type { DescField, DescMessage } from "../../src/reflect/descriptors.js";
import type { Message } from "../../src/reflect/message.js";
import { ScalarType, type ScalarValue } from "../../src/reflect/scalar.js";
import { createEmpty } from "../../src/message/create.js";
import { setFieldValue } from "../../src/message/fields.js";

/** A small deterministic PRNG (mulberry32), so random tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random message of type `desc`: each field set with probability 1/2, nesting up to `depth`. */
export function randomMessage(desc: DescMessage, rnd: () => number, depth = 3): Message {
  const msg = createEmpty(desc);
  for (const f of desc.fields) {
    if (rnd() < 0.5) continue;
    if (f.oneof && (msg as unknown as Record<string, { case?: string }>)[f.oneof.localName]?.case !== undefined) continue;
    const v = randomFieldValue(f, rnd, depth);
    if (v !== undefined) setFieldValue(msg, f, v);
  }
  return msg;
}

function randomFieldValue(f: DescField, rnd: () => number, depth: number): unknown {
  switch (f.fieldKind) {
    case "scalar":
      return randomScalar(f.scalar, rnd);
    case "enum":
      return f.enum.values[Math.floor(rnd() * f.enum.values.length)]!.number;
    case "message":
      return depth > 0 ? randomMessage(f.message, rnd, depth - 1) : undefined;
    case "list": {
      const n = Math.floor(rnd() * 4);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        if (f.elementKind === "message") {
          if (depth > 0) out.push(randomMessage(f.message, rnd, depth - 1));
        } else if (f.elementKind === "enum") out.push(f.enum.values[Math.floor(rnd() * f.enum.values.length)]!.number);
        else out.push(randomScalar(f.scalar, rnd));
      }
      return out;
    }
    case "map": {
      const m = new Map<unknown, unknown>();
      const n = Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        const k = randomScalar(f.mapKey, rnd);
        if (f.elementKind === "message") {
          if (depth > 0) m.set(k, randomMessage(f.message, rnd, depth - 1));
        } else if (f.elementKind === "enum") m.set(k, f.enum.values[0]!.number);
        else m.set(k, randomScalar(f.scalar, rnd));
      }
      return m;
    }
  }
}

const strings = ["", "a", "hello", "héllo wörld", "日本語", "😀 emoji", "x".repeat(200)];

/** A random value of a scalar type, extremes included. */
export function randomScalar(t: ScalarType, rnd: () => number): ScalarValue {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  switch (t) {
    case ScalarType.DOUBLE: return pick([0, -0, 1.5, -2.25e300, 5e-324, Infinity, -Infinity, NaN, rnd()]);
    case ScalarType.FLOAT: return pick([0, -0, 1.5, Math.fround(3.4e38), Infinity, NaN, Math.fround(rnd())]);
    case ScalarType.INT32: case ScalarType.SINT32: case ScalarType.SFIXED32: return pick([0, 1, -1, 2147483647, -2147483648, Math.floor(rnd() * 1000) - 500]);
    case ScalarType.UINT32: case ScalarType.FIXED32: return pick([0, 1, 127, 128, 4294967295, Math.floor(rnd() * 1e6)]);
    case ScalarType.INT64: case ScalarType.SINT64: case ScalarType.SFIXED64: return pick([0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n, BigInt(Math.floor(rnd() * 1e9))]);
    case ScalarType.UINT64: case ScalarType.FIXED64: return pick([0n, 1n, 18446744073709551615n, BigInt(Math.floor(rnd() * 1e12))]);
    case ScalarType.BOOL: return rnd() < 0.5;
    case ScalarType.STRING: return pick(strings);
    case ScalarType.BYTES: return new Uint8Array(Math.floor(rnd() * 5)).map(() => Math.floor(rnd() * 256));
  }
}
