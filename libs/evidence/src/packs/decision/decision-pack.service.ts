import { Injectable } from '@nestjs/common';
import { AuditService } from '@attest/audit';
import { DecisionFieldAccess, DecisionsService, type DecisionEntity } from '@attest/decisions';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { LedgerFactProofs, type FactRef, type OpenableKind } from '@attest/ledger';
import { DecisionLineageService, LineageNodeType } from '@attest/lineage';
import { PolicyPacksService } from '@attest/policy';
import { AutomationsService, AutomationVersionsService, DatasetVersionsService, ModelVersionsService } from '@attest/registry';
import { packJson, PackAssembly } from '../pack-assembly';
import { EVIDENCE_PACK_FORMAT, PACK_FILES, type BuiltPack, type PackManifest, type PolicyPackRecord } from '../pack-layout';
import { renderPdf } from '../../rendering';
import { decisionSummary } from './decision-summary';
import { auditEventRecord, decisionRecord, plainRecord, reviewRecord } from './decision-records';

/**
 * The committed fields a pack opens, by fact kind, for what the exporter may read: the fields the
 * pack's records carry. The idempotency key and a fact's correlation id stay closed: no record needs them.
 */
function disclosedFields(may: { input: boolean; output: boolean; context: boolean }): Record<OpenableKind, string[]> {
  return {
    decision: [
      'policyFacts',
      'correlationId',
      ...(may.input ? ['input', 'explanation'] : []),
      ...(may.output ? ['output'] : []),
      ...(may.context ? ['context'] : []),
    ],
    decision_review: ['rationale', ...(may.output ? ['correctedOutput'] : [])],
    audit_event: ['before', 'after', 'changes'],
  };
}

/**
 * A decision's evidence pack (docs/evidence.md): the decision as stored and as the exporting role may
 * read it, its trace, the evaluation with the pack's content at its digest, the reviews, the lineage
 * chain, the audit events, and every one of those facts' ledger leaves with its inclusion proof
 * against one signed checkpoint. Every read goes through the owning context's service, with the
 * exporter's own rights; the export itself is an audit event.
 */
