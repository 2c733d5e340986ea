/**
 * The tree's words for primitive types (src/docset/vocabulary.ts, type-words.ts): a type cell no
 * type name can be read from is read as the type its properties' JSON representation values show
 * across the tree. No language is built in: the words here are made up for the test.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { learnVocabulary, samplesOf } from "../src/docset/vocabulary.js";
import { md, ruleFindings, tempDocsTree } from "./helpers.js";

/** A resource page whose table types `property` with `type`, and whose representation gives `value`. */
function resourcePage(name: string, property: string, type: string, value: string): string {
  return md(
    `# ${name} resource type`,
    "",
    '## <a name="properties"></a>Eigenschaften',
    "",
    "| Nom | Genre | Texte |",
    "|:---|:---|:---|",
    `|${property}|${type}|…|`,
    "|id|String|…|",
    "",
    '## <a name="json-representation"></a>JSON',
    "",
    `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}" } -->`,
    "```json",
    `{ "${property}": ${value}, "id": "String" }`,
    "```",
  );
}

/**
 * A tree of five resource pages (`aThing` … `eThing`) whose `${n}${suffix}` property has `type` and
 * the JSON representation `value`, and where a Get aThing page lives, with its response body.
 */
function treeOfFive(prefix: string, suffix: string, type: string, value: string) {
  const root = tempDocsTree(prefix, {
    ...Object.fromEntries(
      ["a", "b", "c", "d", "e"].map((n) => [
        `resources/${n}thing.md`,
        resourcePage(`${n}Thing`, `${n}${suffix}`, type, value),
      ]),
    ),
  });
  const page = (body: string) =>
    md(
      "# Get aThing",
      "",
      '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.aThing" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "Content-Type: application/json",
      "",
      `{ "a${suffix}": ${body} }`,
      "```",
    );
  return { page, path: join(root, "api", "athing-get.md") };
}

describe("samplesOf: type cells no type name is read from, with their JSON value's type", () => {
  const cases: Array<[string, string, string, Array<{ word: string; property: string; type: string }>]> = [
    [
      "a boolean",
      "valeur booléenne",
      "true",
      [{ word: "valeur booléenne", property: "isOwner", type: "Boolean" }],
    ],
    ["a string", "chaîne", '"String"', [{ word: "chaîne", property: "isOwner", type: "String" }]],
    ["a number", "nombre réel", "1.5", [{ word: "nombre réel", property: "isOwner", type: "Double" }]],
    [
      "a placeholder naming its type",
      "nombre entier",
      '"Int32"',
      [{ word: "nombre entier", property: "isOwner", type: "Double" }],
    ],
    [
      "an array of strings",
      "liste de chaînes",
      '["String"]',
      [{ word: "liste de chaînes", property: "isOwner", type: "String collection" }],
    ],
    [
      "an object: no primitive",
      "objet composé",
      "{}",
      [{ word: "objet composé", property: "isOwner", type: "" }],
    ],
    ["a type name is not a word to learn", "Boolean", "true", []],
    ["nor a type name with words after it", "String 集合", '["a"]', []],
    ["nor a link", "[identitySet](identityset.md)", "{}", []],
  ];
  for (const [name, type, value, expected] of cases) {
    it(name, () => {
      expect(samplesOf(resourcePage("widget", "isOwner", type, value)).types).toEqual(expected);
    });
  }
});

