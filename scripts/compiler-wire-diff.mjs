// The first difference between two serialized FileDescriptorSets, as a field path such as
// `file[2].message_type[0].field[1].options.#50001`: both are walked field by field at the wire
// level, descending into fields that are messages of descriptor.proto. Used by compat-protoc.mjs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { bootDescriptorFile } = await import(join(root, "dist/src/reflect/boot/boot.js"));

const setDesc = bootDescriptorFile().messages.find((m) => m.name === "FileDescriptorSet");

function varint(buf, pos) {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    const b = buf[pos++];
    v |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return [v, pos];
    shift += 7n;
  }
}

/** The fields of a message: { no, wt, value } with value the payload bytes (or the varint). */
function fields(buf) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = varint(buf, pos);
    const no = Number(tag >> 3n);
    const wt = Number(tag & 7n);
    let value;
    let end = p1;
    if (wt === 0) [value, end] = varint(buf, p1);
    else if (wt === 1) (value = buf.subarray(p1, p1 + 8)), (end = p1 + 8);
    else if (wt === 5) (value = buf.subarray(p1, p1 + 4)), (end = p1 + 4);
    else if (wt === 2) {
      const [len, p2] = varint(buf, p1);
      value = buf.subarray(p2, p2 + Number(len));
      end = p2 + Number(len);
    } else if (wt === 3) {
      // Group: find the matching end tag.
      let depth = 1;
      let p = p1;
      while (depth > 0) {
        const [t, q] = varint(buf, p);
        const w = Number(t & 7n);
        if (w === 3) depth++;
        else if (w === 4) depth--;
        if (depth === 0) {
          value = buf.subarray(p1, p);
          end = q;
          break;
        }
        if (w === 0) p = varint(buf, q)[1];
        else if (w === 1) p = q + 8;
        else if (w === 5) p = q + 4;
        else if (w === 2) {
          const [l, r] = varint(buf, q);
          p = r + Number(l);
        } else p = q;
      }
    } else throw new Error(`bad wire type ${wt}`);
    out.push({ no, wt, value });
    pos = end;
  }
  return out;
}

function show(f) {
  if (f === undefined) return "(nothing)";
  if (typeof f.value === "bigint") return `#${f.no}=${f.value}`;
  const text = Buffer.from(f.value).toString("latin1");
  return `#${f.no} (${f.value.length} bytes)${/^[\x20-\x7e]*$/.test(text) && text.length < 80 ? ` "${text}"` : ""}`;
}

function equalField(x, y) {
  if (x.no !== y.no || x.wt !== y.wt) return false;
  if (typeof x.value === "bigint") return x.value === y.value;
  return Buffer.compare(Buffer.from(x.value), Buffer.from(y.value)) === 0;
}

function walk(a, b, desc, path) {
  const fa = fields(a);
  const fb = fields(b);
  const seen = new Map();
  for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
    const x = fa[i];
    const y = fb[i];
    const no = (x ?? y).no;
    const field = desc?.fields.find((f) => f.number === no);
    const count = seen.get(no) ?? 0;
    seen.set(no, count + 1);
    const repeated = field !== undefined && (field.fieldKind === "list" || field.fieldKind === "map");
    const name = `${path}${path ? "." : ""}${field?.proto.name ?? "#" + no}${repeated ? `[${count}]` : ""}`;
    if (x !== undefined && y !== undefined && equalField(x, y)) continue;
    if (x === undefined || y === undefined || x.no !== y.no || x.wt !== y.wt) {
      return `${name}: ours ${show(x)}, protoc ${show(y)}`;
    }
    const sub = field?.fieldKind === "message" ? field.message : field?.fieldKind === "list" && field.elementKind === "message" ? field.message : undefined;
    if (x.wt === 2 && sub !== undefined) return walk(x.value, y.value, sub, name);
    return `${name}: ours ${show(x)}, protoc ${show(y)}`;
  }
  return `${path}: (no difference found)`;
}

/** Describes where two serialized FileDescriptorSets first differ. */
export function firstDifference(ours, theirs) {
  try {
    return walk(ours, theirs, setDesc, "");
  } catch (e) {
    return `unparsable: ${e.message}`;
  }
}
