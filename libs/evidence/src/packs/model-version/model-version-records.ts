import type { DecisionPeriodFigures } from '@attest/decisions';
import type { LifecycleTransitionEntity, VersionApproval } from '@attest/registry';
import type { AuditEventRecord, DecisionCountsRecord, GateEvaluationRecord, LifecycleRecord, PolicyPackRecord } from '../pack-layout';

/** The version's moves and approvals, under the names their ledger facts give the fields. */
export function lifecycleRecord(transitions: LifecycleTransitionEntity[], approvals: VersionApproval[]): LifecycleRecord {
  return {
    transitions: transitions.map((t) => ({
      id: t.id,
      subjectId: t.subjectId,
      from: t.fromStatus,
      to: t.toStatus,
      actorId: t.actorId,
      rationale: t.rationale,
      at: t.at.toISOString(),
    })),
    approvals: approvals.map((a) => ({
      id: a.id,
      subjectId: a.subjectId,
      reviewRound: a.reviewRound,
      approverId: a.approverId,
      rationale: a.rationale,
      createdAt: new Date(a.at).toISOString(),
    })),
  };
}

interface RecordedVerdict {
  packDigest?: unknown;
  effect?: unknown;
  matched?: { id: string; version: number; effect: string }[];
  /** What the gate judged (recorded since gates record their facts; older verdicts have none). */
  facts?: Record<string, unknown>;
}

/**
 * The gate evaluations of a version: the verdict the lifecycle gate recorded in the audit event of
 * each move (`*.transitioned`) and of each approval that needed more (`*.approval_recorded`). The
 * verifier derives the same list from the pack's audit events, whose content the ledger commits to.
 */
export function gateEvaluationsOf(events: AuditEventRecord[]): GateEvaluationRecord[] {
  return events.flatMap((e) => {
    const after = (e.after ?? {}) as { status?: string; policy?: RecordedVerdict };
    const before = (e.before ?? {}) as { status?: string };
    const verdict = after.policy;
    if (typeof verdict?.packDigest !== 'string') return [];
    const approvalOnly = e.action.endsWith('.approval_recorded');
    return [
      {
        auditEventId: e.id,
        action: e.action,
        occurredAt: e.occurredAt,
        // An approval that needed more was a move to approved the gate held back: the version stayed where it was.
        from: (approvalOnly ? after.status : before.status) ?? null,
        to: approvalOnly ? 'approved' : (after.status ?? null),
        packDigest: verdict.packDigest,
        effect: String(verdict.effect),
        matched: (verdict.matched ?? []).map((p) => ({ id: p.id, version: p.version, effect: p.effect })),
        facts: verdict.facts ?? null,
      },
    ];
  });
}

/** A pack's content at its digest (its activations are the decision pack's concern). */
export function policyPackContent(pack: { digest: string; name: string; policies: unknown[] }): Omit<PolicyPackRecord, 'activations'> {
  return { digest: pack.digest, name: pack.name, policies: pack.policies };
}

export const COUNTS_NOT_PROVED =
  "none: counted by the server under the exporter's read rules; each decision is a sealed fact, not carried here" as const;

export function decisionCountsRecord(figures: DecisionPeriodFigures): DecisionCountsRecord {
  return {
    total: figures.total,
    byStatus: { ...figures.byStatus },
    reviewed: figures.reviewed,
    overridden: figures.overridden,
    proof: COUNTS_NOT_PROVED,
  };
}
