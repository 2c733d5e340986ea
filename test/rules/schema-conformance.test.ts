import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRequired } from "../../src/docset/schema-walk.js";
import { documentedTypeRef } from "../../src/parse/type-ref.js";
import { schemaConformance } from "../../rules/schema-conformance.js";
import { expectEveryMessageIdTested, md, runTreeRuleTests, tempDocsTree } from "../helpers.js";

/** `key` is not a property of `type`, whose page names a base type, and no documented name is near it. */
const unknownProperty = (key: string, type: string) =>
  ({ messageId: "unknownProperty", data: { key, type, near: "" } }) as const;
/**
 * `key` of `type` is documented as `documented`, so it should be `expected` (as the message words
 * it), but the example `given` something else.
 */
const wrongType = (key: string, type: string, documented: string, expected: string, given: string) =>
  ({ messageId: "wrongType", data: { key, type, documented, item: "", expected, given } }) as const;

/** A resource page: title, namespace, property rows, and its `resource` annotation's extra fields. */
function resourcePage(name: string, rows: string[], annotation = "", json = '{ "id": "String" }'): string {
  return md(
    "---",
    `title: "${name} resource type"`,
    "---",
    "",
    `# ${name} resource type`,
    "",
    "Namespace: microsoft.graph",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    ...rows,
    "",
    "## JSON representation",
    "",
    `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}"${annotation} } -->`,
    "```json",
    json,
    "```",
  );
}

const root = tempDocsTree("gdl-schema-", {
  "resources/entity.md": resourcePage("entity", ["|id|String|The identifier.|"]),
  "resources/widget.md": md(
    resourcePage(
      "widget",
      [
        "|name|String|The name.|",
        "|size|Int32|The size.|",
        "|enabled|Boolean|Whether it is on.|",
        "|ratio|Double|The ratio.|",
        "|tags|String collection|Tags.|",
        "|kind|widgetKind|The kind.|",
        "|settings|[widgetSettings](widgetsettings.md)|The settings.|",
        "|parts|[widgetPart](widgetpart.md) collection|The parts.|",
        "|createdDateTime|DateTimeOffset|When it was made.|",
      ],
      ', "baseType": "microsoft.graph.entity"',
    ),
    "### widgetKind values",
    "",
    "|Member|Description|",
    "|:---|:---|",
    "|small|S|",
    "|large|L|",
  ),
  "resources/widgetsettings.md": resourcePage(
    "widgetSettings",
    ["|mode|String|The mode.|", "|level|Int32|The level.|"],
    "",
    '{ "mode": "String" }',
  ),
  "resources/widgetpart.md": resourcePage(
    "widgetPart",
    ["|label|String|The label.|"],
    "",
    '{ "label": "String" }',
  ),
  "resources/fancywidget.md": resourcePage(
    "fancyWidget",
    ["|sparkle|Boolean|Whether it sparkles.|"],
    ', "baseType": "microsoft.graph.widget"',
  ),
  "resources/openwidget.md": resourcePage(
    "openWidget",
    [],
    ', "baseType": "microsoft.graph.widget", "openType": true',
  ),
  "resources/gadget.md": resourcePage("gadget", ["|color|String|The color.|"], "", '{ "color": "String" }'),
});
const path = join(root, "api", "widget-get.md");

/** A response example of `type`; the body starts on line 10. */
function response(body: string[], annotation = '"@odata.type": "microsoft.graph.widget"'): string {
  return md(
    "# Get widget",
    "",
    "Namespace: microsoft.graph",
    "",
    `<!-- { "blockType": "response", ${annotation} } -->`,
    "```http",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "",
    ...body,
    "```",
  );
}

/**
 * A create page whose Request body table marks identitySource Required; the request body starts
 * on line 18, and `after` follows the request (a response).
 */
function request(body: string[], after: string[] = [], annotation = ""): string {
  return md(
    "# Create widget",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Request body",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|identitySource|String|Where the identity comes from. Required.|",
    "|usageLocation|String|Required for users that will be assigned licenses.|",
    "|name|String|The name. Optional.|",
    "",
    `<!-- { "blockType": "request", "name": "create_widget"${annotation} } -->`,
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "Content-Type: application/json",
    "",
    ...body,
    "```",
    ...after,
  );
}

