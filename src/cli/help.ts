/** protoforge's --help text: protoc's flags in protoc's layout, with what protoforge does not do yet marked. */
export function helpText(executableName: string): string {
  return `Usage: ${executableName} [OPTION] PROTO_FILES
Parse PROTO_FILES and generate output based on the options given (the flags
and behaviour of protoc 36.2):
  -IPATH, --proto_path=PATH   A directory to search for imports in. Give it
                              several times, or as a ':'-separated list, to
                              search several directories in order; VIRTUAL=DIR
                              maps the directory DIR to import paths starting
                              with VIRTUAL. Without it, the current directory
                              is searched. Files not found there are looked
                              up in the --descriptor_set_in sets.
  --version                   Print the version and exit.
  -h, --help                  Print this text and exit.
  --encode=MESSAGE_TYPE       Read a message of this type in the text format
                              from standard input and write it in the binary
                              format to standard output. The type must be
                              defined in PROTO_FILES, their imports, or the
                              --descriptor_set_in sets.
  --deterministic_output      With --encode, write map entries ordered by key.
  --unsafe_allow_out_dir_escape
                              Let output files use ".." to leave the output
                              directory.
  --decode=MESSAGE_TYPE       Read a message of this type in the binary format
                              from standard input and write it in the text
                              format to standard output.
  --decode_raw                Read any message in the binary format from
                              standard input and print its fields by number.
                              Takes no PROTO_FILES.
  --descriptor_set_in=FILES   A ':'-separated list of files that each hold a
                              FileDescriptorSet (see descriptor.proto). PROTO_FILES
                              and their imports are taken from them (with -I,
                              where the proto path does not have them); where
                              a file is in several, the first one counts.
  -oFILE,                     Write a FileDescriptorSet with the PROTO_FILES to
    --descriptor_set_out=FILE FILE.
  --include_imports           With --descriptor_set_out, add every import of
                              the PROTO_FILES too, so that the set is complete.
  --include_source_info       With --descriptor_set_out, keep SourceCodeInfo
                              (positions and comments of every declaration).
  --retain_options            With --descriptor_set_out, keep options that are
                              only meant for compiling (source retention).
  --dependency_out=FILE       Write the input files' dependencies to FILE for
                              make.
  --error_format=FORMAT       How errors name their place: 'gcc' (the default,
                              FILE:LINE:COL) or 'msvs' (Visual Studio).
  --fatal_warnings            Exit with an error status when there are warnings.
  --print_free_field_numbers  Print the field numbers each message of the
                              PROTO_FILES leaves free.
  --enable_codegen_trace      Ask code generators to trace what made their
                              output.
  --direct_dependencies       A ':'-separated list of the files PROTO_FILES may
                              import.
  --option_dependencies       A ':'-separated list of the files PROTO_FILES may
                              "import option".
  --notices                   Print third-party notices and exit.
  --plugin=EXECUTABLE         A plugin to run (by default plugins are searched
                              for in PATH). NAME=EXECUTABLE runs EXECUTABLE as
                              plugin NAME.
  --<lang>_out=[PARAMS:]DIR   Run plugin protoc-gen-<lang> and write its files
                              to DIR (or to a .zip/.jar file). --ts_out runs
                              protoforge's own TypeScript generator.
  --<lang>_opt=PARAMS         More parameters for plugin protoc-gen-<lang>.
  --<lang>_prefix=COMMAND     Run plugin protoc-gen-<lang> as "COMMAND <plugin>"
                              (COMMAND is split at spaces; no quotes).
  @<filename>                 Read more arguments from this file, one a line,
                              as they are (no shell expansion). The file is
                              looked for in the current directory.
`;
}
