import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PageFacts } from "../src/docset/definitions.js";
import { FactsStore } from "../src/docset/facts-store.js";
import { clearDocsIndexes, docsIndexFor } from "../src/docset/index.js";
import { parseTypeRef } from "../src/parse/type-ref.js";
import { buildPage } from "../src/page/build.js";
import { intuneEnumPage } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "gdl-facts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FACTS: PageFacts = {
  enums: [
    {
      name: "colorType",
      namespace: "microsoft.graph",
      members: ["red", "blue"],
      lostMembers: 0,
      file: "/docs/a.md",
    },
  ],
  resource: {
    names: ["widget"],
    definition: {
      name: "widget",
      namespace: "microsoft.graph",
      properties: new Map([
        [
          "color",
          {
            name: "color",
            type: "colorType",
            typeLink: "colortype.md",
            typeRef: { name: "colorType", namespace: undefined, collection: false, primitive: false },
            description: "The color.",
            documentedValues: undefined,
            valueRuns: [],
            file: "/docs/a.md",
          },
        ],
      ]),
      baseTypes: ["entity"],
      baseLinks: [{ lead: "inherits from", name: "entity" }],
      openType: false,
      jsonProperties: ["color"],
      jsonSamples: [["isShown", true]],
      optionalProperties: [],
      unnamedProperties: [],
      file: "/docs/a.md",
    },
  },
};

describe("FactsStore", () => {
  it("gives back what was stored for the same size and time, Maps included", () => {
    const store = new FactsStore(join(tmp, "a"));
    store.set("/docs/a.md", { size: 10, mtimeMs: 5.5 }, FACTS);
    const got = store.get("/docs/a.md", { size: 10, mtimeMs: 5.5 });
    expect(got).toEqual(FACTS);
    expect(got?.resource?.definition.properties.get("color")?.type).toBe("colorType");
  });

  it("gives nothing for another size, time or file", () => {
    const store = new FactsStore(join(tmp, "b"));
    store.set("/docs/a.md", { size: 10, mtimeMs: 5.5 }, FACTS);
    expect(store.get("/docs/a.md", { size: 11, mtimeMs: 5.5 })).toBeUndefined();
    expect(store.get("/docs/a.md", { size: 10, mtimeMs: 6 })).toBeUndefined();
    expect(store.get("/docs/b.md", { size: 10, mtimeMs: 5.5 })).toBeUndefined();
  });

  it("ignores a store folder it cannot use", () => {
    const blocked = join(tmp, "blocked");
    writeFileSync(blocked, "a file, not a folder");
    const store = new FactsStore(blocked);
    expect(() => store.set("/docs/a.md", { size: 1, mtimeMs: 1 }, FACTS)).not.toThrow();
    expect(store.get("/docs/a.md", { size: 1, mtimeMs: 1 })).toBeUndefined();
  });

  it("stamps existing files only", () => {
    const file = join(tmp, "page.md");
    writeFileSync(file, "# Page\n");
    expect(FactsStore.stamp(file)?.size).toBe(7);
    expect(FactsStore.stamp(join(tmp, "missing.md"))).toBeUndefined();
  });
});

/** The enum page of `dialModeType` with these members, as an Intune enum page is written. */
const enumPage = (members: string[]) =>
  intuneEnumPage(
    "dialModeType",
    members.map((m, i) => `|${m}|${i}|${m}.|`),
  );

/** An empty docs tree (`api/`, `resources/`) named `name`, with no index cached for it. */
function docsTree(name: string): string {
  const root = join(tmp, name);
  mkdirSync(join(root, "resources"), { recursive: true });
  mkdirSync(join(root, "api"), { recursive: true });
  clearDocsIndexes();
  return root;
}

const DIAL_MODE = "microsoft.graph.dialModeType";

describe("the docs index keeps page facts between runs", () => {
  it("reuses a page's facts while its size and time are unchanged, and reads it again after a change", () => {
    const root = docsTree("tree");
    const file = join(root, "resources", "intune-deviceconfig-dialmodetype.md");
    const members = () => {
      clearDocsIndexes();
      return docsIndexFor(root).enumType(parseTypeRef(DIAL_MODE)!)?.members;
    };
    const time = new Date(2026, 0, 2);
    writeFileSync(file, enumPage(["rotary", "touchTone"]));
    utimesSync(file, time, time);
    expect(members()).toEqual(["rotary", "touchTone"]);
    // Same size and time: a new index (a new process) answers from the store, without parsing.
    writeFileSync(file, enumPage(["rotarx", "touchTone"]));
    utimesSync(file, time, time);
    expect(members()).toEqual(["rotary", "touchTone"]);
    // Another size: read again.
    writeFileSync(file, enumPage(["rotary", "touchTone", "pulse"]));
    expect(members()).toEqual(["rotary", "touchTone", "pulse"]);
  });
});

describe("DocsIndex.learnFrom", () => {
  it("keeps the facts of a resource page linted from disk, so a lookup does not parse it again", () => {
    const root = docsTree("learn");
    const file = join(root, "resources", "intune-deviceconfig-dialmodetype.md");
    writeFileSync(file, "# empty for now\n");
    const text = enumPage(["rotary"]);
    const docs = docsIndexFor(root);
    // The page as linted (the file on disk says something else: the learned facts are used).
    docs.learnFrom?.(file, buildPage(text, { path: file }));
    expect(docs.enumType(parseTypeRef(DIAL_MODE)!)?.members).toEqual(["rotary"]);
  });

  it("learns nothing from pages outside resources/ or outside the docs root", () => {
    const root = docsTree("learn-not");
    const docs = docsIndexFor(root);
    const page = buildPage("# dialModeType enum type\n\n## Members\n|Member|Value|\n|:---|:---|\n|a|0|\n");
    docs.learnFrom?.(join(root, "api", "intune-deviceconfig-dialmodetype.md"), page);
    docs.learnFrom?.(join(tmp, "elsewhere", "resources", "intune-deviceconfig-dialmodetype.md"), page);
    expect(docs.enumType(parseTypeRef(DIAL_MODE)!)).toBeUndefined();
  });
});
