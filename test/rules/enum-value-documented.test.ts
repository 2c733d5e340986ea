import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enumValueDocumented } from "../../rules/enum-value-documented.js";
import { isTypePlaceholder } from "../../src/parse/type-ref.js";
import {
  type ExpectedError,
  expectEveryMessageIdTested,
  md,
  ruleFindings,
  runRuleTests,
  tempDocsTree,
} from "../helpers.js";
import { serviceDocsTree, serviceResponse } from "../metadata/service-docs.js";

const RULE = "enum-value-documented";
type Expected = ExpectedError<keyof typeof enumValueDocumented.meta.messages>;

/** Documented values as the messages list them: `"small", "large"`. */
const listed = (members: string[]) => members.map((m) => `"${m}"`).join(", ");

/** The place of the `nth` (from 0) occurrence of `needle` in `code`, as 1-based line and columns. */
function place(code: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = code.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`${needle} is not in the code`);
  const before = code.slice(0, at).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

/** An expected finding at the JSON string `"value"` of `code`. */
function at(
  code: string,
  value: string,
  finding: Omit<Expected, "line" | "column" | "endLine" | "endColumn">,
  nth = 0,
): Expected {
  return { ...place(code, JSON.stringify(value), nth), ...finding };
}

const enumSubject = (type: string, property: string) => `${type} (property "${property}")`;
const stringSubject = (property: string) => `property "${property}"`;

/**
 * A create page whose Request body table documents `kind` (typed `kindType`, described by
 * `description`), then `afterTable` lines, then a request with `body`.
 */
function createPage(
  description: string,
  body: string,
  options: { kindType?: string; afterTable?: string[]; rowName?: string } = {},
): string {
  return md(
    "# Create widget",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Request body",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    `|${options.rowName ?? "kind"}|${options.kindType ?? "widgetKind"}|${description}|`,
    ...(options.afterTable ?? []),
    "",
    '<!-- { "blockType": "request", "name": "create_widget" } -->',
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "",
    body,
    "```",
  );
}

const SIZES = "The size. Possible values are: `small`, `large`, `unknownFutureValue`.";
const SIZE_MEMBERS = ["small", "large", "unknownFutureValue"];
const enumTable = (...members: string[]) => [
  "",
  "### widgetKind values",
  "",
  "|Member|Description|",
  "|:---|:---|",
  ...members.map((m) => `|${m}|x|`),
];

/**
 * A page whose own widgetKind table lost a member to translation (`大` for `large`), with the
 * property described by `description`.
 */
const damagedTablePage = (description: string, value: string, members = ["small", "大"]) =>
  createPage(description, `{ "kind": ${JSON.stringify(value)} }`, { afterTable: enumTable(...members) });
const KINDS = "The kind. Possible values are: `small`, `large`.";

/** A String property whose description lists values, in the words given. */
const stringPage = (description: string, value: string) =>
  createPage(description, `{ "kind": ${JSON.stringify(value)} }`, { kindType: "String" });
const STATUSES = "Possible values are: `notStarted`, `inProgress`, `completed`, `workAccount`.";
const STATUS_INCLUDE = "Possible values include `notStarted`, `inProgress`, `completed`, `workAccount`.";

/** A list page: a collection response whose items are widgets. */
function listPage(first: string, second: string): string {
  return md(
    "# List widgets",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|kind|widgetKind|Possible values are: `small`, `large`.|",
    "",
    '<!-- { "blockType": "request", "name": "list_widgets" } -->',
    "```http",
    "GET https://graph.microsoft.com/v1.0/widgets",
    "```",
    '<!-- { "blockType": "response", "isCollection": true, "@odata.type": "microsoft.graph.widget" } -->',
    "```http",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "",
    '{ "value": [',
    `  { "kind": "${first}" },`,
    `  { "kind": "${second}" }`,
    "] }",
    "```",
  );
}

