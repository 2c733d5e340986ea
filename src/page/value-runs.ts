/**
 * Runs of code spans in a property's description, with the words that lead to them: the facts a
 * value list is made of in any language. "The type. Possible values are: `a`, `b`." and
 * "类型。可取值为：`a`、`b`。" both hold the run `a`, `b` led by their language's "possible values
 * are". Which leads introduce a list of values is not decided here: English wording is one signal
 * (possible-values.ts), and the words a docs tree uses before the values of its enum-typed
 * properties are another, learned from the tree (src/docset/vocabulary.ts).
 */

export interface ValueRun {
  /** The last clause of the sentence before the run, normalized (see `normalizedLead`). */
  lead: string;
  values: string[];
}

/** A value as code spans write it: a name, a number, or a dotted or dashed name. */
const VALUE = /^[\w.-]+$/;
/** What may stand between two values of one run: separators and a conjunction, not a sentence. */
const MAX_SEPARATOR = 8;
const SENTENCE_END = /[.!?;。！？；]\s|[。！？；]/;

/** The runs of two or more code-span values in a description, each with its lead. */
export function valueRuns(description: string): ValueRun[] {
  const runs: ValueRun[] = [];
  const spans = codeSpans(description);
  let i = 0;
  while (i < spans.length) {
    let j = i;
    while (
      j + 1 < spans.length &&
      isSeparator(description.slice(spans[j]!.end, spans[j + 1]!.start)) &&
      VALUE.test(spans[j + 1]!.text)
    )
      j++;
    const values = spans.slice(i, j + 1).map((s) => s.text);
    if (
      values.length >= 2 &&
      values.every((v) => VALUE.test(v)) &&
      !inParentheses(description, spans[i]!.start)
    ) {
      runs.push({
        lead: normalizedLead(description.slice(0, spans[i]!.start)),
        values: [...new Set(values)],
      });
    }
    i = j + 1;
  }
  return runs;
}

interface Span {
  text: string;
  /** The offsets of the opening and after the closing backtick. */
  start: number;
  end: number;
}

function codeSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let open = text.indexOf("`"); open !== -1;) {
    const close = text.indexOf("`", open + 1);
    if (close === -1) break;
    spans.push({ text: text.slice(open + 1, close).trim(), start: open, end: close + 1 });
    open = text.indexOf("`", close + 1);
  }
  return spans;
}

function isSeparator(between: string): boolean {
  // Only punctuation between two values joins them however long (machine translation writes
  // "`a` `b` ：、、、、 `c`", and "`General` `Left` ：、、、、、、、。 `Center`"); a few words
  // (", or ", " 和 ") join them when short. A longer run documents more values, never fewer.
  if (/^[\s,，、:：;；.。]*$/.test(between)) return true;
  return between.length <= MAX_SEPARATOR && !/[()（）`]/.test(between) && !SENTENCE_END.test(between);
}

/** True when an opening parenthesis before `at` is not closed before it ("supports `$filter` (`eq`, `ne`)"). */
function inParentheses(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === "(" || c === "（") depth++;
    else if ((c === ")" || c === "）") && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * The words just before a list or a link, as a key: the last clause of the last sentence (after the
 * last `.`, `;`, `,` or their full-width forms), emphasis marks and the colon or separators after
 * it dropped, letter case folded, at most the last 32 characters.
 */
export function normalizedLead(before: string): string {
  const sentence = before.split(/[.!?;。！？；]\s*/).pop() ?? "";
  let end = sentence.length;
  // Machine translation moves separators before the values: "有效值为 、 `rsa` `oct`".
  while (end > 0 && /[:：,，、\s]/.test(sentence.charAt(end - 1))) end--;
  const clause =
    sentence
      .slice(0, end)
      .split(/[,，、:：]/)
      .pop() ?? "";
  return clause.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim().toLowerCase().slice(-32);
}
