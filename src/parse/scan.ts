/**
 * Small character scanners for what a backtracking regular expression would do in quadratic time
 * (scripts/check-regex.mjs lists those): trailing runs, white space runs. Each is one linear pass.
 */

/** True for the UTF-16 code units that JavaScript's `\s` matches (white space and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for a space or a tab (`[ \t]`). */
export function isBlankCode(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** The offset after the run of characters from `from` for which `take` holds. */
export function skipWhile(text: string, from: number, take: (c: number) => boolean): number {
  let i = from;
  while (i < text.length && take(text.charCodeAt(i))) i++;
  return i;
}

/** `text` without its trailing characters for which `drop` holds (what `/x+$/` would remove). */
export function trimEndWhile(text: string, drop: (c: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Where a string-aware scan of JSON-like text stands: its bracket depth, and whether in a string. */
export interface BracketScan {
  depth: number;
  inString: boolean;
}

/**
 * The brackets (`{}[]`) and commas of `text` outside strings, in order, each with the bracket depth
 * after it: a `"` opens and closes a string, in which a `\` escapes the next character. The scan
 * goes on from `state` and leaves it where it stops, so that a text can be read in pieces.
 */
export function* bracketMarks(
  text: string,
  state: BracketScan,
): Generator<{ at: number; mark: string; depth: number }> {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state.inString) {
      if (c === "\\") i++;
      else if (c === '"') state.inString = false;
    } else if (c === '"') state.inString = true;
    else if (c === "[" || c === "{" || c === "]" || c === "}" || c === ",") {
      if (c === "[" || c === "{") state.depth++;
      else if (c !== ",") state.depth--;
      yield { at: i, mark: c, depth: state.depth };
    }
  }
}