// A docs tree: widget.settings is a widgetSettings whose mode is a widgetMode; a widget's kind is a
// widgetKind; a fancyWidget derives from widget and has a style (a widgetStyle).
const resourcePage = (name: string, rows: string[], base?: string) =>
  md(
    "---",
    `title: "${name} resource type"`,
    "---",
    "",
    `# ${name} resource type`,
    "",
    "Namespace: microsoft.graph",
    "",
    ...(base ? [`Inherits from [${base}](${base.toLowerCase()}.md).`, ""] : []),
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    ...rows,
  );
const root = tempDocsTree("gdl-enum-", {
  "resources/enums.md": md(
    "# Enums",
    "",
    "Namespace: microsoft.graph",
    "",
    "### widgetMode values",
    "",
    "|Member|",
    "|:---|",
    "|auto|",
    "|manual|",
    "",
    "### widgetStyle values",
    "",
    "|Member|",
    "|:---|",
    "|plain|",
    "|striped|",
    "",
    // A translated table whose member `dotted` was translated: not a name, so the table is damaged.
    '### <a name="widgetpattern-values"></a>widgetPattern 值',
    "",
    "|成员|值|说明|",
    "|:---|:---|:---|",
    "|solid|0|实心。|",
    "|点线|1|点线。|",
  ),
  "resources/widgetsettings.md": resourcePage("widgetSettings", ["|mode|widgetMode|The mode.|"]),
  "resources/widget.md": resourcePage("widget", [
    "|kind|widgetKind|The kind.|",
    "|pattern|widgetPattern|The pattern.|",
  ]),
  "resources/fancywidget.md": resourcePage("fancyWidget", ["|style|widgetStyle|The style.|"], "widget"),
  "resources/widgetkind.md": md(
    "---",
    'title: "widgetKind enum type"',
    "doc_type: enumPageType",
    "---",
    "",
    "# widgetKind enum type",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Members",
    "|Member|Value|Description|",
    "|:---|:---|:---|",
    "|small|0|S|",
    "|large|1|L|",
  ),
});
const inTree = join(root, "api", "widget-post.md");

/** A request whose body nests a settings object. */
const nestedPage = (mode: string) =>
  md(
    "Namespace: microsoft.graph",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|settings|widgetSettings|The settings.|",
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "",
    `{ "settings": { "mode": "${mode}" } }`,
    "```",
  );

/** An update of a widget whose Request body row types `kind` as String: the resource's enum applies. */
const updatePage = (kind: string) =>
  md(
    "Namespace: microsoft.graph",
    "",
    "## Request body",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|kind|String|The kind.|",
    "",
    '<!-- { "blockType": "request", "name": "update_widget" } -->',
    "```http",
    "PATCH https://graph.microsoft.com/v1.0/widgets/1",
    "",
    `{ "kind": "${kind}" }`,
    "```",
    '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
    "```http",
    "HTTP/1.1 204 No Content",
    "```",
  );

/** A list of widgets whose items name their own (derived) type. */
const derivedItemsPage = (style: string, pattern: string) =>
  md(
    "Namespace: microsoft.graph",
    "",
    '<!-- { "blockType": "request", "name": "list_fancy" } -->',
    "```http",
    "GET https://graph.microsoft.com/v1.0/widgets",
    "```",
    '<!-- { "blockType": "response", "isCollection": true, "@odata.type": "microsoft.graph.widget" } -->',
    "```http",
    "HTTP/1.1 200 OK",
    "",
    '{ "value": [',
    `  { "@odata.type": "#microsoft.graph.fancyWidget", "style": "${style}", "pattern": "${pattern}" }`,
    "] }",
    "```",
  );

/**
 * The create page as a translated page has it: headings and table headers translated, the anchors,
 * code, backticked values and JSON left alone (zh-CN, as Microsoft's machine translation writes it).
 */
const translatedPage = (value: string) =>
  md(
    '# <a name="create-widget"></a>创建小组件',
    "",
    "命名空间：microsoft.graph",
    "",
    '## <a name="request-body"></a>请求正文',
    "",
    "| 属性 | 类型 | 说明 |",
    "|:---|:---|:---|",
    "|kind|widgetKind|大小。|",
    "",
    '### <a name="widgetkind-values"></a>widgetKind 值',
    "",
    "|成员|值|说明|",
    "|:---|:---|:---|",
    "|small|0|小。|",
    "|large|1|大。|",
    "",
    '<!-- { "blockType": "request", "name": "create_widget" } -->',
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "",
    `{ "kind": "${value}" }`,
    "```",
  );

