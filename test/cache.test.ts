/**
 * `--cache`: a result is reused only while the page, the configuration and the docs tree it reads
 * are unchanged. Reuse is proven by planting a sentinel message in the cache file: when the next run
 * reports the sentinel, it read the cache instead of linting.
 */
import type { SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { clearDocsIndexes } from "../src/docset/index.js";
import { lintFile } from "../src/index.js";
import { FIXTURES, requireBuiltCli, runCli as cli, tempFolder } from "./helpers.js";
import { csdl } from "./metadata/csdl.js";

const PAGE = "api/externalconnectors-externalgroup-post-members.md";
const ENUMS = "resources/enums-externalconnectors.md";
const SENTINEL = "SENTINEL: this message came from the cache file";

requireBuiltCli();
const root = tempFolder("gdl-cache-");

/**
 * A docs tree (api/ and resources/) with the externalConnectors demo page, whose enum findings come
 * from resources/enums-externalconnectors.md, and a small page with one TODO.
 */
function docsTree(): string {
  const dir = root.fresh();
  mkdirSync(join(dir, "api"), { recursive: true });
  mkdirSync(join(dir, "resources"), { recursive: true });
  copyFileSync(join(FIXTURES, PAGE), join(dir, PAGE));
  for (const name of readdirSync(join(FIXTURES, "resources")))
    copyFileSync(join(FIXTURES, "resources", name), join(dir, "resources", name));
  writeFileSync(join(dir, "api/small.md"), "# Small\n\nTODO\n");
  return dir;
}

function cached(dir: string, ...args: string[]): SpawnSyncReturns<string> {
  return cli(["--format", "json", "--cache", "--cache-location", join(dir, "c.json"), ...args, "api"], dir);
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  message: string;
}

function messagesOf(result: SpawnSyncReturns<string>, file: string): JsonMessage[] {
  const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: JsonMessage[] }>;
  const found = results.find((r) => r.filePath === file);
  if (!found) throw new Error(`no result for ${file} in ${result.stdout}`);
  return found.messages;
}

interface CacheData {
  entries: Record<string, { key: string; messages: Array<{ reason: string }> }>;
}

/** Replaces the reasons of a file's cached messages with the sentinel, keeping the entry's key. */
function plantSentinel(dir: string, file: string): void {
  const path = join(dir, "c.json");
  const data = JSON.parse(readFileSync(path, "utf8")) as CacheData;
  const entry = data.entries[file];
  if (!entry) throw new Error(`no cache entry for ${file}: ${Object.keys(data.entries).join(", ")}`);
  expect(entry.messages.length).toBeGreaterThan(0);
  for (const m of entry.messages) m.reason = SENTINEL;
  writeFileSync(path, JSON.stringify(data));
}

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

/** The enum findings of the demo page: `[line, message start]`. */
function enumFindings(result: SpawnSyncReturns<string>, dir: string): Array<[number, string]> {
  return messagesOf(result, join(dir, PAGE))
    .filter((m) => m.ruleId === "enum-value-documented")
    .map((m) => [m.line, m.message.slice(0, m.message.indexOf(" ", 1))]);
}

