import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { metadataProperties } from "../../rules/metadata-properties.js";
import { MetadataIndex, readCsdl } from "../../src/metadata/index.js";
import { csdlDocument } from "../metadata/csdl.js";
import {
  type ExpectedError,
  expectEveryMessageIdTested,
  md,
  ruleFindings,
  runRuleTests,
  tempDocsTree,
} from "../helpers.js";

const RULE = "metadata-properties";
type Expected = ExpectedError<keyof typeof metadataProperties.meta.messages>;

/**
 * The service: `widget` derives from `entity` (by the `graph` alias), `fancyWidget` from `widget`;
 * `gadget` is open; `externalItem` is in `microsoft.graph.externalConnectors`.
 */
const SERVICE = new MetadataIndex(
  readCsdl(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EntityType Name="entity" Abstract="true">',
          '  <Key><PropertyRef Name="id" /></Key>',
          '  <Property Name="id" Type="Edm.String" Nullable="false" />',
          "</EntityType>",
          '<EntityType Name="widget" BaseType="graph.entity">',
          '  <Property Name="displayName" Type="Edm.String" />',
          '  <Property Name="size" Type="Edm.Int32" />',
          '  <Property Name="tags" Type="Collection(Edm.String)" />',
          '  <Property Name="kind" Type="graph.widgetKind" />',
          '  <Property Name="owner" Type="graph.identitySet" />',
          '  <Property Name="sharePointIds" Type="graph.sharepointIds" />',
          '  <NavigationProperty Name="parts" Type="Collection(graph.part)" ContainsTarget="true" />',
          '  <NavigationProperty Name="maker" Type="graph.part" />',
          "</EntityType>",
          '<EntityType Name="fancyWidget" BaseType="graph.widget">',
          '  <Property Name="sparkle" Type="Edm.Boolean" />',
          "</EntityType>",
          '<EntityType Name="gadget" BaseType="graph.entity" OpenType="true">',
          '  <Property Name="label" Type="Edm.String" />',
          '  <Property Name="colors" Type="graph.colorSet" />',
          "</EntityType>",
          '<EntityType Name="part" BaseType="graph.entity" />',
          '<ComplexType Name="identitySet"><Property Name="user" Type="graph.identity" /></ComplexType>',
          '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType>',
          '<ComplexType Name="sharepointIds"><Property Name="siteId" Type="Edm.String" /></ComplexType>',
          '<EnumType Name="widgetKind"><Member Name="small" /><Member Name="large" /></EnumType>',
          '<EnumType Name="colorSet" IsFlags="true"><Member Name="red" Value="1" /><Member Name="blue" Value="2" /></EnumType>',
        ],
      },
      {
        namespace: "microsoft.graph.externalConnectors",
        lines: [
          '<EntityType Name="externalItem" BaseType="graph.entity">',
          '  <Property Name="acl" Type="Collection(microsoft.graph.externalConnectors.acl)" />',
          "</EntityType>",
          '<ComplexType Name="acl"><Property Name="value" Type="Edm.String" /></ComplexType>',
        ],
      },
    ]),
    "test.xml",
  ),
);

const PROPERTY_ROWS = [
  "|displayName|String|The name.|",
  "|size|Int32|The size.|",
  "|tags|String collection|The tags.|",
  "|kind|[widgetKind](#widgetkind-values)|The kind.|",
  "|owner|[identitySet](identityset.md)|The owner.|",
  "|sharePointIds|[sharepointIds](sharepointids.md)|The ids.|",
];
const RELATIONSHIP_ROWS = [
  "|parts|[part](part.md) collection|The parts.|",
  "|maker|[part](part.md)|The maker.|",
];
const JSON_KEYS = ['"displayName": "String"', '"kind": "small"'];

interface PageParts {
  name?: string;
  namespace?: string;
  lead?: string[];
  properties?: string[];
  relationships?: string[] | undefined;
  json?: string[];
}

