// Autofix over the real corpus: never crash, never corrupt. Lints every page of ../shared/corpus
// (or --corpus DIR) with the build (dist/), and for each page with fixable findings checks that
//   - nothing throws, and no rule crashes (a "Rule crashed" finding);
//   - fixText's output is the original with only the fixed ranges replaced: the passes are replayed
//     with lintText + applyFixes, their edits composed back onto the original, and the text rebuilt
//     from the original's untouched bytes and the replacement texts must be fixText's output, byte
//     for byte (so every byte outside the replaced ranges is unchanged);
//   - no fix splits a CRLF or a surrogate pair, nor brings a bare LF into a CRLF page;
//   - fixing the fixed text again changes nothing (idempotent);
//   - a lint of the fixed text reports none of the fixed findings again at their new positions.
// Prints the figures and every failure with its file; exits 1 on any failure, 2 on bad arguments.
// Only reads the corpus. Not part of `npm test` (the corpus is not in the repository); .ci/run runs
// it when ../shared/corpus exists.
//
//   npm run corpus:fix-check           (builds first)
//   node scripts/corpus-fix-check.mjs [--corpus DIR] [--workers N] [--filter TEXT] [--stall-seconds T]
import { availableParallelism } from "node:os";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { corpusPages } from "./lib/corpus-pages.mjs";

const DIST = new URL("../dist/src/index.js", import.meta.url);
/** How many failures are printed in full (all are counted). */
const SHOWN_FAILURES = 50;

