// Recall on planted defects: plants realistic defects into real corpus pages, in memory, lints each
// planted page as if it were the real page (`lintText(text, { path, docsRoot })`, what
// `graph-docs-lint --format json --docs-root <root> --stdin-filename <page> -` does), and counts a
// plant as found when the lint reports something new (not reported on the unmodified page) at the
// planted place. Whether a place can hold a defect is decided by an oracle of its own
// (scripts/lib/plant-oracle.mjs: regular expressions over the markdown), not by the linter's model,
// so that the figures measure the linter rather than agree with it.
//
// Runs the English corpus (../shared/corpus) and its zh-CN translation (../shared/corpus-zh-CN),
// each with its own docs trees (api-reference/v1.0 and beta). Prints a table per corpus; with
// --examples K, K missed plants and K other new findings per kind; with --precision-sample N, the
// findings of the type rules on N unplanted pages for a human to read. Exits 0 (a measurement, not a
// gate), 2 when a corpus is missing or an option is wrong. Only reads the corpus.
//
//   npm run corpus:plant                                          (builds first)
//   node scripts/corpus-plant.mjs [--corpus DIR] [--corpus-zh DIR] [--lang en,zh] [--kind a,b]
//        [--seed S] [--max N | --all] [--examples K] [--precision-sample N] [--verify-cli K]
//
// docs/corpus-review/planted-defects.md describes the kinds, the oracle and the baseline figures.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { configFor, lintText } from "../dist/src/index.js";
import { corpusPages } from "./lib/corpus-pages.mjs";
import { ENUM_KINDS, KINDS, candidatesOfPage } from "./lib/plant-kinds.mjs";
import { DocsTree, apiPagesOf, readApiPage } from "./lib/plant-oracle.mjs";
import { hashSeed, seededRandom, shuffled, streamFor } from "./lib/plant-random.mjs";

const CLI = fileURLToPath(new URL("../dist/bundle/cli.js", import.meta.url));
/** The rules whose findings --precision-sample lists: those that read types. */
const PRECISION_RULES = new Set(["enum-value-documented", "schema-conformance", "external-path-prefix"]);
const DEFAULT_SEED = "20210716";

/** The findings of each unmodified page, by file: each page is linted once as it is. */
const baselines = new Map();
/** The resolved configuration by folder (the corpus has none: the defaults). */
const configs = new Map();

await main();

async function main() {
  const options = readOptions();
  for (const corpus of corporaToRun(options)) {
    const started = performance.now();
    const trees = corpus.roots.map((root) => new DocsTree(root));
    const { candidates, pages } = collectCandidates(trees, options);
    const results = [];
    for (const kind of options.kinds)
      results.push(await measureKind(kind, candidates[kind], corpus, options));
    const seconds = (performance.now() - started) / 1000;
    printCorpusTable(corpus, pages, results, seconds, options);
    if (options.examples > 0) printExamples(results, options.examples);
    if (options.verifyCli > 0) verifyWithCli(results, options.verifyCli);
    if (options.precisionSample > 0) await printPrecisionSample(corpus, options);
  }
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: "string", default: "../shared/corpus" },
        "corpus-zh": { type: "string", default: "../shared/corpus-zh-CN" },
        lang: { type: "string", default: "en,zh" },
        kind: { type: "string", default: KINDS.join(",") },
        seed: { type: "string", default: DEFAULT_SEED },
        max: { type: "string", default: "60" },
        all: { type: "boolean", default: false },
        examples: { type: "string", default: "0" },
        "precision-sample": { type: "string", default: "0" },
        "verify-cli": { type: "string", default: "0" },
      },
    }));
  } catch (error) {
    usageError(error.message);
  }
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) usageError(`--${name} takes a whole number`);
    return n;
  };
  const kinds = values.kind.split(",").map((k) => k.trim());
  for (const kind of kinds)
    if (!KINDS.includes(kind)) usageError(`unknown kind "${kind}" (${KINDS.join(", ")})`);
  const langs = values.lang.split(",").map((l) => l.trim());
  for (const lang of langs) if (lang !== "en" && lang !== "zh") usageError(`--lang takes en, zh or en,zh`);
  return {
    corpusDirs: { en: values.corpus, zh: values["corpus-zh"] },
    langs,
    kinds,
    seed: values.seed,
    max: values.all ? Infinity : count("max"),
    all: values.all,
    examples: count("examples"),
    precisionSample: count("precision-sample"),
    verifyCli: count("verify-cli"),
  };
}