/** A resource page of the widget type (or `name`), in English. */
function resourcePage(parts: PageParts = {}): string {
  const name = parts.name ?? "widget";
  const namespace = parts.namespace ?? "microsoft.graph";
  const relationships = "relationships" in parts ? parts.relationships : RELATIONSHIP_ROWS;
  return md(
    `# ${name} resource type`,
    "",
    `Namespace: ${namespace}`,
    "",
    ...(parts.lead ?? ["Inherits from [entity](entity.md)."]),
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    ...(parts.properties ?? PROPERTY_ROWS),
    ...(relationships
      ? ["", "## Relationships", "", "|Relationship|Type|Description|", "|:---|:---|:---|", ...relationships]
      : []),
    "",
    "## JSON representation",
    "",
    `<!-- { "blockType": "resource", "@odata.type": "${namespace}.${name}" } -->`,
    "```json",
    "{",
    (parts.json ?? JSON_KEYS).map((k) => `  ${k}`).join(",\n"),
    "}",
    "```",
  );
}

/** The same page as the zh-CN docs translate it: headings, headers, descriptions; anchors and names kept. */
function translatedPage(parts: PageParts = {}): string {
  return resourcePage(parts)
    .replace(/^# (\w+) resource type$/m, '# <a name="$1-resource-type"></a>$1 资源类型')
    .replace("Namespace:", "命名空间：")
    .replace("Inherits from", "继承自")
    .replace("## Properties", '## <a name="properties"></a>属性')
    .replace("## Relationships", '## <a name="relationships"></a>关系')
    .replace("## JSON representation", '## <a name="json-representation"></a>JSON 表示形式')
    .replace("|Property|Type|Description|", "|属性|类型|说明|")
    .replace("|Relationship|Type|Description|", "|关系|类型|说明|")
    .replace(/\|The [a-z ]+\.\|$/gm, "|说明。|");
}

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

/** An expected finding at the `nth` occurrence of `needle`. */
function at(
  code: string,
  needle: string,
  finding: Omit<Expected, "line" | "column" | "endLine" | "endColumn">,
  nth = 0,
): Expected {
  return { ...place(code, needle, nth), ...finding };
}

const WIDGET = "microsoft.graph.widget";

// Pages of the invalid cases, each with what it gets wrong.
const missingSome = resourcePage({ properties: PROPERTY_ROWS.filter((r) => !/^\|(size|tags)\|/.test(r)) });
const missingNavigation = resourcePage({ relationships: [RELATIONSHIP_ROWS[0]!] });
const noRelationshipsTable = resourcePage({ relationships: undefined });
const unknownRow = resourcePage({ properties: [...PROPERTY_ROWS, "|colour|String|The colour.|"] });
const misspelt = resourcePage({
  properties: PROPERTY_ROWS.map((r) => r.replace("|displayName|", "|dispalyName|")),
});
const cased = resourcePage({
  properties: PROPERTY_ROWS.map((r) => r.replace("|displayName|", "|DisplayName|")),
});
const wrongTypes = resourcePage({
  properties: PROPERTY_ROWS.map((r) =>
    r
      .replace("|size|Int32|", "|size|String|")
      .replace("|kind|[widgetKind](#widgetkind-values)|", "|kind|String|")
      .replace("|tags|String collection|", "|tags|String|")
      .replace("|owner|[identitySet](identityset.md)|", "|owner|[identity](identity.md)|"),
  ),
});
const fancyWithWrongSize = resourcePage({
  name: "fancyWidget",
  lead: ["Inherits from [widget](widget.md)."],
  properties: ["|sparkle|Boolean|Whether it sparkles.|", "|size|Boolean|The size.|"],
  relationships: undefined,
  json: ['"sparkle": true'],
});
const noBase = resourcePage({ lead: ["A widget: a thing with parts."] });
/** The page with `"baseType": base` in its resource annotation. */
const withStatedBase = (code: string, type: string, base: string) =>
  code.replace(`"@odata.type": "${type}"`, `"@odata.type": "${type}", "baseType": "${base}"`);
const otherBase = withStatedBase(
  resourcePage({ lead: ["Inherits from [part](part.md)."] }),
  WIDGET,
  "microsoft.graph.part",
);
const baseOfNone = withStatedBase(
  resourcePage({
    name: "identitySet",
    properties: ["|user|[identity](identity.md)|The user.|"],
    relationships: undefined,
    json: ['"user": {"@odata.type": "microsoft.graph.identity"}'],
  }),
  "microsoft.graph.identitySet",
  "microsoft.graph.entity",
);
const unknownKey = resourcePage({ json: [...JSON_KEYS, '"colour": "String"'] });
const casedKey = resourcePage({ json: [...JSON_KEYS, '"DisplayNAME": "String"'] });
const externalItem = (type: string) =>
  resourcePage({
    name: "externalItem",
    namespace: "microsoft.graph.externalConnectors",
    properties: [`|acl|${type}|Who may see the item.|`],
    relationships: undefined,
    json: ['"acl": [{ "@odata.type": "microsoft.graph.externalConnectors.acl" }]'],
  });
const externalItemSingle = externalItem(
  "[microsoft.graph.externalConnectors.acl](externalconnectors-acl.md)",
);
const openGadget = (rows: string[]) =>
  resourcePage({
    name: "gadget",
    properties: rows,
    relationships: undefined,
    json: ['"label": "String"', '"shine": 1'],
  });

runRuleTests(RULE, {
  valid: [
    { name: "a page that agrees with the service", code: resourcePage(), metadata: SERVICE },
    {
      name: "without metadata, nothing is compared",
      code: resourcePage({ properties: ["|colour|Int32|The colour.|"] }),
    },
    {
      name: "a page whose type the service does not define",
      code: resourcePage({ name: "sprocket", properties: ["|colour|Int32|The colour.|"] }),
      metadata: SERVICE,
    },
    {
      name: "a derived type documents its own properties; those it inherits are documented on its base's page",
      code: resourcePage({
        name: "fancyWidget",
        lead: ["Inherits from [widget](widget.md)."],
        properties: ["|sparkle|Boolean|Whether it sparkles.|", "|id|String|Inherited from entity.|"],
        relationships: undefined,
        json: ['"sparkle": true', '"displayName": "String"'],
      }),
      metadata: SERVICE,
    },
    {
      name: "types as the docs write them: Edm prefixes, Int64 for Int32, links, a base type's name, Json",
      code: resourcePage({
        properties: [
          "|displayName|Edm.String|The name.|",
          "|size|Int64|The size.|",
          "|tags|Collection(Edm.String)|The tags.|",
          "|kind|microsoft.graph.widgetKind|The kind.|",
          "|owner|Json|The owner.|",
          "|sharePointIds|[sharepointIds][]|The ids.|",
        ],
      }),
      metadata: SERVICE,
    },
    {
      name: "a property typed by its link alone (a translated link text) is not compared by name",
      code: resourcePage({
        properties: PROPERTY_ROWS.map((r) =>
          r.replace("[identitySet](identityset.md)", "[身份集](identity.md)"),
        ),
      }),
      metadata: SERVICE,
    },
    {
      name: "a table of a property's values in the Properties section is not a table of properties",
      code: resourcePage({
        properties: [
          ...PROPERTY_ROWS,
          "",
          "| kind value | Meaning | Description |",
          "|:--|:--|:--|",
          "|small|A small one|Fits in a hand.|",
        ],
      }),
      metadata: SERVICE,
    },
    {
      name: "an open type's properties it does not declare, and a flags enum written as a collection",
      code: openGadget([
        "|label|String|The label.|",
        "|colors|colorSet collection|The colors.|",
        "|shine|Int32|How much it shines.|",
      ]),
      metadata: SERVICE,
    },
    {
      name: "a namespace's type and its collection: microsoft.graph.externalConnectors",
      code: externalItem("[microsoft.graph.externalConnectors.acl](externalconnectors-acl.md) collection"),
      metadata: SERVICE,
    },
    { name: "a translated page that agrees with the service", code: translatedPage(), metadata: SERVICE },
    {
      name: "a property the JSON representation shows is not asked of the table (translation may have taken its row)",
      code: resourcePage({
        properties: PROPERTY_ROWS.filter((r) => !r.startsWith("|size|")),
        json: [...JSON_KEYS, '"size": 1024'],
      }),
      metadata: SERVICE,
    },
    {
      name: "properties documented in a table under a heading of their own, and rows hidden in a comment",
      code:
        resourcePage({
          properties: PROPERTY_ROWS.filter((r) => !/^\|(size|tags)\|/.test(r)),
          relationships: ["<!--", ...RELATIONSHIP_ROWS, "-->"],
        }) +
        md(
          "",
          "## Measurements",
          "",
          "|Property|Type|Description|",
          "|:--|:--|:--|",
          "|size|Int32|The size.|",
          "|tags|String collection|The tags.|",
        ),
      metadata: SERVICE,
    },
    {
      name: "a base type named in the resource annotation alone",
      code: resourcePage({ lead: ["A widget."] }).replace(
        '"@odata.type": "microsoft.graph.widget"',
        '"@odata.type": "microsoft.graph.widget", "baseType": "microsoft.graph.entity"',
      ),
      metadata: SERVICE,
    },
    {
      name: "a base type the page may state in words the model does not read: it links to the base's page",
      code: resourcePage({ lead: ["This type extends the base class [entity](../resources/entity.md)."] }),
      metadata: SERVICE,
    },
    {
      name: "no base type named, but the page documents what the type inherits (`id`): nothing is lost",
      code: resourcePage({ lead: ["A widget."], properties: [...PROPERTY_ROWS, "|id|String|The id.|"] }),
      metadata: SERVICE,
    },
    {
      name: "a base type written as a word (a link with no target) is not reported as missing",
      code: resourcePage({ lead: ["Derived from [entity]."] }),
      metadata: SERVICE,
    },
    {
      name: "a page whose annotation names its type by `@type` (read by its English title only): no base asked",
      code: resourcePage({ lead: ["A widget."] }).replace(
        '"@odata.type": "microsoft.graph.widget"',
        '"@type": "microsoft.graph.widget"',
      ),
      metadata: SERVICE,
    },
    {
      name: "a base type further up the service's chain (entity for fancyWidget) is not a difference",
      code: resourcePage({
        name: "fancyWidget",
        lead: ["Inherits from [entity](entity.md)."],
        properties: ["|sparkle|Boolean|Whether it sparkles.|"],
        relationships: undefined,
        json: ['"sparkle": true'],
      }).replace(
        '"@odata.type": "microsoft.graph.fancyWidget"',
        '"@odata.type": "microsoft.graph.fancyWidget", "baseType": "microsoft.graph.entity"',
      ),
      metadata: SERVICE,
    },
    {
      name: "a base type read from prose only is not compared (a sentence may speak of other types)",
      code: resourcePage({ lead: ["All widget parts inherit from [part](part.md)."] }),
      metadata: SERVICE,
    },
    {
      name: "a type the service derives from nothing needs no base",
      code: resourcePage({
        name: "identitySet",
        lead: ["Who did something."],
        properties: ["|user|[identity](identity.md)|The user.|"],
        relationships: undefined,
        json: ['"user": {"@odata.type": "microsoft.graph.identity"}'],
      }),
      metadata: SERVICE,
    },
  ],
  invalid: [
    {
      name: "a page that names no base type where the service's type has one: once, on the title",
      code: noBase,
      metadata: SERVICE,
      errors: [
        at(noBase, "# widget resource type", {
          messageId: "missingBaseType",
          data: { type: WIDGET, base: "microsoft.graph.entity", baseName: "entity", inherited: '"id"' },
        }),
      ],
    },
    {
      name: "a base type the service's chain does not have: once, on the title",
      code: otherBase,
      metadata: SERVICE,
      errors: [
        at(otherBase, "# widget resource type", {
          messageId: "baseDiffers",
          data: { type: WIDGET, base: "microsoft.graph.entity", documented: "part" },
        }),
      ],
    },
    {
      name: "a base type where the service's type derives from none",
      code: baseOfNone,
      metadata: SERVICE,
      errors: [
        at(baseOfNone, "# identitySet resource type", {
          messageId: "noServiceBase",
          data: { type: "microsoft.graph.identitySet", documented: "entity" },
        }),
      ],
    },
    {
      name: "properties the service has that the table lacks: one finding on the table",
      code: missingSome,
      metadata: SERVICE,
      errors: [
        at(missingSome, "|Property|Type|Description|", {
          messageId: "missingProperties",
          data: { type: WIDGET, properties: '"size", "tags"' },
        }),
      ],
    },
    {
      name: "navigation properties the Relationships table lacks",
      code: missingNavigation,
      metadata: SERVICE,
      errors: [
        at(missingNavigation, "|Relationship|Type|Description|", {
          messageId: "missingRelationships",
          data: { type: WIDGET, properties: '"maker"' },
        }),
      ],
    },
    {
      name: "navigation properties of a page without a Relationships table: on the Properties table",
      code: noRelationshipsTable,
      metadata: SERVICE,
      errors: [
        at(noRelationshipsTable, "|Property|Type|Description|", {
          messageId: "missingRelationships",
          data: { type: WIDGET, properties: '"parts", "maker"' },
        }),
      ],
    },
    {
      name: "a documented property the service does not have",
      code: unknownRow,
      metadata: SERVICE,
      errors: [
        at(unknownRow, "colour", {
          messageId: "unknownProperty",
          data: { type: WIDGET, property: "colour" },
        }),
      ],
    },
    {
      name: "a misspelt property: its near miss, which is then not reported missing",
      code: misspelt,
      metadata: SERVICE,
      errors: [
        at(misspelt, "dispalyName", {
          messageId: "unknownPropertyNear",
          data: { type: WIDGET, property: "dispalyName", near: "displayName" },
        }),
      ],
    },
    {
      name: "a property in another letter case, with a fix",
      code: cased,
      metadata: SERVICE,
      errors: [
        {
          ...place(cased, "DisplayName"),
          messageId: "propertyCase",
          data: { type: WIDGET, property: "displayName", written: "DisplayName" },
          fix: {
            range: [cased.indexOf("DisplayName"), cased.indexOf("DisplayName") + 11],
            text: "displayName",
          },
        },
      ],
      output: resourcePage(),
    },
    {
      name: "types that differ: a primitive, an enum written String, a collection, another complex type",
      code: wrongTypes,
      metadata: SERVICE,
      errors: [
        at(
          wrongTypes,
          "String",
          {
            messageId: "collectionDiffers",
            data: {
              type: WIDGET,
              property: "tags",
              serviceType: "Collection(Edm.String)",
              documented: "String",
              expected: "String collection",
            },
          },
          2,
        ),
        at(
          wrongTypes,
          "String",
          {
            messageId: "typeDiffers",
            data: {
              type: WIDGET,
              property: "size",
              serviceType: "Edm.Int32",
              documented: "String",
              expected: "Int32",
            },
          },
          1,
        ),
        at(
          wrongTypes,
          "String",
          {
            messageId: "enumAsString",
            data: {
              type: WIDGET,
              property: "kind",
              serviceType: "microsoft.graph.widgetKind",
              documented: "String",
              expected: "widgetKind",
            },
          },
          3,
        ),
        at(wrongTypes, "[identity](identity.md)", {
          messageId: "typeDiffers",
          data: {
            type: WIDGET,
            property: "owner",
            serviceType: "microsoft.graph.identitySet",
            documented: "identity",
            expected: "identitySet",
          },
        }),
      ].sort((a, b) => a.line - b.line),
    },
    {
      name: "an inherited property's type names the base type that declares it",
      code: fancyWithWrongSize,
      metadata: SERVICE,
      errors: [
        {
          ...place(fancyWithWrongSize, "Boolean", 1),
          messageId: "typeDiffers",
          data: {
            type: WIDGET,
            property: "size",
            serviceType: "Edm.Int32",
            documented: "Boolean",
            expected: "Int32",
          },
        },
      ],
    },
    {
      name: "a collection of a type of microsoft.graph.externalConnectors documented as one",
      code: externalItemSingle,
      metadata: SERVICE,
      errors: [
        at(externalItemSingle, "[microsoft.graph.externalConnectors.acl](externalconnectors-acl.md)", {
          messageId: "collectionDiffers",
          data: {
            type: "microsoft.graph.externalConnectors.externalItem",
            property: "acl",
            serviceType: "Collection(microsoft.graph.externalConnectors.acl)",
            documented: "microsoft.graph.externalConnectors.acl",
            expected: "acl collection",
          },
        }),
      ],
    },
    {
      name: "an open type: only a near miss of a declared property",
      code: openGadget(["|label|String|The label.|", "|colours|colorSet|The colors.|"]),
      metadata: SERVICE,
      errors: [
        {
          ...place(openGadget(["|label|String|The label.|", "|colours|colorSet|The colors.|"]), "colours"),
          messageId: "unknownPropertyNear",
          data: { type: "microsoft.graph.gadget", property: "colours", near: "colors" },
        },
      ],
    },
    {
      name: "a JSON representation key the service does not have",
      code: unknownKey,
      metadata: SERVICE,
      errors: [
        at(unknownKey, "colour", {
          messageId: "unknownRepresentationProperty",
          data: { type: WIDGET, property: "colour" },
        }),
      ],
    },
    {
      name: "a JSON representation key in another letter case, with a fix",
      code: casedKey,
      metadata: SERVICE,
      errors: [
        {
          ...place(casedKey, "DisplayNAME"),
          messageId: "representationCase",
          data: { type: WIDGET, property: "displayName", written: "DisplayNAME" },
          fix: {
            range: [casedKey.indexOf("DisplayNAME"), casedKey.indexOf("DisplayNAME") + 11],
            text: "displayName",
          },
        },
      ],
      output: casedKey.replace("DisplayNAME", "displayName"),
    },
  ],
});

/**
 * The beta service: `entity` gains `createdBy`, `widget` gains `color` and the navigation property
 * `accessories` (so `fancyWidget` inherits them), the open `gadget` declares `shine`, and `cog` is a
 * type v1.0 does not have.
 */
const BETA = new MetadataIndex(
  readCsdl(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EntityType Name="entity" Abstract="true">',
          '  <Key><PropertyRef Name="id" /></Key>',
          '  <Property Name="id" Type="Edm.String" Nullable="false" />',
          '  <Property Name="createdBy" Type="Edm.String" />',
          "</EntityType>",
          '<EntityType Name="widget" BaseType="graph.entity">',
          '  <Property Name="displayName" Type="Edm.String" />',
          '  <Property Name="size" Type="Edm.Int32" />',
          '  <Property Name="tags" Type="Collection(Edm.String)" />',
          '  <Property Name="kind" Type="graph.widgetKind" />',
          '  <Property Name="owner" Type="graph.identitySet" />',
          '  <Property Name="sharePointIds" Type="graph.sharepointIds" />',
          '  <Property Name="color" Type="Edm.String" />',
          '  <NavigationProperty Name="parts" Type="Collection(graph.part)" ContainsTarget="true" />',
          '  <NavigationProperty Name="maker" Type="graph.part" />',
          '  <NavigationProperty Name="accessories" Type="Collection(graph.part)" />',
          "</EntityType>",
          '<EntityType Name="fancyWidget" BaseType="graph.widget">',
          '  <Property Name="sparkle" Type="Edm.Boolean" />',
          "</EntityType>",
          '<EntityType Name="gadget" BaseType="graph.entity" OpenType="true">',
          '  <Property Name="label" Type="Edm.String" />',
          '  <Property Name="shine" Type="Edm.Int32" />',
          "</EntityType>",
          '<EntityType Name="part" BaseType="graph.entity" />',
          '<ComplexType Name="cog"><Property Name="teeth" Type="Edm.Int32" /></ComplexType>',
        ],
      },
    ]),
    "beta.xml",
  ),
);
const V1_PATH = "api-reference/v1.0/resources/widget.md";

