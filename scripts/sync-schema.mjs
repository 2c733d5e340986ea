// Writes each rule's entry of schemas/graph-docs-lint.schema.json from the rules' meta (built
// dist), so the schema editors autocomplete with lists every rule. test/config.test.ts checks that
// the schema and the rules agree. Run after adding a rule: npm run build && node scripts/sync-schema.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { rules } from "../dist/rules/index.js";

const path = new URL("../schemas/graph-docs-lint.schema.json", import.meta.url);
const schema = JSON.parse(readFileSync(path, "utf8"));
const properties = {};
for (const { meta } of rules) {
  const severity = JSON.stringify(meta.defaultSeverity);
  properties[meta.id] = {
    $ref: "#/definitions/ruleSetting",
    description: `${meta.description}${meta.fixable ? " (fixable)" : ""}. Default: ${severity}.`,
    markdownDescription: `${meta.description}${meta.fixable ? " (fixable)" : ""}. Default: \`${severity}\`.\n\n[Documentation](${meta.docs})`,
    default: meta.defaultSeverity,
  };
}
schema.properties.rules.properties = properties;
// Written as the formatter would (lint runs `prettier --check .`), so a sync never fails lint.
const options = { ...(await resolveConfig(path)), filepath: path.pathname };
writeFileSync(path, await format(JSON.stringify(schema, null, 2), options));
console.log(`schema: ${rules.length} rules`);
