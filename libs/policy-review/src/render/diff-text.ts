import { accessDiffText } from '../access/access-diff-render';
import type { PolicyDiffReport } from '../diff/policy-diff';
import { count, transitionLabel } from './markdown';

/** The policy review for a terminal: the same content as the Markdown, as indented plain text. */
export function diffText(report: PolicyDiffReport): string {
  const side = (s: { label: string; commit: string | null }) => `${s.label}${s.commit ? ` (${s.commit.slice(0, 7)})` : ''}`;
  const lines: string[] = [`Policy review: ${side(report.base)} → ${side(report.head)}`, ''];
  const policies = report.packs.flatMap((p) => p.policies.map((c) => ({ pack: p.pack, c })));
  const by = (change: string) => policies.filter((p) => p.c.change === change).length;
  lines.push(
    `Risk policies: ${policies.length === 0 ? 'no change' : `${by('added')} added, ${by('removed')} removed, ${by('changed')} changed`}`,
  );
  for (const { pack, c } of policies) {
    lines.push(`  ${c.change.padEnd(8)} ${pack}/${c.id}  ${c.source}`);
    for (const f of c.fields) lines.push(`             ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`);
    for (const k of c.conditions)
      lines.push(`             ${k.path} ${k.change}: ${k.before ?? ''}${k.before && k.after ? ' → ' : ''}${k.after ?? ''}`);
  }
  lines.push(
    '',
    `Access rules: ${report.access.length === 0 ? 'no change' : `${report.access.length} permission${report.access.length === 1 ? '' : 's'} changed`}`,
  );
  if (report.access.length > 0)
    lines.push(
      ...accessDiffText(report.access)
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  if (report.replay) {
    lines.push('', `Replay (${report.replay.source}):`);
    if (report.replay.reports.length === 0) lines.push('  no changed pack to replay');
    for (const r of report.replay.reports) {
      lines.push(
        `  pack ${r.pack}: ${count(r.changed)} of ${count(r.replayed)} replayed decisions change (${count(r.decisions)} read, ${count(r.withoutFacts)} without facts, ${count(r.failed)} not evaluable)`,
      );
      for (const e of r.byEffect) lines.push(`    ${transitionLabel(e.from, e.to)}: ${count(e.count)}`);
      for (const a of r.byAutomation) lines.push(`    automation ${a.automationKey}: ${count(a.changed)}`);
      for (const p of r.byPolicy) lines.push(`    policy ${p.policyId}: now matches ${count(p.gained)}, no longer ${count(p.lost)}`);
      for (const f of r.failures) lines.push(`    not evaluable: ${f.id}: ${f.message}`);
      if (r.withheldFacts.length > 0)
        lines.push(`    facts withheld from the exporting key (replayed as null): ${r.withheldFacts.join(', ')}`);
      for (const e of r.examples)
        lines.push(
          `    e.g. ${e.id} (${e.automationKey}): ${e.base.effect} [${e.base.matched.join(', ')}] → ${e.head.effect} [${e.head.matched.join(', ')}]  ${JSON.stringify(e.facts)}`,
        );
      // After the decisions, not among them: gates are versions, not decisions (and absent from an export without them).
      if (r.gates.checked > 0) {
        lines.push(`  pack ${r.pack}, lifecycle gates: ${r.gates.changed.length} of ${count(r.gates.checked)} versions judged differently`);
        for (const g of r.gates.changed) lines.push(`    ${g.subjectType} ${g.label} (${g.status}): ${g.base.effect} → ${g.head.effect}`);
      }
    }
  }
  if (report.checks.length > 0) {
    lines.push('', 'Checks:');
    for (const c of report.checks) lines.push(`  ${c.passed ? 'pass' : 'FAIL'} ${c.rule}: ${c.detail}`);
  }
  return `${lines.join('\n')}\n`;
}
