/**
 * The shape of the code, as docs/architecture.md states it: each layer imports only the layers below
 * it (the table `MAY_IMPORT`, the same as the document's), nothing below the front ends imports the
 * rules, no module imports itself back through others, and modules stay short enough to read.
 *
 * The import graph is read from the `.ts` files of `src/` and `rules/` with TypeScript's own
 * pre-processor: `import`, `export … from`, `import type` and `import("…")` all count. Type-only
 * imports count too, for layering and for cycles alike: a type shared by two modules belongs in a
 * module both import (see the rule helpers' message id types), never in one of the two.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The layers, lowest first. `src/engine/rule.ts` is the rule API: what rules are written against. */
const LAYERS = [
  "src/util",
  "src/parse",
  "src/page",
  "src/docset",
  "src/metadata",
  "src/engine/rule.ts",
  "rules",
  "src/engine",
  "src/report",
  "front end",
] as const;
type Layer = (typeof LAYERS)[number];

const BELOW_RULES: Layer[] = [
  "src/engine/rule.ts",
  "src/metadata",
  "src/docset",
  "src/page",
  "src/parse",
  "src/util",
];

/** What each layer may import besides itself: the table of docs/architecture.md. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  "src/util": [],
  "src/parse": ["src/util"],
  "src/page": ["src/parse", "src/util"],
  "src/docset": ["src/page", "src/parse", "src/util"],
  "src/metadata": ["src/docset", "src/page", "src/parse", "src/util"],
  "src/engine/rule.ts": ["src/metadata", "src/docset", "src/page", "src/parse", "src/util"],
  rules: BELOW_RULES,
  // The engine receives the rules as a parameter: it never imports them.
  "src/engine": BELOW_RULES,
  "src/report": ["src/engine", ...BELOW_RULES],
  // Front ends import the rules only through their entry points (see FRONT_ENDS_OF_RULES).
  "front end": ["rules", "src/report", "src/engine", ...BELOW_RULES],
};

/** The front-end modules that hand the rules to the engine, and the rules' modules they import. */
const FRONT_ENDS_OF_RULES = new Set(["src/cli/rules.ts", "src/lsp/main.ts", "src/remark.ts", "src/index.ts"]);
const RULE_ENTRY_POINTS = new Set(["rules/plugin.ts", "rules/index.ts"]);

const FRONT_END_FOLDERS = ["src/cli/", "src/lsp/"];
const FRONT_END_FILES = ["src/index.ts", "src/remark.ts"];

/** A rule module fits one screen; any other source file stays readable in one sitting. */
const MAX_RULE_LINES = 150;
const MAX_SOURCE_LINES = 450;

function layerOf(file: string): Layer | undefined {
  if (file === "src/engine/rule.ts") return "src/engine/rule.ts";
  if (file.startsWith("rules/")) return "rules";
  if (FRONT_END_FILES.includes(file) || FRONT_END_FOLDERS.some((f) => file.startsWith(f))) return "front end";
  return LAYERS.find((layer) => file.startsWith(`${layer}/`));
}

/** The front end a module belongs to (`src/cli`, `src/lsp`, `src/index.ts`, `src/remark.ts`). */
const frontEndOf = (file: string) => FRONT_END_FOLDERS.find((f) => file.startsWith(f)) ?? file;

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}

const FILES = [...sourceFiles("src"), ...sourceFiles("rules")];
const TEXT = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), "utf8")]));

/** Each module's imports of other modules of `src/` and `rules/` (packages and node: left out). */
const IMPORTS = new Map<string, string[]>(
  FILES.map((file) => {
    const found = ts.preProcessFile(TEXT.get(file)!, true, true).importedFiles;
    const targets = found
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) =>
        relative(ROOT, join(ROOT, dirname(file), spec))
          .split("\\")
          .join("/")
          .replace(/\.js$/, ".ts"),
      );
    return [file, [...new Set(targets)]];
  }),
);

const lineCount = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

/** The rule modules: one file a rule, `rules/<id>.ts`; its helpers are in `rules/<id>/`. */
const RULE_MODULES = FILES.filter((f) => /^rules\/[^/]+\.ts$/.test(f) && !RULE_ENTRY_POINTS.has(f));

describe("the import graph", () => {
  it("reads every module and every import of one", () => {
    expect(FILES.length).toBeGreaterThan(100);
    const unresolved = [...IMPORTS].flatMap(([file, targets]) =>
      targets.filter((t) => !TEXT.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(unresolved).toEqual([]);
  });

  it("places every module in a layer of the table", () => {
    expect(FILES.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it("has each layer import only the layers the table allows", () => {
    const wrong: string[] = [];
    for (const [file, targets] of IMPORTS) {
      const from = layerOf(file)!;
      for (const target of targets) {
        const to = layerOf(target)!;
        if (from === to) {
          // Front ends are side by side: none imports another.
          if (from === "front end" && frontEndOf(file) !== frontEndOf(target))
            wrong.push(`${file} → ${target}`);
        } else if (!MAY_IMPORT[from].includes(to)) {
          wrong.push(`${file} (${from}) → ${target} (${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no module below the front ends import the rules, and the front ends only their entry points", () => {
    const wrong: string[] = [];
    for (const [file, targets] of IMPORTS) {
      if (file.startsWith("rules/")) continue;
      for (const target of targets.filter((t) => t.startsWith("rules/"))) {
        if (!FRONT_ENDS_OF_RULES.has(file) || !RULE_ENTRY_POINTS.has(target))
          wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps each rule's helpers its own, and rule modules apart", () => {
    const wrong: string[] = [];
    for (const [file, targets] of IMPORTS) {
      if (!file.startsWith("rules/") || RULE_ENTRY_POINTS.has(file)) continue;
      // `rules/<id>.ts` and `rules/<id>/…` belong to rule <id>.
      const owner = file.replace(/^rules\/([^/.]+)[./].*$/, "$1");
      for (const target of targets.filter((t) => t.startsWith("rules/"))) {
        if (!target.startsWith(`rules/${owner}/`)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycles, type-only imports included", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      path.push(file);
      for (const target of IMPORTS.get(file) ?? []) {
        const seen = state.get(target);
        if (seen === "open") cycles.push([...path.slice(path.indexOf(target)), target].join(" → "));
        else if (seen === undefined && IMPORTS.has(target)) visit(target);
      }
      path.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});

describe("module size and rule anatomy", () => {
  it(`keeps every rule module within ${MAX_RULE_LINES} lines`, () => {
    expect(RULE_MODULES.length).toBeGreaterThan(10);
    const long = RULE_MODULES.map((f) => [f, lineCount(TEXT.get(f)!)] as const).filter(
      ([, n]) => n > MAX_RULE_LINES,
    );
    expect(long).toEqual([]);
  });

  it(`keeps every source file within ${MAX_SOURCE_LINES} lines`, () => {
    const long = FILES.map((f) => [f, lineCount(TEXT.get(f)!)] as const).filter(
      ([, n]) => n > MAX_SOURCE_LINES,
    );
    expect(long).toEqual([]);
  });

  it("has every rule module made with createRule and declare its messages by id", () => {
    const wrong = RULE_MODULES.filter((file) => {
      const text = TEXT.get(file)!;
      const declared =
        /\bmessages: \{/.test(text) ||
        (/\bconst MESSAGES = \{/.test(text) && /\bmessages: MESSAGES\b/.test(text));
      return !/\bcreateRule\(\{/.test(text) || !declared;
    });
    expect(wrong).toEqual([]);
  });
});
