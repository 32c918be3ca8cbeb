import type { AuditEventEntity } from '@attest/audit';
import type { DecisionEntity, DecisionReviewEntity, ExplanationStepEntity } from '@attest/decisions';
import type { AuditEventRecord, DecisionRecord, ReviewRecord } from '../pack-layout';

/** What the exporting role may read of the decision (DecisionFieldAccess decides; null where withheld). */
export interface ReadableParts {
  input: unknown;
  output: unknown;
  context: Record<string, unknown> | null;
  /** The trace, null when the input is withheld (its steps quote the input). */
  steps: ExplanationStepEntity[] | null;
}

export function decisionRecord(d: DecisionEntity, parts: ReadableParts): DecisionRecord {
  return {
    id: d.id,
    automationId: d.automationId,
    automationVersionId: d.automationVersionId,
    modelVersionId: d.modelVersionId,
    status: d.status,
    confidence: d.confidence,
    correlationId: d.correlationId,
    input: parts.input,
    output: parts.output,
    context: parts.context,
    redactions: d.redactions,
    subjectHash: d.subjectHash,
    occurredAt: d.occurredAt.toISOString(),
    recordedAt: d.recordedAt.toISOString(),
    recordedBy: d.recordedBy,
    explanation: parts.steps?.map((s) => ({ position: s.position, kind: s.kind, detail: s.detail })) ?? null,
    policy: { packDigest: d.policyPackDigest, effect: d.policyEffect, results: d.policyResults, facts: d.policyFacts },
  };
}

export function reviewRecord(r: DecisionReviewEntity, outputReadable: boolean): ReviewRecord {
  return {
    id: r.id,
    reviewerId: r.reviewerId,
    verdict: r.verdict,
    rationale: r.rationale,
    correctedOutput: outputReadable ? r.correctedOutput : null,
    redactions: r.redactions,
    createdAt: r.createdAt.toISOString(),
  };
}

export function auditEventRecord(e: AuditEventEntity): AuditEventRecord {
  return {
    id: e.id,
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
    changes: e.changes,
    occurredAt: e.occurredAt.toISOString(),
  };
}

/** A registered version as its service returns it: dates as ISO text, every other field as is. */
export function plainRecord(entity: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
}
