/** Every rule graph-docs-lint ships, by id, in the order the docs list them. */
import type { Rule } from "../src/engine/rule.js";
import { annotationJson } from "./annotation-json.js";
import { annotationValid } from "./annotation-valid.js";
import { apiVersionConsistent } from "./api-version-consistent.js";
import { contentLengthValid } from "./content-length-valid.js";
import { enumValueDocumented } from "./enum-value-documented.js";
import { externalPathPrefix } from "./external-path-prefix.js";
import { jsonValid } from "./json-valid.js";
import { linksResolve } from "./links-resolve.js";
import { metadataEnumMembers } from "./metadata-enum-members.js";
import { metadataProperties } from "./metadata-properties.js";
import { noTodoPlaceholder } from "./no-todo-placeholder.js";
import { noTrailingComma } from "./no-trailing-comma.js";
import { noTranslatedName } from "./no-translated-name.js";
import { odataTypeConsistent } from "./odata-type-consistent.js";
import { requestResponseIdMatch } from "./request-response-id-match.js";
import { schemaConformance } from "./schema-conformance.js";
import { statusCodeConsistent } from "./status-code-consistent.js";
import { tabGroupStructure } from "./tab-group-structure.js";

export const rules: readonly Rule[] = [
  noTodoPlaceholder,
  noTrailingComma,
  requestResponseIdMatch,
  externalPathPrefix,
  enumValueDocumented,
  annotationJson,
  jsonValid,
  schemaConformance,
  statusCodeConsistent,
  apiVersionConsistent,
  odataTypeConsistent,
  annotationValid,
  linksResolve,
  tabGroupStructure,
  contentLengthValid,
  noTranslatedName,
  metadataEnumMembers,
  metadataProperties,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
