// Where generated files go, compared live with protoc (node_modules/protoc): output directories,
// .zip/.jar/.srcjar archives (byte for byte), file names that leave the output directory,
// --dependency_out, and what protoc checks of a plugin's supported features and editions.
import { strict as assert } from "node:assert";
import { after, describe, test } from "node:test";
import { PLUGIN_FILE, responseBase64, Workspace } from "./workspace.js";

const ws = new Workspace({
  "p/main.proto":
    'syntax = "proto3";\npackage p;\nimport "google/protobuf/timestamp.proto";\nimport "p/dep.proto";\n' +
    "message M { google.protobuf.Timestamp t = 1; p.D d = 2; }\n",
  "p/dep.proto": 'syntax = "proto3";\npackage p;\nmessage D {}\n',
  "p/opt.proto": 'syntax = "proto3";\npackage p;\nmessage O { optional int32 x = 1; }\n',
  "p/bad.proto": 'syntax = "proto3";\nmessage B { int32 x = 1 }\n',
  "p/warn.proto": 'syntax = "proto3";\nimport "p/dep.proto";\nmessage W {}\n',
  "p/ed2023.proto": 'edition = "2023";\npackage e;\nmessage E { int32 x = 1; }\n',
  "p/ed2024.proto": 'edition = "2024";\npackage e;\nmessage F { int32 x = 1; }\n',
  "google/protobuf/ed_exempt.proto": 'edition = "2024";\npackage google.protobuf;\nmessage Exempt { int32 x = 1; }\n',
  "out/.keep": "",
  "out/f": "a file where a directory is wanted\n",
  "isdir.zip/.keep": "",
});
after(() => ws.dispose());

const PLUGIN = `--plugin=protoc-gen-x=./${PLUGIN_FILE}`;
const files = (...names: string[]) => ({ file: names.map((name, i) => ({ name, content: `${name} ${i}\n` })) });
const respond = (r: Parameters<typeof responseBase64>[0]) => ({ RESP: responseBase64(r) });

describe("output directories", () => {
  test("files are written in byte order of their names, directories created", () =>
    ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("b/c/x.txt", "a.txt", "é.txt", "B.txt"))));
  test("./a and a are two files; a leading / stays under the directory", () =>
    ws.compare([PLUGIN, "--x_out=out", "--unsafe_allow_out_dir_escape", "p/dep.proto"], respond(files("t.txt", "./t.txt", "/abs.txt"))));
  test("a name with .. is an error; files before it in order are written", () =>
    ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("a.txt", "/abs.txt", "z/../y.txt", "zz.txt"))));
  test("a name with .. first: nothing is written", () => ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("../up.txt", "a.txt"))));
  test("any .. in a name counts", () => ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("a..b.txt"))));
  test("--unsafe_allow_out_dir_escape lets names with .. through", () =>
    ws.compare([PLUGIN, "--x_out=out", "--unsafe_allow_out_dir_escape", "p/dep.proto"], respond(files("z/../y.txt", "a..b.txt"))));
  test("the output directory must exist", () => ws.compare([PLUGIN, "--x_out=nodir", "p/dep.proto"], respond(files("a.txt"))));
  test("a file that cannot be opened (no newline after the error)", () => ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("f/g.txt"))));
  test("a directory that cannot be created", () => ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("f/g/h.txt"))));
  test("an empty location is taken for an archive name", () => ws.compare([PLUGIN, "--x_out=", "p/dep.proto"], respond(files("a.txt"))));
  test("a parameter and an empty location", () => ws.compare([PLUGIN, "--x_out=opt:", "p/dep.proto"], respond(files("a.txt"))));
  test("the same file twice", () => ws.compare([PLUGIN, "--x_out=out", "p/dep.proto"], respond(files("a.txt", "a.txt"))));
});

