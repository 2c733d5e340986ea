// The metadata rules on a translated tree: the same findings where the two pages agree (issue 14).
//
//   npm run build && node scripts/corpus-metadata-translation.mjs
//     [--en DIR] [--translated DIR] [--metadata DIR] [--examples N]
//
// Lints the resource pages of ../shared/corpus and of its translation (../shared/corpus-zh-CN by
// default) with the built command line and the CSDL of ../shared/metadata (v1.0 and beta), and
// compares the findings of metadata-properties and metadata-enum-members page by page. A finding
// is comparable when the other page has the same place: a table with the same rows (their name
// and type cells: descriptions are translated), for a finding on the table's header line or on one
// of its rows, or the same line (a JSON key, which translation keeps). Prints, per message id,
// the comparable findings of the English tree, how many the translated tree has at the same place
// with the same message, and how many it has there that the English tree does not; then the
// differences. Not part of `npm test` (the corpora are not in the repository).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { metadataArgs } from "./lib/metadata-args.mjs";

const { values } = parseArgs({
  options: {
    en: { type: "string", default: "../shared/corpus" },
    translated: { type: "string", default: "../shared/corpus-zh-CN" },
    metadata: { type: "string", default: "../shared/metadata" },
    examples: { type: "string", default: "20" },
  },
});
const RULES = new Set(["metadata-properties", "metadata-enum-members"]);
const cli = resolve("dist/bundle/cli.js");
const args = metadataArgs(values.metadata);
for (const [what, path] of [
  ["the built command line", cli],
  ["the English corpus", values.en],
  ["the translated corpus", values.translated],
]) {
  if (!existsSync(path)) {
    console.error(`corpus-metadata-translation: ${what} is not at ${path}`);
    process.exit(2);
  }
}
if (args.length === 0) {
  console.error(
    `corpus-metadata-translation: no v1.0_metadata.xml or beta_metadata.xml in ${values.metadata}`,
  );
  process.exit(2);
}

/** The findings of the metadata rules on the tree's resource pages, by path relative to the tree. */
function lintTree(root) {
  const out = join(mkdtempSync(join(tmpdir(), "gdl-metadata-translation-")), "findings.json");
  const run = spawnSync(
    process.execPath,
    [cli, ...args, "--format", "json", "--output-file", out, "api-reference/*/resources/*.md"],
    { cwd: resolve(root), encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0 && run.status !== 1) {
    console.error(`corpus-metadata-translation: the linter exited ${run.status}: ${run.stderr.slice(-500)}`);
    process.exit(2);
  }
  const results = JSON.parse(readFileSync(out, "utf8"));
  rmSync(resolve(out, ".."), { recursive: true, force: true });
  return new Map(
    results.map((r) => [
      relative(resolve(root), resolve(root, r.filePath)),
      r.messages.filter((m) => RULES.has(m.ruleId)),
    ]),
  );
}

const isRow = (line) => line !== undefined && line.trimStart().startsWith("|");
const isDelimiter = (line) => isRow(line) && /^[\s|:-]+$/.test(line);
/** A row's name and type cells, which translation leaves alone in a table it did not damage. */
const rowKey = (line) => {
  const cells = line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|");
  return `${cells[0]?.trim()}|${cells[1]?.trim()}`;
};

/** The name and type cells of the data rows of the table whose header is line `header` (0-based). */
function tableRows(lines, header) {
  const rows = [];
  for (let k = header + 2; isRow(lines[k]); k++) rows.push(rowKey(lines[k]));
  return rows.join("\n");
}

/**
 * Where a finding on line `n` (1-based) stands, as text both trees can have: a table's data rows
 * (for its header line), a row's name and type cells in its table's (the issue asks for the same
 * findings on tables whose rows are identical), or the line itself.
 */
function placeOf(lines, n) {
  const line = lines[n - 1] ?? "";
  if (!isRow(line)) return `line:${line}`;
  if (isDelimiter(lines[n])) return `table:${tableRows(lines, n - 1)}`;
  let header = n - 1;
  while (header > 0 && isRow(lines[header - 1])) header--;
  return `row:${rowKey(line)}\n${tableRows(lines, header)}`;
}

/** Each place of the page's lines, with the lines that have it. */
function placesOf(lines) {
  const places = new Map();
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const place = placeOf(lines, i + 1);
    places.set(place, [...(places.get(place) ?? []), i + 1]);
  });
  return places;
}

const sameFinding = (a, b) => a.ruleId === b.ruleId && a.messageId === b.messageId && a.message === b.message;
const en = lintTree(values.en);
const translated = lintTree(values.translated);
const counts = new Map();
const count = (m) => {
  const key = `${m.ruleId}/${m.messageId}`;
  if (!counts.has(key)) counts.set(key, { english: 0, kept: 0, added: 0 });
  return counts.get(key);
};
const lost = [];
const added = [];
for (const [page, findings] of en) {
  const other = translated.get(page);
  if (other === undefined) continue;
  const enLines = readFileSync(join(values.en, page), "utf8").split(/\r?\n/);
  const trLines = readFileSync(join(values.translated, page), "utf8").split(/\r?\n/);
  const enPlaces = placesOf(enLines);
  const trPlaces = placesOf(trLines);
  /** The findings of `list` on lines of `places` that have `place`. */
  const at = (list, places, place) => list.filter((m) => (places.get(place) ?? []).includes(m.line));
  for (const m of findings) {
    const place = placeOf(enLines, m.line);
    if (!trPlaces.has(place)) continue;
    count(m).english++;
    if (at(other, trPlaces, place).some((t) => sameFinding(t, m))) count(m).kept++;
    else lost.push(`${page}:${m.line} ${m.message}`);
  }
  for (const t of other) {
    const place = placeOf(trLines, t.line);
    if (!enPlaces.has(place)) continue;
    if (at(findings, enPlaces, place).some((m) => sameFinding(m, t))) continue;
    count(t).added++;
    added.push(`${page}:${t.line} ${t.message}`);
  }
}

const total = { english: 0, kept: 0, added: 0 };
for (const [key, c] of [...counts].sort()) {
  console.log(`  ${key.padEnd(48)} kept ${c.kept}/${c.english}, only translated ${c.added}`);
  for (const k of Object.keys(total)) total[k] += c[k];
}
const share = total.english === 0 ? "100" : ((100 * total.kept) / total.english).toFixed(1);
console.log(
  `metadata rules where both pages have the place: kept ${total.kept}/${total.english} (${share}%), only in the translated tree ${total.added}`,
);
const shown = Number(values.examples);
if (shown > 0 && lost.length > 0)
  console.log(`\nEnglish findings the translated page lacks:\n  ${lost.slice(0, shown).join("\n  ")}`);
if (shown > 0 && added.length > 0)
  console.log(`\nFindings only the translated page has:\n  ${added.slice(0, shown).join("\n  ")}`);
