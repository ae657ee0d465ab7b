// Writes lm.helloworld { id = 101, str = "hello" } to a file in the binary format.
// Usage: node examples/tutorial/writer.mjs FILE
import { writeFileSync } from "node:fs";
import { checkRequired, create, toBinary } from "protoforge";
import { helloworldSchema } from "./gen/helloworld_pb.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: writer.mjs FILE");
  process.exit(2);
}
const msg = create(helloworldSchema, { id: 101, str: "hello" });
checkRequired(helloworldSchema, msg); // id and str are required
writeFileSync(file, toBinary(helloworldSchema, msg));
console.log(`wrote ${file}`);
