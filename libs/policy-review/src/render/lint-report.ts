import type { LintResult } from '../lint/lint-policies';
import { LINT_RULES } from '../lint/lint-rules';
import type { CheckReport, Finding } from '../report/check-report';
import { code, table } from './markdown';

const where = (f: Finding) => (f.location ? `${f.location.file}:${f.location.line}` : '');

export function lintText(result: LintResult): string {
  const lines = result.findings.map((f) => `${where(f) || '(no file)'}: ${f.level}: ${f.message} [${f.ruleId}]`);
  const errors = result.findings.filter((f) => f.level === 'error').length;
  lines.push(
    `policy lint: ${result.packs.length} pack${result.packs.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${result.findings.length - errors} other finding${result.findings.length - errors === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

export function lintMarkdown(result: LintResult): string {
  const body =
    result.findings.length === 0
      ? 'No findings.'
      : table(
          ['Level', 'Rule', 'Where', 'Finding'],
          result.findings.map((f) => [f.level, code(f.ruleId), where(f), f.message]),
        );
  return `## Attest policy lint\n\n${body}\n`;
}

/** One JUnit case per rule and pack (failed when the rule found an error there); the findings as they are. */
export function lintCheckReport(result: LintResult, version: string): CheckReport {
  const cases = result.packs.flatMap((pack) =>
    LINT_RULES.map((rule) => {
      const found = result.findings.filter(
        (f) => f.ruleId === rule.id && f.level === 'error' && (f.location?.file.startsWith(`${pack.dir}/`) ?? true),
      );
      return {
        suite: `lint ${pack.name}`,
        name: rule.id,
        status: found.length > 0 ? ('failed' as const) : ('passed' as const),
        message: found.length > 0 ? found.map((f) => `${where(f)}: ${f.message}`).join('\n') : undefined,
      };
    }),
  );
  return { tool: 'attest policy lint', version, rules: LINT_RULES, findings: result.findings, cases };
}
