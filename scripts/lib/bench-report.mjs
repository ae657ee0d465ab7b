// Sums and prints the timings of scripts/bench-compiler.mjs. A sample is
// { name, protocMs, oursMs } (name: a file or a directory, prefixed with its corpus set).

const s = (ms) => (ms / 1000).toFixed(2) + " s";
const ratio = (ours, theirs) => (theirs > 0 ? (ours / theirs).toFixed(2) : "-");

/** Totals of samples whose name matches `test`. */
function totals(samples, test) {
  let protocMs = 0;
  let oursMs = 0;
  let n = 0;
  for (const x of samples) {
    if (!test(x.name)) continue;
    n++;
    protocMs += x.protocMs;
    oursMs += x.oursMs;
  }
  return { n, protocMs, oursMs };
}

/**
 * Prints one measurement: overall totals, the totals of each group ({ label, test }) and of the
 * rest, and the `top` samples with the highest ratio ours/protoc.
 */
export function printMeasurement(title, samples, groups, top, unit) {
  const line = (label, t) =>
    console.log(`  ${label.padEnd(24)} ${String(t.n).padStart(5)} ${unit}  protoc ${s(t.protocMs).padStart(10)}  protoforge ${s(t.oursMs).padStart(10)}  ratio ${ratio(t.oursMs, t.protocMs)}`);
  console.log(`\n${title}`);
  line("all", totals(samples, () => true));
  for (const g of groups) line(g.label, totals(samples, g.test));
  if (groups.length > 0) line("rest", totals(samples, (n) => !groups.some((g) => g.test(n))));
  const worst = [...samples].sort((a, b) => b.oursMs / b.protocMs - a.oursMs / a.protocMs).slice(0, top);
  if (worst.length > 0) console.log(`  highest ratios:`);
  for (const x of worst) console.log(`    ${ratio(x.oursMs, x.protocMs).padStart(6)}  protoc ${x.protocMs.toFixed(1).padStart(8)} ms  protoforge ${x.oursMs.toFixed(1).padStart(8)} ms  ${x.name}`);
}