describe("learnVocabulary: a word is learned on five properties of one primitive type (90%)", () => {
  const page = (word: string, property: string, type: string) => ({
    enums: [],
    values: [],
    links: [],
    types: [{ word, property, type }],
    collections: [],
  });
  const pages = (word: string, types: string[]) => types.map((type, i) => page(word, `p${i}`, type));
  const cases: Array<[string, ReturnType<typeof pages>, string | undefined]> = [
    ["five properties, all Boolean", pages("vf", Array(5).fill("Boolean")), "Boolean"],
    ["four properties: not enough", pages("vf", Array(4).fill("Boolean")), undefined],
    [
      "one in six another type: not one type",
      pages("vf", [...Array(5).fill("Boolean"), "String"]),
      undefined,
    ],
    ["one in ten another type", pages("vf", [...Array(9).fill("Boolean"), "String"]), "Boolean"],
    ["objects: nothing learned", pages("vf", Array(5).fill("")), undefined],
    ["one property seen five times", Array(5).fill(page("vf", "p", "Boolean")), undefined],
  ];
  for (const [name, samples, expected] of cases) {
    it(name, () => {
      expect(learnVocabulary(samples).typeWords.get("vf")).toBe(expected);
    });
  }
});

describe("a tree's type word holds examples to the type it stands for", () => {
  const { page, path } = treeOfFive("gdl-type-words-", "Flag", "valeur booléenne", "true");

  it("a string where the word means Boolean is reported, quoting the word", () => {
    expect(ruleFindings("schema-conformance", page('"true"'), { path })).toEqual([
      {
        messageId: "wrongType",
        data: {
          key: "aFlag",
          type: "aThing",
          documented: "valeur booléenne",
          expected: "true or false",
          given: 'the string "true"',
        },
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 10,
      },
    ]);
  });

  it("a boolean fits", () => {
    expect(ruleFindings("schema-conformance", page("false"), { path })).toEqual([]);
  });
});

describe("samplesOf: words after a type name, with whether the JSON value is an array", () => {
  const cases: Array<[string, string, string, Array<{ word: string; property: string; array: boolean }>]> = [
    ["an array", "String набор", '["a"]', [{ word: "набор", property: "isOwner", array: true }]],
    [
      "a link's type with words after it",
      "[identitySet](identityset.md) набор",
      '[{ "@odata.type": "microsoft.graph.identitySet" }]',
      [{ word: "набор", property: "isOwner", array: true }],
    ],
    ["not an array", "String 集合", '"a"', [{ word: "集合", property: "isOwner", array: false }]],
    ["English words are read, not learned", "String collection", '["a"]', []],
    ["a type name alone", "String", '"a"', []],
  ];
  for (const [name, type, value, expected] of cases) {
    it(name, () => {
      expect(samplesOf(resourcePage("widget", "isOwner", type, value)).collections).toEqual(expected);
    });
  }
});

describe("learnVocabulary: a collection word is learned on five properties, 90% arrays", () => {
  const page = (word: string, property: string, array: boolean) => ({
    enums: [],
    values: [],
    links: [],
    types: [],
    collections: [{ word, property, array }],
  });
  const pages = (arrays: boolean[]) => arrays.map((array, i) => page("набор", `p${i}`, array));
  const cases: Array<[string, ReturnType<typeof pages>, boolean]> = [
    ["five properties, all arrays", pages(Array(5).fill(true)), true],
    ["four properties: not enough", pages(Array(4).fill(true)), false],
    ["one in six not an array", pages([...Array(5).fill(true), false]), false],
    ["one property seen five times", Array(5).fill(page("набор", "p", true)), false],
  ];
  for (const [name, samples, expected] of cases) {
    it(name, () => {
      expect(learnVocabulary(samples).collectionWords.has("набор")).toBe(expected);
    });
  }
});

describe("a tree's collection word holds examples to a collection", () => {
  const { page, path } = treeOfFive("gdl-collection-words-", "Tags", "String набор", '["String"]');

  it("a string where the words mean a collection is reported", () => {
    expect(
      ruleFindings("schema-conformance", page('"red"'), { path }).map((f) => [f.messageId, f.data]),
    ).toEqual([
      [
        "wrongType",
        {
          key: "aTags",
          type: "aThing",
          documented: "String набор",
          expected: "an array",
          given: 'the string "red"',
        },
      ],
    ]);
  });

  it("an array fits", () => {
    expect(ruleFindings("schema-conformance", page('["red"]'), { path })).toEqual([]);
  });
});