const betaRow = resourcePage({ properties: [...PROPERTY_ROWS, "|color|String|The color.|"] });
const betaRowCased = resourcePage({ properties: [...PROPERTY_ROWS, "|Color|String|The color.|"] });
const betaRelationship = resourcePage({
  relationships: [...RELATIONSHIP_ROWS, "|accessories|[part](part.md) collection|The accessories.|"],
});
const betaOnBase = resourcePage({
  name: "fancyWidget",
  lead: ["Inherits from [widget](widget.md)."],
  properties: [
    "|sparkle|Boolean|Whether it sparkles.|",
    "|color|String|The color.|",
    "|createdBy|String|Who made it.|",
  ],
  relationships: undefined,
  json: ['"sparkle": true'],
});
const betaKey = resourcePage({ json: [...JSON_KEYS, '"color": "String"'] });
const betaType = resourcePage({
  name: "cog",
  properties: ["|teeth|Int32|The teeth.|"],
  relationships: undefined,
});

runRuleTests(RULE, {
  valid: [
    {
      name: "beta's CSDL too: a page that agrees with v1.0",
      code: resourcePage(),
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
    },
    {
      name: "beta's CSDL too: an open type's property beta declares may be carried by v1.0's undeclared",
      code: openGadget([
        "|label|String|The label.|",
        "|colors|colorSet collection|The colors.|",
        "|shine|Int32|How much it shines.|",
      ]),
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
    },
    ...[
      ["English", "# cog resource type"],
      ["translated", '# <a name="cog-resource-type"></a>cog 资源类型'],
    ].map(([language, title]) => ({
      name: `beta's CSDL too: a ${language} page of a type only beta has, without a resource annotation`,
      code: md(
        title!,
        "",
        "Namespace: microsoft.graph",
        "",
        "## Properties",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|teeth|Int32|The teeth.|",
      ),
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
    })),
    {
      name: "beta's CSDL too: a type neither version has",
      code: resourcePage({ name: "sprocket", properties: ["|colour|Int32|The colour.|"] }),
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
    },
  ],
  invalid: [
    {
      name: "a row only beta's type has: instead of unknownProperty",
      code: betaRow,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaRow, "color", { messageId: "betaOnlyProperty", data: { type: WIDGET, property: "color" } }),
      ],
    },
    {
      name: "a row only beta's type has, in another letter case: beta's, as written",
      code: betaRowCased,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaRowCased, "Color", {
          messageId: "betaOnlyProperty",
          data: { type: WIDGET, property: "Color" },
        }),
      ],
    },
    {
      name: "a row v1.0 has in another letter case: the case finding, beta or not",
      code: cased,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        {
          ...place(cased, "DisplayName"),
          messageId: "propertyCase",
          data: { type: WIDGET, property: "displayName", written: "DisplayName" },
        },
      ],
    },
    {
      name: "a navigation property only beta has",
      code: betaRelationship,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaRelationship, "accessories", {
          messageId: "betaOnlyProperty",
          data: { type: WIDGET, property: "accessories" },
        }),
      ],
    },
    {
      name: "properties beta's base types declare (widget's, entity's), on a derived type's page",
      code: betaOnBase,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaOnBase, "color", {
          messageId: "betaOnlyProperty",
          data: { type: "microsoft.graph.fancyWidget", property: "color" },
        }),
        at(betaOnBase, "createdBy", {
          messageId: "betaOnlyProperty",
          data: { type: "microsoft.graph.fancyWidget", property: "createdBy" },
        }),
      ],
    },
    {
      name: "a JSON representation key only beta's type has",
      code: betaKey,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaKey, "color", {
          messageId: "betaOnlyRepresentationProperty",
          data: { type: WIDGET, property: "color" },
        }),
      ],
    },
    {
      name: "a page of a type only beta has: once, on the title",
      code: betaType,
      path: V1_PATH,
      metadata: SERVICE,
      betaMetadata: BETA,
      errors: [
        at(betaType, "# cog resource type", {
          messageId: "betaOnlyType",
          data: { type: "microsoft.graph.cog" },
        }),
      ],
    },
  ],
});

