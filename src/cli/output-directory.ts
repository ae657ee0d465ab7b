/**
 * protoc's GeneratorContextImpl and MemoryOutputStream (command_line_interface.cc): the files the
 * generators of one output location produce, held in memory under the names plugins gave them
 * (unchanged: `./a` and `a` are two files), kept in byte order of their names, then written to a
 * directory or to a .zip/.jar/.srcjar archive.
 */
import { errnoText } from "./errno.js";
import type { OutputFileSystem } from "./output-fs.js";
import { zipArchive } from "./zip-writer.js";

/** The manifest protoc adds to a .jar that has none. */
export const JAR_MANIFEST = "Manifest-Version: 1.0\nCreated-By: 1.6.0 (protoc)\n\n";

/** True when an output location is an archive rather than a directory, as protoc decides it. */
export function isArchiveLocation(location: string): boolean {
  return location.endsWith(".zip") || location.endsWith(".jar") || location.endsWith(".srcjar");
}

/** Compares strings by their UTF-8 bytes (the order of protoc's std::string keys). */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The files of one output location. */
export class OutputDirectory {
  private readonly files = new Map<string, string>();
  /** Set by a failed write or insertion: the location is then not written at all. */
  hadError = false;

  /** The file names in byte order. */
  names(): string[] {
    return [...this.files.keys()].sort(compareUtf8);
  }

  /** Closes a file opened for writing (Open): stored, or an error when the name is taken. */
  write(name: string, content: string, error: (line: string) => void): void {
    if (this.files.has(name)) {
      error(`${name}: Tried to write the same file twice.`);
      this.hadError = true;
      return;
    }
    this.files.set(name, content);
  }

  /** Closes a file opened for insertion (OpenForInsert): `content` goes in before the insertion point's line. */
  insert(name: string, point: string, content: string, error: (line: string) => void): void {
    const target = this.files.get(name);
    if (target === undefined) {
      // protoc's map insert leaves an empty file behind under this name.
      this.files.set(name, "");
      error(`${name}: Tried to insert into file that doesn't exist.`);
      this.hadError = true;
      return;
    }
    const inserted = insertAt(target, point, content);
    if (inserted === undefined) {
      error(`${name}: insertion point "${point}" not found.`);
      this.hadError = true;
      return;
    }
    this.files.set(name, inserted);
  }

  /** AddJarManifest: META-INF/MANIFEST.MF, unless a generator wrote one. */
  addJarManifest(): void {
    if (!this.files.has("META-INF/MANIFEST.MF")) this.files.set("META-INF/MANIFEST.MF", JAR_MANIFEST);
  }

  /**
   * WriteAllToDisk: every file under `prefix` (a directory ending in `/`, or empty for the
   * current one), parent directories created; stops at the first failure, printing protoc's text.
   */
  writeToDisk(prefix: string, allowEscape: boolean, fs: OutputFileSystem, stderr: (text: string) => void): boolean {
    if (this.hadError) return false;
    if (prefix !== "") {
      const code = fs.access(prefix);
      if (code !== undefined) {
        stderr(`${prefix}: ${errnoText(code)}\n`);
        return false;
      }
    }
    const encoder = new TextEncoder();
    for (const name of this.names()) {
      if (!allowEscape && name.includes("..")) {
        stderr(`Output file names must never have a relative path. (${name}). Use --unsafe_allow_out_dir_escape to disable this error if intentional.\n`);
        return false;
      }
      const parts = name.split(/[/\\]/).filter((p) => p !== "");
      let soFar = prefix;
      for (let i = 0; i < parts.length - 1; i++) {
        soFar += parts[i];
        const code = fs.mkdir(soFar);
        if (code !== undefined && code !== "EEXIST") {
          stderr(`${name}: while trying to create directory ${soFar}: ${errnoText(code)}\n`);
          return false;
        }
        soFar += "/";
      }
      const path = prefix + name;
      const code = fs.writeFile(path, encoder.encode(this.files.get(name)));
      if (code !== undefined) {
        // protoc ends this message without a newline.
        stderr(`${path}: ${errnoText(code)}`);
        return false;
      }
    }
    return true;
  }

  /**
   * WriteAllToZip: the files as a ZIP archive at `path`; names with `..` only draw a warning.
   * Nothing is printed but the error when the archive cannot be written.
   */
  writeToZip(path: string, allowEscape: boolean, fs: OutputFileSystem, stderr: (text: string) => void): boolean {
    if (this.hadError) return false;
    const encoder = new TextEncoder();
    const warnings: string[] = [];
    const entries = this.names().map((name) => {
      if (!allowEscape && name.includes("..")) {
        warnings.push(
          `WARNING: Output file names must never have a relative path. (${name}). This will become an error in a future breaking change release of Protobuf. Use --unsafe_allow_out_dir_escape to suppress this warning if intentional.\n`,
        );
      }
      return { name, data: encoder.encode(this.files.get(name)) };
    });
    const code = fs.writeFile(path, zipArchive(entries));
    if (code !== undefined) {
      stderr(`${path}: ${errnoText(code)}`);
      return false;
    }
    for (const w of warnings) stderr(w);
    return true;
  }
}

/** MemoryOutputStream's insertion: before the marker's line, each line indented as the marker line. */
function insertAt(target: string, point: string, data: string): string | undefined {
  const magic = `@@protoc_insertion_point(${point})`;
  let pos = target.indexOf(magic);
  if (pos < 0) return undefined;
  if (data !== "" && !data.endsWith("\n")) data += "\n";
  let indent: string;
  if (pos > 3 && target.slice(pos - 3, pos - 1) === "/*") {
    pos -= 3;
    indent = "";
  } else {
    pos = target.lastIndexOf("\n", pos) + 1;
    let end = pos;
    while (end < target.length && (target[end] === " " || target[end] === "\t")) end++;
    indent = target.slice(pos, end);
  }
  if (indent !== "") data = data.replace(/[^\n]*\n/g, (line) => indent + line);
  return target.slice(0, pos) + data + target.slice(pos);
}
