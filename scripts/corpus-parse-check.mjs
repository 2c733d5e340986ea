// The fast reader against micromark and remark over the real corpus. For every `.md` file of
// ../shared/corpus (or --corpus DIR), includes too, with the build (dist/):
//   - parseBlocks (fast top-level blocks read apart, micromark between them) must give the same
//     tree as micromark's reading of the whole file (parseBlocksWhole), node for node;
//   - the page model built from it must equal the one built from remark-parse's full tree
//     (buildPage with fullTree), for the API and resource pages.
// Prints how much of the corpus the fast reader took, and every difference with its file; exits 1
// on any difference. Only reads the corpus. Not part of `npm test` (the corpus is not in the
// repository); .ci/run runs it when ../shared/corpus exists.
//
//   npm run corpus:parse-check         (builds first)
//   node scripts/corpus-parse-check.mjs [--corpus DIR] [--no-model]
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { parseBlocks, parseBlocksWhole } from "../dist/src/parse/blocks.js";
import { LineIndex } from "../dist/src/parse/source.js";
import { topLevelBlocks } from "../dist/src/parse/top-level.js";
import { buildPage } from "../dist/src/page/build.js";
import { corpusMarkdownFiles, corpusPages } from "./lib/corpus-pages.mjs";

/** How many differences are printed in full (all are counted). */
const SHOWN = 20;

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus" },
    "no-model": { type: "boolean", default: false },
  },
});
const corpus = resolve(values.corpus);

const plain = (value) => JSON.parse(JSON.stringify(value));
const started = performance.now();
const failures = [];
const fail = (file, what, a, b) => {
  const left = JSON.stringify(a);
  const right = JSON.stringify(b);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  failures.push(
    `${relative(process.cwd(), file)}: ${what}\n  fast:  …${left.slice(Math.max(0, i - 200), i + 200)}\n  whole: …${right.slice(Math.max(0, i - 200), i + 200)}`,
  );
};

const files = corpusMarkdownFiles(corpus);
const bytes = { prose: 0, fast: 0 };
for (const file of files) {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const fast = plain(parseBlocks(text));
  const whole = plain(parseBlocksWhole(text));
  if (!isDeepStrictEqual(fast, whole))
    fail(file, "parseBlocks differs from micromark on the whole file", fast, whole);
  const lines = new LineIndex(text);
  for (const block of topLevelBlocks(text, lines)) {
    const size = (lines.lineStarts[block.lastLine + 1] ?? text.length) - lines.lineStarts[block.firstLine];
    bytes[block.kind === "prose" ? "prose" : "fast"] += size;
  }
}

const pages = values["no-model"] ? [] : corpusPages(corpus);
for (const file of pages) {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const model = (page) => plain({ ...page, text: undefined, lines: undefined });
  const fast = model(buildPage(text));
  const full = model(buildPage(text, { fullTree: true }));
  if (!isDeepStrictEqual(fast, full)) fail(file, "the page model differs from remark-parse's", fast, full);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const share = ((100 * bytes.fast) / (bytes.fast + bytes.prose)).toFixed(1);
console.log(
  `corpus:parse-check: ${files.length} files read both ways, ${pages.length} page models compared with remark's, ${share}% of the text read without micromark, ${failures.length} difference(s), ${seconds} s`,
);
for (const failure of failures.slice(0, SHOWN)) console.error(`\n${failure}`);
if (failures.length > SHOWN) console.error(`\n… and ${failures.length - SHOWN} more`);
process.exit(failures.length > 0 ? 1 : 0);
