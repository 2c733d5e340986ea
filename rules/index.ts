/** Every rule graph-docs-lint ships, by id. */
import type { Rule } from "../src/engine/rule.js";
import { annotationJson } from "./annotation-json.js";
import { enumValueDocumented } from "./enum-value-documented.js";
import { externalPathPrefix } from "./external-path-prefix.js";
import { noTodoPlaceholder } from "./no-todo-placeholder.js";
import { noTrailingComma } from "./no-trailing-comma.js";
import { requestResponseIdMatch } from "./request-response-id-match.js";

export const rules: readonly Rule[] = [
  noTodoPlaceholder,
  noTrailingComma,
  requestResponseIdMatch,
  externalPathPrefix,
  enumValueDocumented,
  annotationJson,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
