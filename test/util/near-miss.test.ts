import { describe, expect, it } from "vitest";
import { closest, editDistance, nearMiss, sameIgnoringCase } from "../../src/util/near-miss.js";

describe("editDistance", () => {
  it.each([
    ["scope", "scopes", Infinity, 1],
    ["isabstract", "abstract", Infinity, 2],
    ["kitten", "sitting", Infinity, 3],
    ["", "abc", Infinity, 3],
    ["abc", "xyz", 1, 2], // over the limit: limit + 1
    ["a", "abcdef", 2, 3], // lengths alone rule it out
  ])("%s → %s (max %s) = %i", (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it.each([
    ["notStrated", "notStarted", 2, 1],
    ["lagre", "large", 2, 1],
    ["ab", "ba", 2, 1],
    ["abc", "cab", 2, 2],
    ["kitten", "sitting", 3, 3],
  ])("%s → %s: %i edits, %i with a swap of neighbours as one", (a, b, levenshtein, withSwaps) => {
    expect(editDistance(a, b)).toBe(levenshtein);
    expect(editDistance(a, b, Infinity, true)).toBe(withSwaps);
  });
});

describe("closest", () => {
  it("takes the nearest candidate, the first of equals, ignoring case", () => {
    expect(closest("grnat", ["grants", "grant"])).toEqual({ name: "grant", distance: 2 });
    expect(closest("Grant", ["grants", "grant"])).toEqual({ name: "grant", distance: 0 });
    expect(closest("abc", ["abd", "abe"])).toEqual({ name: "abd", distance: 1 });
  });

  it("returns nothing beyond the distance asked", () => {
    expect(closest("owners", ["name", "tags"], 2)).toBeUndefined();
    expect(closest("nam", ["name"], 0)).toBeUndefined();
  });
});

describe("nearMiss", () => {
  it.each([
    ["ignore", ["ignored", "request"], "ignored"],
    ["owners", ["name", "tags", "scopes"], undefined],
    ["nam", ["name"], "name"],
    ["id", ["name", "tags"], undefined],
    ["BLOCKTYPE", ["blockType"], "blockType"],
  ])("%s among %j → %s", (word, known, expected) => {
    expect(nearMiss(word, known)).toBe(expected);
  });
});

describe("sameIgnoringCase", () => {
  it("finds the name in another letter case", () => {
    expect(sameIgnoringCase("DisplayName", ["id", "displayName"])).toBe("displayName");
    expect(sameIgnoringCase("name", ["names"])).toBeUndefined();
  });
});
