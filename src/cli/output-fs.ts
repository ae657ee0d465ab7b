import { accessSync, mkdirSync, writeFileSync } from "node:fs";

/**
 * The file operations protoc's output writers make, each returning the errno code (`ENOENT`,
 * `ENOTDIR`…) it failed with, or undefined on success. node:fs unless a test says otherwise.
 */
export interface OutputFileSystem {
  /** access(path, F_OK). */
  access(path: string): string | undefined;
  /** mkdir(path, 0777), one level. */
  mkdir(path: string): string | undefined;
  /** open(path, O_WRONLY | O_CREAT | O_TRUNC), then write all of `data`. */
  writeFile(path: string, data: Uint8Array): string | undefined;
}

function errnoOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? "EIO";
}

/** The real file system. */
export const nodeOutputFileSystem: OutputFileSystem = {
  access: (path) => {
    try {
      accessSync(path);
      return undefined;
    } catch (e) {
      return errnoOf(e);
    }
  },
  mkdir: (path) => {
    try {
      mkdirSync(path, { mode: 0o777 });
      return undefined;
    } catch (e) {
      return errnoOf(e);
    }
  },
  writeFile: (path, data) => {
    try {
      writeFileSync(path, data);
      return undefined;
    } catch (e) {
      return errnoOf(e);
    }
  },
};