@Injectable()
export class DecisionPackService {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly audit: AuditService,
    private readonly automations: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly modelVersions: ModelVersionsService,
    private readonly datasetVersions: DatasetVersionsService,
    private readonly lineage: DecisionLineageService,
    private readonly packs: PolicyPacksService,
    private readonly proofs: LedgerFactProofs,
    private readonly assembly: PackAssembly,
  ) {}

  async build(actor: AuthenticatedPrincipal, decisionId: string): Promise<BuiltPack> {
    const d = await this.decisions.get(actor, decisionId);
    const access = new DecisionFieldAccess(actor.ability, async (id) => (await this.automations.loadMany(actor, [id]))[0]?.ownerId ?? null);
    const [withheld, reviews, steps] = await Promise.all([
      access.withheld(d),
      this.decisions.reviewsOf(actor, [d.id]),
      this.decisions.stepsOf(actor, [d.id]),
    ]);
    const may = (field: 'input' | 'output' | 'context') => !withheld.includes(field as never);
    const record = decisionRecord(d, {
      input: may('input') ? d.input : null,
      output: may('output') ? d.output : null,
      context: may('context') ? d.context : null,
      steps: may('input') ? steps : null,
    });
    const [chain, versions, policyPack, auditEvents] = await Promise.all([
      this.lineage.lineageOf(actor, d.id),
      this.versionsOf(actor, d),
      this.policyPackOf(actor, d),
      this.audit.eventsForSubjects(actor, [d.id, ...reviews.map((r) => r.id)]),
    ]);
    const datasetVersions = await this.datasetVersionsOf(
      actor,
      chain.hops.map((h) => h.node),
    );

    const refs: FactRef[] = [
      { kind: 'decision', factId: d.id },
      ...reviews.map((r) => ({ kind: 'decision_review', factId: r.id })),
      { kind: 'automation_version', factId: d.automationVersionId },
      { kind: 'model_version', factId: d.modelVersionId },
      ...datasetVersions.map((v) => ({ kind: 'dataset_version', factId: String(v.id) })),
      ...(policyPack?.activations.map((a) => ({ kind: 'policy_pack_activation', factId: a.id })) ?? []),
      ...auditEvents.map((e) => ({ kind: 'audit_event', factId: e.id })),
    ];
    const proved = await this.proofs.prove(actor.tenantId, refs);
    this.assembly.requireSealed(proved, "The decision's");
    const sealedEvents = auditEvents.filter((e) => proved.facts.some((f) => f.kind === 'audit_event' && f.factId === e.id));
    const disclosed = disclosedFields({
      input: may('input'),
      output: may('output'),
      context: may('context'),
    });
    const facts = await this.assembly.withOpenings(actor.tenantId, proved.facts, disclosed);

    const reviewRecords = reviews.map((r) => reviewRecord(r, may('output')));
    const lineage = { automationVersion: versions.automationVersion, modelVersion: versions.modelVersion, datasetVersions };
    const eventRecords = sealedEvents.map(auditEventRecord);
    const described: Omit<PackManifest, 'files'> = {
      format: EVIDENCE_PACK_FORMAT,
      kind: 'decision',
      subject: { type: 'Decision', id: d.id },
      origin: proved.origin,
      generatedAt: new Date().toISOString(),
      generatedBy: actor.principalId,
      withheld: [...withheld],
      notYetSealed: auditEvents.length - sealedEvents.length,
    };
    const summary = decisionSummary({
      manifest: described,
      decision: record,
      reviews: reviewRecords,
      policyPack,
      lineage,
      auditEvents: eventRecords,
      facts,
      checkpoint: proved.checkpoint,
      keyId: proved.key.keyId,
    });
    const files = new Map<string, Buffer>([
      [PACK_FILES.decision, packJson(record)],
      [PACK_FILES.reviews, packJson(reviewRecords)],
      [PACK_FILES.policyPack, packJson(policyPack)],
      [PACK_FILES.lineage, packJson({ chain, ...lineage })],
      [PACK_FILES.auditEvents, packJson(eventRecords)],
      ...this.assembly.ledgerFiles(proved, facts),
      [PACK_FILES.summary, await renderPdf(summary)],
    ]);
    return this.assembly.finish(actor, described, files, `evidence-decision-${d.id}.zip`, {
      subjectType: 'Decision',
      subjectId: d.id,
      after: { checkpointSize: proved.checkpoint.treeSize, facts: facts.length, withheld },
    });
  }

  private async versionsOf(actor: AuthenticatedPrincipal, d: DecisionEntity) {
    const [automationVersion, modelVersion] = await Promise.all([
      this.automationVersions.get(actor, d.automationVersionId),
      this.modelVersions.get(actor, d.modelVersionId),
    ]);
    return { automationVersion: plainRecord(automationVersion), modelVersion: plainRecord(modelVersion) };
  }

  /** The dataset versions at the start of the chain and on it, as registered. */
  private async datasetVersionsOf(actor: AuthenticatedPrincipal, nodes: { type: string; id: string }[]) {
    const ids = [...new Set(nodes.filter((n) => n.type === LineageNodeType.DATASET_VERSION).map((n) => n.id))];
    return Promise.all(ids.map(async (id) => plainRecord(await this.datasetVersions.get(actor, id))));
  }

  /** The pack that judged the decision, at its digest, with the activations of it made before the decision. */
  private async policyPackOf(actor: AuthenticatedPrincipal, d: DecisionEntity): Promise<PolicyPackRecord | null> {
    if (!d.policyPackDigest) return null;
    const { pack, activations } = await this.packs.packWithActivations(actor, d.policyPackDigest);
    return {
      digest: pack.digest,
      name: pack.name,
      policies: pack.policies,
      activations: activations
        .filter((a) => a.createdAt <= d.recordedAt)
        .map((a) => ({
          id: a.id,
          digest: a.digest,
          activatedBy: a.activatedBy,
          rationale: a.rationale,
          createdAt: a.createdAt.toISOString(),
        })),
    };
  }
}
