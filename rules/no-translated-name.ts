import { createRule } from "../src/engine/rule.js";

/**
 * Words of a script other than Latin's ASCII letters (`状态`, `授予`, `Gewähren`): never a Graph name,
 * which is ASCII. A name cell in plain ASCII words (`One-time access review`, `JIS B4`) may be a
 * legitimate label or value; only the page's JSON can tell, and then the message names the property.
 */
const NOT_ASCII = /[^\p{ASCII}]/u;
const LETTER = /\p{L}/u;

const isForeignWord = (text: string) => NOT_ASCII.test(text) && LETTER.test(text);

export const noTranslatedName = createRule({
  id: "no-translated-name",
  description:
    "A property name or enum member in a table written as words (a translation), not as the identifier the service uses",
  messages: {
    property:
      'Property name "{{written}}" is not an identifier: names are code, so write the property\'s name as the service spells it.',
    propertyKnown:
      'Property name "{{written}}" is not an identifier: the page\'s JSON calls this property "{{name}}". Names are code: write it as the service spells it.',
    member:
      'Member "{{written}}" of {{enum}} is not an identifier: members are the values the service sends, so write it as the service spells it.',
  },
  check({ page, report }) {
    for (const table of page.propertyTables) {
      for (const cell of table.notNames) {
        const range = { start: cell.start, end: cell.end };
        if (cell.recovered !== undefined)
          report({ messageId: "propertyKnown", data: { written: cell.name, name: cell.recovered }, range });
        else if (isForeignWord(cell.name))
          report({ messageId: "property", data: { written: cell.name }, range });
      }
    }
    for (const table of page.enumTables) {
      for (const cell of table.notNames) {
        if (!isForeignWord(cell.name)) continue;
        report({ messageId: "member", data: { written: cell.name, enum: table.name }, range: cell });
      }
    }
  },
});
