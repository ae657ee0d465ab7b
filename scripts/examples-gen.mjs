// Generates the code the examples import (examples/*/gen/, JavaScript + declarations) with
// protoc-gen-protoforge; run by `npm run build`.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
for (const [dir, proto] of [["examples/tutorial", "helloworld.proto"], ["examples/addressbook", "addressbook.proto"]]) {
  const out = join(root, dir, "gen");
  rmSync(out, { recursive: true, force: true });
  execFileSync("mkdir", ["-p", out]);
  execFileSync(join(root, "node_modules/protoc/bin/protoc-linux-x86_64"), [
    `-I${join(root, dir)}`,
    `--plugin=protoc-gen-protoforge=${join(root, "bin/protoc-gen-protoforge")}`,
    `--protoforge_out=${out}`,
    "--protoforge_opt=target=js+dts",
    proto,
  ], { stdio: ["ignore", "inherit", "inherit"] });
}
