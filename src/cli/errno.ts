/** glibc's strerror() texts for the errno codes file operations report, as protoc prints them. */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EPERM: "Operation not permitted",
  ELOOP: "Too many levels of symbolic links",
  ENAMETOOLONG: "File name too long",
  EMFILE: "Too many open files",
  EIO: "Input/output error",
  ENOSPC: "No space left on device",
  EROFS: "Read-only file system",
  EEXIST: "File exists",
};

/** The strerror() text for a Node errno code such as `ENOENT` (the code itself when unknown). */
export function errnoText(code: string): string {
  return STRERROR[code] ?? code;
}
