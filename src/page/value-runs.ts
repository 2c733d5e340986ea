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

/**
 * A value as code spans write it: a name, a number, a dotted or dashed name, or a type name as
 * `@odata.type` writes it (`#microsoft.graph.windowsUpdates.azureADDevice`).
 */
const VALUE = /^#?[\w.-]+$/;
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

/**
 * The code spans of a text: a run of two or more backticks opens one that the next run of as many
 * closes (``` ``NotStarted`` ```, as machine translation writes some); a single backtick, one that
 * the next backtick closes (so "`a``b`", two values whose separator translation dropped, is two).
 */
function codeSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = text.indexOf("`");
  while (open !== -1) {
    let ticks = 1;
    while (text[open + ticks] === "`") ticks++;
    const fence = "`".repeat(ticks);
    let close = ticks > 1 ? sameRun(text, fence, open + ticks) : -1;
    if (close === -1) {
      // No run of as many: the run's last backtick opens a single-backtick span.
      open += ticks - 1;
      ticks = 1;
      close = text.indexOf("`", open + 1);
    }
    if (close === -1) break;
    spans.push({ text: text.slice(open + ticks, close).trim(), start: open, end: close + ticks });
    open = text.indexOf("`", close + ticks);
  }
  return spans;
}

/** The offset of the next run of exactly `fence` from `from`, or -1. */
function sameRun(text: string, fence: string, from: number): number {
  for (let at = text.indexOf(fence, from); at !== -1; at = text.indexOf(fence, at + 1)) {
    if (text[at - 1] !== "`" && text[at + fence.length] !== "`") return at;
  }
  return -1;
}

function isSeparator(between: string): boolean {
  // Only punctuation between two values joins them however long (machine translation writes
  // "`a` `b` ：、、、、 `c`", and "`General` `Left` ：、、、、、、、。 `Center`"); a few words
  // (", or ", " 和 ") join them when short. A longer run documents more values, never fewer.
  // A value's gloss in parentheses is no sentence: "`sig` (signature), `enc` (encryption)", which
  // machine translation writes "`sig` ： (签名)  (`enc` 加密)", the gloss's parentheses around the next value.
  // A value inside such parentheses follows punctuation only ("`a` first (see `b`)" is prose).
  const closed = between.replace(/^[^()（）`]*[)）]/, "").replace(/[(（][^()（）`]*[)）]/g, "");
  const rest = closed.replace(/[(（][^()（）`]*$/, "");
  if (/^[\s,，、:：;；.。]*$/.test(rest)) return true;
  return (
    rest === closed && rest.length <= MAX_SEPARATOR && !/[()（）`]/.test(rest) && !SENTENCE_END.test(rest)
  );
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
