/**
 * A bound on how deeply block containers (block quotes and list items) nest, checked before the
 * text is given to micromark, whose container handling is superlinear in the depth: 1,000 nested
 * list levels (`"  " * i + "- item"`) took 13 s and 2,000 took 97 s. Past a depth no real page
 * reaches, the rest of the page is not parsed (as JSON past MAX_JSON_DEPTH is not), and the linter
 * says so.
 *
 * The depth is over-estimated from each line's own prefix, without parsing: a container opens
 * only on a line with its marker (`>`, `-`, `+`, `*`, `1.`, `1)`), and each container the line
 * continues takes either a `>` or at least two columns of indentation (a list item's content
 * starts at least two columns in). So at a line with a marker, the depth is at most its markers
 * plus half the columns of white space that are not a marker's own; lines without a marker open
 * nothing. The first line whose estimate passes the limit is where parsing stops: every line
 * before it is at or below the limit.
 */

/**
 * Thirty times deeper than any page of the Graph docs (none is estimated above 3). Below it, lines
 * nested this deep cost micromark about as much per character as any container text.
 */
export const MAX_CONTAINER_DEPTH = 100;

export interface DeepNesting {
  /** The estimated depth at the line. */
  depth: number;
  /** The offset where the line starts: the text from here on is not parsed. */
  offset: number;
}

/** Where container nesting first passes `limit`, or undefined when it never does. */
export function deepNesting(text: string, limit = MAX_CONTAINER_DEPTH): DeepNesting | undefined {
  for (let start = 0; start < text.length;) {
    const depth = prefixDepth(text, start);
    if (depth > limit) return { depth, offset: start };
    const lf = text.indexOf("\n", start);
    const cr = text.indexOf("\r", start);
    const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (end === -1) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return undefined;
}

/**
 * The depth estimate of the line starting at `start`: 0 without a container marker, else the
 * markers plus half the columns of white space that can continue open list items. The white space
 * a marker takes for itself is not counted: one column after `>`, up to four after a list marker
 * (its content's offset; past four, the rest is indented code).
 */
function prefixDepth(text: string, start: number): number {
  let markers = 0;
  let free = 0;
  /** Columns of white space the marker just read may still take for itself. */
  let owned = 0;
  let column = 0;
  for (let i = start; ;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      const width = c === 32 ? 1 : 4 - (column % 4);
      const taken = Math.min(owned, width);
      owned -= taken;
      free += width - taken;
      column += width;
      i++;
    } else if (c === 62 /* > */) {
      markers++;
      owned = 1;
      column++;
      i++;
    } else {
      const width = listMarkerWidth(text, i);
      if (width === 0) break;
      markers++;
      owned = 4;
      column += width;
      i += width;
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(free / 2);
}

/** The length of a list item marker (`-`, `+`, `*`, `1.`, `1)`) at `i`, followed by white space or the line's end; else 0. */
function listMarkerWidth(text: string, i: number): number {
  let end = i;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 43 || c === 42) end = i + 1;
  else {
    while (end - i < 9 && isDigit(text.charCodeAt(end))) end++;
    if (end === i) return 0;
    const delimiter = text.charCodeAt(end);
    if (delimiter !== 46 && delimiter !== 41) return 0;
    end++;
  }
  const after = text.charCodeAt(end);
  return after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after) ? end - i : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