function usageError(message) {
  console.error(`corpus-plant: ${message}`);
  process.exit(2);
}

/** The corpora asked for, each with its docs roots (folders holding api/ and resources/). */
function corporaToRun(options) {
  const names = { en: "English", zh: "zh-CN" };
  return options.langs.map((lang) => {
    const dir = resolve(options.corpusDirs[lang]);
    const roots = docsRootsOf(dir);
    if (roots.length === 0) {
      console.error(
        `corpus-plant: no ${names[lang]} corpus at ${dir} (expected api-reference/{v1.0,beta}/{api,resources}); pass --corpus${lang === "zh" ? "-zh" : ""} DIR, or --lang`,
      );
      process.exit(2);
    }
    return { lang, name: names[lang], dir, roots };
  });
}

function docsRootsOf(dir) {
  const isDocsRoot = (d) => existsSync(join(d, "api")) && existsSync(join(d, "resources"));
  if (isDocsRoot(dir)) return [dir];
  const base = existsSync(join(dir, "api-reference")) ? join(dir, "api-reference") : dir;
  return ["v1.0", "beta"].map((v) => join(base, v)).filter(isDocsRoot);
}

/** Every candidate of every kind on the API pages of the trees, in page order. */
function collectCandidates(trees, options) {
  const candidates = Object.fromEntries(KINDS.map((k) => [k, []]));
  let pages = 0;
  for (const tree of trees) {
    for (const file of apiPagesOf(tree.root)) {
      pages++;
      const byKind = candidatesOfPage(tree, readApiPage(file), options.seed);
      for (const kind of KINDS) candidates[kind].push(...byKind[kind]);
    }
  }
  return { candidates, pages };
}

/**
 * Plants candidates of one kind, in seeded random order, until `max` places are planted: lints the
 * unmodified page (once per page) and the planted one, and judges each planted place.
 */
async function measureKind(kind, candidates, corpus, options) {
  const result = {
    kind,
    candidates: candidates.reduce((n, c) => n + c.size, 0),
    planted: 0,
    skipped: 0,
    found: 0,
    foundBy: new Map(),
    missed: [],
    otherNew: [],
    /** New findings that only say the page's real copy is still in the tree (renamed plants). */
    artifacts: [],
    /** The first plants linted, with their findings, for --verify-cli. */
    linted: [],
  };
  const order = options.all ? candidates : sampleOrder(candidates, kind, corpus, options.seed);
  for (const candidate of order) {
    if (result.planted >= options.max) break;
    const plant = candidate.plant();
    const baseline = await baselineOf(candidate.file, candidate.docsRoot);
    const baselineHere = baseline.map((m) => ({ ...m, offset: mapThroughEdits(m.offset, plant.edits) }));
    // A place the unmodified page already reports cannot show whether the plant is found.
    const open = plant.places.filter((place) => !baselineHere.some((m) => isAt(m.offset, place)));
    result.skipped += plant.places.length - open.length;
    if (open.length === 0) continue;
    const messages = await lintAs(plant.text, plant.lintPath, plant.docsRoot);
    if (result.linted.length < options.verifyCli) result.linted.push({ plant, messages });
    const fresh = newFindings(messages, baselineHere);
    for (const place of open) {
      const hits = fresh.filter((m) => isAt(m.offset, place));
      const line = lineOf(plant.text, place.start);
      if (hits.length > 0) {
        result.found++;
        for (const rule of new Set(hits.map((m) => m.ruleId)))
          result.foundBy.set(rule, (result.foundBy.get(rule) ?? 0) + 1);
      } else result.missed.push({ ...place.what, line });
    }
    result.planted += open.length;
    for (const m of fresh) {
      if (plant.places.some((place) => isAt(m.offset, place))) continue;
      const other = {
        ...m,
        file: relative(dirname(candidate.docsRoot), plant.lintPath),
        source: lineText(plant.text, m.offset),
      };
      if (isTwinArtifact(m, plant)) result.artifacts.push(other);
      else result.otherNew.push(other);
    }
  }
  return result;
}