/** A response to a request: `status` and the widget type. */
const createdWidget = (status: string) => [
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
  "```http",
  `HTTP/1.1 ${status}`,
  "```",
];

runTreeRuleTests(schemaConformance, {
  valid: [
    {
      name: "a widget whose values fit their documented types",
      path,
      code: response([
        "{",
        '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets/$entity",',
        '  "id": "String (identifier)",',
        '  "name": "String",',
        '  "size": 3,',
        '  "enabled": null,',
        '  "ratio": "NaN",',
        '  "tags": ["a", "b"],',
        '  "kind": "small",',
        '  "settings": { "mode": "auto", "level": 2 },',
        '  "parts": [{ "label": "x" }],',
        '  "createdDateTime": "2016-01-01T00:00:00Z",',
        '  "settings@odata.context": "x",',
        '  "extension_0123456789abcdef0123456789abcdef_color": "red"',
        "}",
      ]),
    },
    {
      name: "the items of a collection response",
      path,
      code: response(['{ "value": [{ "name": "a" }, { "size": 1 }], "@odata.nextLink": "x" }']),
    },
    {
      name: "a derived type named by @odata.type, with its own properties",
      path,
      code: response(['{ "@odata.type": "#microsoft.graph.fancyWidget", "name": "a", "sparkle": true }']),
    },
    {
      name: "an open type takes any property",
      path,
      code: response(
        ['{ "name": "a", "anything": { "at": "all" } }'],
        '"@odata.type": "microsoft.graph.openWidget"',
      ),
    },
    {
      name: "a type the docs tree does not define is not checked",
      path,
      code: response(['{ "whatever": 1 }'], '"@odata.type": "microsoft.graph.unknownThing"'),
    },
    {
      name: "an action's request: its response's type is not the request body's",
      path,
      code: request(['{ "identitySource": "x", "target": "y" }'], createdWidget("200 OK")),
    },
    {
      name: "Required properties present; a conditional Required may be left out",
      path,
      code: request(['{ "identitySource": "external", "name": "a" }'], createdWidget("201 Created")),
    },
    {
      name: "a request annotated as truncated is not checked for Required properties",
      path,
      code: request(['{ "name": "a" }'], [], ', "truncated": true'),
    },
    {
      name: "a body none of whose keys the table lists (the table describes something else)",
      path,
      code: request(['{ "subject": "a", "items": [{ "identitySource": "x" }] }']),
    },
  ],
  invalid: [
    {
      name: "a property the type does not document",
      path,
      code: response(['{ "name": "a", "colour": "red" }']),
      errors: [{ line: 10, column: 16, endLine: 10, endColumn: 24, ...unknownProperty("colour", "widget") }],
    },
    {
      name: "a property name in other letter case",
      path,
      code: response(['{ "Name": "a" }']),
      errors: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 9,
          messageId: "unknownPropertyNear",
          data: { key: "Name", type: "widget", near: "name" },
        },
      ],
    },
    {
      name: "values of the wrong JSON type",
      path,
      code: response(['{ "enabled": "true", "size": 1.5, "tags": "a", "ratio": "big" }']),
      errors: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 12,
          ...wrongType("enabled", "widget", "Boolean", "true or false", 'the string "true"'),
        },
        {
          line: 10,
          column: 22,
          endLine: 10,
          endColumn: 28,
          ...wrongType("size", "widget", "Int32", "an integer", "the number 1.5"),
        },
        {
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 41,
          ...wrongType("tags", "widget", "String collection", "an array", 'the string "a"'),
        },
        {
          line: 10,
          column: 48,
          endLine: 10,
          endColumn: 55,
          ...wrongType("ratio", "widget", "Double", "a number", 'the string "big"'),
        },
      ],
    },
    {
      name: "an item of a collection, and a type name written where a value belongs",
      path,
      code: response(['{ "tags": ["a", 2], "enabled": "Boolean" }']),
      errors: [
        {
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 18,
          messageId: "wrongItemType",
          data: {
            key: "tags",
            type: "widget",
            documented: "String collection",
            item: 1,
            expected: "a string",
            given: "the number 2",
          },
        },
        {
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 30,
          ...wrongType(
            "enabled",
            "widget",
            "Boolean",
            "true or false",
            'the type name "Boolean" instead of a value',
          ),
        },
      ],
    },
    {
      name: "nested objects are checked against their own types",
      path,
      code: response(['{ "settings": { "mode": "a", "speed": 1 }, "parts": [{ "label": true }] }']),
      errors: [
        {
          line: 10,
          column: 30,
          endLine: 10,
          endColumn: 37,
          messageId: "unknownPropertyNoBase",
          data: { key: "speed", type: "widgetSettings", near: "" },
        },
        {
          line: 10,
          column: 56,
          endLine: 10,
          endColumn: 63,
          ...wrongType("label", "widgetPart", "String", "a string", "true"),
        },
      ],
    },
    {
      name: "a complex type given a string, an enum given an object",
      path,
      code: response(['{ "settings": "String", "kind": {} }']),
      errors: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 13,
          messageId: "notComplex",
          data: {
            key: "settings",
            type: "widget",
            documented: "widgetSettings",
            given: 'the type name "String" instead of a value',
          },
        },
        {
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 31,
          messageId: "notEnum",
          data: { key: "kind", type: "widget", documented: "widgetKind", given: "an object" },
        },
      ],
    },
    {
      name: "one resource wrapped in value",
      path,
      code: response(['{ "value": { "name": "a", "colour": "red" } }']),
      errors: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 10,
          messageId: "wrappedInValue",
          data: { type: "widget" },
        },
        { line: 10, column: 27, endLine: 10, endColumn: 35, ...unknownProperty("colour", "widget") },
      ],
    },
    {
      name: "a request body that omits a property its Request body table marks Required",
      path,
      code: request(["{", '  "name": "a"', "}"]),
      errors: [
        {
          line: 18,
          column: 1,
          endLine: 18,
          endColumn: 2,
          messageId: "requiredMissing",
          data: { required: "identitySource" },
        },
      ],
    },
    {
      name: "a Required property written in other letter case",
      path,
      code: request(['{ "IdentitySource": "x" }']),
      errors: [
        {
          line: 18,
          column: 3,
          endLine: 18,
          endColumn: 19,
          messageId: "requiredCase",
          data: { key: "IdentitySource", required: "identitySource" },
        },
      ],
    },
    {
      name: "a create request checked against the type its 201 response shows",
      path,
      code: request(['{ "identitySource": "x", "colour": "red" }'], createdWidget("201 Created")),
      errors: [{ line: 18, column: 26, endLine: 18, endColumn: 34, ...unknownProperty("colour", "widget") }],
    },
  ],
});

