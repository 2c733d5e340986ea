import type { EnumMembers, PropertyScope, TypeResolver } from "../src/docset/resolve.js";
import { isTypePlaceholder } from "../src/docset/types.js";
import type { JsonString, JsonValue } from "../src/parse/json.js";
import { type Report, createRule } from "../src/engine/rule.js";

const MAX_DEPTH = 64;

function listed(members: string[]): string {
  return members.map((m) => `"${m}"`).join(", ");
}

const MESSAGES = {
  caseOnly:
    '"{{value}}" differs only in case from "{{member}}", the documented value of {{type}} (property "{{property}}").',
  typePlaceholder:
    '"{{value}}" is a type placeholder, not a value of {{type}} (property "{{property}}"); documented values: {{members}}.',
  notDocumented:
    '"{{value}}" is not a documented value of {{type}} (property "{{property}}"); documented values: {{members}}.',
};
type MessageId = keyof typeof MESSAGES;

/** The finding for a value that is not a member, or undefined when it is one. */
function checkValue(
  value: JsonString,
  property: string,
  enumInfo: EnumMembers,
): Report<MessageId> | undefined {
  // Flag enums are written as comma-separated members ("read,write").
  const parts = value.value.split(",").map((p) => p.trim());
  const bad = parts.find((p) => !enumInfo.members.includes(p));
  if (bad === undefined) return undefined;
  const data = { value: bad, type: enumInfo.name, property, members: listed(enumInfo.members) };
  const caseMatch = enumInfo.members.find((m) => m.toLowerCase() === bad.toLowerCase());
  if (caseMatch) return { messageId: "caseOnly", data: { ...data, member: caseMatch }, range: value };
  return { messageId: isTypePlaceholder(bad) ? "typePlaceholder" : "notDocumented", data, range: value };
}

function walkObject(
  value: JsonValue,
  scope: PropertyScope,
  types: TypeResolver,
  report: (r: Report<MessageId>) => void,
  depth: number,
): void {
  if (value.type !== "object" || depth > MAX_DEPTH) return;
  for (const property of value.properties) {
    if (!property.value || property.key.startsWith("@")) continue;
    const definition = scope.lookup(property.key);
    if (!definition) continue;
    const values = property.value.type === "array" ? property.value.items : [property.value];
    const enumInfo = types.enumMembers(definition);
    for (const item of values) {
      if (item.type === "string" && enumInfo && enumInfo.members.length > 0) {
        const finding = checkValue(item, property.key, enumInfo);
        if (finding) report(finding);
      } else if (item.type === "object") {
        const inner = types.objectScope(definition.type, item);
        if (inner) walkObject(item, inner, types, report, depth + 1);
      }
    }
  }
}

export const enumValueDocumented = createRule({
  id: "enum-value-documented",
  description: "A string in example JSON whose enum-typed property does not document that value",
  messages: MESSAGES,
  check({ page, types, report }) {
    for (const example of page.examples) {
      const root = example.message.body?.json?.root;
      if (!root || example.kind === "other") continue;
      const exchange = page.exchanges.find((x) => x.request === example || x.response === example);
      const scope = types.bodyScope(example, exchange);
      // A collection response lists its items under "value".
      const valueItems =
        root.type === "object" ? root.properties.find((p) => p.key === "value")?.value : undefined;
      if (valueItems?.type === "array" && !scope.lookup("value")) {
        for (const item of valueItems.items) walkObject(item, scope, types, report, 0);
      } else if (root.type === "array") {
        for (const item of root.items) walkObject(item, scope, types, report, 0);
      } else {
        walkObject(root, scope, types, report, 0);
      }
    }
  },
});
