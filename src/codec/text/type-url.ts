import { isHexDigit } from "./cursor.js";
import { isIdentifier, type Tokenizer } from "./tokenizer.js";

/** What is written inside `[…]`: an extension name (no prefix) or an Any type URL split at its last `/`. */
export interface BracketName {
  /** Everything up to and including the last `/`; "" for an extension name. */
  readonly prefix: string;
  /** The full type or extension name after it. */
  readonly name: string;
}

/**
 * Consumes `[name]` or `[prefix/full.type.Name]` (the current token is `[`), reading URL
 * characters between the brackets as protoc does, and validates it with protoc's messages
 * (reported, as protoc does, just after the `]`).
 */
export function consumeBracketName(tk: Tokenizer): BracketName {
  tk.urlMode = true;
  tk.consume("[");
  let text = "";
  while (tk.current.type === "url") {
    text += tk.current.text;
    tk.next();
  }
  tk.urlMode = false;
  tk.consume("]");
  const slash = text.lastIndexOf("/");
  const prefix = slash < 0 ? "" : text.slice(0, slash + 1);
  const name = text.slice(slash + 1);
  if (prefix === "/") tk.failAfterPrevious("Type URL prefix is empty");
  if (prefix.startsWith("/")) tk.failAfterPrevious('Type URL starts with "/"');
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] === "%" && (i + 2 >= prefix.length || !isHexDigit(prefix.charCodeAt(i + 1)) || !isHexDigit(prefix.charCodeAt(i + 2)))) {
      tk.failAfterPrevious(`Invalid percent encode, got: "${prefix.slice(i, i + 3)}"`);
    }
  }
  for (const part of name.split(".")) {
    if (!isIdentifier(part)) tk.failAfterPrevious(`Invalid identifier in type name, got: "${part}"`);
  }
  return { prefix, name };
}
