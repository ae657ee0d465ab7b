// --edition_defaults_out, compared live with protoc (exit code, stderr and the written file, byte for byte).
import { strict as assert } from "node:assert";
import { after, test } from "node:test";
import { Workspace } from "./workspace.js";

/** A feature message M (with field `field`) as extension 9995 of FeatureSet, and `more` in the extend block. */
function features(field: string, more = "", inM = ""): string {
  return [
    'edition = "2023";',
    "package t;",
    'import "google/protobuf/descriptor.proto";',
    `extend google.protobuf.FeatureSet {\n  M m = 9995;\n  ${more}\n}`,
    "enum E { E_UNKNOWN = 0; E_ONE = 1; E_TWO = 2; }",
    `message M {\n  ${field}\n  ${inM}\n}`,
    "",
  ].join("\n");
}

/** A feature field `f` with these parts (targets, support window, defaults). */
function feature(parts: { type?: string; label?: string; targets?: string; support?: string; defaults?: string }): string {
  const targets = parts.targets ?? "targets = TARGET_TYPE_FIELD,";
  const support = parts.support ?? "feature_support = { edition_introduced: EDITION_2023 },";
  const defaults = parts.defaults ?? 'edition_defaults = { edition: EDITION_LEGACY, value: "true" }';
  return `${parts.label ?? ""}${parts.type ?? "bool"} f = 1 [${targets} ${support} ${defaults}];`;
}

