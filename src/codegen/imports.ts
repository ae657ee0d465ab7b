import type { NameScope } from "./names.js";

/** How a generated module is written: TypeScript, or JavaScript with a separate declaration file. */
export type Flavour = "ts" | "js" | "dts";

interface ImportedSymbol {
  readonly name: string;
  readonly alias: string;
  typeOnly: boolean;
}

/**
 * The imports of one generated module. Each imported symbol gets a local name on first use: its
 * own, or an alias when the module already uses that name.
 */
export class Imports {
  private readonly modules = new Map<string, Map<string, ImportedSymbol>>();

  constructor(private readonly scope: NameScope) {}

  /** The local name of `name` from module `from` (`preferred` as alias, if given); `typeOnly` when it is used only as a type. */
  use(from: string, name: string, typeOnly: boolean, preferred?: string): string {
    let symbols = this.modules.get(from);
    if (!symbols) this.modules.set(from, (symbols = new Map()));
    let s = symbols.get(name);
    if (!s) symbols.set(name, (s = { name, alias: this.scope.unique(preferred ?? name), typeOnly }));
    else if (!typeOnly) s.typeOnly = false;
    return s.alias;
  }

  /** The import declarations, in the order modules were first used; JavaScript leaves out type-only imports. */
  render(flavour: Flavour): string[] {
    const out: string[] = [];
    for (const [from, symbols] of this.modules) {
      let list = [...symbols.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (flavour === "js") list = list.filter((s) => !s.typeOnly);
      if (list.length === 0) continue;
      const allTypes = flavour === "dts" || list.every((s) => s.typeOnly);
      const parts = list.map((s) => {
        const named = s.alias === s.name ? s.name : `${s.name} as ${s.alias}`;
        return !allTypes && s.typeOnly && flavour === "ts" ? `type ${named}` : named;
      });
      const head = `import ${allTypes ? "type " : ""}`;
      const line = `${head}{ ${parts.join(", ")} } from ${JSON.stringify(from)};`;
      out.push(line.length <= 100 ? line : `${head}{\n${parts.map((p) => `  ${p},\n`).join("")}} from ${JSON.stringify(from)};`);
    }
    return out;
  }
}
