// Round-trips an address book through the binary format: the types come from addressbook.proto,
// the message is built dynamically, encoded, decoded and printed.
// Usage: node examples/roundtrip/roundtrip.mjs   (after `npm run build`)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { create, equals, fromBinary, registryFromDescriptorSet, toBinary } from "../../dist/src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

// Until protoforge's own compiler lands, the .proto file is compiled by protoc (a devDependency).
const tmp = mkdtempSync(join(tmpdir(), "roundtrip-"));
let registry;
try {
  const set = join(tmp, "set.binpb");
  execFileSync(join(root, "node_modules/protoc/bin/protoc-linux-x86_64"), [`-I${here}`, `--descriptor_set_out=${set}`, "addressbook.proto"]);
  registry = registryFromDescriptorSet(readFileSync(set));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const AddressBook = registry.getMessage("tutorial.AddressBook");
const Person = registry.getMessage("tutorial.Person");
const book = create(AddressBook, {
  people: [
    create(Person, {
      name: "Ada Lovelace",
      id: 1815,
      email: "ada@example.com",
      phones: [{ number: "+44 20 7946 0000", type: 1 }],
      labels: new Map([["role", "analyst"], ["city", "London"]]),
      balanceMicros: -9007199254740993n,
    }),
    create(Person, { name: "Alan Turing", id: 1912 }),
  ],
});

const bytes = toBinary(AddressBook, book);
console.log(`encoded ${bytes.length} bytes: ${Buffer.from(bytes).toString("hex")}`);
const decoded = fromBinary(AddressBook, bytes);
console.dir(decoded, { depth: null });
if (!equals(AddressBook, book, decoded)) {
  console.error("round trip FAILED: the decoded message differs");
  process.exit(1);
}
console.log("round trip OK: the decoded message equals the original");
