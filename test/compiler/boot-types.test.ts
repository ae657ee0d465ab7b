import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../src/compiler/parser.js";
import { lowerFile } from "../../src/compiler/lower/lower.js";
import { SourceLocationTable } from "../../src/compiler/lower/locations.js";
import { buildFile } from "../../src/compiler/link/build-file.js";
import type { MessageDesc } from "../../src/compiler/link/model.js";
import { Pool } from "../../src/compiler/link/pool.js";
import { sameBootMessage } from "../../src/compiler/options/boot-types.js";
import { bootDescriptorFile } from "../../src/reflect/boot/boot.js";
import { createRegistry } from "../../src/reflect/registry.js";
import { repoRoot } from "./helpers.js";

const source = readFileSync(join(repoRoot, "node_modules/protoc/include/google/protobuf/descriptor.proto"), "utf8");
const boot = createRegistry(bootDescriptorFile());

/** Builds a descriptor.proto source with the linker and returns one of its messages. */
function compiledMessage(text: string, fullName: string): MessageDesc {
  const r = parse(new TextEncoder().encode(text), { fileName: "google/protobuf/descriptor.proto" });
  assert.equal(r.ok, true);
  const table = new SourceLocationTable();
  const proto = lowerFile(r.ast, "google/protobuf/descriptor.proto", table, false);
  const pool = new Pool();
  const diagnostics: never[] = [];
  const file = buildFile({ pool, diagnostics, directInputs: new Set(), load: () => undefined, deferred: [] }, proto, table);
  assert.deepEqual(diagnostics, []);
  assert.ok(file !== undefined);
  const s = pool.findSymbol(fullName);
  assert.equal(s?.kind, "message");
  return s!.desc as MessageDesc;
}

test("protoc's descriptor.proto messages are the runtime's own", () => {
  for (const name of ["google.protobuf.FieldOptions.FeatureSupport", "google.protobuf.FieldOptions.EditionDefault", "google.protobuf.FeatureSet"]) {
    assert.equal(sameBootMessage(boot, compiledMessage(source, name)), boot.getMessage(name));
  }
});

test("a descriptor.proto whose message differs from the runtime's is not replaced by it", () => {
  const renamed = source.replace("optional string deprecation_warning = 3;", "optional string deprecation_text = 3;");
  assert.notEqual(renamed, source);
  assert.equal(sameBootMessage(boot, compiledMessage(renamed, "google.protobuf.FieldOptions.FeatureSupport")), undefined);
  const renumbered = source.replace("optional string deprecation_warning = 3;", "optional string deprecation_warning = 30;");
  assert.equal(sameBootMessage(boot, compiledMessage(renumbered, "google.protobuf.FieldOptions.FeatureSupport")), undefined);
  // A change in a message it uses (the Edition enum) counts too.
  const enumChanged = source.replace("EDITION_2023 = 1000;", "EDITION_2023 = 1003;");
  assert.notEqual(enumChanged, source);
  assert.equal(sameBootMessage(boot, compiledMessage(enumChanged, "google.protobuf.FieldOptions.FeatureSupport")), undefined);
});

test("messages of other files are never replaced", () => {
  const m = compiledMessage(source, "google.protobuf.FeatureSet");
  const moved = { ...m, file: { ...m.file, name: "other.proto" } } as MessageDesc;
  assert.equal(sameBootMessage(boot, moved), undefined);
});
