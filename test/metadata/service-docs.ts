/**
 * A docs tree and the service's CSDL for it, for the rules that read types from the CSDL where the
 * docs are silent (src/docset/service.ts). The docs and the service agree but for what each case
 * needs:
 *
 * - `item`'s page names no base type; the service derives it from `thing`, whose page documents
 *   `label` (Int32), and `thing` from `entity`.
 * - `gizmo`'s page names no base type; the service derives it from `hiddenBase`, which has no page
 *   and declares `secret` (Boolean).
 * - `item`'s JSON representation alone shows `count` (Int32 to the service); the docs do not
 *   mention `kind` (the service's `itemKind` enum: `plain`, `fancy`).
 * - `item`'s table types `size` as String where the service says Int32, and its `itemMode` table
 *   lists `manual` and `automatic` where the service also has `scheduled`.
 * - `status` is an `itemStatus`, an enum the docs define nowhere (the service: `active`,
 *   `retired`); `colors` a `colorSet`, a flags enum the docs define nowhere (`red`, `blue`).
 */
import { join } from "node:path";
import { MetadataIndex, readCsdl } from "../../src/metadata/index.js";
import { md, tempDocsTree } from "../helpers.js";
import { csdl } from "./csdl.js";

function resourcePage(name: string, rows: string[], annotation: string, json: string, after: string[] = []) {
  return md(
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
    ...after,
    "## JSON representation",
    "",
    `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}"${annotation} } -->`,
    "```json",
    json,
    "```",
  );
}

/** A docs tree of the pages above; `metadataFile` is where the service's CSDL is said to be. */
export function serviceDocsTree(prefix: string): { root: string; metadata: MetadataIndex } {
  const root = tempDocsTree(prefix, {
    "resources/entity.md": resourcePage("entity", ["|id|String|The identifier.|"], "", '{ "id": "String" }'),
    "resources/thing.md": resourcePage(
      "thing",
      ["|label|Int32|The label.|"],
      ', "baseType": "microsoft.graph.entity"',
      '{ "label": 1 }',
    ),
    "resources/item.md": resourcePage(
      "item",
      [
        "|name|String|The name.|",
        "|size|String|The size.|",
        "|status|itemStatus|The status.|",
        "|mode|[itemMode](#itemmode-values)|The mode.|",
        "|colors|colorSet|The colors.|",
      ],
      "",
      '{ "name": "String", "count": "Int32" }',
      ["### itemMode values", "", "|Member|Description|", "|:---|:---|", "|manual|M|", "|automatic|A|", ""],
    ),
    "resources/gizmo.md": resourcePage("gizmo", ["|title|String|The title.|"], "", '{ "title": "String" }'),
  });
  const xml = csdl(
    '<EntityType Name="entity" Abstract="true">',
    '  <Key><PropertyRef Name="id" /></Key>',
    '  <Property Name="id" Type="Edm.String" Nullable="false" />',
    "</EntityType>",
    '<EntityType Name="thing" BaseType="graph.entity">',
    '  <Property Name="label" Type="Edm.Int32" />',
    "</EntityType>",
    '<EntityType Name="item" BaseType="graph.thing" OpenType="true">',
    '  <Property Name="name" Type="Edm.String" />',
    '  <Property Name="size" Type="Edm.Int32" />',
    '  <Property Name="status" Type="graph.itemStatus" />',
    '  <Property Name="mode" Type="graph.itemMode" />',
    '  <Property Name="colors" Type="graph.colorSet" />',
    '  <Property Name="count" Type="Edm.Int32" />',
    '  <Property Name="kind" Type="graph.itemKind" />',
    "</EntityType>",
    '<EntityType Name="hiddenBase" BaseType="graph.entity" Abstract="true">',
    '  <Property Name="secret" Type="Edm.Boolean" />',
    "</EntityType>",
    '<EntityType Name="gizmo" BaseType="graph.hiddenBase">',
    '  <Property Name="title" Type="Edm.String" />',
    "</EntityType>",
    '<EnumType Name="itemStatus"><Member Name="active" /><Member Name="retired" /></EnumType>',
    '<EnumType Name="itemMode"><Member Name="manual" /><Member Name="automatic" /><Member Name="scheduled" /></EnumType>',
    '<EnumType Name="itemKind"><Member Name="plain" /><Member Name="fancy" /></EnumType>',
    '<EnumType Name="colorSet" IsFlags="true"><Member Name="red" Value="1" /><Member Name="blue" Value="2" /></EnumType>',
  );
  return { root, metadata: new MetadataIndex(readCsdl(xml, join(root, "metadata.xml"))) };
}

/** A response example of `type` (short name) at `api/<type>-get.md`; the body starts on line 10. */
export function serviceResponse(type: string, body: string): string {
  return md(
    `# Get ${type}`,
    "",
    "Namespace: microsoft.graph",
    "",
    `<!-- { "blockType": "response", "@odata.type": "microsoft.graph.${type}" } -->`,
    "```http",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "",
    body,
    "```",
  );
}
