/** Which documents and files the language server deals with, by URI and path. */
import { fileURLToPath } from "node:url";
import { resolve, sep } from "node:path";
import { CONFIG_FILE_NAMES } from "../engine/config/index.js";

/** The file path of a `file:` URI, or undefined for other schemes (an untitled document). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isMarkdown(document: { languageId: string; uri: string }): boolean {
  return document.languageId === "markdown" || /\.(md|markdown)$/i.test(document.uri);
}

export function isStandardConfigName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name);
}

/** The docs root of a page in its `resources/` folder (an enum or resource page), if `path` is one. */
export function docsRootOfResource(path: string): string | undefined {
  if (!/\.md$/i.test(path)) return undefined;
  const parts = path.split(sep);
  const at = parts.lastIndexOf("resources");
  return at > 0 ? resolve(parts.slice(0, at).join(sep) || sep) : undefined;
}
