/**
 * Near misses of known names: edit distance and the suggestions built on it ("did you mean …?").
 * One place for every rule and the configuration loader, each choosing how near is near enough.
 */

/**
 * Levenshtein distance between `a` and `b` when it is at most `max`; `max + 1` as soon as it is
 * known to be larger (the rows stop early, so a long candidate costs little). With
 * `transpositions`, two neighbouring letters swapped count as one edit (the optimal string
 * alignment distance): `notStrated` is one edit from `notStarted`, as a reader sees it.
 */
export function editDistance(a: string, b: string, max = Infinity, transpositions = false): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** The name of `names` that differs from `name` only in letter case (the first one). */
export function sameIgnoringCase(name: string, names: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const n of names) if (n.toLowerCase() === lower) return n;
  return undefined;
}

/**
 * The candidate closest to `name` (letter case ignored) within `maxDistance` edits (a swap of
 * neighbours counting as one with `transpositions`), the first of those at the same distance; with
 * its distance.
 */
export function closest(
  name: string,
  candidates: Iterable<string>,
  maxDistance = Infinity,
  transpositions = false,
): { name: string; distance: number } | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const limit = best ? best.distance - 1 : maxDistance;
    const d = editDistance(lower, candidate.toLowerCase(), limit, transpositions);
    if (d <= limit) best = { name: candidate, distance: d };
  }
  return best;
}

/**
 * The known word `word` is a near miss of (a likely typo): the same in another letter case, or at
 * most two edits away (one for words of four letters or fewer). Undefined when none is close.
 */
export function nearMiss(word: string, known: readonly string[]): string | undefined {
  return sameIgnoringCase(word, known) ?? closest(word, known, word.length <= 4 ? 1 : 2)?.name;
}
