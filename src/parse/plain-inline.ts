/**
 * The links of a top-level paragraph or heading, read without micromark.
 *
 * Property tables and plain paragraphs are most of a Graph page's prose, and all the page builder
 * reads from their inline content is links, images and inline HTML. This reader follows
 * CommonMark's inline rules for what such text holds — code spans (atomic, matched by run length),
 * `[text](destination)` links (innermost `]` first, no links inside links) — and gives up, so that
 * micromark reads the block, on anything else: `<` (autolinks, HTML), `\` (escapes), `![`
 * (images), a destination with spaces, a title or angle brackets, and a `]` not followed by `(`
 * when the page defines references.
 */
import { decodeString } from "micromark-util-decode-string";

export interface PlainLink {
  start: number;
  end: number;
  url: string;
}

/** Characters that end a raw destination this reader accepts: controls, space, `(`, `)`, `<`, `>`, `\`, `` ` ``, `[`, `]`. */
function isPlainDestinationChar(c: number): boolean {
  return (
    c > 32 &&
    c !== 127 &&
    c !== 40 &&
    c !== 41 &&
    c !== 60 &&
    c !== 62 &&
    c !== 92 &&
    c !== 96 &&
    c !== 91 &&
    c !== 93
  );
}

/**
 * The links in `text[start, end)`, or undefined when it holds something only micromark reads
 * exactly. `referencesDefined`: the page has link reference definitions, so `[text]` may be
 * a reference.
 */
export function plainInlineLinks(
  text: string,
  start: number,
  end: number,
  referencesDefined: boolean,
): PlainLink[] | undefined {
  const links: PlainLink[] = [];
  const codeSpans = new CodeSpanCloser(text, start, end);
  /** Offsets of the open `[`, innermost last. */
  const openers: number[] = [];
  /**
   * Openers below this index cannot close a link (a link formed inside them: no links in links).
   * One index instead of a flag each, so that many links inside many brackets stay linear.
   */
  let activeFrom = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 60: // <
      case 92: // \
      case 0:
        return undefined;
      case 33: // !
        if (text.charCodeAt(i + 1) === 91) return undefined;
        i++;
        break;
      case 96: {
        // `: a code span, when a later run has the same length; else the run is text.
        let run = 1;
        while (i + run < end && text.charCodeAt(i + run) === 96) run++;
        i = codeSpans.closeAfter(i + run, run) ?? i + run;
        break;
      }
      case 91: // [
        openers.push(i);
        i++;
        break;
      case 93: {
        // ]
        const opener = openers.pop();
        const active = openers.length >= activeFrom;
        activeFrom = Math.min(activeFrom, openers.length);
        if (opener === undefined || !active) {
          i++;
          break;
        }
        if (text.charCodeAt(i + 1) !== 40 /* ( */) {
          if (referencesDefined) return undefined;
          i++;
          break;
        }
        let j = i + 2;
        while (j < end && isPlainDestinationChar(text.charCodeAt(j))) j++;
        if (j >= end || text.charCodeAt(j) !== 41 /* ) */) return undefined;
        links.push({ start: opener, end: j + 1, url: decodeString(text.slice(i + 2, j)) });
        // No links inside links: the brackets still open around this one cannot close a link.
        activeFrom = openers.length;
        i = j + 1;
        break;
      }
      default:
        i++;
    }
  }
  return links;
}

/**
 * Finds the run of backticks that closes a code span: the next run of the same length. Runs are
 * listed once per paragraph and looked up with one cursor per length, so a paragraph full of
 * unmatched runs is still read in linear time.
 */
class CodeSpanCloser {
  /** Start offsets of the runs of each length, in order. */
  private readonly runsByLength = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(text: string, start: number, end: number) {
    for (let i = text.indexOf("`", start); i !== -1 && i < end; i = text.indexOf("`", i)) {
      let length = 1;
      while (i + length < end && text.charCodeAt(i + length) === 96) length++;
      const runs = this.runsByLength.get(length);
      if (runs) runs.push(i);
      else this.runsByLength.set(length, [i]);
      i += length;
    }
  }

  /** The offset after the first run of `length` backticks at or after `from`. */
  closeAfter(from: number, length: number): number | undefined {
    const runs = this.runsByLength.get(length);
    if (!runs) return undefined;
    let k = this.cursors.get(length) ?? 0;
    while (k < runs.length && runs[k]! < from) k++;
    this.cursors.set(length, k);
    return k < runs.length ? runs[k]! + length : undefined;
  }
}
