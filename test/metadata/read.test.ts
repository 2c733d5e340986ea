import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CsdlModel } from "../../src/metadata/model.js";
import { readCsdl } from "../../src/metadata/read.js";
import { SAMPLE_CSDL, csdl, csdlDocument } from "./csdl.js";

const read = (xml: string): CsdlModel => readCsdl(xml, "meta.xml");

describe("readCsdl: the model of a CSDL document", () => {
  const cases: { name: string; xml: string; expected: Partial<CsdlModel> }[] = [
    {
      name: "an entity type with a base type written by alias, abstract, open, a media entity",
      xml: csdl(
        '<EntityType Name="entity" Abstract="true">',
        '  <Key><PropertyRef Name="id" /></Key>',
        '  <Property Name="id" Type="Edm.String" Nullable="false" />',
        "</EntityType>",
        '<EntityType Name="photo" BaseType="graph.entity" OpenType="true" HasStream="true" />',
      ),
      expected: {
        structuredTypes: [
          {
            kind: "entity",
            namespace: "microsoft.graph",
            name: "entity",
            qualifiedName: "microsoft.graph.entity",
            baseType: undefined,
            abstract: true,
            openType: false,
            hasStream: false,
            properties: [{ name: "id", type: "Edm.String", collection: false, nullable: false, line: 7 }],
            navigationProperties: [],
            line: 5,
          },
          {
            kind: "entity",
            namespace: "microsoft.graph",
            name: "photo",
            qualifiedName: "microsoft.graph.photo",
            baseType: "microsoft.graph.entity",
            abstract: false,
            openType: true,
            hasStream: true,
            properties: [],
            navigationProperties: [],
            line: 9,
          },
        ],
      },
    },
    {
      name: "a complex type's properties: collections, nullable (true unless written), aliased types",
      xml: csdl(
        '<ComplexType Name="identitySet" BaseType="microsoft.graph.base" Abstract="1" OpenType="0">',
        '  <Property Name="phones" Type="Collection(Edm.String)" Nullable="false" />',
        '  <Property Name="user" Type="graph.identity" />',
        '  <Property Name="others" Type=" Collection( graph.identity ) " Nullable="true" />',
        '  <Property Name="level" Type="graph.riskLevel">',
        '    <Annotation Term="Core.Description" String="Ignored." />',
        "  </Property>",
        "</ComplexType>",
      ),
      expected: {
        structuredTypes: [
          {
            kind: "complex",
            namespace: "microsoft.graph",
            name: "identitySet",
            qualifiedName: "microsoft.graph.identitySet",
            baseType: "microsoft.graph.base",
            abstract: true,
            openType: false,
            hasStream: false,
            properties: [
              { name: "phones", type: "Edm.String", collection: true, nullable: false, line: 6 },
              { name: "user", type: "microsoft.graph.identity", collection: false, nullable: true, line: 7 },
              { name: "others", type: "microsoft.graph.identity", collection: true, nullable: true, line: 8 },
              {
                name: "level",
                type: "microsoft.graph.riskLevel",
                collection: false,
                nullable: true,
                line: 9,
              },
            ],
            navigationProperties: [],
            line: 5,
          },
        ],
      },
    },
    {
      name: "navigation properties: single, collection, contained, in another namespace",
      xml: csdl(
        '<EntityType Name="user">',
        '  <NavigationProperty Name="manager" Type="graph.directoryObject" />',
        '  <NavigationProperty Name="photos" Type="Collection(graph.profilePhoto)" ContainsTarget="true" />',
        '  <NavigationProperty Name="store" Type="microsoft.graph.termStore.store" Nullable="false" />',
        "</EntityType>",
      ),
      expected: {
        structuredTypes: [
          expect.objectContaining({
            properties: [],
            navigationProperties: [
              {
                name: "manager",
                type: "microsoft.graph.directoryObject",
                collection: false,
                nullable: true,
                containsTarget: false,
                line: 6,
              },
              {
                name: "photos",
                type: "microsoft.graph.profilePhoto",
                collection: true,
                nullable: true,
                containsTarget: true,
                line: 7,
              },
              {
                name: "store",
                type: "microsoft.graph.termStore.store",
                collection: false,
                nullable: false,
                containsTarget: false,
                line: 8,
              },
            ],
          }) as never,
        ],
      },
    },
    {
      name: "enum types: values written, implicit (counted from 0), flags, underlying type",
      xml: csdl(
        '<EnumType Name="riskLevel">',
        '  <Member Name="low" Value="0" />',
        '  <Member Name="high" Value="10" />',
        "</EnumType>",
        '<EnumType Name="implicit">',
        '  <Member Name="a" />',
        '  <Member Name="b" />',
        "</EnumType>",
        '<EnumType Name="days" IsFlags="true" UnderlyingType="Edm.Int64">',
        '  <Member Name="none" Value="0" />',
        '  <Member Name="monday" Value="1" />',
        '  <Member Name="tuesday" Value="2" />',
        '  <Member Name="minus" Value="-4" />',
        "</EnumType>",
      ),
      expected: {
        enumTypes: [
          {
            kind: "enum",
            namespace: "microsoft.graph",
            name: "riskLevel",
            qualifiedName: "microsoft.graph.riskLevel",
            isFlags: false,
            underlyingType: "Edm.Int32",
            members: [
              { name: "low", value: 0, line: 6 },
              { name: "high", value: 10, line: 7 },
            ],
            line: 5,
          },
          {
            kind: "enum",
            namespace: "microsoft.graph",
            name: "implicit",
            qualifiedName: "microsoft.graph.implicit",
            isFlags: false,
            underlyingType: "Edm.Int32",
            members: [
              { name: "a", value: 0, line: 10 },
              { name: "b", value: 1, line: 11 },
            ],
            line: 9,
          },
          {
            kind: "enum",
            namespace: "microsoft.graph",
            name: "days",
            qualifiedName: "microsoft.graph.days",
            isFlags: true,
            underlyingType: "Edm.Int64",
            members: [
              { name: "none", value: 0, line: 14 },
              { name: "monday", value: 1, line: 15 },
              { name: "tuesday", value: 2, line: 16 },
              { name: "minus", value: -4, line: 17 },
            ],
            line: 13,
          },
        ],
      },
    },
    {
      name: "schemas with and without an alias; an alias of a later schema; namespaces with dots",
      xml: csdlDocument([
        {
          namespace: "microsoft.graph.externalConnectors",
          lines: [
            '<ComplexType Name="identity" BaseType="graph.base">',
            '  <Property Name="type" Type="ext.identityType" />',
            "</ComplexType>",
            '<EnumType Name="identityType"><Member Name="user" Value="0" /></EnumType>',
          ],
        },
        { namespace: "microsoft.graph", alias: "graph", lines: ['<ComplexType Name="base" />'] },
        { namespace: "microsoft.graph.externalConnectors.more", alias: "ext", lines: [] },
      ]),
      expected: {
        schemas: [
          { namespace: "microsoft.graph.externalConnectors", alias: undefined, line: 4 },
          { namespace: "microsoft.graph", alias: "graph", line: 10 },
          { namespace: "microsoft.graph.externalConnectors.more", alias: "ext", line: 13 },
        ],
        structuredTypes: [
          expect.objectContaining({
            qualifiedName: "microsoft.graph.externalConnectors.identity",
            baseType: "microsoft.graph.base",
            properties: [
              {
                name: "type",
                type: "microsoft.graph.externalConnectors.more.identityType",
                collection: false,
                nullable: true,
                line: 6,
              },
            ],
          }) as never,
          expect.objectContaining({ qualifiedName: "microsoft.graph.base", line: 11 }) as never,
        ],
        enumTypes: [
          expect.objectContaining({
            qualifiedName: "microsoft.graph.externalConnectors.identityType",
            line: 8,
          }) as never,
        ],
      },
    },
    {
      name: "references are recorded, and their includes' aliases resolve; nothing else of theirs is read",
      xml: csdlDocument(
        [{ namespace: "microsoft.graph", lines: ['<ComplexType Name="t" BaseType="Core.Thing" />'] }],
        [
          '  <edmx:Reference Uri="https://example.invalid/Core.xml">',
          '    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />',
          '    <edmx:IncludeAnnotations TermNamespace="Org.OData.Core.V1" />',
          "  </edmx:Reference>",
        ],
      ),
      expected: {
        edmxVersion: "4.0",
        references: [
          {
            uri: "https://example.invalid/Core.xml",
            includes: [{ namespace: "Org.OData.Core.V1", alias: "Core" }],
            line: 3,
          },
        ],
        structuredTypes: [expect.objectContaining({ baseType: "Org.OData.Core.V1.Thing", line: 9 }) as never],
      },
    },
    {
      name: "the entity container, actions, functions, terms and annotations are passed over",
      xml: csdl(
        '<Term Name="note" Type="Edm.String" />',
        '<Action Name="go" IsBound="true"><Parameter Name="p" Type="graph.t" /></Action>',
        '<Function Name="f"><ReturnType Type="Edm.String" /></Function>',
        '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="graph.t" /></EntityContainer>',
        '<Annotations Target="graph.t"><Annotation Term="Core.Description" String="x" /></Annotations>',
        '<TypeDefinition Name="d" UnderlyingType="Edm.String" />',
        '<ComplexType Name="t"><Property Name="p" Type="Edm.String" /></ComplexType>',
      ),
      expected: {
        structuredTypes: [expect.objectContaining({ qualifiedName: "microsoft.graph.t", line: 11 }) as never],
        enumTypes: [],
      },
    },
    {
      name: "a byte order mark, CRLF line endings, a comment and a DOCTYPE without entities",
      xml:
        "\uFEFF" +
        csdl("<!-- a comment -->", '<EnumType Name="e">', '  <Member Name="m" />', "</EnumType>")
          .replace('<edmx:Edmx Version="4.0"', '<!DOCTYPE edmx:Edmx>\n<edmx:Edmx Version="4.0"')
          .replace(/\n/g, "\r\n"),
      expected: {
        enumTypes: [
          expect.objectContaining({ line: 7, members: [{ name: "m", value: 0, line: 8 }] }) as never,
        ],
      },
    },
  ];

  for (const { name, xml, expected } of cases) {
    it(name, () => {
      const model = read(xml);
      expect(model).toMatchObject(expected);
      for (const key of Object.keys(expected) as (keyof CsdlModel)[])
        expect(model[key]).toEqual(expected[key]);
    });
  }

  it("names the file as given and reads the sample document whole", () => {
    const model = readCsdl(readFileSync(SAMPLE_CSDL, "utf8"), "sample.xml");
    expect(model.file).toBe("sample.xml");
    expect(model.schemas.map((s) => s.namespace)).toEqual([
      "microsoft.graph",
      "microsoft.graph.externalConnectors",
    ]);
    expect(model.structuredTypes.map((t) => `${t.kind} ${t.qualifiedName} < ${t.baseType ?? "-"}`)).toEqual([
      "entity microsoft.graph.entity < -",
      "entity microsoft.graph.directoryObject < microsoft.graph.entity",
      "entity microsoft.graph.user < microsoft.graph.directoryObject",
      "entity microsoft.graph.profilePhoto < microsoft.graph.entity",
      "complex microsoft.graph.objectIdentity < -",
      "complex microsoft.graph.identity < -",
      "complex microsoft.graph.userIdentity < microsoft.graph.identity",
      "entity microsoft.graph.externalConnectors.externalConnection < microsoft.graph.entity",
      "entity microsoft.graph.externalConnectors.externalGroup < microsoft.graph.entity",
      "complex microsoft.graph.externalConnectors.identity < -",
    ]);
    expect(model.enumTypes.map((t) => t.qualifiedName)).toEqual([
      "microsoft.graph.riskLevel",
      "microsoft.graph.weekdays",
      "microsoft.graph.implicitValues",
      "microsoft.graph.externalConnectors.identityType",
    ]);
  });

  it("gives plain data that survives a JSON round trip (what the store keeps)", () => {
    const model = readCsdl(readFileSync(SAMPLE_CSDL, "utf8"), "sample.xml");
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});