expectEveryMessageIdTested(metadataProperties);

describe("metadata-properties with v1.0's CSDL alone", () => {
  it("reports what only beta has as unknown, or nothing, as before beta's was configured", () => {
    const of = (code: string) =>
      ruleFindings(RULE, code, { path: V1_PATH, metadata: SERVICE }).map((f) => f.messageId);
    expect(of(betaRow)).toEqual(["unknownProperty"]);
    expect(of(betaKey)).toEqual(["unknownRepresentationProperty"]);
    expect(of(betaType)).toEqual([]);
  });
});

describe("metadata-properties on translated pages", () => {
  const findings = (code: string) =>
    ruleFindings(RULE, code, { metadata: SERVICE }).map(({ messageId, data }) => ({ messageId, data }));
  const pages: Array<[string, PageParts]> = [
    ["missing properties", { properties: PROPERTY_ROWS.slice(2) }],
    ["missing navigation properties", { relationships: [RELATIONSHIP_ROWS[1]!] }],
    [
      "an unknown, a misspelt and a cased property",
      {
        properties: [
          ...PROPERTY_ROWS.slice(1),
          "|DisplayName|String|The name.|",
          "|sizes|Int32|The sizes.|",
          "|colour|String|The colour.|",
        ],
      },
    ],
    [
      "types that differ",
      {
        properties: PROPERTY_ROWS.map((r) =>
          r.replace("|Int32|", "|Boolean|").replace("String collection", "String"),
        ),
      },
    ],
    ["JSON representation keys", { json: [...JSON_KEYS, '"Tags": []', '"colour": 1'] }],
    ["no base type named", { lead: ["A widget: a thing with parts."] }],
  ];
  it.each(pages)("%s: the same findings as the English twin", (_name, parts) => {
    const english = findings(resourcePage(parts));
    expect(english.length).toBeGreaterThan(0);
    expect(findings(translatedPage(parts))).toEqual(english);
  });
});

