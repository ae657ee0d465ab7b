import { consumeIdentifier, consumeString } from "./parse-value.js";
import type { Tokenizer } from "./tokenizer.js";
import { consumeBracketName } from "./type-url.js";

/** What skipping needs from the parser: the tokenizer, the nesting budget, whether field numbers are names. */
export interface SkipContext {
  readonly tk: Tokenizer;
  readonly numbersAsNames: boolean;
  /** Enters one level of nesting; throws when too deep. */
  enter(): void;
  leave(): void;
}

/**
 * Skips the value of a field that is unknown (when allowed) or reserved, guessing its shape as
 * protoc does: after a `:` not followed by `{` or `<`, a scalar or list; otherwise a message.
 * Ends after the optional `,` or `;` separator.
 */
export function skipFieldBody(ctx: SkipContext): void {
  const tk = ctx.tk;
  if (tk.tryConsume(":") && !tk.lookingAt("{") && !tk.lookingAt("<")) skipValue(ctx);
  else skipMessage(ctx);
  if (!tk.tryConsume(";")) tk.tryConsume(",");
}

/** Skips a whole field: its name (or `[name]`), then its body. */
function skipField(ctx: SkipContext): void {
  if (ctx.tk.lookingAt("[")) consumeBracketName(ctx.tk);
  else consumeIdentifier(ctx.tk, ctx.numbersAsNames);
  skipFieldBody(ctx);
}

function skipMessage(ctx: SkipContext): void {
  const tk = ctx.tk;
  ctx.enter();
  const close = tk.tryConsume("<") ? ">" : (tk.consume("{"), "}");
  while (!tk.lookingAt(">") && !tk.lookingAt("}")) skipField(ctx);
  tk.consume(close);
  ctx.leave();
}

function skipValue(ctx: SkipContext): void {
  const tk = ctx.tk;
  ctx.enter();
  if (tk.current.type === "string") consumeString(tk);
  else if (tk.tryConsume("[")) {
    if (!tk.tryConsume("]")) {
      for (;;) {
        if (tk.lookingAt("{") || tk.lookingAt("<")) skipMessage(ctx);
        else skipValue(ctx);
        if (tk.tryConsume("]")) break;
        tk.consume(",");
      }
    }
  } else {
    const minus = tk.tryConsume("-");
    const t = tk.current;
    if (t.type !== "integer" && t.type !== "float" && t.type !== "identifier") tk.fail(`Cannot skip field value, unexpected token: ${t.text}`);
    if (minus && t.type === "identifier") {
      const lower = t.text.toLowerCase();
      if (lower !== "inf" && lower !== "infinity" && lower !== "nan") tk.fail(`Invalid float number: ${lower}`);
    }
    tk.next();
  }
  ctx.leave();
}
