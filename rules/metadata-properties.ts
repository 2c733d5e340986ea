/**
 * A resource page against the service's CSDL type: its Properties and Relationships tables and its
 * JSON representation. Silent without metadata (`context.metadata`), and on pages whose type the
 * service does not define.
 */
import { createRule } from "../src/engine/rule.js";
import { representationReports } from "./metadata-properties/json.js";
import { missingReports } from "./metadata-properties/missing.js";
import { rowReports } from "./metadata-properties/rows.js";
import { subjectOf } from "./metadata-properties/subject.js";

const MESSAGES = {
  missingProperties:
    "The service's {{type}} has properties this table does not document: {{properties}}. Add a row for each.",
  missingRelationships:
    "The service's {{type}} has navigation properties this table does not document: {{properties}}. Add a row for each.",
  unknownProperty:
    'The service\'s {{type}} has no property "{{property}}" (nor do its base types): correct the name or remove the row.',
  unknownPropertyNear: 'The service\'s {{type}} has no property "{{property}}"; did you mean "{{near}}"?',
  propertyCase: 'The service\'s {{type}} writes "{{written}}" as "{{property}}": write it in that case.',
  typeDiffers:
    '"{{property}}" of the service\'s {{type}} is {{serviceType}}, not {{documented}}: document it as {{expected}}.',
  enumAsString:
    '"{{property}}" of the service\'s {{type}} is the enum {{serviceType}}, not {{documented}}: document it as {{expected}} and list its members.',
  collectionDiffers:
    '"{{property}}" of the service\'s {{type}} is {{serviceType}}, not {{documented}}: document it as {{expected}}.',
  unknownRepresentationProperty:
    'The JSON representation shows "{{property}}", which the service\'s {{type}} does not have: correct the name or remove it.',
  representationCase:
    'The service\'s {{type}} writes "{{written}}" as "{{property}}": write it in that case in the JSON representation.',
};

export const metadataProperties = createRule({
  id: "metadata-properties",
  description:
    "Resource pages whose properties, relationships or JSON representation differ from the service's CSDL type",
  fixable: true,
  messages: MESSAGES,
  check({ page, docs, types, metadata, report }) {
    if (!metadata) return;
    const subject = subjectOf(page, docs, types, metadata);
    if (!subject) return;
    const claimed = new Set<string>();
    for (const r of rowReports(page, subject, metadata, claimed)) report(r);
    for (const r of missingReports(page, subject, claimed)) report(r);
    for (const r of representationReports(page, subject, metadata)) report(r);
  },
});
