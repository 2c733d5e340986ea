/**
 * Request paths compared as Graph's docs write them: the URL templates of "HTTP request" sections
 * (`/external/connections/{connectionsId}/items/{externalItemId}`), the same template with other
 * parameter names (`{connection-id}`, `{item-id}`), and example paths
 * (`/external/connections/contosohr/items/TSP228082938`) all name one request path.
 *
 * A path is read as its segments: a segment in `{…}` is a parameter, which matches any segment;
 * other segments are literals, which match the same text in any letter case (Graph's URL segments
 * are case-insensitive). The query is not part of the path. An OData key or function call in a
 * segment (`connections('contosohr')`, `getByIds(ids={ids})`) is its name followed by a parameter,
 * so that the key-as-segment form (`connections/contosohr`) and the parenthesised one compare equal.
 */

export type PathSegment = { kind: "literal"; text: string } | { kind: "parameter" };

const PARAMETER: PathSegment = { kind: "parameter" };
/** `name(arguments)`: an OData key or a function call with its arguments. */
const CALL = /^([^(){}]+)\((.*)\)$/;

/** The segments of a request path (version already removed), query and empty segments left out. */
export function pathSegments(path: string): PathSegment[] {
  const query = path.search(/[?#]/);
  const bare = query === -1 ? path : path.slice(0, query);
  return bare
    .split("/")
    .filter((segment) => segment !== "")
    .flatMap(segmentsOf);
}

function segmentsOf(segment: string): PathSegment[] {
  if (segment.startsWith("{") && segment.endsWith("}")) return [PARAMETER];
  const call = segment.includes("(") ? CALL.exec(segment) : null;
  if (call) {
    const name = literal(call[1]!);
    return call[2]!.trim() === "" ? [name] : [name, PARAMETER];
  }
  // A segment that mixes text and a parameter (`{item-path}:`) matches anything, as a parameter:
  // which text the parameter stands for cannot be told without the service's grammar.
  if (segment.includes("{")) return [PARAMETER];
  return [literal(segment)];
}

function literal(text: string): PathSegment {
  return { kind: "literal", text: text.toLowerCase() };
}

/** True when two paths' segments match one for one: a parameter on either side matches any segment. */
export function segmentsMatch(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((segment, i) => {
    const other = b[i]!;
    return segment.kind === "parameter" || other.kind === "parameter" || segment.text === other.text;
  });
}

/**
 * The first segment's literal text (lower case), or undefined when the path starts with a parameter
 * or is `/`: what `pathSegments(path)[0]` is, read from the first segment alone, without regular
 * expressions (an index reads it for each of a tree's 9,000 templates).
 */
export function firstLiteral(path: string): string | undefined {
  let start = 0;
  while (path[start] === "/") start++;
  let end = start;
  while (end < path.length && path[end] !== "/" && path[end] !== "?" && path[end] !== "#") end++;
  if (end === start) return undefined;
  const [first] = segmentsOf(path.slice(start, end));
  return first?.kind === "literal" ? first.text : undefined;
}