describe("--cache", () => {
  it("first run: a miss that creates the cache file; second run: the same output", () => {
    const dir = docsTree();
    const plain = cli(["--format", "json", "api"], dir);
    expect(existsSync(join(dir, "c.json"))).toBe(false);
    const first = cached(dir);
    expect(first.status).toBe(1);
    expect(existsSync(join(dir, "c.json"))).toBe(true);
    expect(first.stdout).toBe(plain.stdout);
    const second = cached(dir);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    // The cache has an entry per page linted, by absolute path.
    const data = JSON.parse(readFileSync(join(dir, "c.json"), "utf8")) as CacheData;
    expect(Object.keys(data.entries).sort()).toEqual([join(dir, PAGE), join(dir, "api/small.md")]);
  });

  it("a hit reuses the cached result (the planted sentinel is reported)", () => {
    const dir = docsTree();
    cached(dir);
    plantSentinel(dir, join(dir, "api/small.md"));
    const result = cached(dir);
    expect(messagesOf(result, join(dir, "api/small.md")).map((m) => m.message)).toEqual([SENTINEL]);
    // The other page's entry was not touched: its real findings are served.
    expect(messagesOf(result, join(dir, PAGE)).some((m) => m.message === SENTINEL)).toBe(false);
    // The stylish report shows the cached message too.
    const stylish = cli(["--cache", "--cache-location", join(dir, "c.json"), "api/small.md"], dir);
    expect(stylish.stdout).toContain(`api/small.md\n  3:1  error  ${SENTINEL}  no-todo-placeholder\n`);
  });

  it("a new content of the page's metadata file, or another file, is a miss; the same content a hit", () => {
    const dir = docsTree();
    const csdlFile = join(dir, "v1.xml");
    writeFileSync(csdlFile, csdl('<EnumType Name="color" />'));
    const small = join(dir, "api/small.md");
    const reasons = (result: SpawnSyncReturns<string>) => messagesOf(result, small).map((m) => m.message);
    cached(dir, "--metadata", csdlFile);
    plantSentinel(dir, small);
    expect(reasons(cached(dir, "--metadata", csdlFile))).toEqual([SENTINEL]);
    writeFileSync(csdlFile, csdl('<EnumType Name="colour" />'));
    expect(reasons(cached(dir, "--metadata", csdlFile))).not.toContain(SENTINEL);
    plantSentinel(dir, small);
    expect(reasons(cached(dir))).not.toContain(SENTINEL);
  });

  it("changing the file's content is a miss: its real findings again", () => {
    const dir = docsTree();
    cached(dir);
    plantSentinel(dir, join(dir, "api/small.md"));
    edit(join(dir, "api/small.md"), (t) => `${t}\nTODO again\n`);
    const result = cached(dir);
    expect(messagesOf(result, join(dir, "api/small.md")).map((m) => [m.line, m.message])).toEqual([
      [3, 'TODO placeholder "TODO" must be replaced with real content.'],
      [5, 'TODO placeholder "TODO" must be replaced with real content.'],
    ]);
  });

  it("restoring the content after an edit is not served the edited result", () => {
    const dir = docsTree();
    const small = join(dir, "api/small.md");
    const original = readFileSync(small, "utf8");
    cached(dir);
    writeFileSync(small, "# Small\n\nClean now.\n");
    expect(messagesOf(cached(dir), small)).toEqual([]);
    writeFileSync(small, original);
    expect(messagesOf(cached(dir), small).map((m) => m.line)).toEqual([3]);
  });

  it("changing the configuration is a miss", () => {
    const dir = docsTree();
    cached(dir);
    plantSentinel(dir, join(dir, "api/small.md"));
    writeFileSync(join(dir, ".graph-docs-lint.json"), '{ "rules": { "no-todo-placeholder": "warn" } }');
    const result = cached(dir);
    expect(messagesOf(result, join(dir, "api/small.md"))).toEqual([
      expect.objectContaining({
        ruleId: "no-todo-placeholder",
        severity: 1,
        message: 'TODO placeholder "TODO" must be replaced with real content.',
      }),
    ]);
  });

  it("--report-unused-disable-directives is part of the key", () => {
    const dir = docsTree();
    const page = join(dir, "api/small.md");
    writeFileSync(page, "# Small\n\n<!-- graph-docs-lint-disable-next-line -->\nNothing here.\n");
    expect(messagesOf(cached(dir), page)).toEqual([]);
    const unused = cached(dir, "--report-unused-disable-directives");
    expect(messagesOf(unused, page).map((m) => m.message)).toEqual([
      "Unused graph-docs-lint-disable-next-line directive.",
    ]);
  });

  it("editing the enum page of the docs tree changes the page's result", () => {
    const dir = docsTree();
    const page = join(dir, PAGE);
    const first = cached(dir);
    expect(enumFindings(first, dir)).toEqual([
      [76, '"String"'],
      [97, '"AzureActiveDirectory"'],
      [117, '"externalGroup"'],
    ]);
    plantSentinel(dir, page);
    // Add a member: "externalGroup" becomes a documented value of externalGroupMemberType.
    edit(join(dir, ENUMS), (t) => t.replace("| group\n", "| group\n| externalGroup\n"));
    const added = cached(dir);
    expect(messagesOf(added, page).some((m) => m.message === SENTINEL)).toBe(false);
    expect(enumFindings(added, dir)).toEqual([
      [76, '"String"'],
      [97, '"AzureActiveDirectory"'],
    ]);
    // Remove a member: the response's "type": "group" is no longer documented.
    edit(join(dir, ENUMS), (t) => t.replace("| group\n", ""));
    const removed = cached(dir);
    const findings = enumFindings(removed, dir);
    expect(findings).toContainEqual([137, '"group"']);
    expect(findings).not.toContainEqual([117, '"externalGroup"']);
    // The page's own bytes did not change in all this.
    expect(readFileSync(page, "utf8")).toBe(readFileSync(join(FIXTURES, PAGE), "utf8"));
  });

  // Bug: src/cli/cache.ts keys a result on a signature of resources/ only, but the docs index also
  // reads the page a property's type links to (src/docset/resolve.ts nearFiles: any file under the
  // docs root, e.g. includes/types.md). Editing that page leaves the key unchanged, and the stale
  // result (`"externalGroup" is not a documented value…`, line 117) is served from the cache, while a
  // run without --cache no longer reports it. (The index records what it read in `dependencies`.)
  it("editing an enum page outside resources/ that the page links to changes the page's result", () => {
    const dir = docsTree();
    const page = join(dir, PAGE);
    edit(page, (t) =>
      t.replace("|type|externalGroupMemberType|", "|type|[externalGroupMemberType](../includes/types.md)|"),
    );
    const types = join(dir, "includes", "types.md");
    mkdirSync(dirname(types), { recursive: true });
    writeFileSync(
      types,
      "# Types\n\n### externalGroupMemberType values\n\n| Member\n|:---\n| user\n| group\n| unknownFutureValue\n",
    );
    expect(enumFindings(cached(dir), dir)).toContainEqual([117, '"externalGroup"']);
    edit(types, (t) => t.replace("| group\n", "| group\n| externalGroup\n"));
    const uncached = cli(["--format", "json", "api"], dir);
    expect(enumFindings(uncached, dir)).not.toContainEqual([117, '"externalGroup"']);
    expect(enumFindings(cached(dir), dir)).toEqual(enumFindings(uncached, dir));
  });

  it("adding a page to resources/ is a miss for the pages of that tree", () => {
    const dir = docsTree();
    cached(dir);
    plantSentinel(dir, join(dir, "api/small.md"));
    writeFileSync(join(dir, "resources/new-enum.md"), "# New\n");
    const result = cached(dir);
    expect(messagesOf(result, join(dir, "api/small.md")).map((m) => m.message)).not.toContain(SENTINEL);
  });

  it("an api/ page that starts documenting a request path changes the result of a page using it", () => {
    const dir = docsTree();
    const old = join(dir, "api/externalitem-update.md");
    writeFileSync(old, "Namespace: microsoft.graph\n\n```http\nPUT /connections/{id}/items/{id}\n```\n");
    const prefixFindings = (result: SpawnSyncReturns<string>) =>
      messagesOf(result, old).filter((m) => m.ruleId === "external-path-prefix");
    expect(prefixFindings(cached(dir))).toEqual([]);
    writeFileSync(
      join(dir, "api/externalconnectors-externalitem-update.md"),
      "## HTTP request\n\n```http\nPUT /external/connections/{connectionsId}/items/{externalItemId}\n```\n",
    );
    expect(prefixFindings(cached(dir)).map((m) => m.line)).toEqual([4]);
  });

  it("a corrupt cache file is ignored: the run works and rewrites it", () => {
    const dir = docsTree();
    const plain = cli(["--format", "json", "api"], dir);
    for (const corrupt of [
      "{ not json",
      "null",
      '{"version": 1, "entries": null}',
      '{"version": 999, "entries": {}}',
    ]) {
      writeFileSync(join(dir, "c.json"), corrupt);
      const result = cached(dir);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(plain.stdout);
      const data = JSON.parse(readFileSync(join(dir, "c.json"), "utf8")) as CacheData;
      expect(Object.keys(data.entries)).toHaveLength(2);
    }
  });

  it("an entry with a malformed message list is ignored", () => {
    const dir = docsTree();
    cached(dir);
    const path = join(dir, "c.json");
    const data = JSON.parse(readFileSync(path, "utf8")) as { entries: Record<string, { messages: unknown }> };
    data.entries[join(dir, "api/small.md")]!.messages = "not a list";
    writeFileSync(path, JSON.stringify(data));
    const result = cached(dir);
    expect(result.stderr).toBe("");
    expect(messagesOf(result, join(dir, "api/small.md")).map((m) => m.line)).toEqual([3]);
  });

  it("--cache without --cache-location uses node_modules/.cache/graph-docs-lint/cache.json", () => {
    const dir = docsTree();
    const result = cli(["--cache", "api/small.md"], dir);
    expect(result.status).toBe(1);
    expect(existsSync(join(dir, "node_modules/.cache/graph-docs-lint/cache.json"))).toBe(true);
  });

  it("the cache folder is created when missing", () => {
    const dir = docsTree();
    const location = join(dir, "deep", "er", "cache.json");
    expect(cli(["--cache", "--cache-location", location, "api/small.md"], dir).status).toBe(1);
    expect(existsSync(location)).toBe(true);
    expect(existsSync(dirname(location))).toBe(true);
  });

  it("--fix does not use cached results: it fixes the page", () => {
    const dir = docsTree();
    const page = join(dir, "api/comma.md");
    writeFileSync(page, '# Comma\n\n```json\n{\n  "a": 1,\n}\n```\n');
    cached(dir);
    const fixed = cli(["--fix", "--cache", "--cache-location", join(dir, "c.json"), "api/comma.md"], dir);
    expect(fixed.status).toBe(0);
    expect(readFileSync(page, "utf8")).toBe('# Comma\n\n```json\n{\n  "a": 1\n}\n```\n');
    // The next cached run sees the fixed bytes.
    expect(messagesOf(cached(dir), page)).toEqual([]);
  });
});

