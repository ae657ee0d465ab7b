/**
 * SourceCodeInfo paths: a parent's path with one or two numbers appended. The arrays are made at
 * their final length (appending to a spread copy leaves a larger backing store behind, and the
 * paths live as long as the SourceCodeInfo).
 */

/** `parent` followed by `field`. */
export function subPath(parent: readonly number[], field: number): number[] {
  const n = parent.length;
  const out = new Array<number>(n + 1);
  for (let i = 0; i < n; i++) out[i] = parent[i]!;
  out[n] = field;
  return out;
}

/** `parent` followed by `field` and `index` (an element of a repeated field). */
export function subPathAt(parent: readonly number[], field: number, index: number): number[] {
  const n = parent.length;
  const out = new Array<number>(n + 2);
  for (let i = 0; i < n; i++) out[i] = parent[i]!;
  out[n] = field;
  out[n + 1] = index;
  return out;
}
