/**
 * The base type a page's prose names: "Inherits from [namedLocation](namedlocation.md).", "derived
 * from [threatAssessmentRequest](…)", or only in the property table, "Inherited from
 * [identityProviderBase](…)." (which may name a more distant ancestor, still an ancestor): the
 * first such link of the page's paragraphs. On a translated page, the words before its links to
 * resource pages (`baseLead`), which the tree's vocabulary (docset/vocabulary.ts) learns to read.
 */
import { isBlankCode, skipWhile } from "../parse/scan.js";
import type { Page } from "./model.js";
import { normalizedLead } from "./value-runs.js";

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

/** The type a link to a resource page names: `../resources/directoryobject.md#x` → `directoryobject`. */
export function linkedTypeName(target: string): string | undefined {
  const file = target.split("#")[0]!.split("/").pop() ?? "";
  if (!file.toLowerCase().endsWith(".md")) return undefined;
  const name = file.slice(file.lastIndexOf("-") + 1, -3).toLowerCase();
  return /^\w+$/.test(name) ? name : undefined;
}

/**
 * The words before a link to a base type, as a key: the page's own type name and bold words
 * ("**mailSearchFolder** inherits from") dropped, then as `normalizedLead` reads them.
 */
export function baseLead(before: string, ownType: string | undefined): string {
  const text = before.replace(/\*\*[^*]*\*\*/g, " ");
  return normalizedLead(ownType ? withoutWord(text, ownType) : text);
}

/** The text with each whole-word occurrence of `word` (in any letter case) replaced by a space. */
function withoutWord(text: string, word: string): string {
  const lower = text.toLowerCase();
  const target = word.toLowerCase();
  let out = "";
  let last = 0;
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + target.length);
    if (/\w/.test(before) || /\w/.test(after) || at < last) continue;
    out += text.slice(last, at) + " ";
    last = at + target.length;
  }
  return out + text.slice(last);
}
