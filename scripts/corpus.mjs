// Lints every API and resource page of ../shared/corpus (or --corpus DIR) and prints the count of
// findings by rule, the pages that crashed, and (with --sample N) N findings of each rule picked
// evenly across the corpus. All findings are written to .cache/corpus-findings.tsv for review.
// Not part of `npm test`: the corpus is not in the repository.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { lintFile } from "../dist/src/index.js";
import { corpusPages } from "./lib/corpus-pages.mjs";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    sample: { type: "string", default: "0" },
  },
});
const corpus = resolve(values.corpus);
if (!existsSync(corpus)) {
  console.error(`corpus: ${corpus} not found (pass --corpus DIR)`);
  process.exit(2);
}

const pages = corpusPages(corpus);
const counts = new Map();
const findings = [];
const crashes = [];
const started = process.hrtime.bigint();
for (const page of pages) {
  try {
    const result = lintFile(page);
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
