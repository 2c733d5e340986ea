/** Request names: every request needs one, unique on the page and across the docs tree. */
import { relative, resolve } from "node:path";
import type { DocsIndex } from "../../src/docset/index.js";
import { requestNamesOf, snippetKey } from "../../src/docset/request-names.js";
import type { Annotation, Page } from "../../src/page/model.js";
import { type ReportAnnotation, lineOf, property } from "./shared.js";

/** The messages these checks report (worded in annotation-valid.ts). */
type NameMessage = "noName" | "nameUsedOnPage" | "nameUsedOnPageAs" | "firstOfName" | "nameUsedElsewhere";

export function checkNames(page: Page, docs: DocsIndex, report: ReportAnnotation<NameMessage>): void {
  const seen = new Map<string, Annotation>();
  const self = page.path !== undefined ? resolve(page.path) : undefined;
  const elsewhere = docs.root ? requestNamesOf(docs) : undefined;
  for (const annotation of page.annotations) {
    if (annotation.blockType !== "request") continue;
    const name = annotation.data.name;
    if (name === undefined || name === "" || name === null) {
      // A name lost in JSON that does not parse is annotation-json's to report.
      if (annotation.json.errors.length > 0) continue;
      report({ messageId: "noName", range: property(annotation, "blockType") ?? annotation.jsonRange });
      continue;
    }
    if (typeof name !== "string") continue;
    const nameRange = property(annotation, "name")?.value ?? annotation.jsonRange;
    const key = snippetKey(name);
    const first = seen.get(key);
    if (first) {
      const firstName = first.data.name as string;
      report({
        messageId: firstName === name ? "nameUsedOnPage" : "nameUsedOnPageAs",
        data: { name, line: lineOf(page, first), spelled: firstName },
        range: nameRange,
        related: [{ messageId: "firstOfName", range: property(first, "name")?.value ?? first.jsonRange }],
      });
      continue;
    }
    seen.set(key, annotation);
    const others = (elsewhere?.get(key) ?? []).filter((use) => use.file !== self);
    const firstOther = others[0];
    if (!firstOther) continue;
    const files = new Set(others.map((use) => use.file)).size;
    const spelled = firstOther.name === name ? "" : `, as "${firstOther.name}"`;
    const more = files > 1 ? ` and ${files - 1} other page${files > 2 ? "s" : ""}` : "";
    report({
      messageId: "nameUsedElsewhere",
      data: {
        name,
        file: relative(docs.root!, firstOther.file).replace(/\\/g, "/"),
        line: firstOther.line,
        spelled,
        more,
      },
      range: nameRange,
    });
  }
}