const englishOfTranslated = (value: string) =>
  createPage("The size.", `{ "kind": "${value}" }`, { afterTable: enumTable("small", "large") });

const kindBody = (value: string) => `{ "kind": ${JSON.stringify(value)} }`;
const enumPage = (value: string) => createPage(SIZES, kindBody(value));

runRuleTests(RULE, {
  valid: [
    { name: "a documented value", code: enumPage("small") },
    { name: "flags written as comma-separated members", code: enumPage("small,large") },
    {
      name: "annotation keys, null and undocumented properties are not judged",
      code: createPage(SIZES, '{ "@odata.type": "String", "kind": null, "color": "String" }'),
    },
    {
      name: "a value that belongs to the property before a `when … is` condition",
      code: createPage(
        "Possible values are: `user` or `group` when the identitySource is `external`.",
        kindBody("group"),
      ),
    },
    {
      name: "a member of the page's own `### widgetKind values` table",
      code: createPage("The kind.", kindBody("large"), { afterTable: enumTable("small", "large") }),
    },
    { name: "documented values in every collection item", code: listPage("small", "large") },
    { name: "a nested object resolved through the docs tree", path: inTree, code: nestedPage("manual") },
    { name: "a nested object with no docs tree is not checked", code: nestedPage("bogus") },
    { name: "a String property's listed value", code: stringPage(STATUSES, "inProgress") },
    {
      name: "a String property with no listed values takes any value",
      code: stringPage("The status of the widget. Use `$filter` to query it.", "whatever"),
    },
    {
      name: 'a value a partial list ("include") leaves out',
      code: stringPage(STATUS_INCLUDE, "archived"),
    },
    {
      name: "a value a description capitalizes, written as Graph writes values",
      code: stringPage("Possible values are: `None`, `Organizer`.", "none"),
    },
    {
      name: "the values a description forbids are not its values",
      code: stringPage("Cannot be one of the following values: `None`, `Directory`.", "contosohr"),
    },
    {
      name: "an empty String property (none of its listed values applies)",
      code: stringPage(STATUSES, ""),
    },
    {
      name: "a short value is not taken for a misspelling",
      code: stringPage("Possible values include `user`, `group`.", "users"),
    },
    {
      name: "a table that lost members to translation judges no other value",
      path: inTree,
      code: derivedItemsPage("plain", "dotted"),
    },
    { name: "a member of a translated page's enum table", code: translatedPage("large") },
    {
      name: "a member a translated table lost and its description lists",
      code: damagedTablePage(KINDS, "large"),
    },
    {
      // Translation capitalized `small`: the set is whole again, but how its members are spelled
      // is not known, so no value is judged by its letter case.
      name: "a member in another case than a table the description spells otherwise",
      code: damagedTablePage(KINDS, "small", ["Small", "大"]),
    },
    {
      name: "a description listing more values than the table lost restores none",
      code: damagedTablePage("The kind. Possible values are: `small`, `large`, `huge`.", "medium"),
    },
  ],
  invalid: (
    [
      [
        'the type placeholder "String"',
        enumPage("String"),
        "String",
        {
          messageId: "typePlaceholder",
          data: {
            value: "String",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(SIZE_MEMBERS),
          },
        },
      ],
      [
        "a value that is not documented",
        enumPage("medium"),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(SIZE_MEMBERS),
          },
        },
      ],
      [
        "a value that differs only in case",
        enumPage("Small"),
        "Small",
        {
          messageId: "caseOnly",
          data: { value: "Small", member: "small", subject: enumSubject("widgetKind", "kind") },
        },
      ],
      [
        "a near miss of a member",
        enumPage("lagre"),
        "lagre",
        {
          messageId: "nearMiss",
          data: { value: "lagre", member: "large", subject: enumSubject("widgetKind", "kind") },
        },
      ],
      [
        "a placeholder a stub left",
        enumPage("kind-value"),
        "kind-value",
        {
          messageId: "valuePlaceholder",
          data: {
            value: "kind-value",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(SIZE_MEMBERS),
          },
        },
      ],
      [
        "one undocumented flag of several (the whole string is reported)",
        enumPage("small, huge"),
        "small, huge",
        {
          messageId: "notDocumented",
          data: { value: "huge", subject: enumSubject("widgetKind", "kind"), members: listed(SIZE_MEMBERS) },
        },
      ],
      [
        "a value that only the `when … is` condition names",
        createPage(
          "Possible values are: `user` or `group` when the identitySource is `azureActiveDirectory` and just `group` when the identitySource is `external`.",
          kindBody("external"),
        ),
        "external",
        {
          messageId: "notDocumented",
          data: {
            value: "external",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["user", "group"]),
          },
        },
      ],
      [
        "values listed as plain words",
        createPage("Possible values are: small, large. Required.", kindBody("huge")),
        "huge",
        {
          messageId: "notDocumented",
          data: {
            value: "huge",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["small", "large"]),
          },
        },
      ],
      [
        "members from the page's own enum table",
        createPage("The kind.", kindBody("medium"), { afterTable: enumTable("small", "large") }),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["small", "large"]),
          },
        },
      ],
      // String properties with listed values (cause 1 of issue 12).
      [
        "a String property's value in another case",
        stringPage(STATUS_INCLUDE, "NotStarted"),
        "NotStarted",
        {
          messageId: "caseOnly",
          data: { value: "NotStarted", member: "notStarted", subject: stringSubject("kind") },
        },
      ],
      [
        "a near miss of a String property's value",
        stringPage(STATUS_INCLUDE, "notStrated"),
        "notStrated",
        {
          messageId: "nearMiss",
          data: { value: "notStrated", member: "notStarted", subject: stringSubject("kind") },
        },
      ],
      [
        "a value written as words",
        stringPage(STATUS_INCLUDE, "Work Account"),
        "Work Account",
        {
          messageId: "writtenAsWords",
          data: { value: "Work Account", member: "workAccount", subject: stringSubject("kind") },
        },
      ],
      [
        "a value with spaces where the values are names",
        stringPage(STATUS_INCLUDE, "not yet"),
        "not yet",
        {
          messageId: "notAName",
          data: {
            value: "not yet",
            subject: stringSubject("kind"),
            members: listed(["notStarted", "inProgress", "completed", "workAccount"]),
          },
        },
      ],
      [
        "a type name for a String property",
        stringPage(STATUS_INCLUDE, "String"),
        "String",
        {
          messageId: "typePlaceholder",
          data: {
            value: "String",
            subject: stringSubject("kind"),
            members: listed(["notStarted", "inProgress", "completed", "workAccount"]),
          },
        },
      ],
      [
        "a type hint a stub left",
        stringPage(STATUS_INCLUDE, "@odata.type: microsoft.graph.status"),
        "@odata.type: microsoft.graph.status",
        {
          messageId: "valuePlaceholder",
          data: {
            value: "@odata.type: microsoft.graph.status",
            subject: stringSubject("kind"),
            members: listed(["notStarted", "inProgress", "completed", "workAccount"]),
          },
        },
      ],
      [
        "a placeholder for a String property",
        stringPage(STATUS_INCLUDE, "status.value"),
        "status.value",
        {
          messageId: "valuePlaceholder",
          data: {
            value: "status.value",
            subject: stringSubject("kind"),
            members: listed(["notStarted", "inProgress", "completed", "workAccount"]),
          },
        },
      ],
      [
        "any other value when the wording lists them all",
        stringPage(STATUSES, "archived"),
        "archived",
        {
          messageId: "notDocumented",
          data: {
            value: "archived",
            subject: stringSubject("kind"),
            members: listed(["notStarted", "inProgress", "completed", "workAccount"]),
          },
        },
      ],
      [
        "any other value when the values must be one of a list",
        stringPage("Must be one of `dateOnly` or `dateTime`.", "time"),
        "time",
        {
          messageId: "notDocumented",
          data: { value: "time", subject: stringSubject("kind"), members: listed(["dateOnly", "dateTime"]) },
        },
      ],
      // The docs tree: nested objects, the resource's enum behind a String row, derived items.
      [
        "a nested object's enum property, through the docs tree",
        nestedPage("bogus"),
        "bogus",
        {
          messageId: "notDocumented",
          data: {
            value: "bogus",
            subject: enumSubject("widgetMode", "mode"),
            members: listed(["auto", "manual"]),
          },
        },
        inTree,
      ],
      [
        "the resource's enum where the Request body row says only String",
        updatePage("medium"),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["small", "large"]),
          },
        },
        inTree,
      ],
      [
        "an item read as the derived type it names",
        derivedItemsPage("dotted", "solid"),
        "dotted",
        {
          messageId: "notDocumented",
          data: {
            value: "dotted",
            subject: enumSubject("widgetStyle", "style"),
            members: listed(["plain", "striped"]),
          },
        },
        inTree,
      ],
      [
        "a type name for a member of a damaged table (whose members are not type names)",
        derivedItemsPage("plain", "String"),
        "String",
        {
          messageId: "typePlaceholder",
          data: {
            value: "String",
            subject: enumSubject("widgetPattern", "pattern"),
            members: listed(["solid"]),
          },
        },
        inTree,
      ],
      [
        "a case variant of an intact member of a damaged table",
        derivedItemsPage("plain", "Solid"),
        "Solid",
        {
          messageId: "caseOnly",
          data: { value: "Solid", member: "solid", subject: enumSubject("widgetPattern", "pattern") },
        },
        inTree,
      ],
      [
        "a placeholder for a property whose type cell names no type (`alertFeedback enum`)",
        createPage(SIZES, '{ "kind": "kind-value" }', { kindType: "widgetKind enum" }),
        "kind-value",
        {
          messageId: "valuePlaceholder",
          data: {
            value: "kind-value",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(SIZE_MEMBERS),
          },
        },
      ],
      [
        "a value outside a translated table whose description gives back the member it lost",
        damagedTablePage(KINDS, "medium"),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["small", "large"]),
          },
        },
      ],
      [
        "a value outside a translated table whose description gives back the member it lost, spelled otherwise",
        damagedTablePage(KINDS, "medium", ["Small", "大"]),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["Small", "large"]),
          },
        },
      ],
      [
        // schema-conformance reports the key's case; the value is still the row's to judge.
        "the value of a key in another letter case than its Request body row",
        createPage(SIZES, kindBody("Small"), { rowName: "Kind" }),
        "Small",
        {
          messageId: "caseOnly",
          data: { value: "Small", member: "small", subject: enumSubject("widgetKind", "kind") },
        },
      ],
      // A translated page: its headings and table headers translated, its anchors and code not.
      [
        "a translated page's undocumented value",
        translatedPage("medium"),
        "medium",
        {
          messageId: "notDocumented",
          data: {
            value: "medium",
            subject: enumSubject("widgetKind", "kind"),
            members: listed(["small", "large"]),
          },
        },
      ],
    ] as const
  ).map(([name, code, value, finding, path]) => ({
    name,
    code,
    ...(path ? { path } : {}),
    errors: [at(code, value, finding as Omit<Expected, "line" | "column" | "endLine" | "endColumn">)],
  })),
});

