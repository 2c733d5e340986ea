/**
 * What the docs index knows about a type defined in the docs tree: the shapes the index, its
 * store of page facts and the rules share (here, so that the index and the store do not import
 * each other).
 */

export interface EnumDefinition {
  name: string;
  namespace: string | undefined;
  members: string[];
  /** Where the members are listed (a file path, or undefined for the linted page itself). */
  file: string | undefined;
}

export interface PropertyDefinition {
  name: string;
  type: string;
  typeLink: string | undefined;
  /** Readable description, code spans kept. */
  description: string;
  /** The description says "Required." (request-body tables) */
  required: boolean;
  documentedValues: string[] | undefined;
  file: string | undefined;
}

export interface ResourceDefinition {
  name: string;
  namespace: string | undefined;
  properties: Map<string, PropertyDefinition>;
  /** The base type: the `resource` annotation's `baseType`, else the page's "Inherits from [x]". */
  baseType: string | undefined;
  /** Open types accept properties the page does not list (`"openType": true`). */
  openType: boolean;
  /** The `resource` JSON representation's top-level property names, when the page has one. */
  jsonProperties: string[] | undefined;
  /** The `resource` annotation's `optionalProperties`, when given. */
  optionalProperties: string[];
  file: string;
}