if (isMainThread) await main();
else await worker();

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: "../shared/corpus" },
      workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      filter: { type: "string" },
      "stall-seconds": { type: "string", default: "120" },
    },
  });
  const corpus = resolve(values.corpus);
  const workerCount = Number(values.workers);
  const stallMs = Number(values["stall-seconds"]) * 1000;
  if (!Number.isInteger(workerCount) || workerCount < 1 || !(stallMs > 0)) {
    console.error(
      "corpus-fix-check: --workers takes a positive whole number, --stall-seconds a positive number",
    );
    process.exit(2);
  }
  let pages;
  try {
    pages = corpusPages(corpus);
  } catch (error) {
    console.error(
      `corpus-fix-check: cannot read ${corpus} (${error.code ?? error.message}); pass --corpus DIR`,
    );
    process.exit(2);
  }
  if (values.filter !== undefined) pages = pages.filter((p) => p.includes(values.filter));
  if (pages.length === 0) {
    console.error(`corpus-fix-check: no pages under ${corpus}`);
    process.exit(2);
  }
  const threads = Math.min(workerCount, pages.length);
  console.log(`corpus-fix-check: ${pages.length} pages of ${corpus}, ${threads} worker(s)`);

  const started = performance.now();
  const results = new Array(pages.length);
  /** Failures that are not a page's own (a worker that died or hung). */
  const failures = [];
  let done = 0;
  const shares = Array.from({ length: threads }, () => []);
  pages.forEach((file, index) => shares[index % threads].push({ index, file }));

  await Promise.all(
    shares.map(
      (share) =>
        new Promise((finish) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { share } });
          let next = 0;
          let lastChange = performance.now();
          let ended = false;
          const end = (failure) => {
            if (ended) return;
            ended = true;
            clearInterval(watchdog);
            if (failure && next < share.length) {
              failures.push({ file: relative(corpus, share[next].file), problem: failure });
              // The rest of the share was not checked: say so rather than count it as passed.
              for (const { file } of share.slice(next + 1))
                failures.push({ file: relative(corpus, file), problem: "not checked (its worker stopped)" });
            }
            void worker.terminate();
            finish();
          };
          const watchdog = setInterval(() => {
            if (performance.now() - lastChange > stallMs)
              end(`hang: no result for ${values["stall-seconds"]} s`);
          }, 1000);
          worker.on("message", (result) => {
            results[result.index] = result;
            next++;
            done++;
            lastChange = performance.now();
            if (next === share.length) end();
          });
          worker.on("error", (error) => end(`worker crashed: ${error?.stack ?? error}`));
          worker.on("exit", (code) => end(next < share.length ? `worker exited (${code})` : undefined));
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  let fixablePages = 0;
  let fixes = 0;
  let maxPasses = 0;
  const fixesByRule = new Map();
  for (const r of results) {
    if (!r) continue;
    if (r.fixable) fixablePages++;
    fixes += r.fixes;
    maxPasses = Math.max(maxPasses, r.passes);
    for (const [rule, n] of Object.entries(r.byRule)) fixesByRule.set(rule, (fixesByRule.get(rule) ?? 0) + n);
    for (const problem of r.failures) failures.push({ file: relative(corpus, pages[r.index]), problem });
  }
  const failedPages = new Set(failures.map((f) => f.file)).size;

  console.log(`corpus-fix-check: ${done} of ${pages.length} pages checked in ${seconds.toFixed(1)} s`);
  console.log(`  pages with fixable findings: ${fixablePages}`);
  console.log(`  fixes applied: ${fixes} (at most ${maxPasses} pass(es) on a page)`);
  for (const [rule, n] of [...fixesByRule].sort((a, b) => b[1] - a[1]))
    console.log(`    ${rule.padEnd(28)} ${n}`);
  console.log(`  failures: ${failures.length} (on ${failedPages} page(s))`);
  for (const f of failures.slice(0, SHOWN_FAILURES)) console.log(`\n  ${f.file}: ${f.problem}`);
  if (failures.length > SHOWN_FAILURES) console.log(`\n  … and ${failures.length - SHOWN_FAILURES} more`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

async function worker() {
  const { lintText, lintFile, fixText, applyFixes } = await import(DIST);
  const { createTwoFilesPatch } = await import("diff");
  const api = { lintText, lintFile, fixText, applyFixes, createTwoFilesPatch };
  for (const { index, file } of workerData.share) {
    const result = { index, fixable: false, fixes: 0, passes: 0, byRule: {}, failures: [] };
    try {
      checkPage(api, file, result);
    } catch (error) {
      result.failures.push(`crash: ${error instanceof Error ? error.stack : String(error)}`);
    }
    parentPort.postMessage(result);
  }
}

/** Checks one page, and a CRLF copy of it (in memory); adds what goes wrong to result.failures. */
function checkPage(api, file, result) {
  const options = { path: file };
  const first = api.lintFile(file);
  if (first.unreadable) return; // An unreadable page is a finding of its own, not a fix problem.
  crashesOf(first.messages, "lint", (problem) => result.failures.push(problem));
  if (!first.messages.some((m) => m.fix)) return;
  result.fixable = true;
  const original = first.source;
  const lf = checkFix(api, original, first.messages, options, result.failures, "");
  result.fixes = lf.fixCount;
  result.passes = lf.passes;
  for (const m of lf.fixed)
    result.byRule[m.ruleId ?? "(file)"] = (result.byRule[m.ruleId ?? "(file)"] ?? 0) + 1;
  if (original.includes("\r")) return;
  // The same page with CRLF line endings must get the same fixes, and keep its line endings.
  const copy = original.replace(/\n/g, "\r\n");
  const messages = api.lintText(copy, options).messages;
  const crlf = checkFix(api, copy, messages, options, result.failures, "CRLF copy: ");
  if (crlf.output.replace(/\r\n/g, "\n") !== lf.output)
    result.failures.push("CRLF copy: the fixed text is not the fixed LF page with CRLF line endings");
}

/**
 * Checks fixText on `original` (whose lint gave `messages`); returns what fixText returned and the
 * findings its passes fixed. `label` starts each failure.
 */
function checkFix(api, original, messages, options, failures, label) {
  const { lintText, fixText, applyFixes } = api;
  const fail = (problem) => failures.push(label + problem);

  // The passes of fixText, replayed with their edits kept.
  /** @type {Array<{ edits: Array<{ start: number; end: number; text: string }>; fixed: any[] }>} */
  const passes = [];
  let text = original;
  for (let pass = 1; pass <= 10; pass++) {
    const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes);
    const edits = next.applied.map((f) => ({ start: f.range.start, end: f.range.end, text: f.text }));
    for (const e of edits) editProblems(text, e, pass, fail);
    if (next.text === text) break;
    const applied = new Set(next.applied);
    passes.push({ edits, fixed: messages.filter((m) => m.fix && applied.has(m.fix)) });
    text = next.text;
    messages = lintText(text, options).messages;
    crashesOf(messages, `lint after pass ${pass}`, fail);
  }

  const fixed = fixText(original, options);
  if (fixed.output !== text) fail("fixText's output is not the one of its passes replayed with applyFixes");

  // Rebuild the output from the original's untouched ranges and the replacement texts.
  let pieces = [{ start: 0, end: original.length }];
  for (const p of passes) pieces = applyEdits(pieces, p.edits);
  const rebuilt = pieces.map((piece) => piece.text ?? original.slice(piece.start, piece.end)).join("");
  if (rebuilt !== fixed.output) {
    const patch = api
      .createTwoFilesPatch("expected (original + fix edits)", "fixText output", rebuilt, fixed.output)
      .split("\n")
      .slice(2, 40)
      .join("\n    ");
    fail(`fixText changed text outside the ranges its fixes replaced:\n    ${patch}`);
  }
  if (/\r\n/.test(original) && !/(^|[^\r])\n/.test(original) && /(^|[^\r])\n/.test(fixed.output))
    fail("the fixed text of a CRLF page has bare LF line endings");

  const again = fixText(fixed.output, options);
  if (again.output !== fixed.output) {
    const rules = new Set(
      lintText(fixed.output, options)
        .messages.filter((m) => m.fix)
        .map((m) => m.ruleId),
    );
    fail(`not idempotent: fixing the fixed text again makes ${again.fixCount} more fix(es) (${[...rules]})`);
  }

  const after = lintText(fixed.output, options).messages;
  crashesOf(after, "lint of the fixed text", fail);
  passes.forEach((p, k) => {
    for (const m of p.fixed) {
      let range = { start: m.range.start, end: m.range.end };
      for (const later of passes.slice(k)) range = mapRange(range, later.edits);
      const still = after.find(
        (n) =>
          n.ruleId === m.ruleId &&
          n.reason === m.reason &&
          n.range.start <= range.end &&
          n.range.end >= range.start,
      );
      if (still)
        fail(
          `fixed finding reported again: ${m.ruleId} at ${m.startPoint.line}:${m.startPoint.column}` +
            `${k > 0 ? ` (of pass ${k + 1})` : ""}, now at ${still.startPoint.line}:${still.startPoint.column}: ${m.reason}`,
        );
    }
  });
  return { ...fixed, fixed: passes.flatMap((p) => p.fixed) };
}

function crashesOf(messages, when, fail) {
  for (const m of messages)
    if (m.reason.startsWith("Rule crashed")) fail(`${when}: ${m.ruleId}: ${m.reason}`);
}

/** A fix must change something, stay inside the text, and not cut a CRLF or a surrogate pair in two. */
function editProblems(text, edit, pass, fail) {
  const where = `fix ${edit.start}-${edit.end} (pass ${pass})`;
  if (!(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length)) {
    fail(`${where} is outside the text (length ${text.length})`);
    return;
  }
  if (text.slice(edit.start, edit.end) === edit.text) fail(`${where} changes nothing`);
  for (const at of [edit.start, edit.end]) {
    if (text[at - 1] === "\r" && text[at] === "\n") fail(`${where} splits a CRLF line ending`);
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
      fail(`${where} splits a surrogate pair`);
  }
}

/**
 * The text as pieces: ranges of the original ({ start, end }) and replacement texts ({ text }).
 * Applies one pass's edits (sorted, not overlapping, in the coordinates of the pieces' text).
 */
function applyEdits(pieces, edits) {
  const out = [];
  let at = 0;
  for (const edit of edits) {
    out.push(...slice(pieces, at, edit.start));
    if (edit.text !== "") out.push({ text: edit.text });
    at = edit.end;
  }
  out.push(...slice(pieces, at, Infinity));
  return out;
}

/** The pieces covering [from, to) of the pieces' text. */
function slice(pieces, from, to) {
  const out = [];
  let pos = 0;
  for (const piece of pieces) {
    const length = piece.text !== undefined ? piece.text.length : piece.end - piece.start;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + length);
    if (a < b) {
      out.push(
        piece.text !== undefined
          ? { text: piece.text.slice(a - pos, b - pos) }
          : { start: piece.start + a - pos, end: piece.start + b - pos },
      );
    }
    pos += length;
  }
  return out;
}

/** Where a range of a pass's input stands in its output: inside an edit, it is the edit's text. */
function mapRange(range, edits) {
  return { start: mapOffset(range.start, edits, false), end: mapOffset(range.end, edits, true) };
}

function mapOffset(offset, edits, isEnd) {
  let delta = 0;
  for (const e of edits) {
    if (offset <= e.start) break;
    if (offset >= e.end) {
      delta += e.text.length - (e.end - e.start);
      continue;
    }
    return e.start + delta + (isEnd ? e.text.length : 0);
  }
  return offset + delta;
}