describe("metadata-properties in a docs tree", () => {
  const widget = resourcePage({ properties: PROPERTY_ROWS.filter((r) => !r.startsWith("|size|")) });
  const workloadPage = resourcePage({
    properties: ["|size|Int32|The size the workload sets.|"],
    relationships: undefined,
    json: ['"size": 1'],
  });
  const root = tempDocsTree("gdl-metadata-properties-", {
    "resources/widget.md": widget,
    "resources/intune-shop-widget.md": workloadPage,
  });
  it("a type documented over several pages: properties any of them documents are not missing", () => {
    expect(
      ruleFindings(RULE, widget, { path: join(root, "resources/widget.md"), metadata: SERVICE }),
    ).toEqual([]);
  });
  it("a page with what one workload adds to a type is not asked for the type's other properties", () => {
    expect(
      ruleFindings(RULE, workloadPage, {
        path: join(root, "resources/intune-shop-widget.md"),
        metadata: SERVICE,
      }),
    ).toEqual([]);
  });
  it("the type's own page is asked for what no page documents", () => {
    const lacking = resourcePage({ properties: PROPERTY_ROWS.filter((r) => !/^\|(size|tags)\|/.test(r)) });
    expect(
      ruleFindings(RULE, lacking, { path: join(root, "resources/widget.md"), metadata: SERVICE }),
    ).toEqual([
      at(lacking, "|Property|Type|Description|", {
        messageId: "missingProperties",
        data: { type: WIDGET, properties: '"tags"' },
      }),
    ]);
  });
});
