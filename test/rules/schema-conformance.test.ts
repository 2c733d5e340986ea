import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRequired } from "../../src/docset/json-schema.js";
import { documentedTypeRef } from "../../src/parse/type-ref.js";
import { schemaConformance } from "../../rules/schema-conformance.js";
import { md, runTreeRuleTests, tempDocsTree } from "../helpers.js";

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
      errors: [
        {
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 24,
          message: '"colour" is not a documented property of widget.',
        },
      ],
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
          message: '"Name" is not a documented property of widget; did you mean "name"?',
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
          message:
            '"enabled" of widget is documented as Boolean, so it should be true or false, but the example gives the string "true".',
        },
        {
          line: 10,
          column: 22,
          endLine: 10,
          endColumn: 28,
          message:
            '"size" of widget is documented as Int32, so it should be an integer, but the example gives the number 1.5.',
        },
        {
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 41,
          message:
            '"tags" of widget is documented as String collection, so it should be an array, but the example gives the string "a".',
        },
        {
          line: 10,
          column: 48,
          endLine: 10,
          endColumn: 55,
          message:
            '"ratio" of widget is documented as Double, so it should be a number, but the example gives the string "big".',
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
          message:
            'Item 1 of "tags" of widget is documented as String collection, so it should be a string, but the example gives the number 2.',
        },
        {
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 30,
          message:
            '"enabled" of widget is documented as Boolean, so it should be true or false, but the example gives the type name "Boolean" instead of a value.',
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
          message: '"speed" is not a documented property of widgetSettings, whose page names no base type.',
        },
        {
          line: 10,
          column: 56,
          endLine: 10,
          endColumn: 63,
          message:
            '"label" of widgetPart is documented as String, so it should be a string, but the example gives true.',
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
          message:
            '"settings" of widget is documented as widgetSettings (a complex type), but the example gives the type name "String" instead of a value.',
        },
        {
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 31,
          message: '"kind" of widget is documented as widgetKind (an enum), but the example gives an object.',
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
          message:
            '"value" is not a documented property of widget: a single widget is returned at the top level, not wrapped in "value".',
        },
        {
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 35,
          message: '"colour" is not a documented property of widget.',
        },
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
          message: 'The request body omits "identitySource", which the Request body table marks Required.',
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
          message:
            '"IdentitySource" differs in case from "identitySource", which the Request body table marks Required.',
        },
      ],
    },
    {
      name: "a create request checked against the type its 201 response shows",
      path,
      code: request(['{ "identitySource": "x", "colour": "red" }'], createdWidget("201 Created")),
      errors: [
        {
          line: 18,
          column: 26,
          endLine: 18,
          endColumn: 34,
          message: '"colour" is not a documented property of widget.',
        },
      ],
    },
  ],
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
