/**
 * The values a property table documents for a property: "Possible values are: `user`, `group`",
 * "Must be one of `dateOnly` or `dateTime`".
 *
 * Only the values that belong to the property are kept. Descriptions often qualify a value by
 * another property's value ("`user` or `group` when the identitySource is `azureActiveDirectory`");
 * a value that follows "when/if <something> is" belongs to that other property and is left out.
 *
 * Whether the list is complete is read from its wording: "Possible values are" and "must be one
 * of" give every value; "Possible values include" gives some. A rule judges a value missing from
 * the list only when the list is complete.
 */

export interface ValueList {
  values: string[];
  /** The wording says these are all the values. */
  complete: boolean;
}

const INTRO =
  /\b(?:(?:possible|supported|valid|allowed|accepted) values?(?: (?:are|is|include|for this property are))?|must be one of|(?:can|could) be one of|one of the following(?: values)?)\s*:?/i;
/** Wording that lists some of the values, not all. */
const PARTIAL = /\binclude\b/i;
/** A negation earlier in the sentence: "Cannot begin with `Microsoft` or be one of the following values". */
const NEGATED = /\b(?:not|cannot|can't|never)\b/i;
const CONDITION_WORD = /\b(?:when|if|where|while|unless|whenever)\b/i;
const CONDITION_VERB = /(?:\bis|\bare|\bequals|\bwas|\bset to|=)\s*$/i;

/** True when the words before a value make it the value of some other property ("when x is"). */
function isCondition(gap: string): boolean {
  return CONDITION_VERB.test(gap) && CONDITION_WORD.test(gap);
}

/** Documented values listed by a description, or undefined when it lists none. */
export function documentedValues(description: string): ValueList | undefined {
  const intro = INTRO.exec(description);
  if (!intro) return undefined;
  const sentence =
    description
      .slice(0, intro.index)
      .split(/[.!?;]\s/)
      .pop() ?? "";
  if (NEGATED.test(sentence)) return undefined;
  const rest = description.slice(intro.index + intro[0].length);
  const values = rest.includes("`") ? codeSpanValues(rest) : plainValues(rest);
  if (values.length === 0) return undefined;
  return { values: [...new Set(values)], complete: !PARTIAL.test(intro[0]) };
}

/** Values written as code spans, up to the end of the sentence that lists them. */
function codeSpanValues(text: string): string[] {
  const values: string[] = [];
  let gapStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close === -1) break;
      const gap = text.slice(gapStart, i);
      const value = text.slice(i + 1, close).trim();
      if (value && !isCondition(gap)) values.push(value);
      i = close + 1;
      gapStart = i;
      continue;
    }
    // A sentence ends at ". " before a capital letter, or at a line or cell break.
    if (c === "." && /^\s+[A-Z]/.test(text.slice(i + 1, i + 3))) break;
    i++;
  }
  return values;
}

/**
 * Values written as plain words ("Unknown, Empty, String."): only a real list of single words up to
 * the end of the sentence, so that prose ("Possible values are described in the following table")
 * is not read as values.
 */
export function plainValues(text: string): string[] {
  const sentence = (text.split(/\.(?:\s|$)/, 1)[0] ?? "").replace(/\*\*|["']/g, "").trim();
  // White space runs are folded first: splitting on `\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+`
  // tried both alternatives at every space of a long run, each scanning to its end (quadratic).
  // An item holding white space is not a value either way, so the result is the same.
  const items = sentence.replace(/\s+/g, " ").split(/ ?, ?(?:(?:or|and) )?| (?:or|and) /);
  if (items.length < 2 || !items.every((item) => /^[A-Za-z_][\w.-]*$/.test(item))) return [];
  return items;
}
