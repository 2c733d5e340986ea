/**
 * What a translated docs tree still says, read by every rule the same way: a key that stands for a
 * row whose name translation took (src/docset/lost-names.ts), a base type led by a longer clause
 * ending in the tree's words for "inherits from" (base-type.ts), followed beside the annotation's
 * `baseType` as an English "Inherits from" is, an open type named by its link to
 * the OData page on open types (definitions.ts). The words here are the zh-CN tree's; nothing is
 * keyed on them (the vocabulary is learned from the tree).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { md, ruleFindings, tempDocsTree } from "./helpers.js";
import { serviceResponse } from "./metadata/service-docs.js";

/** A translated resource page: title, headings and names of some rows in words; anchors and JSON kept. */
function page(
  name: string,
  rows: string[],
  options: { lead?: string; base?: string; json?: string; optional?: string[] } = {},
) {
  const base = options.base ? `, "baseType": "microsoft.graph.${options.base}"` : "";
  const optional = options.optional ? `, "optionalProperties": ${JSON.stringify(options.optional)}` : "";
  return md(
    `# <a name="${name.toLowerCase()}-resource-type"></a>${name} 资源类型`,
    "",
    "命名空间：microsoft.graph",
    "",
    options.lead ?? "说明。",
    "",
    '## <a name="properties"></a>属性',
    "",
    "|属性|类型|说明|",
    "|:---|:---|:---|",
    ...rows,
    "",
    '## <a name="json-representation"></a>JSON 表示形式',
    "",
    `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}"${base}${optional} } -->`,
    "```json",
    options.json ?? '{ "id": "String" }',
    "```",
  );
}

const enumTable = md(
  "# 枚举",
  "",
  '### <a name="widgetstatus-values"></a>widgetStatus 值',
  "",
  "|成员|",
  "|:---|",
  "|active|",
  "|inactive|",
  "",
  // Every member's name translated: the table's numbers say it lists members.
  '### <a name="widgetrole-values"></a>widgetRole 值',
  "",
  "| 成员 | 值 |",
  "|:---|:---|",
  "| 所有者 | 0 |",
  "| 读者 | 1 |",
);

