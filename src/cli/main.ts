#!/usr/bin/env node
/** The `protoforge` command: protoc's command line (see run.ts), on the real process. */
import { nodeIo } from "./node-io.js";
import { runCli } from "./run.js";

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIo());
} catch (e) {
  // A bug, not bad input: say so plainly instead of printing a bare stack trace.
  process.stderr.write(`protoforge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 70;
}
