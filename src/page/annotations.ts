/**
 * Annotations: the `<!-- { "blockType": "request", "name": "x" } -->` comments the docs tools read,
 * with their values typed once for every rule (block type, names, declared type, flags) and read as
 * well as possible even when the JSON is malformed (the comment's JSON keeps its errors).
 */
import { type JsonValue, joinMultilineStrings, parseJson } from "../parse/json.js";
import type { Annotation } from "./model.js";

/** Reads `<!-- { … } -->` as an annotation, or undefined for other comments. */
export function readAnnotation(comment: string, commentStart: number): Annotation | undefined {
  const open = comment.indexOf("{");
  if (open === -1 || comment.slice(4, open).trim() !== "") return undefined;
  const closeComment = comment.endsWith("-->") ? comment.length - 3 : comment.length;
  const close = comment.lastIndexOf("}", closeComment);
  if (close < open) return undefined;
  const jsonText = comment.slice(open, close + 1);
  const base = commentStart + open;
  const json = parseJson(jsonText, (o) => base + o);
  const data =
    json.errors.length === 0
      ? toPlainObject(json.root)
      : (toPlainObject(parseJson(repairJson(jsonText)).root) ?? toPlainObject(json.root));
  const plain = data ?? {};
  return {
    json,
    data: plain,
    blockType: typeof plain.blockType === "string" ? plain.blockType : undefined,
    names: namesOf(plain.name),
    declaredType: declaredTypeOf(plain),
    isCollection: plain.isCollection === true,
    truncated: plain.truncated === true || plain.truncated === "true",
    jsonRange: { start: base, end: base + jsonText.length },
    start: commentStart,
    end: commentStart + comment.length,
  };
}

/** `name` as a list: one name, or several (a response that answers several requests). */
function namesOf(value: unknown): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v !== "");
  return [];
}

/** ApiDoctor reads `@type` first, then `@odata.type`. */
function declaredTypeOf(data: Record<string, unknown>): Annotation["declaredType"] {
  for (const key of ["@type", "@odata.type"] as const) {
    const text = data[key];
    if (typeof text === "string" && text.trim() !== "") return { key, text };
  }
  return undefined;
}

/** Best-effort repair of hand-written JSON, to read an annotation's values (positions are not used). */
function repairJson(text: string): string {
  return joinMultilineStrings(text.replace(/([{,][ \t\r\n]*)([A-Za-z_@$][\w.@$-]*)([ \t]*:)/g, '$1"$2"$3'));
}

function toPlainObject(value: JsonValue | undefined): Record<string, unknown> | undefined {
  const plain = toPlain(value);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain)
    ? (plain as Record<string, unknown>)
    : undefined;
}

function toPlain(value: JsonValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case "object":
      return Object.fromEntries(value.properties.map((p) => [p.key, toPlain(p.value)]));
    case "array":
      return value.items.map(toPlain);
    case "null":
      return null;
    default:
      return value.value;
  }
}
