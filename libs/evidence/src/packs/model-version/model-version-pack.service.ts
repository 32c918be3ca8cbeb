import { Injectable } from '@nestjs/common';
import { AuditService, type AuditEventEntity } from '@attest/audit';
import { DecisionPeriodStats } from '@attest/decisions';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { LedgerFactProofs, type FactRef } from '@attest/ledger';
import { PolicyPacksService } from '@attest/policy';
import { DatasetPurpose, LifecycleService, ModelsService, ModelVersionsService } from '@attest/registry';
import { renderPdf } from '../../rendering';
import { auditEventRecord, plainRecord } from '../decision/decision-records';
import type { BuiltPack } from '../pack-layout';
import { PackAssembly, packJson } from '../pack-assembly';
import { EVIDENCE_PACK_FORMAT, PACK_FILES, type PackManifest } from '../pack-layout';
import { decisionCountsRecord, gateEvaluationsOf, lifecycleRecord, policyPackContent } from './model-version-records';
import { modelVersionSummary } from './model-version-summary';

/**
 * A model version's evidence pack (docs/evidence.md, "Model version and audit period packs"): its
 * registration, lifecycle moves and approvals, the gate verdicts recorded with them and the policy
 * packs at those digests, its training and evaluation dataset versions, its audit events, and the
 * count of the decisions it made by status. Every record is a sealed fact with its proof; the counts
 * are the server's and say so. Read through the owning contexts' services with the exporter's rights.
 */
@Injectable()
export class ModelVersionPackService {
  constructor(
    private readonly modelVersions: ModelVersionsService,
    private readonly models: ModelsService,
    private readonly lifecycle: LifecycleService,
    private readonly audit: AuditService,
    private readonly decisions: DecisionPeriodStats,
    private readonly packs: PolicyPacksService,
    private readonly proofs: LedgerFactProofs,
    private readonly assembly: PackAssembly,
  ) {}

  async build(actor: AuthenticatedPrincipal, modelVersionId: string): Promise<BuiltPack> {
    const mv = await this.modelVersions.get(actor, modelVersionId);
    const [model, training, evaluation, transitions, approvals, auditEvents, figures] = await Promise.all([
      this.models.get(actor, mv.modelId),
      this.modelVersions.datasetsOf(actor, [mv.id], DatasetPurpose.TRAINING),
      this.modelVersions.datasetsOf(actor, [mv.id], DatasetPurpose.EVALUATION),
      this.lifecycle.history(actor, [mv.id]),
      this.lifecycle.approvals(actor, [mv.id]),
      this.audit.eventsForSubjects(actor, [mv.id]),
      this.decisions.figures(actor, { modelVersionId: mv.id }),
    ]);
    const links = (rows: typeof training) =>
      rows.map((l) => ({ id: l.row.id, digest: l.row.digest })).sort((a, b) => a.id.localeCompare(b.id));
    const record = {
      ...plainRecord(mv),
      modelName: model.name,
      trainingDatasetVersions: links(training),
      evaluationDatasetVersions: links(evaluation),
    };
    const purposes = new Map<string, string[]>();
    for (const [purpose, rows] of [
      ['training', training],
      ['evaluation', evaluation],
    ] as const)
      for (const l of rows) purposes.set(l.row.id, [...(purposes.get(l.row.id) ?? []), purpose]);
    // The schema stays out: the leaf commits to it by an unsalted digest of PostgreSQL's jsonb text, which no reader can recompute.
    const datasetVersions = [...new Map([...training, ...evaluation].map((l) => [l.row.id, l.row])).values()].map(
      ({ schema: _schema, ...v }) => ({ ...plainRecord(v), purposes: purposes.get(v.id) ?? [] }),
    );

    const lifecycle = lifecycleRecord(transitions, approvals);

    const refs: FactRef[] = [
      { kind: 'model_version', factId: mv.id },
      ...[...purposes.keys()].map((id) => ({ kind: 'dataset_version', factId: id })),
      ...lifecycle.transitions.map((t) => ({ kind: 'lifecycle_transition', factId: t.id })),
      ...lifecycle.approvals.map((a) => ({ kind: 'lifecycle_approval', factId: a.id })),
      ...auditEvents.map((e) => ({ kind: 'audit_event', factId: e.id })),
    ];
    const proved = await this.proofs.prove(actor.tenantId, refs);
    this.assembly.requireSealed(proved, "The model version's");
    const sealed = (e: AuditEventEntity) => proved.facts.some((f) => f.kind === 'audit_event' && f.factId === e.id);
    const events = auditEvents.filter(sealed).map(auditEventRecord);
    const gates = gateEvaluationsOf(events);
    const policyPacks = await Promise.all(
      [...new Set(gates.map((g) => g.packDigest))].map(async (digest) =>
        policyPackContent((await this.packs.packWithActivations(actor, digest)).pack),
      ),
    );
    const facts = await this.assembly.withOpenings(actor.tenantId, proved.facts, { audit_event: ['before', 'after', 'changes'] });
    const counts = decisionCountsRecord(figures);

    const described: Omit<PackManifest, 'files'> = {
      format: EVIDENCE_PACK_FORMAT,
      kind: 'model_version',
      subject: { type: 'ModelVersion', id: mv.id },
      origin: proved.origin,
      generatedAt: new Date().toISOString(),
      generatedBy: actor.principalId,
      withheld: [],
      notYetSealed: auditEvents.length - events.length,
    };
    const summary = modelVersionSummary({
      manifest: described,
      modelVersion: record,
      lifecycle,
      gates,
      policyPacks,
      datasetVersions,
      counts,
      auditEvents: events,
      facts,
      treeSize: proved.checkpoint.treeSize,
      keyId: proved.key.keyId,
    });
    const files = new Map<string, Buffer>([
      [PACK_FILES.modelVersion, packJson(record)],
      [PACK_FILES.lifecycle, packJson(lifecycle)],
      [PACK_FILES.gateEvaluations, packJson(gates)],
      [PACK_FILES.policyPacks, packJson(policyPacks)],
      [PACK_FILES.datasetVersions, packJson(datasetVersions)],
      [PACK_FILES.decisionCounts, packJson(counts)],
      [PACK_FILES.auditEvents, packJson(events)],
      ...this.assembly.ledgerFiles(proved, facts),
      [PACK_FILES.summary, await renderPdf(summary)],
    ]);
    return this.assembly.finish(actor, described, files, `evidence-model-version-${mv.id}.zip`, {
      subjectType: 'ModelVersion',
      subjectId: mv.id,
      after: { checkpointSize: proved.checkpoint.treeSize, facts: facts.length },
    });
  }
}
