import type { CheckReport, Finding, FindingLevel } from './check-report';
import { repositoryPath } from './repository-path';

/** GitHub has no `note` command; `notice` is its lowest annotation level. */
const COMMAND: Record<FindingLevel, string> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per finding, for a step's log to show on the
 * pull request: `::error file=…,line=…,title=<ruleId>::<message>`. Empty when there is nothing.
 */
export function renderGithubAnnotations(report: CheckReport): string {
  return report.findings.map((finding) => `${annotation(finding)}\n`).join('');
}

function annotation(finding: Finding): string {
  const properties = [
    ...(finding.location ? [`file=${escapeProperty(repositoryPath(finding.location.file))}`, `line=${finding.location.line}`] : []),
    `title=${escapeProperty(finding.ruleId)}`,
  ];
  return `::${COMMAND[finding.level]} ${properties.join(',')}::${escapeData(finding.message)}`;
}

// The escaping of @actions/core (packages/core/src/command.ts), which the runner undoes: a raw
// newline would end the command, and a raw `:` or `,` in a property would end the property.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
