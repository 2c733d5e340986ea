/**
 * Hand-written CSDL for the metadata tests. `csdl(...)` puts its lines in the `microsoft.graph`
 * schema (alias `graph`) as lines 5, 6, …, so that tests can name the line of each element.
 */
import { fileURLToPath } from "node:url";

export const EDMX = "http://docs.oasis-open.org/odata/ns/edmx";
export const EDM = "http://docs.oasis-open.org/odata/ns/edm";

/** The sample document of test/data/csdl/ (two schemas, a reference, actions and annotations). */
export const SAMPLE_CSDL = fileURLToPath(new URL("../data/csdl/sample.xml", import.meta.url));

export interface SchemaText {
  namespace: string;
  alias?: string;
  lines: string[];
}

/** A CSDL document of these schemas; the first schema's first line is line 5. */
export function csdlDocument(schemas: SchemaText[], beforeDataServices: string[] = []): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<edmx:Edmx Version="4.0" xmlns:edmx="${EDMX}">`,
    ...beforeDataServices,
    "  <edmx:DataServices>",
    ...schemas.flatMap(({ namespace, alias, lines }) => [
      `    <Schema Namespace="${namespace}"${alias ? ` Alias="${alias}"` : ""} xmlns="${EDM}">`,
      ...lines.map((line) => `      ${line}`),
      "    </Schema>",
    ]),
    "  </edmx:DataServices>",
    "</edmx:Edmx>",
    "",
  ].join("\n");
}

/** A CSDL document whose `microsoft.graph` schema (alias `graph`) holds `lines`, from line 5. */
export function csdl(...lines: string[]): string {
  return csdlDocument([{ namespace: "microsoft.graph", alias: "graph", lines }]);
}
