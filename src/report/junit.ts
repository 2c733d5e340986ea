/**
 * JUnit XML, after ESLint's `junit` format, for CI servers that show test reports (Jenkins, GitLab,
 * Azure Pipelines): one `<testsuite>` per file, one failing `<testcase>` per finding (an `<error>`
 * for a file that cannot be read), and one passing test case for a clean file. Unlike ESLint's, the
 * suites count their failures, which Jenkins' schema requires. test/data/junit.xsd describes it.
 */
import { basename, dirname, extname, join } from "node:path";
import type { LintResult } from "../engine/result.js";
import { cdata, xmlEscape } from "./xml.js";

export function formatJunit(results: LintResult[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const classname = xmlEscape(
      join(dirname(result.filePath), basename(result.filePath, extname(result.filePath))),
    );
    const name = xmlEscape(result.filePath);
    const cases = result.messages.map((m) => {
      const element = result.unreadable ? "error" : "failure";
      const type = m.severity === 2 ? "Error" : "Warning";
      const text = `line ${m.startPoint.line}, col ${m.startPoint.column}, ${type} - ${m.reason}${m.ruleId ? ` (${m.ruleId})` : ""}`;
      return (
        `    <testcase time="0" name="graph-docs-lint.${xmlEscape(m.ruleId ?? "unknown")}" classname="${classname}">` +
        `<${element} message="${xmlEscape(m.reason)}">${cdata(text)}</${element}></testcase>`
      );
    });
    const suiteFailures = result.unreadable ? 0 : cases.length;
    const suiteErrors = result.unreadable ? cases.length : 0;
    if (cases.length === 0) cases.push(`    <testcase time="0" name="${name}" classname="${classname}" />`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite package="graph-docs-lint" time="0" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" name="${name}">`,
      ...cases,
      "  </testsuite>",
    );
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="graph-docs-lint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
