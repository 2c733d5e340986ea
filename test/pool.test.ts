/**
 * Whole-tree runs lint on worker threads (src/cli/pool.ts); these tests start real workers from the
 * build (dist/src/cli/worker.js, as the CLI does) and compare their results with linting here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintOneFile } from "../dist/src/cli/lint-one.js";
import { lintInWorkers, workerCount } from "../dist/src/cli/pool.js";
import { UsageError } from "../dist/src/cli/errors.js";
import { md } from "./helpers.js";
import { csdl } from "./metadata/csdl.js";

const tmp = mkdtempSync(join(tmpdir(), "gdl-pool-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = Array.from({ length: 6 }, (_, i) => {
  const file = join(tmp, `page-${i}.md`);
  writeFileSync(
    file,
    md(`# Page ${i}`, "", "```json", i % 2 ? '{ "a": 1, }' : '{ "a": 1 }', "```", "", "TODO"),
  );
  return file;
});
const options = { keepSource: false, withCacheKeys: false };

const summary = (outcomes: Awaited<ReturnType<typeof lintInWorkers>>) =>
  outcomes.map((o) => o.result?.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));

describe("lintInWorkers", () => {
  it("returns each file's result in order, as linting on the main thread does", async () => {
    const here = await Promise.all(files.map((f) => lintOneFile(f, {})));
    const there = await lintInWorkers(files, {}, 2, options);
    expect(summary(there)).toEqual(summary(here));
    expect(summary(there).flat().length).toBeGreaterThan(files.length);
  });

  it("lints on the main thread the files of a worker that dies (here: out of memory)", async () => {
    const here = await Promise.all(files.map((f) => lintOneFile(f, {})));
    // A heap far too small for any page: each worker dies on its first file.
    const there = await lintInWorkers(files, {}, 2, options, {
      limits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    });
    expect(summary(there)).toEqual(summary(here));
  });

  it("sends the metadata files as paths: each worker loads them, and a bad one is the user's error", async () => {
    const good = join(tmp, "good.xml");
    writeFileSync(good, csdl('<EnumType Name="color" />'));
    const withMetadata = { metadata: { all: good, byVersion: {} } };
    const here = await Promise.all(files.map((f) => lintOneFile(f, withMetadata)));
    expect(summary(await lintInWorkers(files, withMetadata, 2, options))).toEqual(summary(here));
    // A file the run did not check first (or that changed since): the worker's MetadataError
    // stops the run as a usage error naming the file, not as an internal error.
    const missing = join(tmp, "missing.xml");
    const run = lintInWorkers(files, { metadata: { all: missing, byVersion: {} } }, 2, options);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(`${missing}: cannot be read: no such file`);
  });

  it("uses workers only for runs large enough to pay for them", () => {
    expect(workerCount(10)).toBe(1);
    expect(workerCount(5000)).toBeGreaterThanOrEqual(1);
  });
});
