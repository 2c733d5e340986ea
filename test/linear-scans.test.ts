/**
 * The hand scanners and restructured regular expressions that replaced backtracking ones (issue 6,
 * scripts/check-regex.mjs) give the same results as the code they replaced: each is compared with
 * the old implementation, kept here as the reference, on random text made of the pieces that
 * matter to it. The time bounds are in test/hostile.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholderParts } from "../src/page/json-valid.js";
import { dropTranslations } from "../src/parse/inline.js";
import { joinMultilineStrings } from "../src/parse/json.js";
import { isSpaceCode } from "../src/parse/scan.js";
import { isDelimiterRow } from "../src/parse/table.js";

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

describe("isSpaceCode", () => {
  it("is true exactly for the code units that \\s matches", () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) expect.fail(`U+${c.toString(16)}`);
    }
  });
});

describe("table delimiter rows", () => {
  const OLD = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
  it("are recognized as before", () => {
    const line = textOf(["|", " ", "\t", ":", "-", "--", "x", "\u00a0", "\r"], 20);
    fc.assert(
      fc.property(line, (text) => {
        expect(isDelimiterRow(text)).toBe(text.includes("-") && OLD.test(text.trim()));
      }),
      RUNS,
    );
  });
});

describe("placeholder bodies", () => {
  const OLD = /^\s*([{[])\s*([A-Za-z<][^"'{}[\]:,\r\n]*?)\s*([}\]])/;
  it("are read as before", () => {
    const body = textOf([
      "{",
      "[",
      "}",
      "]",
      " ",
      "\t",
      "\n",
      "\r",
      "\u00a0",
      "a",
      "Raw",
      "<",
      '"',
      "'",
      ":",
      ",",
      "true",
      "null",
      "-",
    ]);
    fc.assert(
      fc.property(body, (text) => {
        const m = OLD.exec(text);
        expect(placeholderParts(text)).toEqual(m ? { open: m[1], inner: m[2], close: m[3] } : undefined);
      }),
      RUNS,
    );
  });
});

describe("multi-line strings in a broken annotation", () => {
  const old = (text: string) =>
    text.replace(/"(?:[^"\\\r\n]|\\.)*(?:\r?\n(?:[^"\\\r\n]|\\.)*)+"/g, (s) => s.replace(/\r?\n/g, " "));
  it("are joined as before", () => {
    const json = textOf(['"', '"', "\\", "\n", "\r", "\r\n", "a", " ", "\u2028", "{", ":"]);
    fc.assert(
      fc.property(json, (text) => {
        expect(joinMultilineStrings(text)).toBe(old(text));
      }),
      RUNS,
    );
  });
});
