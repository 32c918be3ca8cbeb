import type { PolicyDiffReport } from '../diff/policy-diff';
import type { CheckReport, Finding, FindingRule } from '../report/check-report';
import { locationOf } from './location';
import { transitionLabel } from './markdown';

export const DIFF_RULES: FindingRule[] = [
  { id: 'policy-added', description: 'A risk policy is added' },
  { id: 'policy-removed', description: 'A risk policy is removed' },
  { id: 'policy-changed', description: 'A risk policy changes (fields or conditions)' },
  { id: 'access-gained', description: 'A role gains or widens a permission' },
  { id: 'access-lost', description: 'A role loses or narrows a permission' },
  { id: 'access-changed', description: 'A permission changes otherwise' },
  { id: 'outcome-changed', description: 'Recorded decisions would come out differently under the head pack' },
  { id: 'gate-changed', description: "A model or automation version's lifecycle gate would judge the move into its status differently" },
  { id: 'fail-on', description: 'A --fail-on check failed' },
];

/** The policy review as findings (machine formats) and the --fail-on checks as cases. */
export function diffCheckReport(report: PolicyDiffReport, version: string): CheckReport {
  const findings: Finding[] = [];
  for (const pack of report.packs) {
    for (const p of pack.policies) {
      findings.push({
        ruleId: `policy-${p.change}`,
        level: 'note',
        location: locationOf(p.source),
        message: `${pack.pack}/${p.id} ${p.change}${p.change === 'changed' ? `: ${[...p.fields.map((f) => f.field), ...p.conditions.map((c) => `${c.path} ${c.change}`)].join(', ')}` : ''}`,
      });
    }
  }
  for (const a of report.access) {
    const ruleId =
      a.change === 'gained' || a.change === 'widened'
        ? 'access-gained'
        : a.change === 'lost' || a.change === 'narrowed'
          ? 'access-lost'
          : 'access-changed';
    findings.push({
      ruleId,
      level: ruleId === 'access-gained' ? 'warning' : 'note',
      location: locationOf(a.sources[0]),
      message: `${a.role} ${a.change} ${a.action} on ${a.subject}: ${a.before} → ${a.after}`,
    });
  }
  for (const r of report.replay?.reports ?? []) {
    for (const e of r.byEffect) {
      findings.push({
        ruleId: 'outcome-changed',
        level: e.to === 'deny' && e.from !== 'deny' ? 'warning' : 'note',
        message: `pack ${r.pack}: ${e.count} recorded decision${e.count === 1 ? '' : 's'}: ${transitionLabel(e.from, e.to)}`,
      });
    }
  }
  for (const r of report.replay?.reports ?? []) {
    for (const g of r.gates.changed) {
      const fails = g.head.effect === 'deny' && g.base.effect !== 'deny';
      findings.push({
        ruleId: 'gate-changed',
        level: fails ? 'warning' : 'note',
        message: `pack ${r.pack}: ${g.subjectType} ${g.label} (${g.status}): gate ${g.base.effect} → ${g.head.effect}`,
      });
    }
  }
  for (const c of report.checks.filter((x) => !x.passed))
    findings.push({ ruleId: 'fail-on', level: 'error', message: `--fail-on ${c.rule}: ${c.detail}` });
  // Code scanning (GitHub) refuses a result without a location: a replay's or a check's finding is
  // about the change as a whole, so it points where the change starts.
  const anchor = findings.find((f) => f.location)?.location;
  if (anchor) for (const f of findings) f.location ??= anchor;
  return {
    tool: 'attest policy diff',
    version,
    rules: DIFF_RULES,
    findings,
    cases: report.checks.map((c) => ({
      suite: 'fail-on',
      name: c.rule,
      status: c.passed ? 'passed' : 'failed',
      message: c.passed ? undefined : c.detail,
    })),
  };
}
