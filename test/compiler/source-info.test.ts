import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../src/compiler/compile.js";
import { formatDiagnostic } from "../../src/compiler/diagnostic.js";
import { repoRoot } from "./helpers.js";

// Stage 2: SourceCodeInfo, compared with what protoc emitted for the fixtures
// (scripts/compiler-record-source-info.mjs): every location's path, span and comments, in order.

interface Loc {
  path: number[];
  span: number[];
  leading?: string;
  trailing?: string;
  detached?: string[];
}

const dir = join(repoRoot, "test/compiler/fixtures");
const include = join(repoRoot, "node_modules/protoc/include");

for (const name of readdirSync(dir).filter((n) => n.endsWith(".proto"))) {
  test(`source info of ${name} matches protoc's`, () => {
    const r = compile({
      files: [name],
      readFile: (p) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p)) : existsSync(join(include, p)) ? readFileSync(join(include, p)) : undefined),
      includeSourceInfo: true,
    });
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic), []);
    const file = r.files[r.files.length - 1]!;
    const got: Loc[] = (file.sourceCodeInfo?.location ?? []).map((l) => {
      const o: Loc = { path: l.path, span: l.span };
      if (l.leadingComments !== undefined) o.leading = l.leadingComments;
      if (l.trailingComments !== undefined) o.trailing = l.trailingComments;
      if (l.leadingDetachedComments.length > 0) o.detached = l.leadingDetachedComments;
      return o;
    });
    const want = JSON.parse(readFileSync(join(dir, name.replace(/\.proto$/, ".locations.json")), "utf8")) as Loc[];
    assert.deepEqual(got, want);
  });
}
