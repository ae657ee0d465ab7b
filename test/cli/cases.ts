// The command lines checked against protoc: recorded by scripts/cli-record.mjs, replayed by args.test.ts.

/**
 * How a case is compared: `exact` (stdout, stderr and exit code identical), `code` (only the exit
 * code: --help and --version print protoforge's own texts), `gap` (should be exact, but a known
 * difference outside src/cli, named in `gap`, stands in the way: reported as a todo).
 */
export type Compare = "exact" | "code" | "gap";

/** One command line, run in a fresh layout directory (see layout.ts); `$TMP` stands for that directory. */
export interface CliCase {
  readonly name: string;
  readonly args: readonly string[];
  /** Standard input as hex (empty when not given). */
  readonly stdin?: string;
  /** Standard input made by `protoc --encode` of this text (same descriptor set and type as the case's --decode). */
  readonly stdinText?: string;
  readonly compare?: Compare;
  /** For `gap`: what stands in the way. */
  readonly gap?: string;
}

const SET = "--descriptor_set_in=sets/cli.binpb";

/** Argument parsing: protoc's errors and exit codes for bad usage, and the flags that stop early. */
export const argumentCases: readonly CliCase[] = [
  { name: "no arguments prints help", args: [], compare: "code" },
  { name: "--version", args: ["--version"], compare: "code" },
  { name: "-h", args: ["-h"], compare: "code" },
  { name: "--help", args: ["--help"], compare: "code" },
  { name: "--help with a value", args: ["--help=3"], compare: "code" },
  { name: "--version stops before a bad flag", args: ["--version", "--foo"], compare: "code" },
  { name: "flag without value at the end", args: ["--foo"] },
  { name: "unknown flag with value", args: ["--foo=1"] },
  { name: "unknown flag takes the next argument", args: ["--foo", "bar"] },
  { name: "flag followed by a flag", args: ["--foo", "--version"] },
  { name: "unknown one-letter flag alone", args: ["-x"] },
  { name: "unknown one-letter flag, value next", args: ["-x", "foo"] },
  { name: "unknown one-letter flag, value attached", args: ["-xfoo"] },
  { name: "-I without value", args: ["-I"] },
  { name: "-I followed by a flag", args: ["-I", "-x"] },
  { name: "--proto_path without value", args: ["--proto_path"] },
  { name: "--proto_path= is empty: no input", args: ["--proto_path="] },
  { name: "-I with an empty next argument", args: ["-I", ""] },
  { name: "-I= has an empty directory", args: ["-I="] },
  { name: "virtual= without directory", args: ["-Ivirt=", "--decode_raw"] },
  { name: "missing directories warn", args: ["-Inope1::nope2", "--decode_raw"], stdin: "0801" },
  { name: "--proto_path=dir, then decode_raw", args: ["--proto_path=a", "--decode_raw"], stdin: "0801" },
  { name: "--decode without value", args: ["--decode"] },
  { name: "--decode= blank", args: ["--decode="] },
  { name: "--encode= blank", args: ["--encode="] },
  { name: "--decode_raw with a value", args: ["--decode_raw=x"] },
  { name: "--decode_raw= empty value is fine", args: ["--decode_raw="], stdin: "0801" },
  { name: "--encode and --decode", args: ["--encode=A", "--decode=B"] },
  { name: "--encode, then --decode_raw", args: ["--encode", "X", "--decode_raw"] },
  { name: "--decode_raw twice", args: ["--decode_raw", "--decode_raw"] },
  { name: "--decode_raw with an input file", args: ["--decode_raw", "a.proto"] },
  { name: "--decode_raw with -", args: ["--decode_raw", "-"] },
  { name: "--decode_raw with --descriptor_set_in", args: ["--decode_raw", SET] },
  { name: "output flag without input", args: ["--cpp_out=x"] },
  { name: "input without output", args: ["a/m.proto"] },
  { name: "- as input file", args: ["-"] },
  { name: "unknown --error_format", args: ["--error_format=foo"] },
  { name: "last --error_format wins", args: ["--error_format=msvs", "--error_format", "gcc", "--decode_raw"], stdin: "0801" },
  { name: "-o with --decode_raw after", args: ["-o", "x", "--decode_raw"] },
  { name: "--decode_raw with -o after", args: ["--decode_raw", "-o", "x"] },
  { name: "-o without value", args: ["-o"] },
  { name: "-o with empty value", args: ["-o", "", "a/m.proto"] },
  { name: "-o twice", args: ["-ox", "-oy"] },
  { name: "empty argument", args: [""] },
  { name: "missing @file", args: ["@nonexist"] },
  { name: "@file with --decode_raw", args: ["@args/raw.args"], stdin: "0801" },
  { name: "@file keeps a CR", args: ["@args/crlf.args"] },
  { name: "@file with an empty line", args: ["@args/empty-line.args"] },
  { name: "@file without final newline", args: ["@args/no-newline.args"], stdin: "0801" },
  { name: "@file is not expanded twice", args: ["@args/nested.args"] },
  { name: "@file with two flags", args: ["@args/spaces.args"], stdin: "0801" },
  { name: "@ alone", args: ["@"] },
  { name: "--include_imports twice", args: ["--include_imports", "--include_imports"] },
  { name: "--include_imports without -o warns", args: ["--include_imports", "--decode_raw"], stdin: "0801" },
  { name: "three descriptor-set notes", args: ["--include_source_info", "--retain_options", "--include_imports=1", "--decode_raw"], stdin: "" },
  { name: "--deterministic_output with --decode_raw", args: ["--deterministic_output", "--decode_raw"] },
  { name: "--deterministic_output, then input mapping", args: ["--deterministic_output", "--encode=X", "a.proto"] },
  { name: "--X_opt without --X_out", args: ["--foo_opt=a", "a/m.proto", "-o", "x"] },
  { name: "--cpp_opt alone passes", args: ["--cpp_opt=a", "a/m.proto"] },
  { name: "--X_opt with --plugin", args: ["--plugin=protoc-gen-foo=/bin/true", "--foo_opt=a", "a/m.proto"] },
  { name: "--X_opt with --plugin path", args: ["--plugin=/usr/bin/protoc-gen-foo", "--foo_opt=a", "a/m.proto"] },
  { name: "--encode, then an output flag", args: ["--encode=X", "--cpp_out=."] },
  { name: "output flag, then --encode", args: ["--cpp_out=.", "--encode=X"] },
  { name: "-o, then --decode", args: ["-o", "x", "--decode=X"] },
  { name: "--print_free_field_numbers, then --decode_raw", args: ["--print_free_field_numbers", "--decode_raw"] },
  { name: "--decode_raw, then --print_free_field_numbers", args: ["--decode_raw", "--print_free_field_numbers"] },
  { name: "-o, then --print_free_field_numbers", args: ["-ox", "--print_free_field_numbers"] },
  { name: "--print_free_field_numbers without input", args: ["--print_free_field_numbers"] },
  { name: "--dependency_out with --decode_raw", args: ["--dependency_out=x", "--decode_raw"] },
  { name: "--dependency_out after --descriptor_set_in", args: ["--descriptor_set_in=x", "--dependency_out=y"] },
  { name: "--descriptor_set_in after --dependency_out", args: ["--dependency_out=y", "--descriptor_set_in=x"] },
  { name: "--dependency_out with two inputs", args: ["--dependency_out=y", "-ox", "a.proto", "b.proto"] },
  { name: "--dependency_out twice", args: ["--dependency_out=y", "--dependency_out=z"] },
  { name: "--X_prefix with quotes", args: ["--foo_prefix=a'b"] },
  { name: "--X_prefix twice", args: ["--foo_prefix=x", "--foo_prefix=y"] },
  { name: "--X_prefix blank", args: ["--foo_prefix= \t"] },
  { name: "--X_prefix accepted", args: ["--foo_prefix=x y"] },
  { name: "--descriptor_set_in= empty", args: ["--descriptor_set_in="] },
  { name: "--descriptor_set_in twice", args: ["--descriptor_set_in=x", "--descriptor_set_in=y"] },
  { name: "--direct_dependencies twice", args: ["--direct_dependencies=a", "--direct_dependencies=b"] },
  { name: "--option_dependencies twice", args: ["--option_dependencies=a", "--option_dependencies=b"] },
  { name: "unknown edition", args: ["--edition_defaults_minimum=FOO"] },
  { name: "--edition_defaults_maximum twice", args: ["--edition_defaults_maximum=2023", "--edition_defaults_maximum=2024"] },
  { name: "--edition_defaults_out with --decode_raw after", args: ["--edition_defaults_out=x", "--decode_raw"] },
  { name: "--decode_raw, then --edition_defaults_out", args: ["--decode_raw", "--edition_defaults_out=x"] },
  { name: "--fatal_warnings twice", args: ["--fatal_warnings", "--fatal_warnings"] },
  { name: "--retain_options twice", args: ["--retain_options", "--retain_options"] },
  { name: "ignored flags", args: ["--experimental_allow_proto3_optional", "--disallow_services", "--unsafe_allow_out_dir_escape", "--enable_codegen_trace", "x", "--decode_raw"], stdin: "" },
];

