/** protoc's VisitDescriptors: every element of a built file, in the order protoc's checks run. */
import type { FileDesc, MessageDesc, OptionsOwner } from "./model.js";

/** Calls `visit` on every element of the file (the file first, parents before children), in protoc's VisitDescriptors order. */
export function visitElements(file: FileDesc, visit: (d: OptionsOwner) => void): void {
  visit(file);
  const message = (m: MessageDesc): void => {
    visit(m);
    for (const e of m.enums) {
      visit(e);
      for (const v of e.values) visit(v);
    }
    for (const o of m.oneofs) visit(o);
    for (const f of m.fields) visit(f);
    for (const n of m.nestedTypes) message(n);
    for (const f of m.extensions) visit(f);
    for (const r of m.extensionRanges) visit(r);
  };
  for (const m of file.messages) message(m);
  for (const e of file.enums) {
    visit(e);
    for (const v of e.values) visit(v);
  }
  for (const f of file.extensions) visit(f);
  for (const s of file.services) {
    visit(s);
    for (const m of s.methods) visit(m);
  }
}
