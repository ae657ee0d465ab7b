// Reads the lm.helloworld message that writer.mjs wrote and prints its fields.
// Usage: node examples/tutorial/reader.mjs FILE
import { readFileSync } from "node:fs";
import { checkRequired, fromBinary, isFieldSet } from "protoforge";
import { helloworldSchema } from "./gen/helloworld_pb.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: reader.mjs FILE");
  process.exit(2);
}
const msg = fromBinary(helloworldSchema, readFileSync(file));
checkRequired(helloworldSchema, msg);
console.log(`id: ${msg.id}`);
console.log(`str: ${msg.str}`);
if (isFieldSet(msg, helloworldSchema.fieldByName("opt"))) console.log(`opt: ${msg.opt}`);