describe("a key that stands for a row whose name translation took", () => {
  const root = tempDocsTree("gdl-lost-names-", {
    "resources/enums.md": enumTable,
    // `状态` is `status`, `部件` is `part`: no JSON tells, the example's keys do.
    "resources/widget.md": page("widget", ["|id|String|标识符。|", "|状态|widgetStatus|状态。|"]),
    "resources/holder.md": page("holder", ["|id|String|标识符。|", "|部件|[gadget](gadget.md)|部件。|"]),
    "resources/gadget.md": page("gadget", [
      "|id|String|标识符。|",
      "|color|String|颜色。|",
      "|state|widgetStatus|状态。|",
    ]),
    // `部件` is `part`, which only the annotation's optionalProperties names (as itemAttachment's `项` is `item`).
    "resources/carrier.md": page("carrier", ["|id|String|标识符。|", "|部件|[gadget](gadget.md)|部件。|"], {
      optional: ["part"],
    }),
    // A gadget whose page does not say it is one.
    "resources/fancygadget.md": page("fancyGadget", [
      "|id|String|标识符。|",
      "|sparkle|String|闪光。|",
      "|glitter|String|闪光。|",
      "|state|widgetStatus|状态。|",
    ]),
    // `功能` is `feature`, a String; `状态` is `status`: both take a string.
    "resources/bulletin.md": page("bulletin", [
      "|id|String|标识符。|",
      "|功能|String|功能。|",
      "|状态|widgetStatus|状态。|",
    ]),
    "resources/badge.md": page("badge", ["|id|String|标识符。|", "|role|widgetRole|角色。|"]),
    // Two lost rows that could each be the key's: which one cannot be told.
    "resources/doohickey.md": page("doohickey", [
      "|id|String|标识符。|",
      "|状态|widgetStatus|状态。|",
      "|阶段|widgetStatus|阶段。|",
    ]),
  });
  const path = join(root, "api", "widget-get.md");

  it("its values are judged by the row's type", () => {
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse("widget", '{ "id": "1", "status": "Active" }'),
      { path },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["caseOnly", { value: "Active", member: "active", subject: 'widgetStatus (property "status")' }],
    ]);
  });

  it("an object under it is held to the row's type", () => {
    const findings = ruleFindings(
      "schema-conformance",
      serviceResponse("holder", '{ "id": "1", "part": { "id": "2", "colour": "red" } }'),
      { path: join(root, "api", "holder-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["unknownPropertyNoBase", { type: "gadget", page: "resources/gadget.md", key: "colour" }],
    ]);
  });

  it("not a row of a type whose page documents none of the value's keys, nor one a string is no value of", () => {
    // `holder`'s lost row is a `gadget`: `{ "size": 1 }` and `"x"` are no gadgets, so both keys
    // stay unknown, as on the English page that names the row.
    const findings = ruleFindings(
      "schema-conformance",
      serviceResponse("holder", '{ "id": "1", "config": { "size": 1 } }'),
      { path: join(root, "api", "holder-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["unknownPropertyNoBase", { type: "holder", page: "resources/holder.md", key: "config" }],
    ]);
    const named = ruleFindings(
      "schema-conformance",
      serviceResponse("holder", '{ "id": "1", "name": "x" }'),
      {
        path: join(root, "api", "holder-get.md"),
      },
    );
    expect(named.map((f) => [f.messageId, f.data])).toEqual([
      ["unknownPropertyNoBase", { type: "holder", page: "resources/holder.md", key: "name" }],
    ]);
  });

  it("not `value`, OData's wrapper, which the English page reports and does not read into", () => {
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse("holder", '{ "value": { "id": "2", "state": "Active" } }'),
      { path: join(root, "api", "holder-get.md") },
    );
    expect(findings).toEqual([]);
  });

  it("a key the JSON representation or annotation names but no row does", () => {
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse("carrier", '{ "id": "1", "part": { "id": "2", "state": "Active" } }'),
      { path: join(root, "api", "carrier-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["caseOnly", { value: "Active", member: "active", subject: 'widgetStatus (property "state")' }],
    ]);
  });

  it("an object that names a type derived from the row's is held to the names of that type", () => {
    // Two of the three keys are no gadget's: the object is a fancyGadget, as it says.
    const item =
      '{ "@odata.type": "microsoft.graph.fancyGadget", "sparkle": "a", "glitter": "b", "state": "Active" }';
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse("holder", `{ "id": "1", "part": ${item} }`),
      { path: join(root, "api", "holder-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["caseOnly", { value: "Active", member: "active", subject: 'widgetStatus (property "state")' }],
    ]);
  });

  it("a string that names a member of a lost row's enum is that row's, and the other string key takes the rest", () => {
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse("bulletin", '{ "id": "1", "status": "Active", "feature": "Teams" }'),
      { path: join(root, "api", "bulletin-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["caseOnly", { value: "Active", member: "active", subject: 'widgetStatus (property "status")' }],
    ]);
    // Neither value names a member: which row is whose cannot be told.
    const unknown = ruleFindings(
      "enum-value-documented",
      serviceResponse("bulletin", '{ "id": "1", "status": "Actve", "feature": "Teams" }'),
      { path: join(root, "api", "bulletin-get.md") },
    );
    expect(unknown).toEqual([]);
  });

  it("a row typed by an enum whose table lost every member's name is still an enum's", () => {
    const findings = ruleFindings(
      "schema-conformance",
      serviceResponse("badge", '{ "id": "1", "role": {} }'),
      {
        path: join(root, "api", "badge-get.md"),
      },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["notEnum", { key: "role", type: "badge", documented: "widgetRole", given: "an object" }],
    ]);
  });

  it("not typed when two lost rows could be the key's", () => {
    expect(
      ruleFindings(
        "enum-value-documented",
        serviceResponse("doohickey", '{ "id": "1", "status": "Active" }'),
        {
          path: join(root, "api", "doohickey-get.md"),
        },
      ),
    ).toEqual([]);
  });
});

