import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../src/compiler/parser.js";
import { lowerFile } from "../../src/compiler/lower/lower.js";
import { SourceLocationTable } from "../../src/compiler/lower/locations.js";
import { DeferredOptionLocations } from "../../src/compiler/lower/option-locations.js";
import type { SourceCodeInfo_Location } from "../../src/reflect/descriptor-types.js";

// The locations inside option statements, deferred by a compilation: added back after each
// option's own location, they are the list protoc's parser records.

const source = `syntax = "proto2";
option java_package = "a.b";
option (my.ext).sub.(other) = -inf;
message M {
  option deprecated = true;
  optional int32 f = 1 [default = 3, (x) = { a: 1 }, json_name = "g", packed = false];
  extensions 100 to 200, 300 [(decl) = "x"];
  oneof o { option (y) = 5; int32 g = 2; }
}
enum E { option allow_alias = true; A = 0 [(v) = "s"]; B = 0; }
service S { rpc R(M) returns (M) { option (z) = -7; } }
`;

test("deferred option locations, added back after each option's location, give the parser's list", () => {
  const r = parse(source, { fileName: "x.proto" });
  assert.deepEqual(r.diagnostics, []);
  const all = lowerFile(r.ast, "x.proto", new SourceLocationTable(), true).sourceCodeInfo!.location;
  const deferred = new DeferredOptionLocations(r.ast.tokens);
  const some = lowerFile(r.ast, "x.proto", new SourceLocationTable(), true, deferred).sourceCodeInfo!.location;
  assert.ok(some.length < all.length);
  const restored: SourceCodeInfo_Location[] = [];
  for (const loc of some) {
    restored.push(loc, ...(deferred.innerLocations(loc) ?? []));
  }
  assert.deepEqual(restored, all);
});