describe("archives", () => {
  test(".zip: stored entries in byte order of their names", () =>
    ws.compare([PLUGIN, "--x_out=out/gen.zip", "p/dep.proto"], respond(files("b/x.txt", "a.txt", "é.txt", "./a.txt"))));
  test(".jar gets a manifest", () => ws.compare([PLUGIN, "--x_out=out/gen.jar", "p/dep.proto"], respond(files("a/B.java"))));
  test(".jar keeps a manifest the plugin wrote", () =>
    ws.compare([PLUGIN, "--x_out=out/gen.jar", "p/dep.proto"], respond(files("META-INF/MANIFEST.MF", "a/B.java"))));
  test(".srcjar is a zip without a manifest", () => ws.compare([PLUGIN, "--x_out=out/gen.srcjar", "p/dep.proto"], respond(files("a/B.java"))));
  test("an empty archive", () => ws.compare([PLUGIN, "--x_out=out/empty.zip", "p/dep.proto"], respond({})));
  test("names with .. draw warnings, and are written", () =>
    ws.compare([PLUGIN, "--x_out=out/gen.zip", "p/dep.proto"], respond(files("../up.txt", "/abs.txt", "a..b.txt", "ok.txt"))));
  test("--unsafe_allow_out_dir_escape: no warnings", () =>
    ws.compare([PLUGIN, "--x_out=out/gen.zip", "--unsafe_allow_out_dir_escape", "p/dep.proto"], respond(files("../up.txt"))));
  test("an archive in a missing directory", () => ws.compare([PLUGIN, "--x_out=nodir/gen.zip", "p/dep.proto"], respond(files("a.txt"))));
  test("an archive name that is a directory", () => ws.compare([PLUGIN, "--x_out=isdir.zip", "p/dep.proto"], respond(files("a.txt"))));
  test("two generators into one archive, with a parameter, and an insertion", () =>
    ws.compare([PLUGIN, "--plugin=protoc-gen-y=./plug.cjs", "--x_out=p1:out/gen.zip", "--y_out=out/gen.zip", "p/dep.proto"], {
      RESP: responseBase64({
        file: [
          { name: "a.txt", content: "x\n  // @@protoc_insertion_point(here)\n" },
          { name: "a.txt", insertionPoint: "here", content: "inserted" },
        ],
      }),
    }));
  test("a directory and an archive side by side", () =>
    ws.compare([PLUGIN, "--plugin=protoc-gen-y=./plug.cjs", "--x_out=out", "--y_out=out/gen.zip", "p/dep.proto"], respond(files("a.txt"))));
});

describe("--dependency_out", () => {
  const gen = respond(files("b/x.txt", "a.txt"));
  test("generated files depend on the input and its imports, well-known types included", () =>
    ws.compare([PLUGIN, "--x_out=out", "--dependency_out=deps.d", "p/main.proto"], gen));
  test("with --descriptor_set_out and -I", () => ws.compare([PLUGIN, "--x_out=out", "-o", "set.pb", "-I.", "--dependency_out=deps.d", "p/main.proto"], gen));
  test("--descriptor_set_out only, ./ kept in its name", () => ws.compare(["-o", "./set.pb", "--dependency_out=deps.d", "p/main.proto"]));
  test("./ dropped from output directories", () => ws.compare([PLUGIN, "--x_out=./out/", "--dependency_out=deps.d", "p/dep.proto"], gen));
  test("archive members are named after the archive, without a slash", () =>
    ws.compare([PLUGIN, "--x_out=out/gen.jar", "--dependency_out=deps.d", "p/dep.proto"], gen));
  test("no outputs: an empty file", () => ws.compare([PLUGIN, "--x_out=out", "--dependency_out=deps.d", "p/dep.proto"], respond({})));
  test("a well-known type as the input", () => ws.compare(["-o", "set.pb", "--dependency_out=deps.d", "google/protobuf/api.proto"]));
  test("a virtual path mapping", () => ws.compare(["-Iv=p", "-o", "set.pb", "--dependency_out=deps.d", "v/dep.proto"]));
  test("absolute paths", async () => {
    const r = await ws.compareRuns(["-I$W", "-o", "set.pb", "--dependency_out=deps.d", "p/dep.proto"].map((a) => a.replace("$W", ws.template)));
    assert.equal(r.files["deps.d"], `set.pb: ${ws.template}/p/dep.proto`);
  });
  test("a file that cannot be written", () => ws.compare(["-o", "set.pb", "--dependency_out=nodir/deps.d", "p/dep.proto"]));
  test("compile errors: no file", () => ws.compare(["-o", "set.pb", "--dependency_out=deps.d", "p/bad.proto"]));
  test("a failing plugin: no file", () => ws.compare([PLUGIN, "--x_out=out", "--dependency_out=deps.d", "p/dep.proto"], respond({ error: "no" })));
  test("output files that cannot be written: no file", () => ws.compare([PLUGIN, "--x_out=nodir", "--dependency_out=deps.d", "p/dep.proto"], gen));
  test("needs an output directive", () => ws.compare(["--dependency_out=deps.d", "p/dep.proto"]));
  test("one input only", () => ws.compare(["-o", "set.pb", "--dependency_out=deps.d", "p/dep.proto", "p/main.proto"]));
  test("not with --decode", () => ws.compare(["--dependency_out=deps.d", "--decode=p.D", "p/dep.proto"]));
});

