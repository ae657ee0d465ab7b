// Summaries of per-round samples: median with min and max.

/** The median of a list of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `{ median, min, max }` of a non-empty list. */
export function summarize(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/**
 * Aggregates one shape's rounds: per contender, ops/s for encode and decode and their per-round
 * ratios to the baseline (the ratio of each round is taken before the median, so load drift that
 * hits a whole round cancels out).
 */
export function aggregate(rounds, ids, baseline) {
  const out = {};
  for (const id of ids) {
    const row = {};
    for (const kind of ["encode", "decode"]) {
      row[kind] = summarize(rounds.map((r) => r[id][kind]));
      row[`${kind}Ratio`] = summarize(rounds.map((r) => r[id][kind] / r[baseline][kind]));
    }
    out[id] = row;
  }
  return out;
}
