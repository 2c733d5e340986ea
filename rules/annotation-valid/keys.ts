/** Block types and keys ApiDoctor does not know, and annotations it does not attach to a block. */
import type { Annotation, Page } from "../../src/page/model.js";
import { nearMiss } from "../../src/util/near-miss.js";
import { type ReportAnnotation, blockTypeRange, property, quotedList } from "./shared.js";
import { ANNOTATION_KEYS, BLOCK_TYPES, PAGE_ANNOTATION_KEYS, PAGE_ANNOTATION_TYPE } from "./vocabulary.js";

/** The messages these checks report (worded in annotation-valid.ts). */
type KeyMessage =
  | "blockTypeNotString"
  | "unknownBlockTypeNear"
  | "unknownBlockType"
  | "pageAnnotationType"
  | "unknownKeyNear"
  | "unknownKey"
  | "detached";

export function checkKeys(annotation: Annotation, report: ReportAnnotation<KeyMessage>): void {
  const root = annotation.json.root;
  if (annotation.json.errors.length > 0 || root?.type !== "object") return;
  const blockType = property(annotation, "blockType");
  const type = annotation.data.type;
  const isPage = !blockType && typeof type === "string" && type.toLowerCase().startsWith("#page");
  if (!blockType && !isPage) return;
  if (blockType?.value) {
    const value = blockType.value;
    if (value.type !== "string") {
      report({ messageId: "blockTypeNotString", data: { types: quotedList(BLOCK_TYPES) }, range: value });
    } else if (!BLOCK_TYPES.includes(value.value)) {
      const near = nearMiss(value.value, BLOCK_TYPES);
      report(
        near
          ? { messageId: "unknownBlockTypeNear", data: { value: value.value, near }, range: value }
          : {
              messageId: "unknownBlockType",
              data: { value: value.value, types: quotedList(BLOCK_TYPES) },
              range: value,
            },
      );
    }
  }
  if (isPage && String(type).toLowerCase() !== PAGE_ANNOTATION_TYPE) {
    const value = property(annotation, "type")!.value!;
    report({ messageId: "pageAnnotationType", data: { type: String(type) }, range: value });
  }
  const known = isPage ? PAGE_ANNOTATION_KEYS : ANNOTATION_KEYS;
  for (const p of root.properties) {
    if (known.includes(p.key)) continue;
    const near = nearMiss(p.key, known);
    if (near) {
      report({ messageId: "unknownKeyNear", data: { key: p.key, near }, range: p.keyRange });
    } else if (!isPage) {
      // Page annotations may carry extra data; code block annotations may not.
      report({ messageId: "unknownKey", data: { key: p.key }, range: p.keyRange });
    }
  }
}

/** Block types whose annotation ApiDoctor reads only when a code block follows it directly. */
const ATTACHED_BLOCK_TYPES = new Set(["request", "response", "resource", "example", "samples"]);

export function checkPlacement(page: Page, report: ReportAnnotation<KeyMessage>): void {
  const attached = new Set<Annotation>();
  for (const block of page.codeBlocks) if (block.annotation) attached.add(block.annotation);
  for (const annotation of page.annotations) {
    const blockType = annotation.blockType;
    if (!blockType || !ATTACHED_BLOCK_TYPES.has(blockType) || attached.has(annotation)) continue;
    report({ messageId: "detached", data: { blockType }, range: blockTypeRange(annotation) });
  }
}
