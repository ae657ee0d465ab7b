/**
 * Collects printed text-format lines: two spaces of indent per level, or, in single-line mode,
 * everything on one line separated by single spaces.
 */
export class TextOutput {
  private text = "";
  private indent = "";

  constructor(readonly singleLine: boolean) {}

  /** Writes `name: value`. */
  field(name: string, value: string): void {
    if (this.singleLine) this.text += name + ": " + value + " ";
    else this.text += this.indent + name + ": " + value + "\n";
  }

  /** Writes `name {` and indents what follows. */
  open(name: string): void {
    if (this.singleLine) this.text += name + " { ";
    else {
      this.text += this.indent + name + " {\n";
      this.indent += "  ";
    }
  }

  /** Writes the `}` that closes the last open(). */
  close(): void {
    if (this.singleLine) this.text += "} ";
    else {
      this.indent = this.indent.slice(2);
      this.text += this.indent + "}\n";
    }
  }

  /** The text written; in single-line mode without the trailing space. */
  finish(): string {
    const s = this.text;
    return this.singleLine && s.endsWith(" ") ? s.slice(0, -1) : s;
  }
}
