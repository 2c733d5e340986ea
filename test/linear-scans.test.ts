/**
 * The hand scanners and restructured regular expressions that replaced backtracking ones (issue 6,
 * scripts/check-regex.mjs) give the same results as the code they replaced: each is compared with
 * the old implementation, kept here as the reference, on random text made of the pieces that
 * matter to it. The time bounds are in test/hostile.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropTranslations } from "../src/parse/inline.js";

/** Random strings made of `pieces` (and so likely to hit the interesting cases). */
const textOf = (pieces: string[], maxLength = 30) =>
  fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(""));

const RUNS = { numRuns: 3_000 };

describe("dropTranslations", () => {
  const SXS_OPEN = '<span class="sxs-lookup">';
  const TRANSLATION_OPEN = "<span data-ttu-id=";
  /** The old implementation: lastIndexOf back to the start of the text for each sxs span. */
  function reference(raw: string): string {
    if (!raw.includes(SXS_OPEN)) return raw;
    let out = "";
    let cursor = 0;
    for (let sxs = raw.indexOf(SXS_OPEN); sxs !== -1; sxs = raw.indexOf(SXS_OPEN, sxs + SXS_OPEN.length)) {
      const translation = raw.lastIndexOf(TRANSLATION_OPEN, sxs);
      const keepUntil = translation >= cursor ? translation : sxs;
      out += raw.slice(cursor, keepUntil);
      cursor = sxs;
    }
    return out + raw.slice(cursor);
  }

  it("drops the same translated spans as before", () => {
    const raw = textOf([SXS_OPEN, TRANSLATION_OPEN, '"x">', "译文", "English", "</span>", "<span ", " "]);
    fc.assert(
      fc.property(raw, (text) => {
        expect(dropTranslations(text)).toBe(reference(text));
      }),
      RUNS,
    );
  });
});
