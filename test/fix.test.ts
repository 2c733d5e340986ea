/**
 * Autofix: `applyFixes`, `fixText` on the pages of fixtures/pages (LF, CRLF), the CLI's `--fix` and
 * `--fix-dry-run`, and the atomic write behind `--fix`.
 */
import * as realFs from "node:fs";
import { chmodSync, readFileSync, readdirSync, statSync, utimesSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyFixes, fixText } from "../src/index.js";
import { lintText } from "../src/index.js";
import { type WriteFs, encodePage, writeFileAtomic } from "../src/engine/write.js";
import { PLAIN_TEXT, STUB_BETA, requireBuiltCli, runCli as cli, tempFolder, writeFile } from "./helpers.js";

/** Four trailing commas (lines 45, 57, 69, 81) and an id mismatch (line 80). */
const PLAIN = readFileSync(PLAIN_TEXT, "utf8");
/** TODOs, `/connections` paths missing `/external` (lines 31 and 55), enum placeholders. */
const STUB = readFileSync(STUB_BETA, "utf8");

const COMMA_LINES = [45, 57, 69, 81];
const PATH_LINES = [31, 55];

requireBuiltCli();
/** `tmp.fresh()`: a fresh folder for one test. */
const tmp = tempFolder("gdl-fix-");

function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** `[ruleId, line]` of each finding. */
function where(text: string): Array<[string | undefined, number]> {
  return lintText(text).messages.map((m) => [m.ruleId, m.startPoint.line]);
}

/** 1-based numbers of the lines that differ between two texts with the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** A past modification time, so "unchanged" does not depend on the clock's resolution. */
const PAST = new Date("2001-02-03T04:05:06Z");

describe("applyFixes", () => {
  it("applies non-overlapping fixes, whatever their order, bottom-up so offsets stay valid", () => {
    const fixes = [
      { range: { start: 7, end: 8 }, text: "HHH" },
      { range: { start: 1, end: 3 }, text: "" },
      { range: { start: 4, end: 4 }, text: "+" },
    ];
    const { text, applied } = applyFixes("abcdefghij", fixes);
    expect(text).toBe("ad+efgHHHij");
    expect(applied.map((f) => f.range.start)).toEqual([1, 4, 7]);
  });

  it("skips a fix that overlaps an earlier one, keeping the first", () => {
    const fixes = [
      { range: { start: 2, end: 6 }, text: "Y" },
      { range: { start: 1, end: 4 }, text: "X" },
      { range: { start: 8, end: 9 }, text: "Z" },
    ];
    const { text, applied } = applyFixes("abcdefghij", fixes);
    expect(text).toBe("aXefghZj");
    expect(applied).toEqual([fixes[1], fixes[2]]);
  });

  it("applies only one of two insertions at the same point (the first given)", () => {
    const first = { range: { start: 3, end: 3 }, text: "1" };
    const second = { range: { start: 3, end: 3 }, text: "2" };
    expect(applyFixes("abcdef", [first, second])).toEqual({ text: "abc1def", applied: [first] });
    expect(applyFixes("abcdef", [second, first])).toEqual({ text: "abc2def", applied: [second] });
  });

  it("skips a fix touching the end of an applied one (as ESLint does)", () => {
    const replace = { range: { start: 1, end: 3 }, text: "X" };
    const insertAtEnd = { range: { start: 3, end: 3 }, text: "Y" };
    expect(applyFixes("abcdef", [insertAtEnd, replace])).toEqual({ text: "aXdef", applied: [replace] });
  });

  it("handles no fixes, an edit at offset 0 and one at the end", () => {
    expect(applyFixes("abc", [])).toEqual({ text: "abc", applied: [] });
    const fixes = [
      { range: { start: 3, end: 3 }, text: "!" },
      { range: { start: 0, end: 0 }, text: "<" },
    ];
    expect(applyFixes("abc", fixes).text).toBe("<abc!");
  });

  it("does not modify the fixes array it is given", () => {
    const fixes = [
      { range: { start: 4, end: 5 }, text: "B" },
      { range: { start: 0, end: 1 }, text: "A" },
    ];
    const copy = structuredClone(fixes);
    applyFixes("abcdef", fixes);
    expect(fixes).toEqual(copy);
  });
});

