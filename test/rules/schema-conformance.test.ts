import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRequired } from "../../src/docset/schema-walk.js";
import { documentedTypeRef } from "../../src/parse/type-ref.js";
import { schemaConformance } from "../../rules/schema-conformance.js";
import { expectEveryMessageIdTested, md, runTreeRuleTests, tempDocsTree } from "../helpers.js";
import { serviceDocsTree, serviceResponse } from "../metadata/service-docs.js";

/** The pages of the widget type and its base type, as the messages name them. */
const WIDGET_PAGES = "resources/widget.md, resources/entity.md";
/** `key` is not a property of `type` (looked up in `pages`), and no documented name is near it. */
const unknownProperty = (key: string, type: string, pages = WIDGET_PAGES) =>
  ({ messageId: "unknownProperty", data: { key, type, pages } }) as const;
/**
 * `key` of `type` is documented as `documented`, so it should be `expected` (as the message words
 * it), but the example `given` something else.
 */
const wrongType = (key: string, type: string, documented: string, expected: string, given: string) =>
  ({ messageId: "wrongType", data: { key, type, documented, expected, given } }) as const;

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

/**
 * A page that contradicts itself: the table calls `state` a String, its JSON representation (line
 * 20) shows `true`. `content` shows an object that only names its type, a placeholder.
 */
function switchPage(): string {
  return resourcePage(
    "switch",
    ["|state|String|Whether it is on.|", "|content|Stream|The content.|"],
    "",
    '{ "state": true, "content": { "@odata.type": "Edm.Stream" } }',
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
  "resources/switch.md": switchPage(),
  // A translated page that lost a property's name (the JSON representation cannot tell it).
  "resources/consentrequest.md": resourcePage(
    "consentRequest",
    ["|id|String|标识符。|", "|审批|[approval](approval.md)|审批决策。|"],
    ', "baseType": "microsoft.graph.entity"',
  ),
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

/** An action's request (no resource type), whose Request body table types its parameters; the body is on line 15. */
function actionRequest(body: string[]): string {
  return md(
    "# Get member groups",
    "",
    "Namespace: microsoft.graph",
    "",
    '## <a name="request-body"></a>请求正文',
    "",
    "| 参数 | 类型 | 说明 |",
    "|:---|:---|:---|",
    "|securityEnabledOnly|Boolean|只返回安全组。|",
    "|limit|Int32 collection|上限。|",
    "",
    "```http",
    "POST https://graph.microsoft.com/v1.0/me/getMemberGroups",
    "",
    ...body,
    "```",
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
      name: "an example that agrees with its type's self-contradicting page (the page is where the fix is)",
      path,
      code: response(['{ "state": true }'], '"@odata.type": "microsoft.graph.switch"'),
    },
    {
      name: "a JSON representation whose values are type placeholders",
      path: join(root, "resources", "gadget.md"),
      code: resourcePage(
        "gadget",
        ["|color|String|The color.|", "|content|Stream|The content.|"],
        "",
        '{ "color": "String", "content": { "@odata.type": "Edm.Stream" } }',
      ),
    },
    {
      name: "a key that may be a property whose name the type's page lost to translation (no-translated-name reports the page)",
      path,
      code: response(
        ['{ "id": "x", "approval": { "id": "y" } }'],
        '"@odata.type": "microsoft.graph.consentRequest"',
      ),
    },
    {
      name: "a body none of whose keys the table lists (the table describes something else)",
      path,
      code: request(['{ "subject": "a", "items": [{ "identitySource": "x" }] }']),
    },
  ],
  invalid: [
    {
      name: "a lost name stands for one key whose value fits its row's type; the other unknown key is reported",
      path,
      code: response(
        ['{ "id": "x", "approval": { "id": "y" }, "extra": 1 }'],
        '"@odata.type": "microsoft.graph.consentRequest"',
      ),
      errors: [
        {
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 48,
          ...unknownProperty("extra", "consentRequest", "resources/consentrequest.md, resources/entity.md"),
        },
      ],
    },
    {
      name: "a JSON representation value the page's own table rejects, reported once on that page",
      path: join(root, "resources", "switch.md"),
      code: switchPage(),
      errors: [
        {
          line: 20,
          column: 12,
          endLine: 20,
          endColumn: 16,
          messageId: "representationContradicts",
          data: { key: "state", documented: "String", expected: "a string", given: "true" },
        },
      ],
    },
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
          data: { key: "speed", type: "widgetSettings", page: "resources/widgetsettings.md" },
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
    {
      // One cause, one finding: the properties one type lacks, at the first, the others related.
      name: "several properties a type does not document, in one finding",
      path,
      code: response(['{ "colour": "red", "name": "a", "shade": 1, "hue": 2 }']),
      errors: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 11,
          messageId: "unknownProperties",
          data: { keys: '"colour", "shade" and "hue"', type: "widget", pages: WIDGET_PAGES },
          related: [
            {
              messageId: "alsoUnknown",
              data: { key: "shade" },
              line: 10,
              column: 33,
              endLine: 10,
              endColumn: 40,
            },
            {
              messageId: "alsoUnknown",
              data: { key: "hue" },
              line: 10,
              column: 45,
              endLine: 10,
              endColumn: 50,
            },
          ],
        },
      ],
    },
    {
      name: "several properties of a type whose page names no base type",
      path,
      code: response(
        ['{ "color": "red", "size": 1, "weight": 2 }'],
        '"@odata.type": "microsoft.graph.gadget"',
      ),
      errors: [
        {
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 25,
          messageId: "unknownPropertiesNoBase",
          data: { keys: '"size" and "weight"', type: "gadget", page: "resources/gadget.md" },
        },
      ],
    },
    {
      // An action's parameters have no resource type: the Request body table types them.
      name: "a request body value of another type than its Request body table says",
      path,
      code: actionRequest(['{ "securityEnabledOnly": "true", "limit": [1, "2"] }']),
      errors: [
        {
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 24,
          messageId: "wrongTableType",
          data: {
            key: "securityEnabledOnly",
            documented: "Boolean",
            expected: "true or false",
            given: 'the string "true"',
          },
        },
        {
          line: 15,
          column: 47,
          endLine: 15,
          endColumn: 50,
          messageId: "wrongTableItemType",
          data: {
            key: "limit",
            documented: "Int32 collection",
            item: 1,
            expected: "an integer",
            given: 'the string "2"',
          },
        },
      ],
    },
  ],
});

