// --print_free_field_numbers, compared live with protoc (stdout, stderr, exit code).
import { strict as assert } from "node:assert";
import { after, test } from "node:test";
import { Workspace } from "./workspace.js";

const ws = new Workspace({
  "t.proto":
    'syntax = "proto2";\npackage t;\nmessage Outer {\n  optional int32 a = 1;\n  optional int32 b = 2;\n  optional int32 c = 5;\n' +
    "  optional group G = 7 { optional int32 gx = 9; optional int32 gy = 100; }\n" +
    "  message Inner { optional int32 x = 3; reserved 10 to 20, 30; extensions 100 to 200; }\n" +
    "  map<string, int32> m = 8;\n  extensions 1000 to max;\n  reserved 50;\n  message Empty {}\n}\n" +
    "message Full { optional int32 one = 1; extensions 2 to max; }\n" +
    "message Overlap { optional int32 x = 3; reserved 4 to 8; optional int32 y = 10; extensions 9; }\n" +
    "message Long_name_that_is_much_longer_than_thirty_five_chars { optional int32 a = 536870911; }\n" +
    "enum E { E0 = 0; }\n",
  "u.proto": 'syntax = "proto3";\nimport "t.proto";\nmessage U { int32 z = 2; }\n',
  "e.proto": 'edition = "2023";\npackage e;\nmessage M { int32 a = 1; oneof o { int32 b = 4; string c = 6; } }\n',
  "sets/.keep": "",
});
after(() => ws.dispose());
ws.prepare(["-I.", "--include_imports", "-o", "sets/all.pb", "t.proto", "u.proto", "e.proto"]);

test("nested messages, groups and map entries first; fields, extension and reserved ranges taken; overlaps; long names", async () => {
  const r = await ws.compareRuns(["-I.", "--print_free_field_numbers", "t.proto"]);
  assert.equal(
    r.stdout,
    [
      "t.Outer.G                           free: 1-8 10-99 101-INF",
      "t.Outer.Inner                       free: 1-2 4-9 21-29 31-99 201-INF",
      "t.Outer.MEntry                      free: 3-INF",
      "t.Outer.Empty                       free: 1-INF",
      "t.Outer                             free: 3-4 6 9-49 51-999",
      "t.Full                              free:",
      "t.Overlap                           free: 1-2 11-INF",
      "t.Long_name_that_is_much_longer_than_thirty_five_chars free: 1-536870910",
      "",
    ].join("\n"),
  );
});
test("several inputs, in command-line order; only the inputs' messages; a warning", () => ws.compare(["-I.", "--print_free_field_numbers", "u.proto", "e.proto"]));
test("--fatal_warnings: exit 1 before printing", () => ws.compare(["-I.", "--print_free_field_numbers", "--fatal_warnings", "u.proto"]));
test("from --descriptor_set_in", () => ws.compare(["--descriptor_set_in=sets/all.pb", "--print_free_field_numbers", "e.proto", "t.proto"]));
test("an error in the input: nothing printed", () => ws.compare(["-I.", "--print_free_field_numbers", "missing.proto"]));