/** Input files and proto_paths: protoc's DiskSourceTree mapping and its errors. */
export const sourceTreeCases: readonly CliCase[] = [
  { name: "missing file, default path", args: ["-o", "/dev/null", "nope.proto"] },
  { name: "missing file under -I", args: ["-Ia", "-o", "/dev/null", "nope.proto"] },
  { name: "missing file with directory", args: ["-Ia", "-o", "/dev/null", "a/nope.proto"] },
  { name: "shadowed input", args: ["-Ia", "-Ib", "-o", "/dev/null", "b/m.proto"] },
  { name: "shadowed input, list form", args: ["-Ia:b", "-o", "/dev/null", "b/m.proto"] },
  { name: "not within any proto_path", args: ["-Ib", "-o", "/dev/null", "a/m.proto"] },
  { name: "absolute proto_path, relative input", args: ["-I$TMP/b", "-o", "/dev/null", "a/m.proto"] },
  { name: "relative proto_path, absolute input", args: ["-Ia", "-o", "/dev/null", "$TMP/a/m.proto"] },
  { name: "input is a directory", args: ["-Ia", "-o", "/dev/null", "a/sub"] },
  { name: "directory name as virtual path", args: ["-Ia", "-o", "/dev/null", "sub"] },
  { name: "input with ..", args: ["-Ia", "-o", "/dev/null", "a/../a/m.proto"] },
  { name: "virtual mapping: disk name outside", args: ["-Ivirt=a", "-o", "/dev/null", "b/m.proto"] },
  { name: "virtual path not found", args: ["-Ivirt=a", "-o", "/dev/null", "virt/nope.proto"] },
  { name: "compiles: default path", args: ["-o", "/dev/null", "a/m.proto"] },
  { name: "compiles: -I", args: ["-Ia", "-o", "/dev/null", "a/m.proto"] },
  { name: "compiles: virtual path", args: ["-Ia", "-o", "/dev/null", "m.proto"] },
  { name: "compiles: virtual mapping", args: ["-Ivirt=a", "-o", "/dev/null", "virt/m.proto"] },
  { name: "compiles: --decode needs the .proto", args: ["-Ia", "--decode=M", "m.proto"], stdin: "0801" },
  { name: "compiles: plugin output", args: ["--foo_out=.", "a/m.proto"] },
];

