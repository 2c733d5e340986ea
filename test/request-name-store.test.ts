import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openRequestNameStore } from "../src/docset/request-names.js";
import { md } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "gdl-names-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (name: string) =>
  md(`<!-- { "blockType": "request", "name": "${name}" } -->`, "```http", "GET /me", "```");

function setUp(label: string): { api: string; store: string; file: string } {
  const api = join(tmp, label, "api");
  const store = join(tmp, label, "store");
  mkdirSync(api, { recursive: true });
  const file = join(api, "a.md");
  writeFileSync(file, page("get_a"));
  return { api, store, file };
}

function namesFrom(api: string, store: string): string[] {
  const opened = openRequestNameStore(api, store);
  const names = opened.scanOf("a.md")?.map((n) => n.name) ?? [];
  opened.save(["a.md"]);
  return names;
}

describe("the request name store", () => {
  it("reads files larger than its read buffer, and lines and names past multi-byte text", () => {
    const { api, store, file } = setUp("large");
    // 3 MB of CJK prose (3 bytes a character) before the annotation: the shared buffer grows.
    const prose = Array.from({ length: 1_000 }, () => "名前".repeat(500)).join("\n");
    writeFileSync(file, `${prose}\n${page("获取_a")}`);
    const opened = openRequestNameStore(api, store);
    expect(opened.scanOf("a.md")).toEqual([{ name: "获取_a", line: 1_001 }]);
    // A small file read after it gets only its own bytes from the (larger) shared buffer.
    const small = join(api, "b.md");
    writeFileSync(small, page("get_b"));
    expect(opened.scanOf("b.md")).toEqual([{ name: "get_b", line: 1 }]);
  });

  it("reuses a file's names while its size and time are unchanged", () => {
    const { api, store, file } = setUp("reuse");
    const mtime = new Date(2026, 0, 1);
    utimesSync(file, mtime, mtime);
    expect(namesFrom(api, store)).toEqual(["get_a"]);
    // Same size, same time, other name: the stored names are what the store answers.
    writeFileSync(file, page("get_b"));
    utimesSync(file, mtime, mtime);
    expect(namesFrom(api, store)).toEqual(["get_a"]);
  });

  it("reads a file again when its size or time changed", () => {
    const { api, store, file } = setUp("changed");
    expect(namesFrom(api, store)).toEqual(["get_a"]);
    writeFileSync(file, page("get_longer_name"));
    expect(namesFrom(api, store)).toEqual(["get_longer_name"]);
    const { mtime } = statSync(file);
    writeFileSync(file, page("get_other_name"));
    utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    expect(namesFrom(api, store)).toEqual(["get_other_name"]);
  });

  it("ignores a corrupt store and an unwritable store folder", () => {
    const { api, store, file } = setUp("corrupt");
    expect(namesFrom(api, store)).toEqual(["get_a"]);
    for (const name of readdirSync(store)) writeFileSync(join(store, name), "{ not json");
    writeFileSync(file, page("get_c"));
    expect(namesFrom(api, store)).toEqual(["get_c"]);
    // A store folder that is a file: nothing is written, nothing throws.
    const blocked = join(tmp, "corrupt", "blocked");
    writeFileSync(blocked, "not a folder");
    const unwritable = openRequestNameStore(api, blocked);
    expect(unwritable.scanOf("a.md")?.map((n) => n.name)).toEqual(["get_c"]);
    expect(() => unwritable.save(["a.md"])).not.toThrow();
  });

  it("answers nothing for a file that is gone", () => {
    const { api, store } = setUp("gone");
    expect(openRequestNameStore(api, store).scanOf("missing.md")).toBeUndefined();
  });
});
