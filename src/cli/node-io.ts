import type { CliIo } from "./run.js";

/** Standard streams of the Node process: stdin read whole as bytes, stdout written as given (no encoding conversions). */
export function nodeIo(): CliIo {
  // A closed pipe (`protoforge … | head`) ends the program quietly, as SIGPIPE ends protoc.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    writeStdout: (data) => {
      process.stdout.write(typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    },
    writeStderr: (text) => {
      process.stderr.write(text);
    },
  };
}
