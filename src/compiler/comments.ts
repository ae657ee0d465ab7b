/**
 * The comments found between two tokens, sorted the way protoc's Tokenizer::NextWithComments
 * sorts them: a trailing comment of the previous token, detached comments, and a leading
 * comment of the next token.
 */

/** Comments collected by one Lexer.nextWithComments() call. */
export interface CollectedComments {
  /** The comment on the previous token's line (or starting there), "" if none. */
  trailing: string;
  /** Comments separated from both tokens by blank lines, in order. */
  detached: string[];
  /** The comment directly before the next token, "" if none. */
  leading: string;
}

/**
 * Buffers the most recent comment until it is known where it belongs (a port of protoc's
 * CommentCollector): flush() sends it to the trailing slot or the detached list; whatever is
 * buffered at finish() becomes the leading comment.
 */
export class CommentCollector {
  private readonly out: CollectedComments = { trailing: "", detached: [], leading: "" };
  private buffer = "";
  private numComments = 0;
  private hasTrailing = false;
  /** True once a comment was read into the buffer, even an empty block comment. */
  private hasComment = false;
  private isLine = false;
  private canAttachToPrev = true;

  /** `keepTrailing` false: the caller discards trailing comments (protoc passes nullptr). */
  constructor(private readonly keepTrailing: boolean) {}

  /** Starts a line comment; consecutive line comments share one buffer. */
  startLineComment(): void {
    if (this.hasComment && !this.isLine) this.flush();
    this.hasComment = true;
    this.isLine = true;
  }

  /** Starts a block comment, which never merges with the previous comment. */
  startBlockComment(): void {
    if (this.hasComment) this.flush();
    this.hasComment = true;
    this.isLine = false;
  }

  /** Appends text to the buffered comment. */
  append(text: string): void {
    this.buffer += text;
  }

  /** The buffered comment is complete and not attached to the next token. */
  flush(): void {
    if (!this.hasComment) return;
    if (this.canAttachToPrev) {
      if (this.keepTrailing) this.out.trailing += this.buffer;
      this.hasTrailing = true;
      this.canAttachToPrev = false;
    } else {
      this.out.detached.push(this.buffer);
    }
    this.buffer = "";
    this.hasComment = false;
    this.numComments++;
  }

  /** No later comment may attach to the previous token. */
  detachFromPrev(): void {
    this.canAttachToPrev = false;
  }

  /** When exactly one comment was seen, it is ambiguous: make it detached. */
  maybeDetachComment(): void {
    const count = this.numComments + (this.hasComment ? 1 : 0);
    if (count !== 1) return;
    if (this.hasTrailing && this.keepTrailing) {
      this.out.detached.unshift(this.out.trailing);
      this.out.trailing = "";
    }
    this.flush();
  }

  /** Ends collection: the buffered comment, if any, leads the next token. */
  finish(): CollectedComments {
    if (this.hasComment) this.out.leading = this.buffer;
    return this.out;
  }
}