describe("enum-value-documented on a translated page", () => {
  it.each(["large", "medium", "Large", "lagre", "String"])(
    "%j: the same findings as the English page",
    (value) => {
      const strip = (findings: ReturnType<typeof ruleFindings>) =>
        findings.map((f) => ({ messageId: f.messageId, data: f.data }));
      expect(strip(ruleFindings(RULE, translatedPage(value)))).toEqual(
        strip(ruleFindings(RULE, englishOfTranslated(value))),
      );
    },
  );
});

describe("items", () => {
  it("each item of an array value is judged at its own string", () => {
    const code = enumPage("x");
    const array = code.replace('{ "kind": "x" }', '{ "kind": ["small", "Boolean", "tiny"] }');
    expect(ruleFindings(RULE, array).map((f) => [f.messageId, f.data?.value, f.column])).toEqual([
      ["typePlaceholder", "Boolean", 21],
      ["notDocumented", "tiny", 32],
    ]);
  });

  it('items of a collection response ("value" array)', () => {
    expect(ruleFindings(RULE, listPage("Large", "String")).map((f) => [f.messageId, f.line])).toEqual([
      ["caseOnly", 21],
      ["typePlaceholder", 22],
    ]);
  });
});

describe("type placeholders", () => {
  it.each([
    "String",
    "Boolean",
    "DateTimeOffset",
    "Edm.String",
    "String (identifier)",
    "Guid",
    "Int32",
    "Int64",
    "Edm.Int16",
  ])("%s is a type placeholder", (value) => {
    expect(isTypePlaceholder(value)).toBe(true);
  });
  it.each(["small", "unknownFutureValue", "stringValue", ""])("%j is not a type placeholder", (value) => {
    expect(isTypePlaceholder(value)).toBe(false);
  });
});