expectEveryMessageIdTested(schemaConformance, {
  // Every unknown property finding gives the near name, empty when there is none; every wrong type
  // finding the item index, empty for the property itself.
  dataBeyondPlaceholders: { unknownProperty: ["near"], unknownPropertyNoBase: ["near"], wrongType: ["item"] },
});

describe("documentedTypeRef", () => {
  it("reads the type texts of property tables", () => {
    expect(documentedTypeRef("[identitySet][]")).toMatchObject({ name: "identitySet", collection: false });
    expect(documentedTypeRef("Collection([columnDefinition][])")).toMatchObject({
      name: "columnDefinition",
      collection: true,
    });
    expect(documentedTypeRef("string (url)")).toMatchObject({ name: "string", primitive: true });
    expect(documentedTypeRef("appHostedMediaConfig or serviceHostedMediaConfig")).toBeUndefined();
  });
});

describe("isRequired", () => {
  it("takes Required only without a condition", () => {
    expect(isRequired("The name. Required.")).toBe(true);
    expect(isRequired("Required")).toBe(true);
    expect(isRequired("Required; the id.")).toBe(true);
    expect(isRequired("Required for users that will be assigned licenses.")).toBe(false);
    expect(isRequired("Not required.")).toBe(false);
    expect(isRequired("Optional.")).toBe(false);
  });
});
