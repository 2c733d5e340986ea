/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, the rules as reporting
 * descriptors, every finding as a result with its region, related locations and fix.
 *
 * Positions: lines and columns are 1-based and columns count UTF-16 code units, as ours do
 * (`run.columnKind` says so); regions end at the column after the last character, like our end
 * points. Fix offsets are offsets into the page text with any byte order mark removed.
 *
 * Messages without a rule (a file that cannot be read, a problem with the page's own directives)
 * are not results but tool execution notifications, with their region when the file was read; the
 * invocation is unsuccessful when a file could not be read.
 */
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { LintMessage } from "../engine/message.js";
import type { LintResult } from "../engine/result.js";
import type { RuleMeta } from "../engine/rule.js";
import type { Point } from "../parse/source.js";
import { PACKAGE_NAME, packageInfo } from "../util/package-info.js";
import type { FormatContext } from "./format.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_VERSION = "2.1.0";
export const TOOL_NAME = PACKAGE_NAME;
/** The base id artifact URIs are relative to: the working directory of the run. */
export const SRCROOT = "%SRCROOT%";

type Level = "error" | "warning";

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLocation {
  id?: number;
  message?: { text: string };
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  fixes?: {
    artifactChanges: {
      artifactLocation: ArtifactLocation;
      replacements: {
        deletedRegion: { charOffset: number; charLength: number };
        insertedContent: { text: string };
      }[];
    }[];
  }[];
}

interface Notification {
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
}

/** A file URL for a folder, ending with a slash (a base URI must, for relative URIs to resolve). */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/**
 * Where a file is: relative to the working directory (base id %SRCROOT%) with forward slashes and
 * percent-encoded segments, or an absolute file URL for a file outside it.
 */
export function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const rel = relative(cwd, filePath);
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function region(start: Point, end: Point): Region {
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function levelOf(severity: 1 | 2): Level {
  return severity === 2 ? "error" : "warning";
}

function ruleDescriptors(rules: readonly RuleMeta[]) {
  return rules.map((meta) => ({
    id: meta.id,
    name: meta.id
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    helpUri: meta.docs,
    help: {
      text: `${meta.description} See ${meta.docs}`,
      markdown: `${meta.description}\n\n[Rule documentation](${meta.docs})`,
    },
    defaultConfiguration: { level: meta.defaultSeverity === "error" ? "error" : "warning" },
    properties: { fixable: meta.fixable },
  }));
}

function toResult(m: LintMessage, location: ArtifactLocation, ruleIndex: Map<string, number>): SarifResult {
  const out: SarifResult = {
    ruleId: m.ruleId,
    ruleIndex: m.ruleId !== undefined ? ruleIndex.get(m.ruleId) : undefined,
    level: levelOf(m.severity),
    message: { text: m.reason },
    locations: [
      { physicalLocation: { artifactLocation: location, region: region(m.startPoint, m.endPoint) } },
    ],
  };
  if (out.ruleIndex === undefined) delete out.ruleIndex;
  if (m.related.length > 0) {
    out.relatedLocations = m.related.map((rel, i) => ({
      id: i + 1,
      message: { text: rel.message },
      physicalLocation: { artifactLocation: location, region: region(rel.start, rel.end) },
    }));
  }
  if (m.fix) {
    const { range, text } = m.fix;
    out.fixes = [
      {
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: [
              {
                deletedRegion: { charOffset: range.start, charLength: Math.max(0, range.end - range.start) },
                insertedContent: { text },
              },
            ],
          },
        ],
      },
    ];
  }
  return out;
}

export function formatSarif(results: LintResult[], context: FormatContext): string {
  const { cwd, rules } = context;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: SarifResult[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, cwd);
    for (const m of result.messages) {
      if (result.unreadable || m.ruleId === undefined) {
        // Not a rule's finding: a file that cannot be read (no region), or a problem the linter
        // itself reports in a page, such as a bad inline directive (with its region).
        const physicalLocation: SarifLocation["physicalLocation"] = { artifactLocation: location };
        if (!result.unreadable) physicalLocation.region = region(m.startPoint, m.endPoint);
        notifications.push({
          level: levelOf(m.severity),
          message: { text: m.reason },
          locations: [{ physicalLocation }],
        });
      } else {
        sarifResults.push(toResult(m, location, ruleIndex));
      }
    }
  }
  const pkg = packageInfo();
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            ...(pkg?.repositoryUrl !== undefined ? { informationUri: pkg.repositoryUrl } : {}),
            ...(pkg !== undefined ? { version: pkg.version } : {}),
            rules: ruleDescriptors(rules),
          },
        },
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.unreadable),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        columnKind: "utf16CodeUnits",
        newlineSequences: ["\r\n", "\n", "\r"],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
