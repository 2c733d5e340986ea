import { describe, expect, it } from "vitest";
import { readFrontMatter, readSimpleFrontMatter, readYamlFrontMatter } from "../src/page/front-matter.js";

const RANGE = { start: 0, end: 100 };

describe("front matter: the simple reader and the YAML parser agree", () => {
  // The simple reader reads these itself, exactly as the YAML parser does.
  const simple = [
    "title: Get user\ndescription: Retrieve the properties.\nms.localizationpriority: high",
    'title: "Create externalGroupMember"\nauthor: \'someone\'\nempty:\nms.prod: ""',
    "doc_type: apiPageType\n\nms.date: 09/12/2019x\ndate: 2019-09-12",
  ];
  for (const content of simple)
    it(JSON.stringify(content), () => {
      const full = readYamlFrontMatter(content, 4, RANGE);
      expect(readSimpleFrontMatter(content, 4, RANGE)).toEqual(full);
      expect(readFrontMatter(content, 4, RANGE)).toEqual(full);
    });

  const parserOnly = [
    "title: user: resource type? no\r\nauthor: a\r\n",
    "trailing:   ",
    "count: 12",
    "flag: true",
    "nothing: null",
    "list:\n  - a\n  - b",
    "block: |\n  text",
    'escaped: "a\\"b"',
    "comment: a # b",
    "colon: a: b",
    "title: a\ntitle: b",
    "anchor: &x a",
    "\tindented: a",
    "[not a key]",
  ];
  for (const content of parserOnly)
    it(`leaves ${JSON.stringify(content)} to the YAML parser`, () => {
      expect(readSimpleFrontMatter(content, 0, RANGE)).toBeUndefined();
      expect(readFrontMatter(content, 0, RANGE)).toEqual(readYamlFrontMatter(content, 0, RANGE));
    });
});
