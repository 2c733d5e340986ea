// Lints every API and resource page of ../shared/corpus (or --corpus DIR) and prints the count of
// findings by rule, the pages that crashed, and (with --sample N) N findings of each rule picked
// evenly across the corpus. All findings are written to .cache/corpus-findings.tsv for review.
// Not part of `npm test`: the corpus is not in the repository.
//
// --metadata DIR holds the pages to the service's CSDL as ../shared/metadata keeps it:
// DIR/v1.0_metadata.xml for the pages under v1.0/, DIR/beta_metadata.xml for those under beta/
// (a version whose file is missing gets none), and a v1.0 page to beta's file too, for what only
// beta has. --metadata FILE holds every page to one file.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { betaMetadataIndexFor, metadataFilesOf, metadataIndexFor } from "../dist/src/engine/config/index.js";
import { lintFile } from "../dist/src/index.js";
import { MetadataError } from "../dist/src/metadata/index.js";
import { corpusPages } from "./lib/corpus-pages.mjs";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    sample: { type: "string", default: "0" },
    metadata: { type: "string" },
  },
});
const corpus = resolve(values.corpus);
if (!existsSync(corpus)) {
  console.error(`corpus: ${corpus} not found (pass --corpus DIR)`);
  process.exit(2);
}

/** The metadata setting of --metadata: a file for every page, or a folder of per-version files. */
function metadataSetting(value) {
  if (value === undefined) return undefined;
  const path = resolve(value);
  if (!existsSync(path) || !statSync(path).isDirectory()) return { all: path, byVersion: {} };
  const byVersion = {};
  for (const version of ["v1.0", "beta"]) {
    const file = resolve(path, `${version}_metadata.xml`);
    if (existsSync(file)) byVersion[version] = file;
  }
  if (Object.keys(byVersion).length === 0) {
    console.error(`corpus: ${path} holds no v1.0_metadata.xml or beta_metadata.xml`);
    process.exit(2);
  }
  return { byVersion };
}
const metadata = metadataSetting(values.metadata);
const metadataStarted = process.hrtime.bigint();
try {
  // Loaded once up front, as the CLI does: a bad file stops the run before any page.
  for (const file of metadataFilesOf(metadata)) metadataIndexFor({ all: file, byVersion: {} }, undefined);
} catch (error) {
  if (!(error instanceof MetadataError)) throw error;
  console.error(`corpus: ${error.message}`);
  process.exit(2);
}
if (metadata) {
  const ms = Number(process.hrtime.bigint() - metadataStarted) / 1e6;
  console.log(`metadata: ${metadataFilesOf(metadata).join(", ")} (loaded in ${ms.toFixed(0)} ms)`);
}

const pages = corpusPages(corpus);
const counts = new Map();
const findings = [];
const crashes = [];
const started = process.hrtime.bigint();
for (const page of pages) {
  try {
    // A v1.0 page is also read against beta's CSDL when the folder has both (as the CLI does).
    const result = lintFile(page, {
      metadata: metadataIndexFor(metadata, page),
      betaMetadata: betaMetadataIndexFor(metadata, page),
    });
    for (const m of result.messages) {
      const rule = m.ruleId ?? "(file)";
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
      if (m.reason.startsWith("Rule crashed"))
        crashes.push(`${relative(corpus, page)}: ${rule}: ${m.reason}`);
      findings.push([
        rule,
        `${relative(corpus, page)}:${m.startPoint.line}:${m.startPoint.column}`,
        m.reason,
      ]);
    }
  } catch (error) {
    crashes.push(`${relative(corpus, page)}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
mkdirSync(".cache", { recursive: true });
writeFileSync(".cache/corpus-findings.tsv", findings.map((f) => f.join("\t")).join("\n") + "\n");

console.log(`corpus: ${pages.length} pages in ${seconds.toFixed(1)} s`);
for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(28)} ${n}`);
console.log(`crashes: ${crashes.length}`);
for (const c of crashes) console.log(`  ${c}`);
const sample = Number(values.sample);
if (sample > 0) {
  for (const rule of counts.keys()) {
    const ofRule = findings.filter((f) => f[0] === rule);
    const step = Math.max(1, Math.floor(ofRule.length / sample));
    console.log(`\n== ${rule}: ${sample} of ${ofRule.length}`);
    for (let i = 0; i < ofRule.length && i / step < sample; i += step)
      console.log(`  ${ofRule[i][1]}  ${ofRule[i][2]}`);
  }
}
process.exitCode = crashes.length > 0 ? 1 : 0;
