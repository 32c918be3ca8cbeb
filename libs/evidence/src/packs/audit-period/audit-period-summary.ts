import type { AuditEventEntity } from '@attest/audit';
import type { EvidenceDocument } from '../../rendering';
import type { PackFact, PackManifest, PeriodRecord } from '../pack-layout';
import { countsSection, ledgerSection, text } from '../summary-sections';

/** Events listed in the PDF; the CSV holds all of them. */
const EVENTS_SHOWN = 100;

export interface AuditPeriodSummaryInput {
  manifest: Omit<PackManifest, 'files'>;
  period: PeriodRecord;
  events: AuditEventEntity[];
  facts: PackFact[];
  treeSize: number;
  keyId: string;
}

/** The audit period pack's summary.pdf: the figures, the policies that fired, and the first events. */
export function auditPeriodSummary(input: AuditPeriodSummaryInput): EvidenceDocument {
  const { period, manifest, events } = input;
  const scope = period.scope.type === 'Automation' ? `automation ${text(period.scope.automationKey)}` : 'the whole tenant';
  const actions = new Map<string, number>();
  for (const e of events) actions.set(e.action, (actions.get(e.action) ?? 0) + 1);
  return {
    title: `Evidence pack: audit period of ${scope}`,
    subtitle: `${period.from} to ${period.to} (end excluded). Exported ${manifest.generatedAt} by ${manifest.generatedBy}`,
    generatedAt: manifest.generatedAt,
    sections: [
      {
        heading: 'Scope',
        blocks: [
          {
            facts: [
              ['Scope', period.scope.type === 'Automation' ? `Automation ${period.scope.id}` : `Tenant ${period.scope.id}`],
              ['From', period.from],
              ['To (excluded)', period.to],
              ['Audit events', String(period.auditEvents)],
            ],
          },
        ],
      },
      countsSection('Decisions recorded in the period', period.decisions),
      {
        heading: 'Policies that fired',
        blocks:
          period.policiesFired.length === 0
            ? [{ paragraph: 'No policy matched a decision of the period.' }]
            : [
                {
                  table: {
                    columns: ['Policy', 'Effect', 'Decisions'],
                    rows: period.policiesFired.map((p) => [p.id, p.effect, String(p.count)]),
                  },
                },
              ],
      },
      {
        heading: 'Blocked attempts',
        blocks: [
          { facts: [['Decisions denied by a policy', String(period.blockedAttempts.deniedDecisions)]] },
          { paragraph: period.blockedAttempts.note },
        ],
      },
      {
        heading: 'Audit trail',
        blocks: [
          { table: { columns: ['Action', 'Events'], rows: [...actions].sort((a, b) => b[1] - a[1]).map(([a, n]) => [a, String(n)]) } },
          {
            table: {
              columns: ['When', 'Actor', 'Action', 'Subject'],
              rows: events
                .slice(0, EVENTS_SHOWN)
                .map((e) => [e.occurredAt.toISOString(), text(e.actorId), e.action, `${e.subjectType} ${e.subjectId}`]),
            },
          },
          ...(events.length > EVENTS_SHOWN
            ? [{ paragraph: `The other ${events.length - EVENTS_SHOWN} events are in audit-events.csv.` }]
            : []),
          ...(manifest.notYetSealed > 0
            ? [{ paragraph: `${manifest.notYetSealed} events of the period are not sealed yet and are not in this pack.` }]
            : []),
        ],
      },
      ledgerSection(manifest.origin, input.facts, input.treeSize, input.keyId),
    ],
    footer:
      'audit-events.csv and the JSON files of this pack are the evidence; this summary renders them. Verify with: attest evidence verify <pack.zip> --key pub.pem',
  };
}
