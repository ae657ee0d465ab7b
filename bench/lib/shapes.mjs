// The four shapes' data, built deterministically in canonical form: plain objects with every
// field, 64-bit integers as bigint, bytes as Uint8Array, enums as numbers, maps as plain objects
// (string keys that are not array indexes, so every library keeps their order). Floats are
// chosen exactly representable in 32 bits, so every format round-trips them unchanged.

/** The shapes, in report order. */
export const shapes = [
  { id: "A", typeName: "bench.Small", title: "small message", build: small },
  { id: "B", typeName: "bench.Scalars", title: "every scalar type", build: scalars },
  { id: "C", typeName: "bench.AddressBook", title: "address book, 1,000 people", build: addressBook },
  { id: "D", typeName: "bench.Blob", title: "10 KB strings, 100 KB bytes", build: blob },
];

/** The shape with this id. */
export function shapeById(id) {
  const s = shapes.find((x) => x.id === id);
  if (!s) throw new Error(`unknown shape ${id}`);
  return s;
}

/** A small deterministic PRNG (mulberry32), so every process builds the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function small() {
  return {
    name: "Ada Lovelace",
    email: "ada.lovelace@example.org",
    id: 1815,
    location: { latE6: 51507400, lngE6: -127800 },
    score: 97.25,
    tags: ["math", "poetry", "engines"],
    active: true,
  };
}

const I32_MIN = -2147483648;
const U32_MAX = 4294967295;
const I64_MIN = -9223372036854775808n;
const I64_MAX = 9223372036854775807n;
const U64_MAX = 18446744073709551615n;
const F32_MAX = 3.4028234663852886e38;

function bytesOf(n, seed) {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
}

function scalars() {
  return {
    fDouble: -1.7976931348623157e308,
    fFloat: -F32_MAX,
    fInt32: I32_MIN,
    fInt64: I64_MIN,
    fUint32: U32_MAX,
    fUint64: U64_MAX,
    fSint32: I32_MIN,
    fSint64: I64_MIN,
    fFixed32: U32_MAX,
    fFixed64: U64_MAX,
    fSfixed32: I32_MIN,
    fSfixed64: I64_MIN,
    fBool: true,
    fString: "scalars: Grüße, Привет, 你好, 😀",
    fBytes: bytesOf(32, 1),
    rDouble: [0, -0.5, 1.5, Math.PI, -Math.E, 5e-324, -1.7976931348623157e308, 1.7976931348623157e308, 1e-300, -1e300, 12345.678, -0.001, 2 ** 53, -(2 ** 53), 0.1, 6.02214076e23],
    rFloat: [0, -0.5, 1.5, F32_MAX, -F32_MAX, 1.401298464324817e-45, Math.PI, -Math.E, 1024, -65536.5, 0.25, 1e-8, 100.125, -7.75, 0.0009765625, 16777216].map(Math.fround),
    rInt32: [0, 1, -1, 127, -128, 300, -300, 65535, -65536, 2147483647, I32_MIN, 123456789, -123456789, 42, -42, 7],
    rInt64: [0n, 1n, -1n, 127n, -128n, 4294967296n, -4294967296n, 9007199254740993n, -9007199254740993n, I64_MAX, I64_MIN, 1234567890123n, -1234567890123n, 42n, -42n, 7n],
    rUint32: [0, 1, 127, 128, 300, 16383, 16384, 65535, 2097151, 2097152, 268435455, 268435456, 2147483648, U32_MAX, 123456789, 42],
    rUint64: [0n, 1n, 127n, 128n, 16384n, 4294967295n, 4294967296n, 9007199254740993n, 9223372036854775808n, U64_MAX, 1n << 35n, 1n << 42n, 1n << 49n, 1n << 56n, 1n << 63n, 42n],
    rSint32: [0, 1, -1, 63, -64, 64, -65, 8191, -8192, 2147483647, I32_MIN, 123456789, -123456789, 42, -42, 7],
    rSint64: [0n, 1n, -1n, 63n, -64n, 4294967296n, -4294967296n, 9007199254740993n, -9007199254740993n, I64_MAX, I64_MIN, 1234567890123n, -1234567890123n, 42n, -42n, 7n],
    rFixed32: [0, 1, 127, 128, 300, 65535, 65536, 16777216, 2147483647, 2147483648, U32_MAX, 123456789, 987654321, 42, 7, 3000000000],
    rFixed64: [0n, 1n, 127n, 128n, 4294967295n, 4294967296n, 9007199254740993n, 9223372036854775807n, 9223372036854775808n, U64_MAX, 1234567890123n, 42n, 7n, 1n << 40n, 1n << 50n, 1n << 60n],
    rSfixed32: [0, 1, -1, 127, -128, 65535, -65536, 2147483647, I32_MIN, 123456789, -123456789, 42, -42, 7, -7, 1000000],
    rSfixed64: [0n, 1n, -1n, 4294967296n, -4294967296n, 9007199254740993n, -9007199254740993n, I64_MAX, I64_MIN, 1234567890123n, -1234567890123n, 42n, -42n, 7n, -7n, 1000000n],
    rBool: [true, false, true, true, false, false, true, false, true, true, true, false, false, true, false, true],
    rString: ["", "a", "ascii text", "Grüße", "Привет мир", "你好，世界", "😀🚀✨", "mixed: ā ö 漢 🎉", "x".repeat(20), "tab\tnew\nline"],
    rBytes: [new Uint8Array(0), bytesOf(1, 2), bytesOf(16, 3), bytesOf(40, 4)],
  };
}

const FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Niklaus", "Radia", "Ken", "Sophie", "Tim", "Hedy", "Linus"];
const LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Hamilton", "Wirth", "Perlman", "Thompson", "Wilson", "Berners-Lee", "Lamarr", "Torvalds"];
const STREETS = ["High Street", "Station Road", "Main Street", "Park Avenue", "Church Lane", "Mill Road", "Kings Road", "Rue de Rivoli"];
const CITIES = ["London", "Cambridge", "Paris", "Zürich", "Amsterdam", "New York", "Toronto", "Berlin"];
const COUNTRIES = ["GB", "FR", "CH", "NL", "US", "CA", "DE"];
const TEAMS = ["compilers", "runtime", "storage", "networking", "ui"];

function addressBook() {
  const r = rng(42);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const people = [];
  for (let i = 0; i < 1000; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const phones = [];
    const nPhones = 1 + Math.floor(r() * 2);
    for (let p = 0; p < nPhones; p++) {
      phones.push({ number: `+44 79${String(Math.floor(r() * 1e6)).padStart(6, "0")}`, type: Math.floor(r() * 3) });
    }
    const labels = {};
    if (r() < 0.5) labels.team = pick(TEAMS);
    if (r() < 0.2) labels.tier = r() < 0.5 ? "gold" : "silver";
    const big = r() < 0.1;
    const balance = BigInt(Math.floor(r() * 2e9) - 1e9) * (big ? 1000000000n : 1000n);
    people.push({
      name: `${first} ${last}`,
      id: i + 1,
      email: `${first.toLowerCase()}${i}@example.org`,
      phones,
      address: {
        street: `${1 + Math.floor(r() * 200)} ${pick(STREETS)}`,
        city: pick(CITIES),
        postalCode: String(1000 + Math.floor(r() * 8999)),
        country: pick(COUNTRIES),
      },
      labels,
      balanceMicros: balance,
      status: Math.floor(r() * 4),
    });
  }
  return { people };
}

function blob() {
  const ascii = "The quick brown fox jumps over the lazy dog. 0123456789 ";
  const utf8 = "Grüße aus Zürich! Привет, мир! 你好，世界！ こんにちは 😀🚀 ";
  const repeat = (s, bytes) => {
    const unit = Buffer.byteLength(s);
    return s.repeat(Math.ceil(bytes / unit));
  };
  return {
    title: "A blob: 10 KB of ASCII, 10 KB of multi-byte UTF-8 and 100 KB of bytes",
    textAscii: repeat(ascii, 10240),
    textUtf8: repeat(utf8, 10240),
    payload: bytesOf(102400, 7),
  };
}
