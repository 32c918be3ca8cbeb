import { accessDiffMarkdown } from '../access/access-diff-render';
import type { PackDiff, PolicyChange } from '../diff/pack-diff';
import type { PolicyDiffReport } from '../diff/policy-diff';
import type { ReplayReport } from '../replay/replay';
import { code, count, details, table, transitionLabel } from './markdown';

/** The first line of the comment: the workflow finds its own comment by it, to update it rather than add another. */
export const COMMENT_MARKER = '<!-- attest-policy-review -->';

const short = (commit: string | null) => (commit ? ` (${commit.slice(0, 7)})` : '');

/**
 * The policy review as a pull-request comment: a summary table first, then the details in
 * collapsible sections. Everything is in a stable order (packs, policies and roles by name,
 * counts largest first then by name), so a re-run on the same change gives the same text.
 */
export function diffMarkdown(report: PolicyDiffReport): string {
  const parts = [
    COMMENT_MARKER,
    '## Attest policy review',
    `Base ${code(report.base.label)}${short(report.base.commit)} → head ${code(report.head.label)}${short(report.head.commit)}`,
    summaryTable(report),
  ];
  if (report.checks.length > 0) {
    parts.push(
      table(
        ['Check', 'Result', ''],
        report.checks.map((c) => [code(c.rule), c.passed ? 'passed' : '**failed**', c.detail]),
      ),
    );
  }
  const changedPacks = report.packs.filter((p) => p.policies.length > 0);
  for (const pack of changedPacks)
    parts.push(details(`Risk policies: pack <code>${pack.pack}</code> (${packSummary(pack)})`, packBody(pack)));
  if (report.access.length > 0)
    parts.push(
      details(
        `Access rules: ${report.access.length} permission${report.access.length === 1 ? '' : 's'} changed`,
        accessDiffMarkdown(report.access),
      ),
    );
  for (const replay of report.replay?.reports ?? []) {
    if (replay.changed > 0 || replay.failed > 0)
      parts.push(
        details(
          `Replay of pack <code>${replay.pack}</code>: ${count(replay.changed)} of ${count(replay.replayed)} decisions change`,
          replayBody(replay),
        ),
      );
    else if (replay.withheldFacts.length > 0) parts.push(withheldNote(replay));
    if (replay.gates.changed.length > 0) {
      parts.push(
        details(
          `Lifecycle gates of pack <code>${replay.pack}</code>: ${replay.gates.changed.length} of ${count(replay.gates.checked)} versions judged differently`,
          gatesBody(replay),
        ),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function summaryTable(report: PolicyDiffReport): string {
  const policies = report.packs.flatMap((p) => p.policies);
  const by = (change: PolicyChange['change']) => policies.filter((p) => p.change === change).length;
  const rows: string[][] = [
    ['Risk policies', policies.length === 0 ? 'no change' : `${by('added')} added, ${by('removed')} removed, ${by('changed')} changed`],
    ['Access rules', report.access.length === 0 ? 'no change' : accessSummary(report)],
  ];
  if (report.replay) {
    const total = (pick: (r: ReplayReport) => number) => report.replay!.reports.reduce((n, r) => n + pick(r), 0);
    const read = report.replay.reports[0]?.decisions ?? 0;
    const flips = mergedTransitions(report.replay.reports)
      .map((t) => `${transitionLabel(t.from, t.to)}: ${count(t.count)}`)
      .join(', ');
    const gates = total((r) => r.gates.changed.length);
    if (total((r) => r.gates.checked) > 0) {
      rows.push([
        'Lifecycle gates',
        `${count(gates)} of ${count(total((r) => r.gates.checked))} versions judged differently` +
          `${gates ? ` (${count(total((r) => r.gates.changed.filter((g) => g.head.effect === 'deny' && g.base.effect !== 'deny').length))} would now fail)` : ''}`,
      ]);
    }
    rows.push([
      'Recorded decisions',
      report.replay.reports.length === 0
        ? 'no changed pack to replay'
        : `${count(total((r) => r.changed))} of ${count(total((r) => r.replayed))} replayed would change${flips ? ` (${flips})` : ''}` +
          `${read ? `; ${count(read)} read from ${report.replay.source}` : ''}`,
    ]);
  }
  return table(['', 'What changes'], rows);
}

function accessSummary(report: PolicyDiffReport): string {
  const kinds = ['gained', 'widened', 'narrowed', 'lost', 'changed'] as const;
  return kinds
    .map((k) => [k, report.access.filter((c) => c.change === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

function mergedTransitions(reports: readonly ReplayReport[]) {
  const merged = new Map<string, { from: string; to: string; count: number }>();
  for (const r of reports)
    for (const e of r.byEffect) {
      const key = `${e.from}>${e.to}`;
      merged.set(key, { from: e.from, to: e.to, count: (merged.get(key)?.count ?? 0) + e.count });
    }
  return [...merged.values()].sort((a, b) => b.count - a.count || `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
}

function packSummary(pack: PackDiff): string {
  return pack.change === 'added'
    ? 'new pack'
    : pack.change === 'removed'
      ? 'pack removed'
      : `${pack.policies.length} polic${pack.policies.length === 1 ? 'y' : 'ies'} changed`;
}

function packBody(pack: PackDiff): string {
  return pack.policies
    .map((p) => {
      const head = `**${p.change}** ${code(p.id)} — ${p.source}`;
      if (p.change !== 'changed') {
        const policy = (p.head ?? p.base)!;
        return `${head}: ${policy.effect}, ${policy.severity}, ${policy.appliesTo} — ${policy.description}`;
      }
      const rows = [
        ...p.fields.map((f) => [f.field, JSON.stringify(f.before), JSON.stringify(f.after)]),
        ...p.conditions.map((c) => [`${c.path} (${c.change})`, c.before ? code(c.before) : '', c.after ? code(c.after) : '']),
      ];
      return `${head}\n\n${table(['Field', 'Base', 'Head'], rows)}`;
    })
    .join('\n\n');
}

function replayBody(r: ReplayReport): string {
  const parts = [
    `${count(r.decisions)} decisions read: ${count(r.replayed)} replayed, ${count(r.withoutFacts)} recorded without an active pack (no facts), ${count(r.failed)} not evaluable.`,
  ];
  if (r.changed > 0) {
    parts.push(
      table(
        ['From', 'To', 'Decisions'],
        r.byEffect.map((e) => [e.from, e.from === e.to ? `${e.to} (other policies)` : e.to, count(e.count)]),
      ),
      table(
        ['Automation', 'Decisions changed', 'How'],
        r.byAutomation.map((a) => [
          code(a.automationKey),
          count(a.changed),
          a.byEffect.map((e) => `${transitionLabel(e.from, e.to)}: ${count(e.count)}`).join(', '),
        ]),
      ),
      table(
        ['Policy', 'Now matches', 'No longer matches'],
        r.byPolicy.map((p) => [code(p.policyId), count(p.gained), count(p.lost)]),
      ),
    );
  }
  if (r.examples.length > 0) {
    parts.push(`Examples (the first ${r.examples.length}; facts as recorded, redacted):`);
    parts.push(
      r.examples
        .map(
          (e) =>
            `- ${code(e.id)} (${code(e.automationKey)}, ${e.recordedAt}): ${e.base.effect} [${e.base.matched.join(', ')}] → ${e.head.effect} [${e.head.matched.join(', ')}]\n` +
            `  \`\`\`json\n  ${JSON.stringify(e.facts)}\n  \`\`\``,
        )
        .join('\n'),
    );
  }
  if (r.withheldFacts.length > 0) parts.push(withheldNote(r));
  if (r.failures.length > 0)
    parts.push(`Not evaluable (first ${r.failures.length}): ${r.failures.map((f) => `${code(f.id)}: ${f.message}`).join('; ')}`);
  return parts.join('\n\n');
}

function gatesBody(r: ReplayReport): string {
  return table(
    ['Version', 'Kind', 'Status', 'Base', 'Head'],
    r.gates.changed.map((g) => [
      code(g.label),
      g.subjectType,
      g.status,
      `${g.base.effect} [${g.base.matched.join(', ')}]`,
      `${g.head.effect} [${g.head.matched.join(', ')}]`,
    ]),
  );
}

function withheldNote(r: ReplayReport): string {
  return `The exporting key's role may not read ${r.withheldFacts.map(code).join(', ')}: policies reading them were replayed with them as null.`;
}
