/**
 * The base type a page's prose names: "Inherits from [namedLocation](namedlocation.md).", "derived
 * from [threatAssessmentRequest](…)", or only in the property table, "Inherited from
 * [identityProviderBase](…)." (which may name a more distant ancestor, still an ancestor): the
 * first such link of the page's paragraphs.
 */
import { isBlankCode, skipWhile } from "../parse/scan.js";
import type { Page } from "./model.js";

/** The type the first "inherits from [name](…)" link of the page's paragraphs names. */
export function proseBaseType(page: Page): string | undefined {
  for (const paragraph of page.paragraphs) {
    const name = inheritedName(page.text.slice(paragraph.start, paragraph.end));
    if (name !== undefined) return name;
  }
  return undefined;
}

/** "Inherits from [", "derived from the [", "subclass of [": the link's text is read by `linkedName`. */
const INHERITS =
  /\b(?:(?:inherits?|inherited|derives?|derived)[ \t]+from|subclass[ \t]+of)[ \t]+(?:the[ \t]+)?\[/gi;

/**
 * The type name of the first "inherits from [name](…)" link of a text: what
 * `/\b(?:(?:inherits?|inherited|derives?|derived)[ \t]+from|subclass[ \t]+of)[ \t]+(?:the[ \t]+)?\[[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(/i`
 * captures. That regex backtracks in cubic time on a run of underscores (emphasis marks and name
 * characters both), so the link's text is read by `linkedName`.
 */
export function inheritedName(text: string): string | undefined {
  INHERITS.lastIndex = 0;
  for (let m = INHERITS.exec(text); m; m = INHERITS.exec(text)) {
    const name = linkedName(text, m.index + m[0].length);
    if (name !== undefined) return name;
    INHERITS.lastIndex = m.index + 1;
  }
  return undefined;
}

const isMark = (c: number) => c === 42 /* * */ || c === 95 /* _ */ || c === 96; /* ` */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46; /* . */

/**
 * `[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(` at `from` (just after the `[`), as the regex
 * matches it: the marks take as much as they can, giving back underscores one at a time for the
 * name to start with; the name takes all the name characters after its start.
 */
function linkedName(text: string, from: number): string | undefined {
  const marksStart = skipWhile(text, from, isBlankCode);
  const marksEnd = skipWhile(text, marksStart, isMark);
  // Whether "](" follows marks and spaces from `at`; from anywhere among the marks, that is from
  // their end, so only two places are ever asked about.
  const closes = new Map<number, boolean>();
  const closesAt = (at: number): boolean => {
    const key = Math.max(at, marksEnd);
    let found = closes.get(key);
    if (found === undefined) {
      found = text.startsWith("](", skipWhile(text, skipWhile(text, key, isMark), isBlankCode));
      closes.set(key, found);
    }
    return found;
  };
  // end: where a name starting at k ends (after its run of name characters), kept from k + 1.
  let end = skipWhile(text, marksEnd + 1, isNameChar);
  for (let k = marksEnd; k >= marksStart; k--) {
    if (k < marksEnd && !isNameChar(text.charCodeAt(k + 1))) end = k + 1;
    const c = text.charCodeAt(k);
    const starts = k === marksEnd ? isNameStart(c) : c === 95; /* _ */
    if (starts && closesAt(end)) return text.slice(k, end);
  }
  return undefined;
}
