/**
 * A finding. It is a vfile-message (the message type of the unified ecosystem, so the remark
 * plugin and editors get what remark-lint gives them) with a severity, an optional fix and
 * related locations.
 */
import { VFileMessage } from "vfile-message";
import type { LineIndex, Point, Range } from "../parse/source.js";
import type { Fix, MessageData } from "./rule.js";

export const SOURCE = "graph-docs-lint";

/** ESLint's numbers: 1 warning, 2 error. */
export type SeverityLevel = 1 | 2;

export interface RelatedPlace {
  message: string;
  start: Point;
  end: Point;
}

export class LintMessage extends VFileMessage {
  severity: SeverityLevel;
  /** The id of the rule's message (undefined for messages without a rule). */
  messageId: string | undefined;
  /** The values of the message's placeholders. */
  data: MessageData | undefined;
  fix: Fix | undefined;
  related: RelatedPlace[];
  /** Start and end offsets in the page. */
  range: Range;

  constructor(
    reason: string,
    options: {
      ruleId: string | undefined;
      messageId?: string;
      data?: MessageData;
      severity: SeverityLevel;
      start: Point;
      end: Point;
      url?: string;
      fix?: Fix;
      related?: RelatedPlace[];
    },
  ) {
    super(reason, {
      place: { start: options.start, end: options.end },
      ruleId: options.ruleId,
      source: SOURCE,
    });
    this.severity = options.severity;
    this.messageId = options.messageId;
    this.data = options.data;
    this.fatal = options.severity === 2;
    this.fix = options.fix;
    this.related = options.related ?? [];
    this.range = { start: options.start.offset ?? 0, end: options.end.offset ?? 0 };
    if (options.url) this.url = options.url;
  }

  get startPoint(): Point {
    return (this.place && "start" in this.place ? this.place.start : this.place) as Point;
  }

  get endPoint(): Point {
    return (this.place && "end" in this.place ? this.place.end : this.place) as Point;
  }
}

export function pointsOf(lines: LineIndex, range: Range): { start: Point; end: Point } {
  return { start: lines.point(range.start), end: lines.point(Math.max(range.start, range.end)) };
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.ruleId ?? "").localeCompare(b.ruleId ?? "")
  );
}

/** A message as plain data: what a cache stores and a worker thread sends back. */
export interface PlainMessage {
  ruleId: string | undefined;
  messageId: string | undefined;
  data: MessageData | undefined;
  severity: SeverityLevel;
  reason: string;
  start: Point;
  end: Point;
  url: string | undefined;
  fix: Fix | undefined;
  related: RelatedPlace[];
}

export function toPlainMessage(m: LintMessage): PlainMessage {
  return {
    ruleId: m.ruleId,
    messageId: m.messageId,
    data: m.data,
    severity: m.severity,
    reason: m.reason,
    start: m.startPoint,
    end: m.endPoint,
    url: m.url ?? undefined,
    fix: m.fix,
    related: m.related,
  };
}

export function fromPlainMessage(m: PlainMessage): LintMessage {
  return new LintMessage(m.reason, {
    ruleId: m.ruleId,
    messageId: m.messageId,
    data: m.data,
    severity: m.severity,
    start: m.start,
    end: m.end,
    url: m.url,
    fix: m.fix,
    related: m.related,
  });
}