describe("fixText on the pages of fixtures/pages", () => {
  describe.each([
    ["LF", (t: string) => t],
    ["CRLF", crlf],
  ])("%s", (_name, variant) => {
    it("plain-text.txt: removes the four trailing commas; the id mismatch remains", () => {
      const input = variant(PLAIN);
      expect(where(input).filter(([id]) => id === "no-trailing-comma")).toHaveLength(4);
      const fixed = fixText(input);
      expect(fixed.changed).toBe(true);
      expect(fixed.fixCount).toBe(4);
      expect(fixed.messages.map((m) => [m.ruleId, m.startPoint.line])).toEqual([
        ["request-response-id-match", 80],
      ]);
      // A fresh lint of the output agrees with what fixText reports.
      expect(where(fixed.output)).toEqual([["request-response-id-match", 80]]);
    });

    it("plain-text.txt: changes only the comma lines, and on them only the comma", () => {
      const input = variant(PLAIN);
      const { output } = fixText(input);
      expect(changedLines(input, output)).toEqual(COMMA_LINES);
      const before = input.split("\n");
      const after = output.split("\n");
      for (const line of COMMA_LINES) {
        const old = before[line - 1]!;
        const at = old.lastIndexOf(",");
        expect(after[line - 1]).toBe(old.slice(0, at) + old.slice(at + 1));
      }
    });

    it("stub-beta.txt: adds the /external prefix on lines 31 and 55; TODOs and enum placeholders remain", () => {
      const input = variant(STUB);
      const before = where(input);
      expect(before.filter(([id]) => id === "external-path-prefix").map(([, line]) => line)).toEqual(
        PATH_LINES,
      );
      const fixed = fixText(input);
      expect(fixed.fixCount).toBe(2);
      expect(changedLines(input, fixed.output)).toEqual(PATH_LINES);
      const lines = fixed.output.split("\n");
      expect(lines[30]).toMatch(
        /^POST \/external\/connections\/\{connectionId\}\/widgets\/\{widgetId\}\/tags\r?$/,
      );
      expect(lines[54]).toMatch(/^POST https:\/\/graph\.microsoft\.com\/beta\/external\/connections\//);
      const after = where(fixed.output);
      expect(after).toEqual(before.filter(([id]) => id !== "external-path-prefix"));
      expect(after.filter(([id]) => id === "no-todo-placeholder")).toHaveLength(7);
      expect(after.filter(([id]) => id === "enum-value-documented")).toHaveLength(4);
    });

    it("is idempotent: fixing the output again changes nothing", () => {
      for (const page of [STUB, PLAIN]) {
        const once = fixText(variant(page));
        const twice = fixText(once.output);
        expect(twice.changed).toBe(false);
        expect(twice.fixCount).toBe(0);
        expect(twice.output).toBe(once.output);
        expect(twice.messages.map((m) => m.reason)).toEqual(once.messages.map((m) => m.reason));
      }
    });
  });

  it("keeps CRLF line endings: every line break of the output is CRLF", () => {
    for (const page of [STUB, PLAIN]) {
      const { output } = fixText(crlf(page));
      expect(output.split("\r\n").length).toBe(crlf(page).split("\r\n").length);
      expect(output.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    }
  });

  // Was a bug: micromark drops a leading BOM, so every mdast offset was one short of the text's.
  it("a byte order mark given to lintText/fixText: ranges index the text as given, and it is kept", () => {
    const text = "\uFEFF```json\n[1,]\n```\n<!-- graph-docs-lint-disable -->\n";
    const options = { reportUnusedDisableDirectives: true };
    const linted = lintText(text, options);
    expect(linted.source).toBe(text);
    expect(linted.bom).toBe(true);
    const places = linted.messages.map((m) => ({
      rule: m.ruleId,
      at: text.slice(m.range.start, m.range.end),
      start: `${m.startPoint.line}:${m.startPoint.column}`,
    }));
    expect(places).toEqual([
      { rule: "no-trailing-comma", at: ",", start: "2:3" },
      { rule: undefined, at: "<!-- graph-docs-lint-disable -->", start: "4:1" },
    ]);
    // Line 1: one column further right than without the BOM.
    expect(lintText("\uFEFF# T\n\nTODO here\n").messages[0]!.startPoint).toEqual({
      line: 3,
      column: 1,
      offset: 6,
    });
    expect(lintText("\uFEFFTODO\n").messages[0]!.startPoint).toEqual({ line: 1, column: 2, offset: 1 });
    const fixed = fixText(text, options);
    expect(fixed.output).toBe("\uFEFF```json\n[1]\n```\n");
    expect(fixed.messages).toEqual([]);
  });

  it("a page with nothing to fix is returned as it is", () => {
    const text = "# Title\n\nTODO\n";
    const fixed = fixText(text);
    expect(fixed).toMatchObject({ output: text, changed: false, fixCount: 0, passes: 0 });
    expect(fixed.messages).toHaveLength(1);
  });
});

describe("--fix", () => {
  it("writes the fixed page, reports what remains, and keeps the file's mode", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", PLAIN);
    chmodSync(page, 0o640);
    const result = cli(["--fix", "--format", "json", "page.md"], cwd);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect(readFileSync(page, "utf8")).toBe(fixText(PLAIN).output);
    expect(statSync(page).mode & 0o777).toBe(0o640);
    const [report] = JSON.parse(result.stdout) as Array<{
      messages: Array<{ ruleId: string; line: number }>;
    }>;
    expect(report?.messages.map((m) => [m.ruleId, m.line])).toEqual([["request-response-id-match", 80]]);
    // No temporary file is left beside the page.
    expect(readdirSync(cwd)).toEqual(["page.md"]);
  });

  it("touches only the files it changes: a clean page keeps its bytes and modification time", () => {
    const cwd = tmp.fresh();
    const dirty = writeFile(cwd, "docs/dirty.md", PLAIN);
    const clean = writeFile(cwd, "docs/clean.md", fixText(PLAIN).output);
    utimesSync(clean, PAST, PAST);
    utimesSync(dirty, PAST, PAST);
    const result = cli(["--fix", "docs"], cwd);
    expect(result.status).toBe(1);
    expect(statSync(clean).mtime.getTime()).toBe(PAST.getTime());
    expect(readFileSync(clean, "utf8")).toBe(fixText(PLAIN).output);
    expect(statSync(dirty).mtime.getTime()).not.toBe(PAST.getTime());
    expect(readFileSync(dirty, "utf8")).toBe(fixText(PLAIN).output);
  });

  it("a second --fix changes nothing", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", STUB);
    const first = cli(["--fix", "page.md"], cwd);
    expect(first.status).toBe(1);
    const afterFirst = readFileSync(page);
    expect(afterFirst.toString("utf8")).toBe(fixText(STUB).output);
    utimesSync(page, PAST, PAST);
    const second = cli(["--fix", "page.md"], cwd);
    expect(second.status).toBe(1);
    expect(readFileSync(page).equals(afterFirst)).toBe(true);
    expect(statSync(page).mtime.getTime()).toBe(PAST.getTime());
    // Both runs report the same remaining findings.
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).not.toContain("external-path-prefix");
  });

  it("keeps a byte order mark: the fixed file starts with EF BB BF and is otherwise the fixed text", () => {
    const cwd = tmp.fresh();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const page = writeFile(cwd, "page.md", Buffer.concat([bom, Buffer.from(PLAIN, "utf8")]));
    const result = cli(["--fix", "page.md"], cwd);
    expect(result.status).toBe(1);
    const bytes = readFileSync(page);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(fixText(PLAIN).output);
    // Exactly one BOM.
    expect(bytes.subarray(3, 6).equals(bom)).toBe(false);
  });

  it("keeps CRLF line endings on disk", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", crlf(PLAIN));
    expect(cli(["--fix", "page.md"], cwd).status).toBe(1);
    const text = readFileSync(page, "utf8");
    expect(text).toBe(fixText(crlf(PLAIN)).output);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(changedLines(crlf(PLAIN), text)).toEqual(COMMA_LINES);
  });

  it("exits 0 when the fixes remove every finding", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", '# Title\n\n```json\n{\n  "a": 1,\n}\n```\n');
    const result = cli(["--fix", "page.md"], cwd);
    expect(result.status).toBe(0);
    expect(readFileSync(page, "utf8")).toBe('# Title\n\n```json\n{\n  "a": 1\n}\n```\n');
  });
});

