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
