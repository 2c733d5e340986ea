import { noTranslatedName } from "../../rules/no-translated-name.js";
import { type ExpectedError, expectEveryMessageIdTested, md, runExplicitRuleTests } from "../helpers.js";

type Expected = ExpectedError<keyof typeof noTranslatedName.meta.messages>;

/** The place of `needle` (its first occurrence from `after`) in `code`, as 1-based line and columns. */
function place(
  code: string,
  needle: string,
  after = 0,
): Pick<Expected, "line" | "column" | "endLine" | "endColumn"> {
  const at = code.indexOf(needle, after);
  if (at === -1) throw new Error(`${needle} is not in the code`);
  const before = code.slice(0, at).split("\n");
  const column = before[before.length - 1]!.length + 1;
  return { line: before.length, column, endLine: before.length, endColumn: column + needle.length };
}

/** A resource page as translation leaves it: headings and cells in other words, JSON and anchors not. */
const resourcePage = (rows: string[], json: string[]) =>
  md(
    '# <a name="widget-resource-type"></a>小组件资源类型',
    "",
    "命名空间：microsoft.graph",
    "",
    '## <a name="properties"></a>属性',
    "",
    "| 属性 | 类型 | 说明 |",
    "|:---|:---|:---|",
    ...rows,
    "",
    '## <a name="json-representation"></a>JSON 表示形式',
    "",
    '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->',
    "```json",
    ...json,
    "```",
  );

const enumPage = (members: string[]) =>
  md(
    "# 枚举",
    "",
    '### <a name="widgetkind-values"></a>widgetKind 值',
    "",
    "|成员|值|说明|",
    "|:---|:---|:---|",
    ...members.map((m, i) => `|${m}|${i}|说明。|`),
  );

const translatedStatus = resourcePage(
  ["|id|String|标识符。|", "|状态|String|状态。|", "|size|Int32|大小。|"],
  ['{ "id": "String", "status": "String", "size": 1024 }'],
);
// `| sensitivity | sensitivity |` with both cells translated: the row still holds its place.
const translatedType = resourcePage(
  ["|id|String|标识符。|", "|敏感度|敏感度|敏感度。|", "|size|Int32|大小。|"],
  ['{ "id": "String", "sensitivity": "String", "size": 1024 }'],
);
// `publishingType` is not in the JSON (`supportedPublishingTypes` is): the enum row takes the only
// string key between its neighbours the JSON has; a String row would not.
const onlyFit = (type: string) =>
  resourcePage(
    ["|id|String|标识符。|", `|状态|${type}|状态。|`, "|publishingType|String|类型。|"],
    ['{ "id": "String", "status": "string", "supportedPublishingTypes": ["string"] }'],
  );
const unrecoverable = resourcePage(["|状态|String|状态。|", "|颜色|String|颜色。|"], ['{ "id": "String" }']);
const translatedMember = enumPage(["grant", "授予", "deny"]);

/** A resource page with a relationships table below its properties table. */
const withRelationships = (rows: string[], relationships: string[], json: string) =>
  resourcePage(
    [
      ...rows,
      "",
      '## <a name="relationships"></a>关系',
      "",
      "| 关系 | 类型 | 说明 |",
      "|:---|:---|:---|",
      ...relationships,
    ],
    [json],
  );
const item = "|项|[OutlookItem](outlookitem.md)|附加的项。|";
// Each table alone leaves two keys for one row; the two tables together, one each.
const acrossTables = withRelationships(
  ["|id|String|标识符。|", "|大小|Int32|大小。|"],
  [item],
  '{ "id": "String", "size": 1024, "item": { "@odata.type": "microsoft.graph.outlookItem" } }',
);
// Across tables a value must show the row's type: a placeholder string could be any row's.
const placeholderAcrossTables = withRelationships(
  ["|id|String|标识符。|", "|大小|Int32|大小。|"],
  [item],
  '{ "id": "String", "size": 1024, "item": "String" }',
);

