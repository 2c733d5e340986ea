/** What the annotation-valid checks share: how they report, and where in an annotation they point. */
import type { Report } from "../../src/engine/rule.js";
import type { Annotation, Page } from "../../src/page/model.js";
import type { JsonProperty } from "../../src/parse/json.js";
import type { Range } from "../../src/parse/source.js";

/**
 * How a check reports: with the message ids it uses, which the rule module (annotation-valid.ts)
 * words; the compiler holds each check's ids to the ones the rule declares.
 */
export type ReportAnnotation<MessageIds extends string> = (report: Report<MessageIds>) => void;

export function property(annotation: Annotation, key: string): JsonProperty | undefined {
  const root = annotation.json.root;
  return root?.type === "object" ? root.properties.find((p) => p.key === key) : undefined;
}

/** Where to report about the annotation as a whole: its `blockType` value, else its JSON. */
export function blockTypeRange(annotation: Annotation): Range {
  return property(annotation, "blockType")?.value ?? annotation.jsonRange;
}

export function lineOf(page: Page, range: Range): number {
  return page.lines.point(range.start).line;
}

/** `"a", "b" or "c"`. */
export function quotedList(words: readonly string[]): string {
  return `${words
    .slice(0, -1)
    .map((w) => `"${w}"`)
    .join(", ")} or "${words[words.length - 1]}"`;
}
