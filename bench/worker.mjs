// One child process of `npm run bench`, for one shape and the contenders named in `ids`:
// - mode "check": loads them all and checks them (round trips, protobuf bytes against the reference);
// - mode "serve" (one contender; started by run.mjs with an IPC channel): answers "warmup" and
//   "measure" requests, so that the parent can interleave rounds of contenders that each live in
//   a process of their own;
// - mode "memory": allocation per operation and retained size of a decoded message.
// Loads nothing but the contenders it is given. Prints one JSON line on stdout (serve: replies
// over IPC instead).
// Usage: node worker.mjs '{"shape":"A","mode":"check","ids":["protobufjs","protoforge-dynamic"],"rounds":8,"timeMs":120,"warmupMs":300}'
import { PerformanceObserver } from "node:perf_hooks";
import { compareProtobuf, firstDifference } from "./lib/compare.mjs";
import { loadContenders, REFERENCE } from "./lib/contenders.mjs";
import { protoforge, registry } from "./lib/schema.mjs";
import { shapeById } from "./lib/shapes.mjs";

const config = JSON.parse(process.argv[2]);
const shape = shapeById(config.shape);
const data = shape.build();

/** Size in bytes of an encoded value (text formats count their UTF-8 bytes). */
const sizeOf = (enc) => (typeof enc === "string" ? Buffer.byteLength(enc, "utf8") : enc.length);
const asBytes = (enc) => (typeof enc === "string" ? new TextEncoder().encode(enc) : new Uint8Array(enc.buffer, enc.byteOffset, enc.length));

async function prepareAll() {
  const list = [];
  for (const c of await loadContenders(config.ids)) {
    const codecs = await c.load();
    list.push({ id: c.id, label: c.label, protobuf: !!c.protobuf, note: codecs.note, ...codecs.prepare(shape, data) });
  }
  return list;
}

/**
 * The checks before timing: every contender round-trips the data; every protobuf contender writes
 * the reference's bytes (map order aside) and reads the reference's bytes back to the same data.
 */
function check(list) {
  const problems = [];
  const ref = list.find((c) => c.id === REFERENCE);
  if (!ref) throw new Error(`the checks need the reference contender ${REFERENCE}`);
  const refBytes = asBytes(ref.encode(ref.value));
  const desc = registry.getMessage(shape.typeName);
  const checks = {};
  for (const c of list) {
    const r = { size: 0, roundTrip: "ok" };
    checks[c.id] = r;
    try {
      const enc = c.encode(c.value);
      r.size = sizeOf(enc);
      const d = firstDifference(c.canonical(c.decode(enc)), data);
      if (d) r.roundTrip = `differs at ${d}`;
      if (c.protobuf) {
        r.bytes = compareProtobuf(protoforge, desc, asBytes(enc), refBytes);
        const x = firstDifference(c.canonical(c.decode(refBytes)), data);
        r.readsReference = x ? `differs at ${x}` : "ok";
      }
    } catch (e) {
      r.roundTrip = `threw ${e.stack ?? e}`;
    }
    if (r.roundTrip !== "ok") problems.push(`${c.label}: round trip ${r.roundTrip}`);
    if (r.bytes !== undefined && !r.bytes.startsWith("identical")) problems.push(`${c.label}: bytes ${r.bytes}`);
    if (r.readsReference !== undefined && r.readsReference !== "ok") problems.push(`${c.label}: reading protoforge's bytes ${r.readsReference}`);
  }
  return { checks, problems };
}

// Each contender and operation gets its own copy of the loop, so no call site is shared
// between libraries (a shared one would turn megamorphic and tax them all).
const makeLoop = () => new Function("fn", "arg", "n", "let r; for (let i = 0; i < n; i++) r = fn(arg); return r;");
let sink;

/**
 * Runs `fn(arg)` in batches until `ms` of wall time have passed. Returns operations per second of
 * wall time and per second of this process's CPU time (user + system, all its threads): on a
 * machine shared with other jobs, time spent waiting for a core counts in the first only.
 */