describe("rows whose name and type translation both took", () => {
  // English: `| sensitivity | sensitivity |`, `| status | taskStatus |`, `| subject | String |`.
  const root = tempDocsTree("gdl-translated-types-", {
    "resources/enums.md": md(
      "# 枚举",
      "",
      '### <a name="sensitivity-values"></a>sensitivity 值',
      "",
      "|成员|",
      "|:---|",
      "|normal|",
      "|private|",
    ),
    "resources/task.md": page(
      "task",
      [
        "|changeKey|String|版本。|",
        "|id|String|标识符。|",
        "|owner|String|所有者。|",
        "|敏感度|敏感度|敏感度。|",
        "|状态|任务状态|状态。 Possible values are: `notStarted`, `completed`.|",
        "|主题|String|主题。|",
      ],
      {
        json: '{ "changeKey": "String", "id": "String", "owner": "String", "sensitivity": "string", "status": "string", "subject": "String" }',
      },
    ),
  });

  it("hold their place, are named from the JSON, and a type written as the name is the name", () => {
    const findings = ruleFindings(
      "enum-value-documented",
      serviceResponse(
        "task",
        '{ "id": "1", "sensitivity": "Normal", "status": "NotStarted", "subject": "x" }',
      ),
      { path: join(root, "api", "task-get.md") },
    );
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ["caseOnly", { value: "Normal", member: "normal", subject: 'sensitivity (property "sensitivity")' }],
      ["caseOnly", { value: "NotStarted", member: "notStarted", subject: 'property "status"' }],
    ]);
    const unknown = ruleFindings(
      "schema-conformance",
      serviceResponse("task", '{ "id": "1", "subject": "x", "topic": "y" }'),
      { path: join(root, "api", "task-get.md") },
    );
    expect(unknown.map((f) => f.data?.["key"])).toEqual(["topic"]);
  });
});

/**
 * Three pages whose annotation names `base` and whose prose links to it after `继承自`: what the
 * tree learns its words for "inherits from" from.
 */
const baseLeadPages = Object.fromEntries(
  ["a", "b", "c"].map((n) => [
    `resources/${n}thing.md`,
    page(`${n}Thing`, [`|${n}Flag|Boolean|标志。|`], { lead: "继承自 [base](base.md)。", base: "base" }),
  ]),
);

describe("a base type led by a clause that ends with the tree's words for it", () => {
  const root = tempDocsTree("gdl-base-lead-", {
    ...baseLeadPages,
    "resources/base.md": page("base", ["|id|String|标识符。|", "|createdBy|String|创建者。|"]),
    "resources/widget.md": page("widget", ["|size|Int32|大小。|"], {
      lead: "此类型继承自 [base](base.md)。",
    }),
  });

  it("the base type's properties are known", () => {
    expect(
      ruleFindings("schema-conformance", serviceResponse("widget", '{ "size": 1, "createdBy": "x" }'), {
        path: join(root, "api", "widget-get.md"),
      }),
    ).toEqual([]);
  });
});

describe("a base type the translated prose names beside the annotation's", () => {
  // `orgContact`: the annotation says `entity`, the prose "Inherits from [directoryObject]"; an
  // English page follows both, and so must its translation, whose prose the English reader skips.
  const root = tempDocsTree("gdl-base-beside-", {
    ...baseLeadPages,
    "resources/entity.md": page("entity", ["|id|String|标识符。|"]),
    "resources/base.md": page("base", ["|createdBy|String|创建者。|"]),
    "resources/contact.md": page("contact", ["|size|Int32|大小。|"], {
      lead: "继承自 [base](base.md)。",
      base: "entity",
    }),
  });

  it("both are followed", () => {
    expect(
      ruleFindings(
        "schema-conformance",
        serviceResponse("contact", '{ "id": "1", "size": 1, "createdBy": "x" }'),
        {
          path: join(root, "api", "contact-get.md"),
        },
      ),
    ).toEqual([]);
  });

  it("a key neither base documents is still reported", () => {
    const findings = ruleFindings(
      "schema-conformance",
      serviceResponse("contact", '{ "size": 1, "colour": "x" }'),
      { path: join(root, "api", "contact-get.md") },
    );
    expect(findings.map((f) => f.messageId)).toEqual(["unknownProperty"]);
  });
});

describe("an open type named by its link to the OData page on open types", () => {
  const root = tempDocsTree("gdl-open-link-", {
    "resources/widget.md": page("widget", ["|id|String|标识符。|"], {
      lead: "这是一种[开放类型](/aspnet/web-api/overview/odata-support-in-aspnet-web-api/odata-v4/use-open-types-in-odata-v4)。",
    }),
    "resources/gadget.md": page("gadget", ["|id|String|标识符。|"]),
  });

  it("carries keys it does not document", () => {
    expect(
      ruleFindings("schema-conformance", serviceResponse("widget", '{ "id": "1", "NoSound": true }'), {
        path: join(root, "api", "widget-get.md"),
      }),
    ).toEqual([]);
  });

  it("where a type without the link does not", () => {
    const findings = ruleFindings(
      "schema-conformance",
      serviceResponse("gadget", '{ "id": "1", "NoSound": true }'),
      {
        path: join(root, "api", "gadget-get.md"),
      },
    );
    expect(findings.map((f) => f.data?.key)).toEqual(["NoSound"]);
  });
});