describe("what a plugin supports", () => {
  const inputs = ["p/ed2023.proto", "p/ed2024.proto", "p/dep.proto"];
  const cases: Record<string, Parameters<typeof responseBase64>[0]> = {
    "no editions support": {},
    "editions without a range": { supportedFeatures: 2n },
    "minimum edition above the file's": { supportedFeatures: 2n, minimumEdition: 1001, maximumEdition: 1001 },
    "maximum edition below the file's": { supportedFeatures: 2n, minimumEdition: 998, maximumEdition: 999 },
    "the second file outside the range, with an error and files": { supportedFeatures: 3n, minimumEdition: 1000, maximumEdition: 1000, error: "boom", ...files("a.txt") },
    "editions that are not enum values print as nothing": { supportedFeatures: 2n, minimumEdition: 5, maximumEdition: 7 },
    "LEGACY": { supportedFeatures: 2n, minimumEdition: -3, maximumEdition: 900 },
    "in range": { supportedFeatures: 2n, minimumEdition: 1000, maximumEdition: 1001, ...files("a.txt") },
  };
  for (const [name, response] of Object.entries(cases)) {
    test(name, () => ws.compare([PLUGIN, "--x_out=out", ...inputs], respond(response)));
  }
  test("--experimental_editions turns the check off", () => ws.compare([PLUGIN, "--x_out=out", "--experimental_editions", ...inputs], respond(files("a.txt"))));
  test("google/protobuf/ files are exempt", () => ws.compare([PLUGIN, "-I.", "--x_out=out", "google/protobuf/ed_exempt.proto"], respond(files("a.txt"))));
  test("proto3 optional, then editions", () => ws.compare([PLUGIN, "--x_out=out", "p/opt.proto", "p/ed2023.proto"], respond({ supportedFeatures: 0n })));
  test("proto3 optional supported", () => ws.compare([PLUGIN, "--x_out=out", "p/opt.proto", "p/ed2023.proto"], respond({ supportedFeatures: 3n, minimumEdition: 1000, maximumEdition: 1000 })));
  test("a first chunk without a name comes before the checks", () =>
    ws.compare([PLUGIN, "--x_out=out", "p/ed2023.proto"], respond({ file: [{ content: "x" }] })));
  test("files with errors are reported before the checks", () => ws.compare([PLUGIN, "--x_out=out", "p/ed2023.proto"], respond(files("a.txt", "a.txt"))));
});

describe("--fatal_warnings with warnings from compiling", () => {
  test("outputs are written, then the exit code is 1", () =>
    ws.compare([PLUGIN, "--x_out=out", "-o", "set.pb", "--dependency_out=deps.d", "--fatal_warnings", "p/warn.proto"], respond(files("a.txt"))));
  test("without --fatal_warnings the exit code is 0", () => ws.compare(["-o", "set.pb", "p/warn.proto"]));
  test("--decode prints, then fails", () => ws.compare(["--fatal_warnings", "--decode=W", "p/warn.proto"]));
});
