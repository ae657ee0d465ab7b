import type { ErrorFormat } from "./options.js";

/**
 * One line as protoc's ErrorPrinter prints it: `FILE:LINE:COL: MESSAGE` (gcc) or
 * `FILE(LINE) : error in column=COL: MESSAGE` (msvs); warnings get `warning: ` before the message;
 * without a position (line 0), `FILE: MESSAGE`. Lines and columns are 1-based here.
 */
export function formatDiagnostic(format: ErrorFormat, file: string, line: number, column: number, message: string, severity: "error" | "warning" = "error"): string {
  let s = file;
  if (line > 0) s += format === "gcc" ? `:${line}:${column}` : `(${line}) : ${severity} in column=${column}`;
  return severity === "warning" ? `${s}: warning: ${message}` : `${s}: ${message}`;
}

/**
 * The prefix absl logging puts before a line, as protoc's log output shows it:
 * `E1121 12:14:27.384919    6233 wire_format_lite.cc:578] ` (severity, month and day, local time
 * with microseconds, thread id right-aligned in 7 columns, source location).
 */
export function logPrefix(severity: "E" | "W" | "I", location: string, now: Date = new Date(), tid: number = process.pid): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const micros = String(now.getMilliseconds() * 1000).padStart(6, "0");
  const date = `${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`;
  return `${severity}${date} ${time} ${String(tid).padStart(7, " ")} ${location}] `;
}