describe("the files a result depends on (what a cache keyed on them checks)", () => {
  /** A page whose `color` property is typed `gadgetColor`, a type no enum page defines. */
  const colorPage = (value: string) =>
    [
      "# Update gadget",
      "",
      "Namespace: microsoft.graph",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      "|color|gadgetColor|The color.|",
      "",
      "```http",
      "PATCH https://graph.microsoft.com/v1.0/gadgets/g1",
      "",
      `{ "color": "${value}" }`,
      "```",
      "",
    ].join("\n");

  /** A key over a result's dependencies, by content (what a dependency-keyed cache would compare). */
  const depsKey = (dependencies: string[] | undefined) =>
    [...(dependencies ?? [])]
      .sort()
      .map((f) => `${f}\0${existsSync(f) ? readFileSync(f, "utf8") : "missing"}`)
      .join("\n");

  const enumFindingsOf = (page: string) =>
    lintFile(page)
      .messages.filter((m) => m.ruleId === "enum-value-documented")
      .map((m) => m.reason.slice(0, m.reason.indexOf(" ", 1)));

  // Was a bug: an enum not on an enum page is looked for by its `### fooType values` heading, on
  // every page of resources/ read as text (src/docset/index.ts, enumHeadingIndex); only the page
  // found was recorded, so a page that gains the heading left every dependency unchanged, and a
  // cache keyed on them served the old result. (--cache also keys on all of resources/.)
  it("an enum looked up by heading depends on every page the heading scan read", () => {
    const dir = docsTree();
    const page = join(dir, "api/gadget-update.md");
    const other = join(dir, "api/gadget-update-other.md");
    writeFileSync(page, colorPage("green"));
    writeFileSync(other, colorPage("green"));
    clearDocsIndexes();
    try {
      const before = lintFile(page);
      // The second page asks the index's cached answer.
      const beforeOther = lintFile(other);
      expect(before.messages.filter((m) => m.ruleId === "enum-value-documented")).toEqual([]);
      const scanned = join(dir, "resources/externalconnectors-externalgroupmember.md");
      expect(before.dependencies).toContain(scanned);
      expect(beforeOther.dependencies).toContain(scanned);
      const keys = [depsKey(before.dependencies), depsKey(beforeOther.dependencies)];
      // A resource page gains the enum's heading: the enum is documented now, without "green".
      edit(scanned, (t) => `${t}\n### gadgetColor values\n\n| Member\n|:---\n| red\n| blue\n`);
      clearDocsIndexes();
      expect(enumFindingsOf(page)).toEqual(['"green"']);
      // … and a cache keyed on the old results' dependencies misses.
      expect(depsKey(before.dependencies)).not.toBe(keys[0]);
      expect(depsKey(beforeOther.dependencies)).not.toBe(keys[1]);
    } finally {
      clearDocsIndexes();
    }
  });
});
