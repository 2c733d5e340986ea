import type { PropertyScope, TypeResolver, ValueSet } from "../src/docset/resolve.js";
import type { PropertyDefinition } from "../src/docset/definitions.js";
import type { JsonString, JsonValue } from "../src/parse/json.js";
import { type Report, createRule } from "../src/engine/rule.js";
import { type Verdict, judgeValue } from "./enum-value-documented/judge.js";

const MAX_DEPTH = 64;
/** Longer lists are cut in messages: a printer enum has hundreds of members. */
const MAX_LISTED = 12;

const MESSAGES = {
  caseOnly: '"{{value}}" differs only in case from "{{member}}", the documented value of {{subject}}.',
  writtenAsWords: '"{{value}}" is written as words: the documented value of {{subject}} is "{{member}}".',
  nearMiss: '"{{value}}" is not a documented value of {{subject}}: did you mean "{{member}}"?',
  typePlaceholder:
    '"{{value}}" is a type placeholder, not a value of {{subject}}; documented values: {{members}}.',
  valuePlaceholder:
    '"{{value}}" is a placeholder, not a value of {{subject}}; documented values: {{members}}.',
  notAName:
    '"{{value}}" is not a documented value of {{subject}}: its values are names without spaces ({{members}}).',
  notDocumented: '"{{value}}" is not a documented value of {{subject}}; documented values: {{members}}.',
};
type MessageId = keyof typeof MESSAGES;
type ReportValue = (report: Report<MessageId>) => void;

function listed(members: string[]): string {
  const shown = members.slice(0, MAX_LISTED).map((m) => `"${m}"`);
  return members.length > MAX_LISTED ? `${shown.join(", ")}, … (${members.length} in all)` : shown.join(", ");
}

/** What the message calls the value set: `bodyType (property "contentType")`, or `property "status"`. */
function subjectOf(set: ValueSet, property: string): string {
  return set.from === "description" && /^(edm\.)?string$/i.test(set.name)
    ? `property "${property}"`
    : `${set.name} (property "${property}")`;
}

function toReport(verdict: Verdict, set: ValueSet, property: string, at: JsonString): Report<MessageId> {
  const subject = subjectOf(set, property);
  if ("member" in verdict) {
    return {
      messageId: verdict.kind,
      data: { value: verdict.value, member: verdict.member, subject },
      range: at,
    };
  }
  return {
    messageId: verdict.kind,
    data: { value: verdict.value, subject, members: listed(set.members) },
    range: at,
  };
}

/** The first definition of the property that documents a value set (a table's row may say only String). */
function valueSetOf(definitions: PropertyDefinition[], types: TypeResolver): ValueSet | undefined {
  for (const definition of definitions) {
    const set = types.valueSet(definition);
    if (set && set.members.length > 0) return set;
  }
  return undefined;
}

function walkObject(
  value: JsonValue,
  scope: PropertyScope,
  types: TypeResolver,
  report: ReportValue,
  depth: number,
) {
  if (value.type !== "object" || depth > MAX_DEPTH) return;
  for (const property of value.properties) {
    if (!property.value || property.key.startsWith("@")) continue;
    let definitions = scope.lookup(property.key);
    // A key whose row's name translation took stands for that row (the page is reported once).
    const lost = definitions.length === 0 && scope.resource;
    if (lost)
      definitions = [types.lostNameProperty(lost, value, property.key)].filter((d) => d !== undefined);
    if (definitions.length === 0) continue;
    const items = property.value.type === "array" ? property.value.items : [property.value];
    const set = valueSetOf(definitions, types);
    for (const item of items) {
      if (item.type === "string" && set) {
        const verdict = judgeValue(item.value, set);
        if (verdict) report(toReport(verdict, set, property.key, item));
      } else if (item.type === "object") {
        const inner = types.objectScope(definitions[0]!.typeRef, item);
        if (inner) walkObject(item, inner, types, report, depth + 1);
      }
    }
  }
}

export const enumValueDocumented = createRule({
  id: "enum-value-documented",
  description:
    "A string in example JSON that is not one of the values its property documents (an enum's members, or the values its description lists)",
  messages: MESSAGES,
  check({ page, types, report }) {
    for (const example of page.examples) {
      const root = example.message.body?.json?.root;
      if (!root || example.kind === "other") continue;
      const scope = types.bodyScope(example);
      // A collection response lists its items under "value"; an item may name a derived type.
      const valueItems =
        root.type === "object" ? root.properties.find((p) => p.key === "value")?.value : undefined;
      const items =
        valueItems?.type === "array" && scope.lookup("value").length === 0
          ? valueItems.items
          : root.type === "array"
            ? root.items
            : undefined;
      if (!items) {
        walkObject(root, scope, types, report, 0);
        continue;
      }
      for (const item of items) {
        const own = item.type === "object" ? types.objectScope(undefined, item) : undefined;
        walkObject(item, own ?? scope, types, report, 0);
      }
    }
  },
});
