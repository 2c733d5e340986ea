/**
 * The hand scanners and restructured regular expressions that replaced backtracking ones (issue 6,
 * scripts/check-regex.mjs) give the same results as the code they replaced: each is compared with
 * the old implementation, kept here as the reference, on random text made of the pieces that
 * matter to it. The time bounds are in test/hostile.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inheritedName } from "../src/page/inherits.js";
import { isPrimitiveName, parseTypeRef, unwrapLinks, withoutFinalNote } from "../src/parse/type-ref.js";
import { placeholderParts } from "../src/parse/json-syntax.js";
import { plainValues } from "../src/page/possible-values.js";
import { isStatusLine, matchStatusLine } from "../src/parse/http.js";
import { dropTranslations } from "../src/parse/inline.js";
import { joinMultilineStrings } from "../src/parse/json.js";
import { isSpaceCode, trimEndWhile } from "../src/parse/scan.js";
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

describe("status lines", () => {
  const OLD = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+([^\r\n]*?))?[ \t]*$/;
  it("are read as before", () => {
    const line = fc
      .tuple(
        fc.constantFrom("HTTP/1.1", "HTTP/2", "HTTP/1.", "HTTP/12", "HTTP/1.1 ", ""),
        textOf([" ", "\t", "200", "20", "2", "OK", "No Content", "\n", "\r", "x", "\u00a0"], 12),
      )
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(line, (text) => {
        const m = OLD.exec(text);
        expect(matchStatusLine(text)).toEqual(m ? { code: m[1], reason: m[2] } : undefined);
        expect(isStatusLine(text)).toBe(OLD.test(text.trim()));
      }),
      RUNS,
    );
  });
});

describe("values written as plain words", () => {
  function reference(text: string): string[] {
    const sentence = (text.split(/\.(?:\s|$)/, 1)[0] ?? "").replace(/\*\*|["']/g, "").trim();
    const items = sentence.split(/\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/);
    if (items.length < 2 || !items.every((item) => /^[A-Za-z_][\w.-]*$/.test(item))) return [];
    return items;
  }
  it("are split as before", () => {
    const text = textOf([
      "a",
      "Unknown",
      "x_y",
      ",",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "or",
      "and",
      ".",
      "orb",
    ]);
    fc.assert(
      fc.property(text, (t) => {
        expect(plainValues(t)).toEqual(reference(t));
      }),
      RUNS,
    );
  });
});

describe("type references", () => {
  const OLD_SUFFIX = /^(.*?)\s+collection$/i;
  /** parseTypeRef with the old suffix regex. */
  function reference(text: string) {
    let t = text.trim().replace(/^#/, "");
    let collection = false;
    const wrapped = /^collection\((.*)\)$/i.exec(t);
    if (wrapped) {
      t = wrapped[1]!.trim();
      collection = true;
    }
    const suffixed = OLD_SUFFIX.exec(t);
    if (suffixed) {
      t = suffixed[1]!.trim();
      collection = true;
    }
    if (!/^[A-Za-z_][\w.]*$/.test(t)) return undefined;
    const dot = t.lastIndexOf(".");
    const name = dot === -1 ? t : t.slice(dot + 1);
    const namespace = dot === -1 ? undefined : t.slice(0, dot);
    const primitive = isPrimitiveName(t);
    return { name, namespace: primitive ? undefined : namespace, collection, primitive };
  }
  it("read a final `collection` as before", () => {
    const text = textOf(
      [
        "String",
        "x.y",
        "collection",
        "COLLECTION",
        "Collection(",
        ")",
        " ",
        "\t",
        "\n",
        "\u2028",
        "\u00a0",
        "#",
        "ion",
      ],
      10,
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseTypeRef(t)).toEqual(reference(t));
      }),
      RUNS,
    );
  });

  it("unwrap links and drop a final note as before", () => {
    const text = textOf(["[", "]", "(", ")", "a", "identitySet", " ", "\t", "\n", "][", "]("]);
    fc.assert(
      fc.property(text, (t) => {
        expect(unwrapLinks(t)).toBe(
          t.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)?/g, "$1"),
        );
        expect(withoutFinalNote(t)).toBe(t.replace(/\s+\([^()]*\)\s*$/, ""));
      }),
      RUNS,
    );
  });
});

describe("base types named in prose", () => {
  const OLD =
    /\b(?:(?:inherits?|inherited|derives?|derived)[ \t]+from|subclass[ \t]+of)[ \t]+(?:the[ \t]+)?\[[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(/i;
  it("are read as before", () => {
    const anywhere = textOf(
      [
        "Inherits from ",
        "derived\tfrom the ",
        "subclass of ",
        "inherit from ",
        "xinherits from ",
        "[",
        "]",
      ].concat(["(", "](", "_", "__", "*", "`", "a", "Entity", "1", ".", " ", "\t", "the "]),
      16,
    );
    // A phrase and a link whose text is made of marks, name characters and spaces.
    const link = fc
      .tuple(
        textOf(["a", " ", "inherits from [x]", "["], 3),
        fc.constantFrom("Inherits from ", "derived from the ", "subclass of\t", "inherited  from "),
        textOf(["[", " ", "\t", "_", "*", "`", "a", "B", "1", ".", "_a", "]"], 8),
        fc.constantFrom("](", "]", " ](", "*](", "_](", ""),
        textOf(["x", "](", " ", "Inherits from [a]("], 3),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(anywhere, link), (t) => {
        expect(inheritedName(t)).toBe(OLD.exec(t)?.[1]);
      }),
      RUNS,
    );
  });

  it("lose a final full stop as before", () => {
    fc.assert(
      fc.property(textOf(["a", ".", "..", " "]), (t) => {
        expect(trimEndWhile(t, (c) => c === 46)).toBe(t.replace(/\.+$/, ""));
      }),
      RUNS,
    );
  });
});