// The service's CSDL where the docs are silent (test/metadata/service-docs.ts describes the tree).
const service = serviceDocsTree("gdl-schema-service-");
const servicePath = join(service.root, "api", "item-get.md");
const ITEM_PAGES = "resources/item.md, resources/thing.md, resources/entity.md";
const keyAt = (column: number, key: string) => ({
  line: 10,
  column,
  endLine: 10,
  endColumn: column + key.length + 2,
});

runTreeRuleTests(schemaConformance, {
  valid: [
    {
      name: "with the CSDL: a property of the service's base type, a represented and an undocumented property",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "id": "x", "label": 3, "count": 2, "kind": "plain" }'),
    },
    {
      name: "with the CSDL: a value the service's type allows where the table disagrees (the table is fixed)",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "size": 5 }'),
    },
    {
      name: "without the CSDL: what the docs do not type is not checked",
      path: servicePath,
      code: serviceResponse("item", '{ "count": "five" }'),
    },
  ],
  invalid: [
    {
      name: "with the CSDL: a page that names no base type inherits the service's, documented on its page",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "label": "x" }'),
      errors: [
        { ...keyAt(3, "label"), ...wrongType("label", "item", "Int32", "an integer", 'the string "x"') },
      ],
    },
    {
      name: "without the CSDL: the same key is not documented, and the page names no base type",
      path: servicePath,
      code: serviceResponse("item", '{ "label": "x" }'),
      errors: [
        {
          ...keyAt(3, "label"),
          messageId: "unknownPropertyNoBase",
          data: { key: "label", type: "item", page: "resources/item.md" },
        },
      ],
    },
    {
      name: "with the CSDL: a base type the docs have no page for has the service's properties",
      path: join(service.root, "api", "gizmo-get.md"),
      metadata: service.metadata,
      code: serviceResponse("gizmo", '{ "title": "t", "secret": "yes", "bogus": 1 }'),
      errors: [
        {
          ...keyAt(17, "secret"),
          ...wrongType("secret", "gizmo", "Edm.Boolean", "true or false", 'the string "yes"'),
        },
        {
          ...keyAt(34, "bogus"),
          ...unknownProperty("bogus", "gizmo", "resources/gizmo.md, metadata.xml, resources/entity.md"),
        },
      ],
    },
    {
      name: "with the CSDL: a property only the JSON representation shows has the service's type",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "count": "five" }'),
      errors: [
        {
          ...keyAt(3, "count"),
          ...wrongType("count", "item", "Edm.Int32", "an integer", 'the string "five"'),
        },
      ],
    },
    {
      name: "with the CSDL: a property the docs do not mention is of the service's enum",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "kind": {} }'),
      errors: [
        {
          ...keyAt(3, "kind"),
          messageId: "notEnum",
          data: { key: "kind", type: "item", documented: "microsoft.graph.itemKind", given: "an object" },
        },
      ],
    },
    {
      name: "without the CSDL: the table's type holds",
      path: servicePath,
      code: serviceResponse("item", '{ "size": 5 }'),
      errors: [{ ...keyAt(3, "size"), ...wrongType("size", "item", "String", "a string", "the number 5") }],
    },
    {
      name: "with the CSDL: a value neither the table's type nor the service's allows",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "size": true }'),
      errors: [{ ...keyAt(3, "size"), ...wrongType("size", "item", "String", "a string", "true") }],
    },
    {
      name: "with the CSDL: the service's OpenType does not open a documented type",
      path: servicePath,
      metadata: service.metadata,
      code: serviceResponse("item", '{ "bogus": 1 }'),
      errors: [{ ...keyAt(3, "bogus"), ...unknownProperty("bogus", "item", ITEM_PAGES) }],
    },
  ],
});

expectEveryMessageIdTested(schemaConformance);

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

  it("does not know whether a collection is meant when a note in another script follows the name", () => {
    // Machine translation of `Collection([driveRecipient][])`: the note may say "collection".
    expect(documentedTypeRef("[driveRecipient (集合][])")).toEqual({
      name: "driveRecipient",
      primitive: false,
    });
    expect(documentedTypeRef("[user](user.md) (deprecated)")).toMatchObject({ collection: false });
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
