/**
 * What every `attest policy …` command reports, in one neutral shape that the machine formats
 * (JUnit, SARIF, GitHub annotations) render; the person-facing formats (text, Markdown, JSON)
 * render each command's own richer model. Ordering is stable: renderers never reorder.
 */
export type FindingLevel = 'error' | 'warning' | 'note';

/** Where something is written: a repository-relative path and a 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** The kinds of finding a command can report, each with a stable id (SARIF rules, JUnit class names). */
export interface FindingRule {
  id: string;
  /** One sentence. */
  description: string;
}

/** Something a reviewer should see: a failed test case, a lint problem, a changed outcome. */
export interface Finding {
  ruleId: string;
  level: FindingLevel;
  message: string;
  location?: SourceLocation;
}

/** One check that passed or failed: a test case, a lint rule over a file, a `--fail-on` gate. */
export interface CheckCase {
  /** The group it belongs to (a pack, a lint rule, "fail-on"): a JUnit testsuite. */
  suite: string;
  name: string;
  status: 'passed' | 'failed' | 'error';
  /** Why it failed or errored. */
  message?: string;
  location?: SourceLocation;
}

export interface CheckReport {
  /** The command, e.g. "attest policy test". */
  tool: string;
  /** Attest's version, for SARIF's tool.driver.version. */
  version: string;
  rules: FindingRule[];
  cases: CheckCase[];
  findings: Finding[];
}
