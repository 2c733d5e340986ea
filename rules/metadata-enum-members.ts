import { createRule } from "../src/engine/rule.js";
import type { EnumTable } from "../src/page/model.js";
import { compareMembers } from "./metadata-enum-members/compare.js";
import { serviceEnum } from "./metadata-enum-members/service-enum.js";

const MESSAGES = {
  missingMembers:
    "The service's enum type {{type}} has members this table does not list: {{members}}. Add a row for each.",
  unknownMembers:
    "{{count}} rows, {{members}}, name no member of the service's enum type {{type}}: remove them, or write the members the service has.",
  unknownMember:
    "Member \"{{member}}\" is not a member of the service's enum type {{type}}: remove its row, or write the member's name as the service has it.",
  misspelledMember:
    'Member "{{member}}" is not a member of the service\'s enum type {{type}}: did you mean "{{expected}}"?',
  caseDiffers:
    'Member "{{member}}" is spelled "{{expected}}" by the service\'s enum type {{type}}: members are values, compared with their letter case.',
  unknownEnum:
    'The service defines no type named "{{enum}}" in any namespace: write the name of the enum type the service has, or remove this table if the service has none.',
  unknownEnumNear:
    'The service defines no type named "{{enum}}" in any namespace: did you mean its enum type {{expected}}?',
  betaOnlyMember:
    'Member "{{member}}" is not a member of the service\'s v1.0 enum type {{type}}; only beta has it: remove its row from the v1.0 page, or move it to the beta page.',
  betaOnlyMembers:
    "{{count}} rows, {{members}}, name members only the service's beta enum type {{type}} has, not v1.0's: remove them from the v1.0 page, or move them to the beta page.",
  betaOnlyEnum:
    'The service\'s v1.0 defines no type named "{{enum}}"; only beta has the enum type {{type}}: remove this table from the v1.0 page, or move it to the beta page.',
};

export const metadataEnumMembers = createRule({
  id: "metadata-enum-members",
  description:
    "An enum table lists the members of the service's enum type (its CSDL), spelled as the service spells them",
  fixable: true,
  messages: MESSAGES,
  check({ page, metadata, betaMetadata, report }) {
    if (!metadata) return;
    const namespace = page.namespace?.value;
    const reportedUnknown = new Set<string>();
    for (const table of page.enumTables) {
      // A table that lost members to translation is reported by no-translated-name; what it still
      // lists is not the whole enum, so it is not compared.
      if (table.notNames.length > 0 || table.memberCells.length === 0) continue;
      const found = serviceEnum(metadata, table.name, namespace, table.members);
      if (found.kind === "enum") {
        const beta = betaMetadata?.enumType(found.type.qualifiedName);
        for (const finding of compareMembers(table, found.type, beta)) report(finding);
      } else if (
        found.kind === "unknown" &&
        namedAsWritten(table) &&
        !reportedUnknown.has(table.name.toLowerCase())
      ) {
        reportedUnknown.add(table.name.toLowerCase());
        const range = table.heading ?? table.headerRow;
        // On a v1.0 page, an enum only beta has: the page documents it too early (one finding).
        const beta = betaMetadata && serviceEnum(betaMetadata, table.name, namespace, table.members);
        if (beta?.kind === "enum")
          report({
            messageId: "betaOnlyEnum",
            data: { enum: table.name, type: beta.type.qualifiedName },
            range,
          });
        else if (found.near === undefined)
          report({ messageId: "unknownEnum", data: { enum: table.name }, range });
        else
          report({ messageId: "unknownEnumNear", data: { enum: table.name, expected: found.near }, range });
      }
    }
  },
});

/**
 * The table's name is one the page writes: in its heading's words, its explicit anchor, or an enum
 * page's title. A heading's slug alone can garble a name (`microsoft.graph.x values` slugs to
 * `microsoftgraphx-values`): then the service cannot be said not to know it.
 */
function namedAsWritten(table: EnumTable): boolean {
  const heading = table.heading;
  if (!heading || heading.section === "members" || heading.anchor !== undefined) return true;
  const lower = table.name.toLowerCase();
  return (heading.text.match(/[A-Za-z_][\w.]*/g) ?? []).some((w) => w.toLowerCase() === lower);
}