/**
 * The candidates in seeded random order. Each candidate's rank is a hash of the seed and its site,
 * not a draw from a shared stream, so the three enum kinds (whose sites are nearly the same) plant
 * at the same places, and their recalls differ only by what is planted.
 */
function sampleOrder(candidates, kind, corpus, seed) {
  const group = ENUM_KINDS.includes(kind) ? "enum" : kind;
  const rank = new Map(candidates.map((c) => [c, seededRandom(hashSeed(seed, corpus.lang, group, c.id))()]));
  return [...candidates].sort((a, b) => rank.get(a) - rank.get(b) || (a.id < b.id ? -1 : 1));
}

/** The findings on the unmodified page, linted at its own path. */
async function baselineOf(file, docsRoot) {
  if (!baselines.has(file)) {
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    baselines.set(file, await lintAs(text, file, docsRoot));
  }
  return baselines.get(file);
}

/** Lints text as the CLI lints standard input with --stdin-filename `path` --docs-root `docsRoot`. */
async function lintAs(text, path, docsRoot) {
  const folder = dirname(path);
  if (!configs.has(folder)) configs.set(folder, await configFor(path));
  const config = configs.get(folder);
  const result = lintText(text, {
    path,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    docsRoot,
    maxPageBytes: config.maxPageBytes,
  });
  return result.messages.map((m) => ({
    ruleId: m.ruleId ?? null,
    reason: m.reason,
    line: m.startPoint.line,
    column: m.startPoint.column,
    offset: m.range.start,
  }));
}

/**
 * A renamed plant (api/externalitem-update.md) is linted while its real page
 * (api/externalconnectors-externalitem-update.md) is still in the docs tree, which an old page never
 * shared a tree with: a finding that names the real page (annotation-valid: "Request name … is also
 * used by api/externalconnectors-…") is the simulation's doing, not the plant's.
 */
function isTwinArtifact(message, plant) {
  return plant.lintPath !== plant.file && message.reason.includes(`api/${basename(plant.file)}`);
}

/** Where an offset of the original text is in the planted text (edits sorted, not overlapping). */
function mapThroughEdits(offset, edits) {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset) shift += edit.replacement.length - (edit.end - edit.start);
    else if (edit.start < offset) return edit.start + shift;
    else break;
  }
  return offset + shift;
}

/** A finding is at a planted place when it starts within it (the place is on one line). */
function isAt(offset, place) {
  return offset >= place.start && offset < place.end;
}

