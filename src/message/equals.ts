import type { DescField } from "../reflect/descriptors.js";
import type { Message, UnknownField } from "../reflect/message.js";
import { getSetValue } from "./fields.js";
import type { GenMessage } from "../reflect/embedded-file.js";

/** Options for equals(). */
export interface EqualsOptions {
  /** Also compare unknown fields (and extensions), byte for byte and in order. Default true. */
  unknownFields?: boolean;
}

/**
 * True when two messages of type `desc` hold the same field values. Unset and default are
 * different for explicit-presence fields and the same for implicit ones; NaN equals NaN.
 */
export function equals<T extends Message = Message>(desc: GenMessage<T>, a: NoInfer<T>, b: NoInfer<T>, options?: EqualsOptions): boolean {
  if (a === b) return true;
  if (a.$typeName !== b.$typeName) return false;
  for (const field of desc.fields) {
    if (!fieldEquals(field, getSetValue(a, field), getSetValue(b, field), options)) return false;
  }
  if (options?.unknownFields ?? true) return unknownEquals(a.$unknown, b.$unknown);
  return true;
}

function fieldEquals(field: DescField, x: unknown, y: unknown, options: EqualsOptions | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
      return valueEquals(x, y);
    case "message":
      return equals(field.message, x as Message, y as Message, options);
    case "list": {
      const xs = x as unknown[];
      const ys = y as unknown[];
      if (xs.length !== ys.length) return false;
      for (let i = 0; i < xs.length; i++) {
        if (field.elementKind === "message" ? !equals(field.message, xs[i] as Message, ys[i] as Message, options) : !valueEquals(xs[i], ys[i])) return false;
      }
      return true;
    }
    case "map": {
      const xm = x as Map<unknown, unknown>;
      const ym = y as Map<unknown, unknown>;
      if (xm.size !== ym.size) return false;
      for (const [k, xv] of xm) {
        if (!ym.has(k)) return false;
        const yv = ym.get(k);
        if (field.elementKind === "message" ? !equals(field.message, xv as Message, yv as Message, options) : !valueEquals(xv, yv)) return false;
      }
      return true;
    }
  }
}

function valueEquals(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === "number" && typeof y === "number") return Number.isNaN(x) && Number.isNaN(y);
  if (x instanceof Uint8Array && y instanceof Uint8Array) return bytesEqual(x, y);
  return false;
}

function bytesEqual(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function unknownEquals(x: UnknownField[] | undefined, y: UnknownField[] | undefined): boolean {
  const xs = x ?? [];
  const ys = y ?? [];
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) {
    const u = xs[i]!;
    const v = ys[i]!;
    if (u.no !== v.no || u.wireType !== v.wireType || !bytesEqual(u.data, v.data)) return false;
  }
  return true;
}
