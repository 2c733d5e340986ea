import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FolderScan, scanFolder } from "../src/docset/folder-scan.js";
import { scanRequestNameBytes } from "../src/docset/request-names.js";
import { md } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "gdl-scan-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (name: string) =>
  md(`<!-- { "blockType": "request", "name": "${name}" } -->`, "```http", "GET /me", "```");

/** The request-name scan, counting the files it reads (to tell a stored answer from a read one). */
function countingScan(): FolderScan<Array<{ name: string; line: number }>> & { reads: number } {
  const scan = {
    kind: "test-names",
    version: 1,
    reads: 0,
    scan(bytes: Buffer) {
      scan.reads++;
      return scanRequestNameBytes(bytes);
    },
  };
  return scan;
}

function setUp(label: string): { api: string; store: string; file: string } {
  const api = join(tmp, label, "api");
  const store = join(tmp, label, "store");
  mkdirSync(api, { recursive: true });
  const file = join(api, "a.md");
  writeFileSync(file, page("get_a"));
  return { api, store, file };
}

const names = (results: Map<string, Array<{ name: string }>>, file = "a.md") =>
  results.get(file)?.map((n) => n.name);

describe("scanFolder", () => {
  it("reads files larger than its read buffer, and lines and names past multi-byte text", () => {
    const { api, store, file } = setUp("large");
    // 3 MB of CJK prose (3 bytes a character) before the annotation: the shared buffer grows.
    const prose = Array.from({ length: 1_000 }, () => "名前".repeat(500)).join("\n");
    writeFileSync(file, `${prose}\n${page("获取_a")}`);
    // A small file read after it gets only its own bytes from the (larger) shared buffer.
    writeFileSync(join(api, "b.md"), page("get_b"));
    const results = scanFolder(api, countingScan(), store);
    expect(results.get("a.md")).toEqual([{ name: "获取_a", line: 1_001 }]);
    expect(results.get("b.md")).toEqual([{ name: "get_b", line: 1 }]);
  });

  it("reuses a file's result while its size and time are unchanged", () => {
    const { api, store, file } = setUp("reuse");
    const mtime = new Date(2026, 0, 1);
    utimesSync(file, mtime, mtime);
    const first = countingScan();
    expect(names(scanFolder(api, first, store))).toEqual(["get_a"]);
    expect(first.reads).toBe(1);
    // Same size, same time, other name: the stored result is what the store answers.
    writeFileSync(file, page("get_b"));
    utimesSync(file, mtime, mtime);
    const second = countingScan();
    expect(names(scanFolder(api, second, store))).toEqual(["get_a"]);
    expect(second.reads).toBe(0);
  });

  it("reads a file again when its size or time changed", () => {
    const { api, store, file } = setUp("changed");
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_a"]);
    writeFileSync(file, page("get_longer_name"));
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_longer_name"]);
    const { mtime } = statSync(file);
    writeFileSync(file, page("get_other_name"));
    utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_other_name"]);
  });

  it("keeps the results of different scans and versions apart", () => {
    const { api, store } = setUp("kinds");
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_a"]);
    const other = { kind: "test-lengths", version: 1, scan: (bytes: Buffer) => bytes.length };
    expect(scanFolder(api, other, store).get("a.md")).toBe(page("get_a").length);
    const newer = countingScan();
    newer.version = 2;
    scanFolder(api, newer, store);
    expect(newer.reads).toBe(1);
  });

  it("ignores a corrupt store and an unwritable store folder", () => {
    const { api, store, file } = setUp("corrupt");
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_a"]);
    for (const name of readdirSync(store)) writeFileSync(join(store, name), "{ not json");
    writeFileSync(file, page("get_c"));
    expect(names(scanFolder(api, countingScan(), store))).toEqual(["get_c"]);
    // A store folder that is a file: nothing is written, nothing throws.
    const blocked = join(tmp, "corrupt", "blocked");
    writeFileSync(blocked, "not a folder");
    expect(names(scanFolder(api, countingScan(), blocked))).toEqual(["get_c"]);
  });

  it("answers nothing for a folder that is gone, and keeps nothing without a store", () => {
    expect(scanFolder(join(tmp, "missing"), countingScan(), join(tmp, "missing-store")).size).toBe(0);
    const { api } = setUp("nostore");
    const scan = countingScan();
    scanFolder(api, scan, false);
    scanFolder(api, scan, false);
    expect(scan.reads).toBe(2);
  });
});
