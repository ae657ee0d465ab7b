// Round-trips an address book through the binary format: addressbook.proto is compiled at run
// time by protoforge's own compiler, the message is built dynamically, encoded, decoded and printed.
// Usage: node examples/roundtrip/roundtrip.mjs   (after `npm run build`)
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { create, createFileRegistry, equals, fromBinary, toBinary, toText } from "../../dist/src/index.js";
import { compile, formatDiagnostic } from "../../dist/src/compiler/index.js"; // "protoforge/compiler" for users

const here = dirname(fileURLToPath(import.meta.url));
const result = compile({ files: ["addressbook.proto"], includePaths: [here] });
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (!result.ok) process.exit(1);
const registry = createFileRegistry(result.files);

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
process.stdout.write(toText(AddressBook, decoded));
if (!equals(AddressBook, book, decoded)) {
  console.error("round trip FAILED: the decoded message differs");
  process.exit(1);
}
console.log("round trip OK: the decoded message equals the original");