// The table is in another order than the JSON (`serviceHealthIssue`): two plain rows are not paired
// with two keys in order, but a row whose type the JSON shows by `@odata.type` is named by it.
const otherOrder = resourcePage(
  [
    "|id|String|标识符。|",
    "|功能|String|功能。|",
    "|公告|[post](post.md) 集合|公告。|",
    "|size|Int32|大小。|",
    "|状态|String|状态。|",
  ],
  [
    '{ "size": 1, "id": "String", "status": "String",',
    '  "posts": [{ "@odata.type": "microsoft.graph.post" }], "feature": "String" }',
  ],
);

runExplicitRuleTests(noTranslatedName, {
  valid: [
    {
      name: "names written as the service spells them",
      code: resourcePage(
        ["|id|String|标识符。|", "|status|String|状态。|"],
        ['{ "id": "String", "status": "String" }'],
      ),
    },
    {
      name: "a name with a note",
      code: resourcePage(["|tasks (deprecated)|String|任务。|"], ['{ "tasks": "String" }']),
    },
    { name: "members as the service spells them", code: enumPage(["grant", "deny"]) },
    {
      // Words in ASCII may be a label or a value with spaces (paper sizes): only the JSON could tell.
      name: "ASCII words in a member cell",
      code: enumPage(["A4", "JIS B4"]),
    },
  ],
  invalid: [
    {
      name: "a property name the JSON representation tells",
      code: translatedStatus,
      errors: [
        {
          ...place(translatedStatus, "状态"),
          messageId: "propertyKnown",
          data: { written: "状态", name: "status" },
        },
      ],
    },
    {
      name: "a property whose type cell was translated too",
      code: translatedType,
      errors: [
        {
          ...place(translatedType, "敏感度"),
          messageId: "propertyKnown",
          data: { written: "敏感度", name: "sensitivity" },
        },
      ],
    },
    {
      name: "an enum row named by the only string key between its neighbours",
      code: onlyFit("agentStatus"),
      errors: [
        {
          ...place(onlyFit("agentStatus"), "状态"),
          messageId: "propertyKnown",
          data: { written: "状态", name: "status" },
        },
      ],
    },
    {
      name: "not a String row, which any string fits",
      code: onlyFit("String"),
      errors: [{ ...place(onlyFit("String"), "状态"), messageId: "property", data: { written: "状态" } }],
    },
    {
      name: "property names the JSON does not tell",
      code: unrecoverable,
      errors: [
        { ...place(unrecoverable, "状态"), messageId: "property", data: { written: "状态" } },
        { ...place(unrecoverable, "颜色"), messageId: "property", data: { written: "颜色" } },
      ],
    },
    {
      name: "names the properties and relationships tables leave to each other",
      code: acrossTables,
      errors: [
        {
          ...place(acrossTables, "大小"),
          messageId: "propertyKnown",
          data: { written: "大小", name: "size" },
        },
        { ...place(acrossTables, "项"), messageId: "propertyKnown", data: { written: "项", name: "item" } },
      ],
    },
    {
      name: "not across tables when a value does not show the row's type",
      code: placeholderAcrossTables,
      errors: [
        { ...place(placeholderAcrossTables, "大小"), messageId: "property", data: { written: "大小" } },
        { ...place(placeholderAcrossTables, "项"), messageId: "property", data: { written: "项" } },
      ],
    },
    {
      name: "a row named by the type its key shows, not by the order of rows the JSON lists otherwise",
      code: otherOrder,
      errors: [
        { ...place(otherOrder, "功能"), messageId: "property", data: { written: "功能" } },
        {
          ...place(otherOrder, "公告"),
          messageId: "propertyKnown",
          data: { written: "公告", name: "posts" },
        },
        { ...place(otherOrder, "状态"), messageId: "property", data: { written: "状态" } },
      ],
    },
    {
      name: "a translated enum member",
      code: translatedMember,
      errors: [
        {
          ...place(translatedMember, "授予"),
          messageId: "member",
          data: { written: "授予", enum: "widgetKind" },
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(noTranslatedName);
