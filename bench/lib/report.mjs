// The benchmark's outputs: a console table, the Markdown section of docs/benchmarks.md and an
// SVG chart of the ratios to the baseline (hand-written SVG, no dependency).

/** A number with about three significant digits, never in exponent notation. */
function sig3(v) {
  return v >= 99.95 ? v.toFixed(0) : v >= 9.995 ? v.toFixed(1) : v.toFixed(2);
}

/** Ops/s with about three significant digits and a unit: 1.23 M, 456 k, 78.9. */
export function fmtOps(x) {
  if (x >= 999.5e3) return `${sig3(x / 1e6)} M`;
  if (x >= 999.5) return `${sig3(x / 1e3)} k`;
  return sig3(x);
}

/** A ratio as "1.23×" (one decimal from 10 up). */
export function fmtRatio(x) {
  return `${x >= 9.995 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** Bytes as "84 B", "1.4 KB", "126 KB", "2.30 MB" (1 KB = 1024 B). */
export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  const kb = n / 1024;
  if (kb < 999.5) return `${kb < 9.95 ? kb.toFixed(1) : kb.toFixed(0)} KB`;
  const mb = kb / 1024;
  return `${mb < 9.995 ? mb.toFixed(2) : mb.toFixed(1)} MB`;
}

const range = (s, f) => `${f(s.min)}–${f(s.max)}`;

/** Rows of one shape's table: [contender, encode, decode, size, enc ratio, dec ratio]. */
function rows(shape, labels) {
  return shape.ids.map((id) => {
    const r = shape.summary[id];
    const size = shape.checks[id].size;
    return [
      labels[id],
      `${fmtOps(r.encode.median)} (${range(r.encode, fmtOps)})`,
      `${fmtOps(r.decode.median)} (${range(r.decode, fmtOps)})`,
      `${size.toLocaleString("en-US")}`,
      `${fmtRatio(r.encodeRatio.median)} (${range(r.encodeRatio, fmtRatio)})`,
      `${fmtRatio(r.decodeRatio.median)} (${range(r.decodeRatio, fmtRatio)})`,
    ];
  });
}

const HEAD = ["contender", "encode ops/s (min–max)", "decode ops/s (min–max)", "bytes", "encode vs protobufjs", "decode vs protobufjs"];

/** The console report. */
export function consoleReport(results) {
  const lines = [`ops/s per second of ${results.config.clock === "wall" ? "wall time" : "process CPU time"}; ratios: median of per-round ratios to protobufjs (min–max)`];
  for (const shape of results.shapes) {
    lines.push("", `Shape ${shape.id}: ${shape.title} (${shape.typeName}), ${fmtBytes(shape.protobufSize)} as protobuf`);
    const table = [HEAD, ...rows(shape, results.labels)];
    const widths = HEAD.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  }
  if (results.memory) {
    lines.push("", `Shape ${results.memory.shape} memory: heap allocated per op (no GC in between), and heap kept by one decoded message`);
    const head = ["contender", "encode alloc/op", "decode alloc/op", "decoded retained"];
    const table = [head, ...memoryRows(results)];
    const widths = head.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  }
  return lines.join("\n");
}

function memoryRows(results) {
  const m = results.memory;
  const cell = (x) => `${fmtBytes(x.bytesPerOp)}${x.collections ? ` (${x.collections} GC)` : ""}`;
  return m.ids.map((id) => [results.labels[id], cell(m.byId[id].encode), cell(m.byId[id].decode), fmtBytes(m.byId[id].retained)]);
}

const mdRow = (cells) => `| ${cells.join(" | ")} |`;

/** The generated section of docs/benchmarks.md. */
export function markdownResults(results, chartPath) {
  const env = results.env;
  const out = [];
  out.push(
    `Measured ${env.date} on ${env.cpu} (${env.cores} cores), Node ${env.node}, ` +
      `${results.config.processes} passes of a process per shape and contender, each ${results.config.rounds} rounds × ${results.config.timeMs} ms per operation after ${results.config.warmupMs} ms warm-up; ` +
      `ops/s are per second of ${results.config.clock === "wall" ? "wall time" : "the process's CPU time"}. ` +
      `Load average (1 min) at start ${env.loadStart.toFixed(2)}, at end ${env.loadEnd.toFixed(2)}${env.loadStart > env.cores / 2 || env.loadEnd > env.cores / 2 ? " — the machine was busy: treat absolute figures as rough" : ""}.`,
    "",
    `Libraries: ${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    "",
    `Ratios are to protobufjs (static code): the median of the per-round ratios, with their min–max; above 1× is faster than protobufjs.`,
    "",
    `![Encode and decode speed relative to protobufjs, per shape](${chartPath})`,
  );
  for (const shape of results.shapes) {
    out.push("", `### Shape ${shape.id}: ${shape.title}`, "", `\`${shape.typeName}\`, ${shape.protobufSize.toLocaleString("en-US")} bytes as protobuf.`, "");
    const r = rows(shape, results.labels);
    out.push(mdRow(HEAD), mdRow(HEAD.map((_, i) => (i === 0 ? "---" : "---:"))), ...r.map(mdRow));
  }
  if (results.memory) {
    out.push(
      "",
      `### Memory, shape ${results.memory.shape}`,
      "",
      "Heap (plus ArrayBuffer) growth per operation with no garbage collection in between (a young generation of 256 MB), i.e. everything one operation allocates, garbage included; and the heap one decoded message keeps alive.",
      "",
    );
    const head = ["contender", "encode alloc/op", "decode alloc/op", "decoded retained"];
    out.push(mdRow(head), mdRow(["---", "---:", "---:", "---:"]), ...memoryRows(results).map(mdRow));
  }
  const checks = results.shapes.map((s) => {
    const pb = s.ids.filter((id) => s.checks[id].bytes !== undefined);
    const verdicts = [...new Set(pb.map((id) => s.checks[id].bytes))];
    return `${s.id}: all round-trip; ${pb.length} protobuf encoders ${verdicts.join(" / ")}`;
  });
  out.push("", `Checks before timing: ${checks.join("; ")}.`);
  if (Object.keys(results.notes).length) out.push("", `Notes: ${Object.entries(results.notes).map(([id, n]) => `${results.labels[id]}: ${n}`).join("; ")}.`);
  return out.join("\n");
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An SVG chart of the median encode/decode ratios per shape and contender, log scale, with min–max whiskers. */
export function svgChart(results) {
  const ids = results.shapes[0].ids.filter((id) => id !== results.baseline);
  const all = results.shapes.flatMap((s) => ids.flatMap((id) => ["encodeRatio", "decodeRatio"].flatMap((k) => [s.summary[id][k].min, s.summary[id][k].max])));
  // Some room beyond the extremes for the value labels.
  const lo = Math.floor(Math.log2(Math.min(...all, 1)) - 0.7);
  const hi = Math.ceil(Math.log2(Math.max(...all, 1)) + 0.4);
  const W = 900;
  const left = 190;
  const right = 70;
  const barH = 10;
  const rowH = 2 * barH + 8;
  const panelHead = 26;
  const top = 50;
  const x = (r) => left + ((Math.log2(r) - lo) / (hi - lo)) * (W - left - right);
  const panelH = panelHead + ids.length * rowH + 8;
  const H = top + results.shapes.length * panelH + 30;
  const colors = { encodeRatio: "#4e79a7", decodeRatio: "#f28e2b" };
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  o.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  o.push(`<text x="${left}" y="20" font-size="15" font-weight="bold">Speed relative to protobufjs (static code); log scale, right of 1× is faster</text>`);
  o.push(`<rect x="${left}" y="30" width="12" height="10" fill="${colors.encodeRatio}"/><text x="${left + 16}" y="39">encode</text>`);
  o.push(`<rect x="${left + 80}" y="30" width="12" height="10" fill="${colors.decodeRatio}"/><text x="${left + 96}" y="39">decode</text>`);
  o.push(`<text x="${left + 160}" y="39" fill="#555">bar: median of per-round ratios; whisker: min–max</text>`);
  const plotBottom = H - 30;
  const step = Math.ceil((hi - lo) / 10);
  for (let e = lo; e <= hi; e++) {
    if (e % step !== 0) continue;
    const gx = x(2 ** e);
    const label = e >= 0 ? `${2 ** e}×` : `1/${2 ** -e}×`;
    o.push(`<line x1="${gx.toFixed(1)}" y1="${top}" x2="${gx.toFixed(1)}" y2="${plotBottom}" stroke="${e === 0 ? "#222" : "#ddd"}" stroke-width="${e === 0 ? 1.5 : 1}"/>`);
    o.push(`<text x="${gx.toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" fill="#444">${label}</text>`);
  }
  results.shapes.forEach((shape, si) => {
    const py = top + si * panelH;
    o.push(`<text x="10" y="${py + 17}" font-weight="bold">Shape ${shape.id}: ${esc(shape.title)}</text>`);
    ids.forEach((id, ri) => {
      const ry = py + panelHead + ri * rowH;
      o.push(`<text x="${left - 8}" y="${ry + barH + 4}" text-anchor="end">${esc(results.labels[id])}</text>`);
      ["encodeRatio", "decodeRatio"].forEach((k, ki) => {
        const s = shape.summary[id][k];
        const by = ry + ki * barH;
        const x0 = x(1);
        const x1 = x(s.median);
        o.push(`<rect x="${Math.min(x0, x1).toFixed(1)}" y="${by}" width="${Math.max(1, Math.abs(x1 - x0)).toFixed(1)}" height="${barH - 1}" fill="${colors[k]}"/>`);
        const wy = by + (barH - 1) / 2;
        o.push(`<line x1="${x(s.min).toFixed(1)}" y1="${wy}" x2="${x(s.max).toFixed(1)}" y2="${wy}" stroke="#222" stroke-width="1"/>`);
        // The value sits beyond the bar and its whisker: right of faster bars, left of slower ones.
        const faster = s.median >= 1;
        const tx = faster ? Math.max(x1, x(s.max)) + 4 : Math.min(x1, x(s.min)) - 4;
        o.push(`<text x="${tx.toFixed(1)}" y="${by + barH - 1}" font-size="10" fill="#333" text-anchor="${faster ? "start" : "end"}">${fmtRatio(s.median)}</text>`);
      });
    });
  });
  o.push("</svg>");
  return `${o.join("\n")}\n`;
}
