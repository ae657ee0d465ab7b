/**
 * Allocation of small byte arrays from a shared slab. A fresh Uint8Array costs far more than
 * copying a few hundred bytes (its backing store is allocated and zeroed on its own), so small
 * results are views into one larger ArrayBuffer, as Node's Buffer.allocUnsafe does. Such a view's
 * `.buffer` is the whole slab: call `.slice()` on it to get an array with a buffer of its own.
 */

const SLAB_SIZE = 64 * 1024;
/** Arrays of this size or more get a buffer of their own. */
const MAX_POOLED = 4 * 1024;

let slab = new ArrayBuffer(SLAB_SIZE);
let offset = 0;

/** A new array of `n` bytes (contents unspecified: the caller fills all of it). */
export function allocBytes(n: number): Uint8Array {
  if (n >= MAX_POOLED) return allocUnzeroed(n);
  // A slab whose buffer was transferred elsewhere (postMessage) is detached: start a new one.
  if (offset + n > SLAB_SIZE || slab.byteLength === 0) {
    slab = new ArrayBuffer(SLAB_SIZE);
    offset = 0;
  }
  const out = new Uint8Array(slab, offset, n);
  offset = (offset + n + 7) & ~7; // keep views 8-byte aligned
  return out;
}

let emptySource = new ArrayBuffer(8);

/**
 * A new empty array: the value of an unset bytes field. A view of a small shared buffer, since
 * `new Uint8Array(0)` allocates a buffer of its own (about ten times slower). The view has no
 * bytes, so nothing is shared through it.
 */
export function emptyBytes(): Uint8Array {
  // A buffer transferred elsewhere (postMessage) is detached: start a new one.
  if (emptySource.byteLength === 0) emptySource = new ArrayBuffer(8);
  return new Uint8Array(emptySource, 0, 0);
}

const nodeAllocUnsafeSlow = (globalThis as { Buffer?: { allocUnsafeSlow?: (n: number) => Uint8Array } }).Buffer?.allocUnsafeSlow;

/**
 * A new array of `n` bytes with a buffer of its own, not zero-filled where the platform allows
 * (Node's Buffer.allocUnsafeSlow, seen as a plain Uint8Array): only for callers that fill all of it.
 */
export function allocUnzeroed(n: number): Uint8Array {
  if (nodeAllocUnsafeSlow === undefined) return new Uint8Array(n);
  const b = nodeAllocUnsafeSlow(n);
  return new Uint8Array(b.buffer, b.byteOffset, n);
}

/** A copy of `src[start..end)`. */
export function copyBytes(src: Uint8Array, start: number, end: number): Uint8Array {
  const n = end - start;
  const out = allocBytes(n);
  if (n < 64) {
    for (let i = 0; i < n; i++) out[i] = src[start + i]!;
  } else {
    out.set(src.subarray(start, end));
  }
  return out;
}

/** Copies of this size or more are made in memory that is not zero-filled first. */
const LARGE_COPY = 4096;

/**
 * A copy of `src[start..end)` in a plain Uint8Array with a buffer of its own, whatever `src` is
 * (`slice()` would not do: on a Node Buffer it returns a view of the same memory, not a copy).
 */
export function ownCopy(src: Uint8Array, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n >= LARGE_COPY) {
    const out = allocUnzeroed(n);
    out.set(src.subarray(start, end));
    return out;
  }
  const out = new Uint8Array(n);
  if (n < 32) {
    for (let i = 0; i < n; i++) out[i] = src[start + i]!;
  } else {
    out.set(src.subarray(start, end));
  }
  return out;
}