const cases: Record<string, string> = {
  "nosupport.proto": features(feature({ support: "" })),
  "nointroduced.proto": features(feature({ support: 'feature_support = { edition_deprecated: EDITION_2023, deprecation_warning: "x" },' })),
  "beforeintro.proto": features(feature({ support: "feature_support = { edition_introduced: EDITION_2024 },", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "true" }, edition_defaults = { edition: EDITION_2023, value: "false" }' })),
  "afterremoved.proto": features(
    feature({
      support: 'feature_support = { edition_introduced: EDITION_2023, edition_removed: EDITION_2024, removal_error: "r" },',
      defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "true" }, edition_defaults = { edition: EDITION_2026, value: "false" }',
    }),
  ),
  "int32.proto": features(feature({ type: "int32", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "1" }' })),
  "repeated.proto": features(feature({ label: "repeated " })),
  "notargets.proto": features(feature({ targets: "" })),
  "nolegacy.proto": features(feature({ defaults: 'edition_defaults = { edition: EDITION_PROTO2, value: "true" }' })),
  "required.proto": features(feature({ label: "", targets: "features.field_presence = LEGACY_REQUIRED, targets = TARGET_TYPE_FIELD," })),
  "boolint.proto": features(feature({ defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "1" }, edition_defaults = { edition: EDITION_2024, value: "t" }' })),
  "boolspace.proto": features(feature({ defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: " true " }' })),
  "enumint.proto": features(feature({ type: "E", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "2" }' })),
  "enumopen.proto": features(feature({ type: "E", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "7" }' })),
  "testonly.proto": features(feature({ support: "feature_support = { edition_introduced: EDITION_1_TEST_ONLY }," })),
  "unstable.proto": features(feature({ support: "feature_support = { edition_introduced: EDITION_UNSTABLE },", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "true" }, edition_defaults = { edition: EDITION_UNSTABLE, value: "false" }' })),
  "oneof.proto": features(`oneof o { ${feature({})} }`),
  "extbool.proto": features(feature({}), "bool bad = 9996;"),
  "extrepeated.proto": features(feature({}), "repeated M bad = 9996;"),
  "extranges.proto": features(feature({}), "", "extensions 100 to 200;"),
  "twoext.proto": features(feature({}), "M again = 1004;"),
  "badvalue.proto": features(feature({ defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "maybe" }' })),
  "badenum.proto": features(feature({ type: "E", defaults: 'edition_defaults = { edition: EDITION_LEGACY, value: "PURPLE" }' })),
  "mine.proto": [
    'edition = "2023";',
    "package my;",
    'import "google/protobuf/descriptor.proto";',
    "extend google.protobuf.FeatureSet {\n  MyFeatures my = 9995;\n  Other other = 1004;\n}",
    "message Other {",
    '  bool flag = 1 [targets = TARGET_TYPE_FIELD, feature_support = { edition_introduced: EDITION_2023 }, edition_defaults = { edition: EDITION_LEGACY, value: "true" }, edition_defaults = { edition: EDITION_2024, value: "false" }];',
    "}",
    "message MyFeatures {",
    "  enum Color { COLOR_UNKNOWN = 0; RED = 1; BLUE = 2; }",
    "  Color color = 1 [targets = TARGET_TYPE_FILE, targets = TARGET_TYPE_FIELD,",
    '    feature_support = { edition_introduced: EDITION_2023, edition_removed: EDITION_2024, removal_error: "gone" },',
    '    edition_defaults = { edition: EDITION_LEGACY, value: "RED" }, edition_defaults = { edition: EDITION_PROTO3, value: "BLUE" }];',
    "  bool newer = 3 [targets = TARGET_TYPE_MESSAGE, feature_support = { edition_introduced: EDITION_2024 },",
    '    edition_defaults = { edition: EDITION_LEGACY, value: "false" }, edition_defaults = { edition: EDITION_2024, value: "true" }];',
    "}",
    "",
  ].join("\n"),
  "plain.proto": 'syntax = "proto3";\nmessage P { int32 a = 1; }\n',
};

const ws = new Workspace({ ...cases, "out/.keep": "" });
after(() => ws.dispose());

const out = "--edition_defaults_out=out/defaults.binpb";

test("descriptor.proto's features: the default range, and every range the flags can give", async () => {
  await ws.compare(["-I.", out, "google/protobuf/descriptor.proto"]);
  for (const range of [
    ["--edition_defaults_minimum=PROTO2", "--edition_defaults_maximum=MAX"],
    ["--edition_defaults_maximum=PROTO2"],
    ["--edition_defaults_minimum=LEGACY"],
    ["--edition_defaults_maximum=UNSTABLE"],
    ["--edition_defaults_minimum=2024", "--edition_defaults_maximum=2023"],
    ["--edition_defaults_minimum=1_TEST_ONLY"],
    ["--edition_defaults_minimum=UNKNOWN", "--edition_defaults_maximum=2024"],
  ]) {
    await ws.compare(["-I.", out, ...range, "google/protobuf/descriptor.proto"]);
  }
});

test("the defaults protoc writes for descriptor.proto: its known bytes", async () => {
  const r = await ws.compareRuns(["-I.", out, "google/protobuf/descriptor.proto"]);
  assert.equal(r.code, 0);
  // defaults { edition: EDITION_LEGACY ... } first; minimum PROTO2 (998) and maximum 2026 (1002) last.
  assert.match(r.files["out/defaults.binpb"]!, /^0a19188407/);
  assert.match(r.files["out/defaults.binpb"]!, /20e60728ea07$/);
});

test("the features of the language plugins, and of a file's own extensions (numbers below and above theirs)", async () => {
  await ws.compare(["-I.", out, "google/protobuf/cpp_features.proto", "google/protobuf/java_features.proto", "google/protobuf/go_features.proto"]);
  await ws.compare(["-I.", out, "--edition_defaults_maximum=MAX", "mine.proto", "google/protobuf/cpp_features.proto"]);
  await ws.compare(["-I.", out, "mine.proto"]);
  await ws.compare(["-I.", out, "--edition_defaults_maximum=2023", "mine.proto"]);
});

test("feature definitions protoc refuses, with its message; the values it reads", async () => {
  for (const name of Object.keys(cases)) {
    if (name === "badvalue.proto" || name === "badenum.proto" || name === "mine.proto" || name === "plain.proto") continue;
    await ws.compare(["-I.", out, name]);
  }
});

test("without descriptor.proto among the files: no FeatureSet to take defaults from", async () => {
  const r = await ws.compareRuns(["-I.", out, "plain.proto"]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "out/defaults.binpb: Could not find FeatureSet in descriptor pool.  Please make sure descriptor.proto is in your import path\n");
});

test("a default that is not a value of its field", async () => {
  // protoc also logs the text-format parser's complaint, with a time stamp and process id; the error line is the same.
  for (const [name, value] of [["badvalue.proto", "maybe"], ["badenum.proto", "PURPLE"]]) {
    const r = await ws.protoforge(["-I.", out, name!]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `out/defaults.binpb: Parsing error in edition_defaults for feature field t.M.f. Could not parse: ${value}\n`);
  }
});

test("an output that cannot be written", () => ws.compare(["-I.", "--edition_defaults_out=missing/dir/x.binpb", "google/protobuf/descriptor.proto"]));
