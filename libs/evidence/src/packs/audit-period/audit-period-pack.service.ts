import { Injectable } from '@nestjs/common';
import { AuditService } from '@attest/audit';
import { AttestError } from '@attest/core';
import { DecisionPeriodStats } from '@attest/decisions';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { LedgerFactProofs } from '@attest/ledger';
import { AutomationsService, AutomationVersionsService } from '@attest/registry';
import { renderPdf } from '../../rendering';
import type { BuiltPack } from '../pack-layout';
import { decisionCountsRecord } from '../model-version/model-version-records';
import { PackAssembly, packJson } from '../pack-assembly';
import { EVIDENCE_PACK_FORMAT, PACK_FILES, type PackManifest, type PeriodRecord } from '../pack-layout';
import { auditEventsCsv } from './audit-events-csv';
import { auditPeriodSummary } from './audit-period-summary';
import { assertPeriod, MAX_PERIOD_EVENTS } from './period-limits';

export const BLOCKED_NOTE =
  'Denied decisions are stored with status blocked. A registry change a policy gate refused (POLICY_DENIED) is rolled back with its transaction and leaves no record to count.';

/**
 * An audit period's evidence pack (docs/evidence.md, "Model version and audit period packs"): for
 * an automation or the whole tenant over [from, to), the decisions counted by status with review and
 * override rates, the policies that fired, the blocked attempts, and every audit event of the period
 * as audit-events.csv, each with its ledger leaf and proof. Counts come from the decisions context
 * under the exporter's read rules; the events from the audit context's.
 */
@Injectable()
export class AuditPeriodPackService {
  constructor(
    private readonly automations: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly audit: AuditService,
    private readonly decisions: DecisionPeriodStats,
    private readonly proofs: LedgerFactProofs,
    private readonly assembly: PackAssembly,
  ) {}

  async build(actor: AuthenticatedPrincipal, from: Date, to: Date, automationId?: string | null): Promise<BuiltPack> {
    assertPeriod(from, to);
    const automation = automationId ? await this.automations.get(actor, automationId) : null;
    const subjectIds = automation ? await this.subjectsOf(actor, automation.id, from, to) : undefined;
    const [figures, events] = await Promise.all([
      this.decisions.figures(actor, { automationId: automation?.id, from, to }),
      this.audit.eventsInPeriod(actor, { from, to, subjectIds }, MAX_PERIOD_EVENTS + 1),
    ]);
    if (events.length > MAX_PERIOD_EVENTS) {
      throw AttestError.validation(
        `The period holds more than ${MAX_PERIOD_EVENTS} audit events, the most one pack proves: export shorter periods`,
        { field: 'to', limit: MAX_PERIOD_EVENTS },
      );
    }
    const proved = await this.proofs.prove(
      actor.tenantId,
      events.map((e) => ({ kind: 'audit_event', factId: e.id })),
    );
    const sealed = new Map(proved.facts.map((f) => [f.factId, f.index]));
    const sealedEvents = events.filter((e) => sealed.has(e.id));
    const facts = await this.assembly.withOpenings(actor.tenantId, proved.facts, {
      audit_event: ['before', 'after', 'changes', 'correlationId'],
    });
    const counts = decisionCountsRecord(figures);
    const scope = automation
      ? { type: 'Automation' as const, id: automation.id, automationKey: automation.key }
      : { type: 'Tenant' as const, id: actor.tenantId };
    const period: PeriodRecord = {
      scope,
      from: from.toISOString(),
      to: to.toISOString(),
      decisions: {
        ...counts,
        reviewRate: counts.total === 0 ? null : counts.reviewed / counts.total,
        overrideRate: counts.reviewed === 0 ? null : counts.overridden / counts.reviewed,
      },
      policiesFired: figures.policiesFired,
      blockedAttempts: { deniedDecisions: counts.byStatus.blocked ?? 0, note: BLOCKED_NOTE },
      auditEvents: sealedEvents.length,
    };
    const described: Omit<PackManifest, 'files'> = {
      format: EVIDENCE_PACK_FORMAT,
      kind: 'audit_period',
      subject: { type: scope.type, id: scope.id },
      period: { from: period.from, to: period.to },
      origin: proved.origin,
      generatedAt: new Date().toISOString(),
      generatedBy: actor.principalId,
      withheld: [],
      notYetSealed: events.length - sealedEvents.length,
    };
    const summary = auditPeriodSummary({
      manifest: described,
      period,
      events: sealedEvents,
      facts,
      treeSize: proved.checkpoint.treeSize,
      keyId: proved.key.keyId,
    });
    const files = new Map<string, Buffer>([
      [PACK_FILES.period, packJson(period)],
      [PACK_FILES.auditEventsCsv, auditEventsCsv(sealedEvents, sealed)],
      ...this.assembly.ledgerFiles(proved, facts),
      [PACK_FILES.summary, await renderPdf(summary)],
    ]);
    const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
    return this.assembly.finish(
      actor,
      described,
      files,
      `evidence-audit-period-${automation?.key ?? 'tenant'}-${stamp(from)}-${stamp(to)}.zip`,
      {
        subjectType: scope.type,
        subjectId: scope.id,
        after: { from: period.from, to: period.to, checkpointSize: proved.checkpoint.treeSize, facts: facts.length },
      },
    );
  }

  /** An automation's subjects in the audit trail: itself, its versions, the model versions they use, and its decisions reviewed in the period. */
  private async subjectsOf(actor: AuthenticatedPrincipal, automationId: string, from: Date, to: Date): Promise<string[]> {
    const [versions, reviewed] = await Promise.all([
      this.automationVersions.versionsOfAutomations(actor, [automationId]),
      this.decisions.reviewedIn(actor, automationId, from, to, MAX_PERIOD_EVENTS + 1),
    ]);
    const models = await this.automationVersions.modelVersionsOf(
      actor,
      versions.map((v) => v.id),
    );
    return [...new Set([automationId, ...versions.map((v) => v.id), ...models.map((l) => l.row.id), ...reviewed])];
  }
}
