/** A v1.0 resource page whose type only the beta service has. */
import type { Report } from "../../src/engine/rule.js";
import type { MetadataIndex } from "../../src/metadata/index.js";
import type { Page } from "../../src/page/model.js";
import { serviceType } from "./subject.js";

/** The message of a type only beta has (worded in metadata-properties.ts). */
type MessageId = "betaOnlyType";

/**
 * One finding on the title of a v1.0 resource page whose type v1.0's CSDL does not have at all (in
 * no letter case) and beta's has as an entity or complex type: the whole page documents beta ahead
 * of v1.0, so its rows are not reported one by one. `beta` is given only for a v1.0 page. Only the
 * type the page's `resource` annotation declares (`@odata.type` or `@type`, which translation
 * keeps) is judged: a title's words name a type in English ("x resource type") but in a
 * translation only where the title keeps its anchor, and a finding must not depend on the page's
 * language.
 */
export function* betaOnlyTypeReports(
  page: Page,
  metadata: MetadataIndex,
  beta: MetadataIndex | undefined,
): Generator<Report<MessageId>> {
  if (!beta) return;
  const annotation = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.annotation;
  const declared = annotation?.declaredType?.text.trim();
  if (!declared) return;
  const written = { name: declared, namespace: page.namespace?.value };
  if (serviceType(metadata, written)) return;
  const found = serviceType(beta, written);
  const title = page.headings.find((h) => h.depth === 1);
  if (!found || found.kind === "enum" || !title) return;
  yield { messageId: "betaOnlyType", data: { type: found.qualifiedName }, range: title };
}
