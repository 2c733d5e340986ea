/**
 * Page-wide lists the builder derives once the walk is done: every JSON text with where it belongs,
 * and the ranges readers see.
 */
import type { JsonDocument } from "../parse/json.js";
import type { Range } from "../parse/source.js";
import type { FrontMatter, Page, PageJson } from "./model.js";

/** Each JSON text of the page once: annotations, example bodies, then ```json blocks. */
export function jsonDocumentsOf(page: Page): PageJson[] {
  const seen = new Set<JsonDocument>();
  const out: PageJson[] = [];
  const add = (entry: PageJson | undefined) => {
    if (entry && !seen.has(entry.json)) {
      seen.add(entry.json);
      out.push(entry);
    }
  };
  for (const a of page.annotations)
    add({ kind: "annotation", json: a.json, range: a.jsonRange, annotation: a, contentType: undefined });
  for (const e of page.examples) {
    const body = e.message.body;
    if (!body?.json) continue;
    const contentType = e.message.headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
    add({
      kind: "body",
      json: body.json,
      range: { start: body.start, end: body.end },
      annotation: e.annotation,
      contentType,
    });
  }
  // A ```json block that is also an example was parsed twice; keep the example's body.
  const exampleStarts = new Set(page.examples.map((e) => e.start));
  for (const c of page.codeBlocks) {
    const first = c.contentLines[0];
    const last = c.contentLines[c.contentLines.length - 1];
    if (exampleStarts.has(c.start) || !c.json || !first || !last) continue;
    const range = { start: first.start, end: last.start + last.text.length };
    add({ kind: "code", json: c.json, range, annotation: c.annotation, contentType: undefined });
  }
  return out;
}

/** The complement of comments and the front matter block, plus the front matter values. */
export function visibleRanges(
  length: number,
  comments: Range[],
  frontMatter: FrontMatter | undefined,
): Range[] {
  const hidden = [...comments];
  if (frontMatter) hidden.push({ start: frontMatter.start, end: frontMatter.end });
  hidden.sort((a, b) => a.start - b.start);
  const visible: Range[] = [];
  for (const entry of frontMatter?.entries ?? []) if (entry.valueRange) visible.push(entry.valueRange);
  let cursor = 0;
  for (const range of hidden) {
    if (range.start > cursor) visible.push({ start: cursor, end: range.start });
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < length) visible.push({ start: cursor, end: length });
  return visible;
}
