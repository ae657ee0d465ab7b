// Adds a person to an address book file (created if missing), as the tutorial's add_person does.
// Usage: node examples/addressbook/add-person.mjs FILE ID NAME [EMAIL] [mobile|home|work:NUMBER]...
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { create, fromBinary, toBinary } from "protoforge";
import { AddressBookSchema, PersonSchema, Person_PhoneNumberSchema, Person_PhoneType } from "./gen/addressbook_pb.js";

const [file, id, name, email = "", ...phones] = process.argv.slice(2);
if (!file || !id || !name || !/^\d+$/.test(id)) {
  console.error("usage: add-person.mjs FILE ID NAME [EMAIL] [mobile|home|work:NUMBER]...");
  process.exit(2);
}
const types = { mobile: Person_PhoneType.PHONE_TYPE_MOBILE, home: Person_PhoneType.PHONE_TYPE_HOME, work: Person_PhoneType.PHONE_TYPE_WORK };
const book = existsSync(file) ? fromBinary(AddressBookSchema, readFileSync(file)) : create(AddressBookSchema);
const person = create(PersonSchema, { id: Number(id), name, email });
for (const p of phones) {
  const [kind, number] = p.split(":");
  if (!(kind in types) || !number) {
    console.error(`bad phone "${p}": use mobile:NUMBER, home:NUMBER or work:NUMBER`);
    process.exit(2);
  }
  person.phones.push(create(Person_PhoneNumberSchema, { number, type: types[kind] }));
}
book.people.push(person);
writeFileSync(file, toBinary(AddressBookSchema, book));
console.log(`added ${name} (${book.people.length} people in ${file})`);