/** --decode, --encode and --descriptor_set_in with the recorded descriptor sets. */
export const codecCases: readonly CliCase[] = [
  { name: "missing descriptor set", args: ["--descriptor_set_in=nonexist", "--decode=X"] },
  { name: "second descriptor set missing", args: ["--descriptor_set_in=sets/cli.binpb:nonexist", "--decode=X"] },
  { name: "descriptor set is not one", args: ["--descriptor_set_in=args/raw.args", "--decode=X"] },
  { name: "descriptor set is a directory", args: ["--descriptor_set_in=a", "--decode=X"] },
  { name: "type not defined", args: [SET, "--decode=Nope"] },
  { name: "type with leading dot", args: [SET, "--decode=.clitest.Holder"] },
  { name: "input file not in the sets", args: [SET, "--decode=clitest.Holder", "nope.proto"] },
  { name: "--disallow_services", args: [SET, "--disallow_services", "--decode=clitest.Holder", "cli_test.proto"] },
  { name: "decode, input file from the set", args: [SET, "--decode=clitest.Holder", "cli_test.proto"], stdin: "2a0101" },
  { name: "decode, empty input", args: [SET, "--decode=clitest.Holder"], stdin: "" },
  { name: "decode, fields", args: [SET, "--decode=clitest.Holder"], stdin: "12030102031a0508011201781a050802120179220508011201412801320368c3a93a02ff00" },
  { name: "decode, maps sorted by key", args: [SET, "--decode=clitest.Holder"], stdinText: "sm { key: 'b' value: 2 } sm { key: 'a' value: 1 } ms { key: 3 } ms { key: -1 value: 'z' }" },
  { name: "decode, duplicate map keys", args: [SET, "--decode=clitest.Holder"], stdinText: "sm { key: 'b' value: 2 } sm { key: 'a' value: 1 } sm { key: 'a' value: 3 }" },
  { name: "decode, group and unknown fields", args: [SET, "--decode=clitest.Holder"], stdin: "43480744f83e01fd3e01020304c23e0478797a7a" },
  { name: "decode, required warnings in order", args: [SET, "--decode=clitest.Holder"], stdinText: "req { child { } items { a: 1 } items { } m { key: 'k' value { } } } reqs { } reqs { a: 1 b: 'x' child { } }" },
  { name: "decode, required warnings in an extension and a map", args: [SET, "--decode=clitest.Req"], stdinText: "a: 1 b: 'x' [clitest.ext] { a: 5 } m { key: 'k' value { b: 'y' } } child { b: 'z' }" },
  { name: "decode, extension", args: [SET, "--decode=clitest.Req"], stdinText: "a: 1 b: 'x' [clitest.ext_int]: -3 [clitest.ext] { a: 2 b: 'y' }" },
  { name: "decode, required warnings and --fatal_warnings", args: [SET, "--fatal_warnings", "--decode=clitest.Req"], stdin: "0801" },
  { name: "decode, malformed", args: [SET, "--decode=clitest.Holder"], stdin: "0a05" },
  { name: "decode, bad wire type", args: [SET, "--decode=clitest.Holder"], stdin: "0f" },
  { name: "decode, field number 0", args: [SET, "--decode=clitest.Holder"], stdin: "0001" },
  { name: "decode, closed enum unknown value", args: [SET, "--decode=clitest.Holder"], stdin: "2807" },
  { name: "decode_raw, nested and fixed", args: ["--decode_raw"], stdin: "0a040801100215cdcccc3e19000000000000f03f2200" },
  { name: "decode_raw, group", args: ["--decode_raw"], stdin: "0b1001100c0c" },
  { name: "decode_raw, empty group", args: ["--decode_raw"], stdin: "0b0c" },
  { name: "decode_raw, end group at top", args: ["--decode_raw"], stdin: "0c" },
  { name: "decode_raw, wire type 7", args: ["--decode_raw"], stdin: "0f" },
  { name: "decode_raw, truncated", args: ["--decode_raw"], stdin: "0a05ab" },
  { name: "decode_raw, empty input", args: ["--decode_raw"], stdin: "" },
  { name: "decode_raw, 10-byte varint", args: ["--decode_raw"], stdin: "08ffffffffffffffffff01" },
  { name: "decode_raw, 11-byte varint", args: ["--decode_raw"], stdin: "08ffffffffffffffffffff01" },
  { name: "decode_raw, binary string", args: ["--decode_raw"], stdin: "0a0500ff7f0a22" },
  { name: "encode", args: [SET, "--encode=clitest.Holder"], stdin: hex('req { a: 1 b: "x" } nums: [1, 2, 3] ms { key: 2 value: "y" } color: GREEN s: "h\\303\\251" G { x: 7 }') },
  { name: "encode, extension", args: [SET, "--encode=clitest.Req"], stdin: hex("a: 1 b: 'x' [clitest.ext_int]: 7 [clitest.ext] { a: 2 }") },
  { name: "encode, extensions among fields", args: [SET, "--encode=clitest.Holder"], stdin: hex("reqs { [clitest.ext_int]: 1 a: 1 b: 'x' } req { a: 2 }") },
  { name: "encode, extension numbered below a field", args: [SET, "--encode=clitest.Req"], stdin: hex("z: 1 [clitest.ext_int]: 2 a: 3") },
  { name: "encode, duplicate map keys", args: [SET, "--encode=clitest.Holder"], stdin: hex("sm { key: 'b' value: 2 } sm { key: 'a' value: 1 } sm { key: 'b' value: 3 }") },
  { name: "encode, required warning", args: [SET, "--encode=clitest.Holder"], stdin: hex("reqs { a: 1 } reqs { b: 'q' } req { child { } }") },
  { name: "encode, --fatal_warnings", args: [SET, "--fatal_warnings", "--encode=clitest.Req"], stdin: hex("a: 1") },
  { name: "encode, syntax error", args: [SET, "--encode=clitest.Holder"], stdin: hex("req {\n  a: x\n}") },
  { name: "encode, syntax error, msvs", args: [SET, "--error_format=msvs", "--encode=clitest.Holder"], stdin: hex("req {\n\tb: 1\n}") },
  { name: "encode, unknown field", args: [SET, "--encode=clitest.Holder"], stdin: hex("nope: 1") },
  { name: "encode, repeated singular", args: [SET, "--encode=clitest.Holder"], stdin: hex("color: RED color: GREEN") },
  { name: "encode, deterministic maps", args: [SET, "--deterministic_output", "--encode=clitest.Holder"], stdin: hex("sm { key: 'b' value: 2 } sm { key: 'a' value: 1 } ms { key: 3 } ms { key: -1 }") },
  { name: "encode, maps in text order", args: [SET, "--encode=clitest.Holder"], stdin: hex("sm { key: 'b' value: 2 } sm { key: 'a' value: 1 }") },
  { name: "encode, empty input", args: [SET, "--encode=clitest.Holder"], stdin: "" },
  { name: "decode, proto3 string with invalid UTF-8", args: [SET, "--decode=clitest3.P3"], stdin: "2204" + "0a02c328" },
  { name: "decode, proto3 map key with invalid UTF-8", args: [SET, "--decode=clitest3.P3"], stdin: "12060a02c3281200" },
  { name: "decode, proto3 map value with invalid UTF-8", args: [SET, "--decode=clitest3.P3"], stdin: "120612020a020a00" + "120412020aff" },
  { name: "decode, proto3 repeated string with invalid UTF-8", args: [SET, "--decode=clitest3.P3"], stdin: "1a01611a01ff" },
  { name: "decode, nested unknown field with a 10-byte tag", args: ["--decode_raw"], stdin: "0a0b80808080f8ffffffff0100" },
  { name: "decode, proto2 string with invalid UTF-8", args: [SET, "--decode=clitest.Holder"], stdin: "3202fffe" },
  { name: "decode, truncated proto3 string", args: [SET, "--decode=clitest3.P3"], stdin: "0a05c3" },
  { name: "encode, deprecated field", args: [SET, "--encode=clitest.Holder"], stdin: hex("old: 1") },
  { name: "encode, tokenizer error, then parser error", args: [SET, "--encode=clitest.Holder"], stdin: hex('s: "abc\nx: 1') },
  { name: "encode, proto3 string with invalid UTF-8", args: [SET, "--encode=clitest3.P3"], stdin: hex('s: "\\xff"') },
  // Maps as protoc keeps them: every entry, in order; key and value always.
  { name: "decode, duplicate keys of a map of messages", args: [SET, "--decode=clitest.Req"], stdinText: "a: 1 b: 'x' m { key: 'k' value { a: 1 } } m { key: 'k' value { a: 2 } } m { key: 'j' value { b: 'q' } }" },
  { name: "encode, duplicate map keys, deterministic", args: [SET, "--deterministic_output", "--encode=clitest.Holder"], stdin: hex("sm { key: 'b' value: 2 } sm { key: 'a' value: 1 } sm { key: 'b' value: 3 } sm { key: 'a' value: 0 }") },
  { name: "encode, map entries without key or value", args: [SET, "--encode=clitest3.P3"], stdin: hex("m { } m { key: 'a' } m { value: 'b' }") },
  { name: "decode, map entries without key or value", args: [SET, "--decode=clitest3.P3"], stdin: "1200" + "12030a0161" + "1203120162" },
  // Strings as protoc keeps them: bytes, UTF-8 or not.
  { name: "encode, proto3 strings with invalid UTF-8 everywhere", args: [SET, "--encode=clitest3.P3"], stdin: hex('child { s: "\\xc2" } s: "\\xff" rs: ["a", "\\xc0", "\\xc1"] m { key: "\\xc4" value: "\\xc5" }') },
  { name: "encode, surrogate escapes and \\U above 10ffff", args: [SET, "--encode=clitest3.P3"], stdin: hex('s: "\\ud800" rs: "\\ud801\\udc37" rs: "\\U00110000" rs: "\\ud801\\U0000dc37"') },
  { name: "encode, raw bytes that are not UTF-8", args: [SET, "--encode=clitest3.P3"], stdin: "733a2022ff22" + "20723a202261c3a922" },
  { name: "decode, proto2 map key with invalid UTF-8", args: [SET, "--decode=clitest.Holder"], stdin: "22050a01ff1001" + "22050a01fe1002" },
  // Truncated strings: protoc reads as far as its buffer goes, and checks what it read.
  { name: "decode, truncated string in a truncated message", args: [SET, "--decode=clitest3.P3"], stdin: "22100a0561ff" },
  { name: "decode, string past the end of its message", args: [SET, "--decode=clitest3.P3"], stdin: "22030a05ffffffffff" },
  { name: "decode, truncated string read into the slop", args: [SET, "--decode=clitest3.P3"], stdin: "0a2b" + "61".repeat(30) + "f0ff" },
  { name: "decode, truncated string too long for the slop", args: [SET, "--decode=clitest3.P3"], stdin: "0a40" + "61".repeat(30) + "f0ff" },
  { name: "decode, truncated map key not read", args: [SET, "--decode=clitest3.P3"], stdin: "12060a2b12020800" + "1a1e" + "61".repeat(28) + "f0ff" },
  { name: "decode, truncated map key read into the slop", args: [SET, "--decode=clitest3.P3"], stdin: "12060a0561ff" },
  // protoc's text parser: every tokenizer error, warnings among them.
  { name: "encode, warnings and errors in order", args: [SET, "--encode=clitest.Holder"], stdin: hex("old: 1 s: 'x\nold: 2") },
  { name: "encode, deprecated field, msvs", args: [SET, "--error_format=msvs", "--encode=clitest.Holder"], stdin: hex("old: 1 s: 'x") },
  { name: "encode, deprecated field and --fatal_warnings", args: [SET, "--fatal_warnings", "--encode=clitest.Holder"], stdin: hex("old: 1") },
  { name: "encode, control characters, NUL and bytes beyond ASCII", args: [SET, "--encode=clitest.Holder"], stdin: "6f6c643a203101020a00" + "20c3a9" },
  { name: "missing import: type lookup", args: ["--descriptor_set_in=sets/a.binpb", "--decode=pa.Z"] },
  { name: "missing import: one of two", args: ["--descriptor_set_in=sets/ac.binpb", "--decode=pa.Z"] },
  { name: "missing import: good file first", args: ["--descriptor_set_in=sets/ac.binpb", "--decode=pc.C", "c.proto", "a.proto"] },
  { name: "missing import: bad file first", args: ["--descriptor_set_in=sets/ac.binpb", "--decode=pc.C", "a.proto", "c.proto"] },
  { name: "missing import: -I mode, File not found", args: ["--descriptor_set_in=sets/ac.binpb", "-Ia/sub", "--decode=pc.C", "a.proto"] },
  { name: "-I mode: input from the set", args: ["--descriptor_set_in=sets/ac.binpb", "-Ia/sub", "--decode=pc.C", "c.proto"], stdin: "0801" },
  { name: "-I mode: only loaded types", args: ["--descriptor_set_in=sets/ext.binpb", "-Ia/sub", "--decode=pb.B"] },
  { name: "sets only: extensions of any file", args: ["--descriptor_set_in=sets/ext.binpb", "--decode=pb.B"], stdin: "0801b00905" },
  { name: "-I mode: extensions of loaded files only", args: ["--descriptor_set_in=sets/ext.binpb", "-Ia/sub", "--decode=pb.B", "b.proto"], stdin: "0801b00905" },
  { name: "-I mode: the extension's file loaded", args: ["--descriptor_set_in=sets/ext.binpb", "-Ia/sub", "--decode=pb.B", "x.proto"], stdin: "0801b00905" },
  { name: "encode extension, sets only", args: ["--descriptor_set_in=sets/ext.binpb", "--encode=pb.B"], stdin: hex("[px.xe]: 3") },
  { name: "encode extension, -I mode", args: ["--descriptor_set_in=sets/ext.binpb", "-Ia/sub", "--encode=pb.B", "b.proto"], stdin: hex("[px.xe]: 3") },
];