function measure(op, ms) {
  const limit = BigInt(Math.round(ms * 1e6));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let n = 0;
  let t;
  do {
    sink = op.loop(op.fn, op.arg, op.batch);
    n += op.batch;
    t = process.hrtime.bigint() - t0;
  } while (t < limit);
  const cpu = process.cpuUsage(cpu0);
  return { wall: n / (Number(t) / 1e9), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

/** Warms an operation up for `ms` and picks a batch that takes about 1/50 of a measurement. */
function warmUp(op, ms, timeMs) {
  const end = performance.now() + ms;
  op.batch = 1;
  while (performance.now() < end) {
    const t0 = performance.now();
    sink = op.loop(op.fn, op.arg, op.batch);
    const dt = performance.now() - t0;
    if (dt < timeMs / 50) op.batch *= 2;
  }
}

function operations(list) {
  const ops = [];
  for (const c of list) {
    const encoded = c.encode(c.value);
    ops.push({ id: c.id, kind: "encode", fn: c.encode, arg: c.value, loop: makeLoop(), batch: 1 });
    ops.push({ id: c.id, kind: "decode", fn: c.decode, arg: encoded, loop: makeLoop(), batch: 1 });
  }
  return ops;
}

let gcCount = 0;
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Heap plus ArrayBuffer memory in use. */
function used() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Bytes allocated per call of fn(arg), counted as heap growth over n calls with no collection in
 * between (the child runs with a young generation large enough; collections are counted).
 */
async function allocation(fn, arg) {
  globalThis.gc();
  let before = used();
  sink = fn(arg);
  const estimate = Math.max(1, used() - before);
  const n = Math.max(3, Math.min(50, Math.floor(64e6 / estimate)));
  globalThis.gc();
  await tick();
  const gcs = gcCount;
  before = used();
  for (let i = 0; i < n; i++) sink = fn(arg);
  const after = used();
  await tick();
  return { bytesPerOp: Math.round((after - before) / n), ops: n, collections: gcCount - gcs };
}

/** Memory the decoded message keeps alive: growth across a collection while it is held. */
function retained(fn, arg) {
  globalThis.gc();
  globalThis.gc();
  const before = used();
  const kept = fn(arg);
  globalThis.gc();
  globalThis.gc();
  const bytes = used() - before;
  sink = kept;
  return bytes;
}

async function memory(list) {
  if (typeof globalThis.gc !== "function") throw new Error("the memory child needs --expose-gc");
  new PerformanceObserver((l) => (gcCount += l.getEntries().length)).observe({ entryTypes: ["gc"] });
  const ops = operations(list);
  for (const op of ops) warmUp(op, config.warmupMs, config.timeMs);
  const out = {};
  for (const c of list) {
    const enc = ops.find((o) => o.id === c.id && o.kind === "encode");
    const dec = ops.find((o) => o.id === c.id && o.kind === "decode");
    const samples = { encode: [], decode: [], retained: [] };
    for (let i = 0; i < 3; i++) {
      samples.encode.push(await allocation(enc.fn, enc.arg));
      samples.decode.push(await allocation(dec.fn, dec.arg));
      samples.retained.push(retained(dec.fn, dec.arg));
    }
    const best = (xs) => xs.reduce((a, b) => (b.collections < a.collections || (b.collections === a.collections && b.bytesPerOp < a.bytesPerOp) ? b : a));
    out[c.id] = { encode: best(samples.encode), decode: best(samples.decode), retained: Math.min(...samples.retained) };
  }
  return out;
}

/** Serves the parent's requests until it disconnects: one contender, its encode and decode. */
function serve(list) {
  const ops = operations(list);
  process.on("message", (msg) => {
    if (msg.cmd === "warmup") {
      for (const op of ops) warmUp(op, config.warmupMs, config.timeMs);
      process.send({ warm: true });
    } else if (msg.cmd === "measure") {
      const op = ops.find((o) => o.kind === msg.kind);
      process.send(measure(op, config.timeMs));
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send({ ready: true });
}

const list = await prepareAll();
if (config.mode === "serve") serve(list);
else await report(list);

async function report(list) {
  const result = { shape: shape.id, mode: config.mode, labels: Object.fromEntries(list.map((c) => [c.id, c.label])), problems: [] };
  if (config.mode === "check") {
    Object.assign(result, check(list));
    result.notes = Object.fromEntries(list.filter((c) => c.note).map((c) => [c.id, c.note]));
  } else {
    result.memory = await memory(list);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
