import { describe, expect, it } from "vitest";
import { MetadataIndex, readCsdl, serviceTypesOf } from "../../src/metadata/index.js";
import { csdlDocument } from "./csdl.js";

const index = new MetadataIndex(
  readCsdl(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EntityType Name="entity"><Property Name="id" Type="Edm.String" /></EntityType>',
          '<EntityType Name="place" BaseType="graph.entity" OpenType="true">',
          '  <Property Name="location" Type="Edm.GeographyPoint" />',
          '  <Property Name="value" Type="graph.Json" />',
          '  <Property Name="sizes" Type="Collection(Edm.Int32)" />',
          '  <NavigationProperty Name="items" Type="Collection(microsoft.graph.externalConnectors.externalItem)" />',
          "</EntityType>",
          '<ComplexType Name="Json" />',
          '<EnumType Name="placeKind"><Member Name="room" /><Member Name="desk" /></EnumType>',
        ],
      },
      {
        namespace: "microsoft.graph.externalConnectors",
        lines: ['<EntityType Name="externalItem" BaseType="graph.entity" />'],
      },
    ]),
    "service.xml",
  ),
);
const ref = (name: string, namespace?: string) => ({ name, namespace, collection: false, primitive: false });

describe("serviceTypesOf", () => {
  const service = serviceTypesOf(index);

  it("is one per index", () => {
    expect(serviceTypesOf(index)).toBe(service);
    expect(service.file).toBe("service.xml");
  });

  it("writes the service's types as the docs' references, aliases resolved", () => {
    expect(service.structuredType(ref("place"))).toEqual({
      name: "place",
      namespace: "microsoft.graph",
      baseType: ref("entity", "microsoft.graph"),
      openType: true,
      properties: [
        {
          name: "location",
          type: "Edm.GeographyPoint",
          typeRef: { name: "Untyped", namespace: undefined, collection: false, primitive: true },
        },
        {
          name: "value",
          type: "microsoft.graph.Json",
          typeRef: { name: "Json", namespace: undefined, collection: false, primitive: true },
        },
        {
          name: "sizes",
          type: "Collection(Edm.Int32)",
          typeRef: { name: "Int32", namespace: undefined, collection: true, primitive: true },
        },
        {
          name: "items",
          type: "Collection(microsoft.graph.externalConnectors.externalItem)",
          typeRef: {
            name: "externalItem",
            namespace: "microsoft.graph.externalConnectors",
            collection: true,
            primitive: false,
          },
        },
      ],
    });
  });

  it("finds a type in its namespace, in another case, and never a primitive or an enum as a structured type", () => {
    expect(
      service.structuredType(ref("externalItem", "microsoft.graph.externalConnectors"))?.baseType,
    ).toEqual(ref("entity", "microsoft.graph"));
    expect(service.structuredType(ref("externalItem"))).toBeUndefined();
    expect(service.structuredType(ref("Place"))?.name).toBe("place");
    expect(service.structuredType(ref("placeKind"))).toBeUndefined();
    expect(
      service.structuredType({ name: "String", namespace: undefined, collection: false, primitive: true }),
    ).toBeUndefined();
  });

  it("gives an enum's members", () => {
    expect(service.enumType(ref("PlaceKind"))).toEqual({
      name: "placeKind",
      namespace: "microsoft.graph",
      members: ["room", "desk"],
    });
    expect(service.enumType(ref("place"))).toBeUndefined();
  });
});