/** Every case, by group. */
export const allCases: Readonly<Record<string, readonly CliCase[]>> = { arguments: argumentCases, "source tree": sourceTreeCases, codec: codecCases };

function hex(text: string): string {
  return Buffer.from(text, "utf8").toString("hex");
}

/**
 * Proto paths and input files that protoc maps: recorded as the file names protoc writes into
 * `-o` (the virtual paths), or, for a/bad.proto, as the disk path protoc names in its syntax error.
 */
export const mappingCases: readonly CliCase[] = [
  { name: "default path", args: ["a/m.proto"] },
  { name: "-I dir", args: ["-Ia", "a/m.proto"] },
  { name: "-I dir/", args: ["-Ia/", "a/m.proto"] },
  { name: "-I ./dir", args: ["-I./a", "a/m.proto"] },
  { name: "-I . with ./ input", args: ["-I.", "./a/m.proto"] },
  { name: "-I ./ with doubled slashes", args: ["-I./", "a//m.proto"] },
  { name: "virtual path", args: ["-Ia", "m.proto"] },
  { name: "absolute -I and input", args: ["-I$TMP/a", "$TMP/a/m.proto"] },
  { name: "absolute -I, virtual input", args: ["-I$TMP/a", "m.proto"] },
  { name: "absolute -I, relative name found as virtual path", args: ["-I$TMP", "a/m.proto"] },
  { name: "virtual=dir mapping", args: ["-Ivirt=a", "a/m.proto"] },
  { name: "virtual=dir, virtual input", args: ["-Ivirt=a", "virt/m.proto"] },
  { name: "first matching mapping wins", args: ["-Ia", "-I.", "a/m.proto"] },
  { name: "current directory first", args: ["-I.", "-Ia", "a/m.proto"] },
  { name: "two inputs", args: ["-Ia", "-Ib", "a/m.proto", "-I."] },
  { name: "bad: default path", args: ["a/bad.proto"] },
  { name: "bad: -I dir", args: ["-Ia", "a/bad.proto"] },
  { name: "bad: -I dir, virtual", args: ["-Ia", "bad.proto"] },
  { name: "bad: absolute -I, virtual", args: ["-I$TMP/a", "bad.proto"] },
  { name: "bad: absolute -I and input", args: ["-I$TMP/a", "$TMP/a/bad.proto"] },
  { name: "bad: ./ input", args: ["-I.", "./a/bad.proto"] },
  { name: "bad: virtual=dir", args: ["-Ivirt=a", "virt/bad.proto"] },
  { name: "bad: ./ path", args: ["-I./", "a/bad.proto"] },
];
