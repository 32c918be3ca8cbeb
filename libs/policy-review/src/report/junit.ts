import type { CheckCase, CheckReport } from './check-report';
import { repositoryPath } from './repository-path';
import { xmlAttribute, xmlText } from './xml-escape';

/** The child element that marks a case as not passed, as JUnit readers expect it. */
const OUTCOME_ELEMENT: Record<Exclude<CheckCase['status'], 'passed'>, string> = {
  failed: 'failure',
  error: 'error',
};

/**
 * JUnit XML as GitLab, Jenkins and the GitHub test-report actions read it: one `<testsuite>`
 * per `case.suite` in first-seen order, one `<testcase>` per case, `<failure>` or `<error>` for
 * the ones that did not pass. Only `cases` are rendered: the commands already report each failed
 * case as a case, and a finding with no case (a lint warning, a changed outcome) is not a test
 * that ran, so it is left to SARIF and the GitHub annotations rather than counted here.
 */
export function renderJUnit(report: CheckReport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: report.tool, ...counts(report.cases) })}>`,
    ...[...groupBySuite(report.cases)].flatMap(([suite, cases]) => suiteLines(suite, cases)),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function groupBySuite(cases: CheckCase[]): Map<string, CheckCase[]> {
  const suites = new Map<string, CheckCase[]>();
  for (const c of cases) {
    const suite = suites.get(c.suite);
    if (suite) suite.push(c);
    else suites.set(c.suite, [c]);
  }
  return suites;
}

function counts(cases: CheckCase[]): { tests: number; failures: number; errors: number } {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.status === 'failed').length,
    errors: cases.filter((c) => c.status === 'error').length,
  };
}

function suiteLines(suite: string, cases: CheckCase[]): string[] {
  return [`  <testsuite ${attributes({ name: suite, ...counts(cases) })}>`, ...cases.flatMap(caseLines), '  </testsuite>'];
}

function caseLines(c: CheckCase): string[] {
  // classname is what reporters group by; the suite (pack, lint rule, gate) is that group.
  const open = `    <testcase ${attributes({
    name: c.name,
    classname: c.suite,
    file: c.location && repositoryPath(c.location.file),
    line: c.location?.line,
  })}`;
  if (c.status === 'passed') return [`${open}/>`];
  const element = OUTCOME_ELEMENT[c.status];
  const message = c.message ?? c.status;
  // Reporters list the attribute on one line and show the body in full, as they do for a stack trace.
  return [
    `${open}>`,
    `      <${element} ${attributes({ message: message.split(/\r\n?|\n/, 1)[0] })}>${xmlText(message)}</${element}>`,
    '    </testcase>',
  ];
}

/** `key="value"` pairs in the given order, leaving out the absent ones. */
function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}="${xmlAttribute(String(value))}"`)
    .join(' ');
}