/** The findings of the planted page that the unmodified page does not have (same rule, same place). */
function newFindings(messages, baseline) {
  const left = new Map();
  for (const m of baseline)
    left.set(`${m.ruleId}@${m.offset}`, (left.get(`${m.ruleId}@${m.offset}`) ?? 0) + 1);
  return messages.filter((m) => {
    const key = `${m.ruleId}@${m.offset}`;
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function lineText(text, offset) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return text
    .slice(start, end === -1 ? undefined : end)
    .replace(/\r$/, "")
    .trim();
}

function percent(part, whole) {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`;
}

function printCorpusTable(corpus, pages, results, seconds, options) {
  const sample = options.all ? "all candidates" : `up to ${options.max} plants per kind`;
  console.log(
    `\n## ${corpus.name} corpus: ${corpus.roots.map((r) => relative(process.cwd(), r)).join(", ")} (${pages} API pages; seed ${options.seed}, ${sample}; ${seconds.toFixed(1)} s)\n`,
  );
  console.log("| Kind | Candidates | Planted | Found at the place | Recall | Other new findings |");
  console.log("| :--- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results)
    console.log(
      `| ${r.kind} | ${r.candidates} | ${r.planted} | ${r.found} | ${percent(r.found, r.planted)} | ${r.otherNew.length} |`,
    );
  console.log("");
  for (const r of results) {
    const by = [...r.foundBy].map(([rule, n]) => `${rule} ${n}`).join(", ");
    const notes = [];
    if (by) notes.push(`found by ${by}`);
    if (r.skipped > 0) notes.push(`${r.skipped} skipped: the unmodified page already reports the place`);
    if (r.artifacts.length > 0)
      notes.push(
        `${r.artifacts.length} new findings not counted: ${[...new Set(r.artifacts.map((m) => m.ruleId))].join(", ")} naming the page's real copy, which the renamed plant shares the tree with`,
      );
    if (notes.length > 0) console.log(`- ${r.kind}: ${notes.join("; ")}`);
  }
}

function printExamples(results, k) {
  for (const r of results) {
    console.log(`\n### ${r.kind}: ${Math.min(k, r.missed.length)} of ${r.missed.length} missed`);
    for (const m of r.missed.slice(0, k)) {
      const values = m.documented.values.length > 0 ? ` [${m.documented.values.join(", ")}]` : "";
      console.log(
        `- ${m.file}:${m.line}  ${m.original} → ${m.planted} (${m.how}, ${m.example})  ${m.key} at ${m.pointer}`,
      );
      console.log(`    documented by: ${m.documented.source}${values}`);
    }
    if (r.otherNew.length === 0) continue;
    console.log(
      `\n### ${r.kind}: ${Math.min(k, r.otherNew.length)} of ${r.otherNew.length} other new findings`,
    );
    for (const m of r.otherNew.slice(0, k)) {
      console.log(`- ${m.file}:${m.line}:${m.column}  ${m.ruleId ?? "(no rule)"}  ${m.reason}`);
      console.log(`    > ${m.source}`);
    }
  }
}

/**
 * Lints the first K plants of each kind again through the built CLI (standard input,
 * --stdin-filename, --docs-root) and checks that it reports what the API reported.
 */
function verifyWithCli(results, k) {
  let checked = 0;
  const differences = [];
  for (const r of results) {
    for (const { plant, messages } of r.linted.slice(0, k)) {
      const run = spawnSync(
        process.execPath,
        [CLI, "--format", "json", "--docs-root", plant.docsRoot, "--stdin-filename", plant.lintPath, "-"],
        { input: plant.text, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      checked++;
      const cli = JSON.parse(run.stdout || "[]")[0]?.messages ?? [];
      const said = (list) =>
        list.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message ?? m.reason}`).sort();
      const a = said(messages).join("\n");
      const b = said(cli).join("\n");
      if (a !== b) differences.push(`${relative(process.cwd(), plant.lintPath)} (${r.kind})`);
    }
  }
  console.log(
    `\nCLI check: ${checked} plants linted again through standard input; ${differences.length === 0 ? "same findings as the API" : `${differences.length} differ: ${differences.join(", ")}`}`,
  );
}

/** N pages picked at random (seeded), and their findings of the type rules, for a human to read. */
async function printPrecisionSample(corpus, options) {
  const base = dirname(corpus.roots[0]);
  const pages = corpus.roots.flatMap((root) => corpusPages(root).map((file) => ({ file, root })));
  const picked = shuffled(pages, streamFor(options.seed, corpus.lang, "precision")).slice(
    0,
    options.precisionSample,
  );
  let shown = 0;
  const lines = [];
  for (const { file, root } of picked) {
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    for (const m of await lintAs(text, file, root)) {
      if (!PRECISION_RULES.has(m.ruleId)) continue;
      shown++;
      lines.push(`- ${relative(base, file)}:${m.line}:${m.column}  ${m.ruleId}  ${m.reason}`);
      lines.push(`    > ${lineText(text, m.offset)}`);
    }
  }
  console.log(
    `\n### Precision sample (${corpus.name}): ${picked.length} unplanted pages, ${shown} findings of ${[...PRECISION_RULES].join(", ")}`,
  );
  for (const line of lines) console.log(line);
}
