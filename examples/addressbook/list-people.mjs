// Lists the people in an address book file, as the tutorial's list_people does.
// Usage: node examples/addressbook/list-people.mjs FILE
import { readFileSync } from "node:fs";
import { fromBinary } from "protoforge";
import { AddressBookSchema, Person_PhoneType } from "./gen/addressbook_pb.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: list-people.mjs FILE");
  process.exit(2);
}
const label = { [Person_PhoneType.PHONE_TYPE_MOBILE]: "Mobile", [Person_PhoneType.PHONE_TYPE_HOME]: "Home", [Person_PhoneType.PHONE_TYPE_WORK]: "Work" };
for (const person of fromBinary(AddressBookSchema, readFileSync(file)).people) {
  console.log(`Person ID: ${person.id}`);
  console.log(`  Name: ${person.name}`);
  if (person.email !== "") console.log(`  E-mail address: ${person.email}`);
  for (const phone of person.phones) console.log(`  ${label[phone.type] ?? "Phone"} #: ${phone.number}`);
}
