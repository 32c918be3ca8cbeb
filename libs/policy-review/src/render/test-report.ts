import { describeFailure, type PackTestResult } from '@attest/policy';
import type { PackTestRun, PolicyTestRun } from '../pack-tests/policy-test-run';
import type { CheckReport, Finding, FindingRule } from '../report/check-report';
import { locationOf } from './location';
import { code, details, table } from './markdown';

export const TEST_RULES: FindingRule[] = [
  { id: 'test-failed', description: 'A pack test case did not get the effect and policies it expects' },
  { id: 'policy-not-covered', description: 'No test case expects the policy to match, or none expects it not to' },
  { id: 'condition-not-covered', description: 'No test case makes the condition true, or none makes it false' },
  { id: 'invalid-pack', description: 'A pack or its tests cannot be loaded' },
];

const failures = (run: PolicyTestRun) => run.packs.flatMap((p) => p.results.filter((r) => !r.passed).map((r) => ({ pack: p, result: r })));

/** A failure, and where the policies it is about are written: those expected and not matched, or matched and not expected. */
function failureText(pack: PackTestRun, result: PackTestResult): string {
  const expected = result.testCase.expect.matched;
  const actual = result.actual?.matched ?? [];
  const differing = [...expected.filter((id) => !actual.includes(id)), ...actual.filter((id) => !expected.includes(id))];
  const where = differing.filter((id) => pack.sources[id]).map((id) => `${id} at ${pack.sources[id]}`);
  return `${describeFailure(result)}${where.length > 0 ? ` (${where.join('; ')})` : ''}`;
}

/** The test run for a terminal, as `attest policy test` has always printed it, plus condition coverage. */
export function testText(run: PolicyTestRun): string {
  const lines: string[] = [];
  for (const p of run.packs) {
    lines.push(`${p.dir}: ${p.policies} policies, digest ${p.digest.slice(0, 12)}`);
    for (const r of p.results.filter((x) => !x.passed)) lines.push(`  FAIL ${failureText(p, r)}`);
    lines.push(`  ${p.results.filter((r) => r.passed).length} of ${p.results.length} cases passed`);
    if (p.uncoveredPolicies.length > 0) lines.push(`  not covered from both sides: ${p.uncoveredPolicies.map((u) => u.id).join(', ')}`);
    for (const c of p.uncoveredConditions)
      lines.push(`  condition never ${c.never}: ${c.policyId} ${c.path} (${c.location.file}:${c.location.line})`);
  }
  // Worded so that it is not mistaken for the test runner's own "N passed, N failed" closing line.
  lines.push(
    `policy tests: ${run.passed} of ${run.passed + run.failed} cases passed in ${run.packs.length} pack${run.packs.length === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

/** For a pull-request comment or a job summary. */
export function testMarkdown(run: PolicyTestRun): string {
  const parts = [
    '## Attest policy tests',
    table(
      ['Pack', 'Policies', 'Cases passed', 'Policies not covered', 'Conditions not covered'],
      run.packs.map((p) => [
        code(p.name),
        p.policies,
        `${p.results.filter((r) => r.passed).length} of ${p.results.length}`,
        p.uncoveredPolicies.length,
        p.uncoveredConditions.length,
      ]),
    ),
  ];
  const failed = failures(run);
  if (failed.length > 0)
    parts.push(
      details(
        `${failed.length} failed case${failed.length === 1 ? '' : 's'}`,
        failed.map(({ pack, result }) => `- ${failureText(pack, result)}`).join('\n'),
      ),
    );
  const uncovered = run.packs.flatMap((p) => [
    ...p.uncoveredPolicies.map((u) => `- policy ${code(u.id)} (${u.source}): not pinned down from both sides`),
    ...p.uncoveredConditions.map((c) => `- ${code(c.policyId)} ${code(c.path)} (${c.location.file}:${c.location.line}): never ${c.never}`),
  ]);
  if (uncovered.length > 0) parts.push(details('Coverage gaps', uncovered.join('\n')));
  return `${parts.join('\n\n')}\n`;
}

/** Cases per pack (JUnit); failures and coverage gaps as findings (SARIF, annotations). */
export function testCheckReport(run: PolicyTestRun, version: string): CheckReport {
  const findings: Finding[] = [];
  for (const { pack, result } of failures(run)) {
    findings.push({
      ruleId: 'test-failed',
      level: 'error',
      location: locationOf(result.testCase.source),
      message: failureText(pack, result).replace(/^[^ ]+: /, ''),
    });
  }
  for (const p of run.packs) {
    for (const u of p.uncoveredPolicies)
      findings.push({
        ruleId: 'policy-not-covered',
        level: 'warning',
        location: locationOf(u.source),
        message: `${u.id}: no case expects it to match, or none expects it not to`,
      });
    for (const c of p.uncoveredConditions)
      findings.push({
        ruleId: 'condition-not-covered',
        level: 'note',
        location: c.location,
        message: `${c.policyId} ${c.path}: never ${c.never} in the tests`,
      });
  }
  return {
    tool: 'attest policy test',
    version,
    rules: TEST_RULES,
    findings,
    cases: run.packs.flatMap((p) =>
      p.results.map((r) => ({
        suite: p.name,
        name: r.testCase.name,
        status: r.error ? ('error' as const) : r.passed ? ('passed' as const) : ('failed' as const),
        message: r.passed ? undefined : failureText(p, r),
        location: locationOf(r.testCase.source),
      })),
    ),
  };
}

/** Problems that kept packs from loading (exit 2), as a report the machine formats can carry. */
export function invalidInputReport(tool: string, version: string, problems: readonly string[]): CheckReport {
  return {
    tool,
    version,
    rules: TEST_RULES.filter((r) => r.id === 'invalid-pack'),
    cases: [],
    findings: problems.map((p) => {
      const m = /^(.*?:\d+): (.*)$/.exec(p);
      return { ruleId: 'invalid-pack', level: 'error' as const, location: locationOf(m?.[1]), message: m ? m[2] : p };
    }),
  };
}
