/**
 * A resource page against the service's CSDL type: its Properties and Relationships tables and its
 * JSON representation. Silent without metadata (`context.metadata`), and on pages whose type the
 * service does not define, but for a v1.0 page whose type only beta defines (`context.betaMetadata`).
 */
import { createRule } from "../src/engine/rule.js";
import { baseTypeReports } from "./metadata-properties/base-type.js";
import { betaOnlyTypeReports } from "./metadata-properties/beta-type.js";
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
  betaOnlyProperty:
    'The service\'s v1.0 {{type}} has no property "{{property}}" (nor do its base types); only beta has it: remove the row from the v1.0 page, or move it to the beta page.',
  betaOnlyRepresentationProperty:
    'The JSON representation shows "{{property}}", which the service\'s v1.0 {{type}} does not have; only beta has it: remove it from the v1.0 page, or move it to the beta page.',
  betaOnlyType:
    "The service's v1.0 has no type {{type}}; only beta has it: remove this page from the v1.0 docs, or move it to the beta docs.",
  missingBaseType:
    'The service\'s {{type}} derives from {{base}}, which this page does not name, so its readers miss what it inherits ({{inherited}}): add "Inherits from [{{baseName}}]({{baseName}}.md)." and `"baseType": "{{base}}"` to the resource annotation.',
  baseDiffers:
    "The service's {{type}} derives from {{base}}, not {{documented}}: name {{base}} as this page's base type.",
  noServiceBase:
    "The service's {{type}} derives from no type, not {{documented}}: remove the base type this page names, or correct it.",
  representationCase:
    'The service\'s {{type}} writes "{{written}}" as "{{property}}": write it in that case in the JSON representation.',
};

export const metadataProperties = createRule({
  id: "metadata-properties",
  description:
    "Resource pages whose properties, relationships or JSON representation differ from the service's CSDL type",
  fixable: true,
  messages: MESSAGES,
  check({ page, docs, types, metadata, betaMetadata, report }) {
    if (!metadata) return;
    const subject = subjectOf(page, docs, types, metadata);
    if (!subject) {
      for (const r of betaOnlyTypeReports(page, metadata, betaMetadata)) report(r);
      return;
    }
    const claimed = new Set<string>();
    for (const r of rowReports(page, subject, metadata, claimed, betaMetadata)) report(r);
    for (const r of missingReports(page, subject, claimed)) report(r);
    for (const r of representationReports(page, subject, metadata, betaMetadata)) report(r);
    for (const r of baseTypeReports(page, subject, docs, types, metadata)) report(r);
  },
});