// The service's CSDL where the docs are silent (test/metadata/service-docs.ts describes the tree).
const service = serviceDocsTree("gdl-enum-service-");
const servicePath = join(service.root, "api", "item-get.md");
/** An `item` response whose body is `body` (line 10). */
const itemResponse = (body: string) => serviceResponse("item", body);

runRuleTests(RULE, {
  valid: [
    {
      name: "with the CSDL: members of enums the docs define nowhere, a flags enum's combination",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "status": "retired", "colors": "red,blue", "kind": "fancy" }'),
    },
    {
      name: "with the CSDL: a member the service has and the docs' table lacks (the table is fixed)",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "mode": "scheduled" }'),
    },
    {
      name: "without the CSDL: an enum the docs define nowhere has no values to hold to",
      path: servicePath,
      code: itemResponse('{ "status": "activ", "kind": "Plain" }'),
    },
  ],
  invalid: [
    {
      name: "with the CSDL: a near miss of a member of an enum the docs define nowhere",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "status": "activ" }'),
      errors: [
        at(itemResponse('{ "status": "activ" }'), "activ", {
          messageId: "nearMiss",
          data: { value: "activ", member: "active", subject: enumSubject("itemStatus", "status") },
        }),
      ],
    },
    {
      name: "with the CSDL: a flags value with a part the service's enum lacks",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "colors": "red,green" }'),
      errors: [
        at(itemResponse('{ "colors": "red,green" }'), "red,green", {
          messageId: "notDocumented",
          data: {
            value: "green",
            subject: enumSubject("colorSet", "colors"),
            members: listed(["red", "blue"]),
          },
        }),
      ],
    },
    {
      name: "with the CSDL: a property the docs do not mention takes the service's enum",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "kind": "Plain" }'),
      errors: [
        at(itemResponse('{ "kind": "Plain" }'), "Plain", {
          messageId: "caseOnly",
          data: { value: "Plain", member: "plain", subject: enumSubject("itemKind", "kind") },
        }),
      ],
    },
    {
      name: "without the CSDL: the docs' table holds",
      path: servicePath,
      code: itemResponse('{ "mode": "scheduled" }'),
      errors: [
        at(itemResponse('{ "mode": "scheduled" }'), "scheduled", {
          messageId: "notDocumented",
          data: {
            value: "scheduled",
            subject: enumSubject("itemMode", "mode"),
            members: listed(["manual", "automatic"]),
          },
        }),
      ],
    },
    {
      name: "with the CSDL: a value neither the docs' table nor the service has",
      path: servicePath,
      metadata: service.metadata,
      code: itemResponse('{ "mode": "weekly" }'),
      errors: [
        at(itemResponse('{ "mode": "weekly" }'), "weekly", {
          messageId: "notDocumented",
          data: {
            value: "weekly",
            subject: enumSubject("itemMode", "mode"),
            members: listed(["manual", "automatic"]),
          },
        }),
      ],
    },
  ],
});

expectEveryMessageIdTested(enumValueDocumented);
