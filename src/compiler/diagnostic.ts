/** Diagnostics of the .proto compiler: plain data, positions 0-based like protoc's internal ones. */

/** How serious a diagnostic is; protoc prints warnings with a "warning: " prefix and still succeeds. */
export type Severity = "error" | "warning";

/**
 * One problem found in a .proto file. `line` and `column` are 0-based (protoc adds 1 when printing);
 * columns count bytes of UTF-8 and a tab advances to the next multiple of 8. `line` is -1 when unknown.
 */
export interface Diagnostic {
  /** The file name as given to the compiler. */
  readonly file: string;
  /** 0-based line, or -1 when the position is unknown. */
  readonly line: number;
  /** 0-based column in bytes, tabs expanded to multiples of 8. */
  readonly column: number;
  /** The message text, identical to protoc's. */
  readonly message: string;
  /** "error" or "warning". */
  readonly severity: Severity;
}

/** Formats a diagnostic exactly as protoc prints it: `file:line:col: message`, 1-based. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === -1 ? d.file : `${d.file}:${d.line + 1}:${d.column + 1}`;
  return d.severity === "warning" ? `${where}: warning: ${d.message}` : `${where}: ${d.message}`;
}

/** Receives diagnostics as they are found, in protoc's order. */
export type DiagnosticSink = (line: number, column: number, message: string, severity: Severity) => void;