describe("--fix-dry-run", () => {
  it("does not write, and prints a unified diff before the stylish report", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", PLAIN);
    utimesSync(page, PAST, PAST);
    const result = cli(["--fix-dry-run", "page.md"], cwd);
    expect(result.status).toBe(1);
    expect(readFileSync(page, "utf8")).toBe(PLAIN);
    expect(statSync(page).mtime.getTime()).toBe(PAST.getTime());
    expect(readdirSync(cwd)).toEqual(["page.md"]);
    const out = result.stdout;
    expect(out).toContain("--- a/page.md");
    expect(out).toContain("+++ b/page.md");
    expect(out.match(/^@@ /gm)).toHaveLength(COMMA_LINES.length);
    expect(out.match(/^- {2}"(kind|label)": "[^"]+",$/gm)).toHaveLength(4);
    expect(out.match(/^\+ {2}"(kind|label)": "[^"]+"$/gm)).toHaveLength(4);
    // The diff comes first, then the findings that would remain.
    expect(out.indexOf("--- a/page.md")).toBeLessThan(out.indexOf("\npage.md\n  80:9  error"));
    expect(out).toContain("request-response-id-match");
    expect(out).not.toContain("no-trailing-comma");
  });

  it("gives the fixed text as `output` in --format json, and no diff", () => {
    const cwd = tmp.fresh();
    const page = writeFile(cwd, "page.md", STUB);
    const clean = writeFile(cwd, "clean.md", "# Clean\n");
    const result = cli(["--fix-dry-run", "--format", "json", "page.md", "clean.md"], cwd);
    expect(result.status).toBe(1);
    expect(readFileSync(page, "utf8")).toBe(STUB);
    const report = JSON.parse(result.stdout) as Array<{
      filePath: string;
      output?: string;
      messages: Array<{ ruleId: string }>;
    }>;
    expect(report.map((r) => r.filePath)).toEqual([page, clean]);
    expect(report[0]?.output).toBe(fixText(STUB).output);
    expect(report[0]?.messages.map((m) => m.ruleId)).not.toContain("external-path-prefix");
    // A file with nothing to fix has no output (as in ESLint).
    expect(report[1]).not.toHaveProperty("output");
  });

  it("--quiet still shows the diff and the json `output` (it only drops warnings)", () => {
    const cwd = tmp.fresh();
    writeFile(cwd, "page.md", PLAIN);
    const stylish = cli(["--fix-dry-run", "--quiet", "page.md"], cwd);
    const json = cli(["--fix-dry-run", "--quiet", "--format", "json", "page.md"], cwd);
    expect(stylish.stdout).toContain("+++ b/page.md");
    const [report] = JSON.parse(json.stdout) as Array<{ output?: string }>;
    expect(report?.output).toBe(fixText(PLAIN).output);
  });
});

describe("writeFileAtomic", () => {
  /** The real file system, with some operations replaced. */
  function fsWith(overrides: Partial<WriteFs>): WriteFs {
    return {
      readFileSync: (p) => realFs.readFileSync(p),
      statSync: (p) => realFs.statSync(p),
      openSync: (p, f, m) => realFs.openSync(p, f, m),
      writeSync: (fd, d) => realFs.writeSync(fd, d),
      fsyncSync: (fd) => realFs.fsyncSync(fd),
      closeSync: (fd) => realFs.closeSync(fd),
      renameSync: (a, b) => realFs.renameSync(a, b),
      unlinkSync: (p) => realFs.unlinkSync(p),
      ...overrides,
    };
  }

  it("writes the new bytes and keeps the file's mode", () => {
    const folder = tmp.fresh();
    const file = writeFile(folder, "page.md", "old\n");
    chmodSync(file, 0o640);
    expect(writeFileAtomic(file, Buffer.from("new\n"), Buffer.from("old\n"))).toBe("written");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(["page.md"]);
  });

  it("a crash mid-write leaves the original intact and no temporary file, and the error propagates", () => {
    const folder = tmp.fresh();
    const original = encodePage(PLAIN, true);
    const file = writeFile(folder, "page.md", original);
    const data = encodePage(fixText(PLAIN).output, true);
    let writes = 0;
    const fs = fsWith({
      writeSync(fd, chunk) {
        writes++;
        const half = realFs.writeSync(fd, chunk.subarray(0, Math.floor(chunk.length / 2)));
        expect(half).toBeGreaterThan(0);
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    });
    expect(() => writeFileAtomic(file, data, original, fs)).toThrow(/ENOSPC/);
    expect(writes).toBe(1);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(folder)).toEqual(["page.md"]);
  });

  it("a failing rename leaves the original intact and no temporary file", () => {
    const folder = tmp.fresh();
    const file = writeFile(folder, "page.md", "old\n");
    const fs = fsWith({
      renameSync() {
        throw new Error("EXDEV: cross-device link not permitted");
      },
    });
    expect(() => writeFileAtomic(file, Buffer.from("new\n"), Buffer.from("old\n"), fs)).toThrow(/EXDEV/);
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(readdirSync(folder)).toEqual(["page.md"]);
  });

  it("writes nothing when the file no longer holds the bytes that were linted", () => {
    const folder = tmp.fresh();
    const file = writeFile(folder, "page.md", "edited by someone else\n");
    utimesSync(file, PAST, PAST);
    expect(writeFileAtomic(file, Buffer.from("fixed\n"), Buffer.from("as linted\n"))).toBe("changed-on-disk");
    expect(readFileSync(file, "utf8")).toBe("edited by someone else\n");
    expect(statSync(file).mtime.getTime()).toBe(PAST.getTime());
    expect(readdirSync(folder)).toEqual(["page.md"]);
  });

  it("writes nothing when the file changes while the temporary file is written", () => {
    const folder = tmp.fresh();
    const file = writeFile(folder, "page.md", "as linted\n");
    let renamed = false;
    const fs = fsWith({
      fsyncSync(fd) {
        realFs.fsyncSync(fd);
        // Another program saves the page now.
        realFs.writeFileSync(file, "saved meanwhile\n");
      },
      renameSync(a, b) {
        renamed = true;
        realFs.renameSync(a, b);
      },
    });
    expect(writeFileAtomic(file, Buffer.from("fixed\n"), Buffer.from("as linted\n"), fs)).toBe(
      "changed-on-disk",
    );
    expect(renamed).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("saved meanwhile\n");
    expect(readdirSync(folder)).toEqual(["page.md"]);
  });

  it("writes nothing when the new bytes equal the file's", () => {
    const folder = tmp.fresh();
    const file = writeFile(folder, "page.md", "same\n");
    let opened = false;
    const fs = fsWith({
      openSync(p, f, m) {
        opened = true;
        return realFs.openSync(p, f, m);
      },
    });
    expect(writeFileAtomic(file, Buffer.from("same\n"), Buffer.from("same\n"), fs)).toBe("unchanged");
    expect(opened).toBe(false);
  });
});
