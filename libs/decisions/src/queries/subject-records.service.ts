import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb, type MatchedPolicyResult } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { In, type EntityManager } from 'typeorm';
import { DecisionFieldAccess } from '../access/decision-field-access';
import { contestModelOf } from '../contest/contest-model';
import { contestsOf } from '../contest/contests';
import type { DecisionContestModel } from '../contest/decision-contest.model';
import { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { ExplanationStepEntity } from '../entities/explanation-step.entity';
import type { DecisionOutcome, DecisionStatusValue, ReviewVerdictValue, WithheldDecisionField } from '../models/decision.enums';
import type { ExplanationStepView } from '../models/explanation-step.model';
import { HashKeys } from '../recording/hash-keys';
import { effectiveOutputOf, outcomeOf } from '../review/outcome';
import { reviewItemsOf } from '../review/review-items';
import { decisionsActorMay, OWNER_OF_AUTOMATION } from './decision-access';
import { recordSubjectLookup } from './subject-lookup-audit';

/** The newest decisions one explanation covers: a person with more asks again per decision (decisionId). */
export const SUBJECT_RECORDS_LIMIT = 100;

/** One decision about a person, as the caller may see it: what an explanation is written from. */
export interface SubjectRecord {
  id: string;
  automationId: string;
  automationVersionId: string;
  modelVersionId: string;
  occurredAt: Date;
  recordedAt: Date;
  status: DecisionStatusValue;
  outcome: DecisionOutcome;
  confidence: number | null;
  policy: { packDigest: string; effect: string; matched: MatchedPolicyResult[] } | null;
  /** The output that stands; null when withheld from the caller, rejected, blocked or awaiting review. */
  effectiveOutput: unknown;
  /** The trace, without what it quotes of the input unless the caller may read it. */
  steps: ExplanationStepView[];
  /** Oldest first; the latest stands. The corrected output only when the caller may read outputs. */
  reviews: { id: string; verdict: ReviewVerdictValue; rationale: string; at: Date; contestId: string | null; correctedOutput: unknown }[];
  contests: DecisionContestModel[];
  /** Its open review item, if it awaits review now. */
  awaitingReview: { dueAt: Date; priority: boolean } | null;
  withheld: WithheldDecisionField[];
}

/**
 * The decisions about one person (found by the keyed hash of their reference) that the caller may
 * read and explain, newest first, with their traces, reviews and contests, redacted for the caller's
 * role; never another person's. Each call is audited as `subject.explained` in its transaction.
 */
@Injectable()
export class SubjectRecordsService {
  constructor(
    private readonly db: TenantDb,
    private readonly hashKeys: HashKeys,
  ) {}

  records(
    actor: AuthenticatedPrincipal,
    subjectRef: string,
    options: { decisionId?: string; audit: Record<string, unknown> },
  ): Promise<{ records: SubjectRecord[]; truncated: boolean }> {
    const subjectHash = this.hashKeys.hash(actor.tenantId, 'subject', subjectRef);
    return this.db.transaction(actor.tenantId, async (m) => {
      const query = decisionsActorMay(m, actor, 'explain')
        .addSelect(OWNER_OF_AUTOMATION('d'), 'owner_id')
        .andWhere('d.subject_hash = :subjectHash', { subjectHash })
        .orderBy('d.recorded_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .limit(SUBJECT_RECORDS_LIMIT + 1);
      // Another person's decision, or one the caller may not explain, is as absent as an unknown id.
      if (options.decisionId) query.andWhere('d.id = :id', { id: options.decisionId });
      const { entities, raw } = await query.getRawAndEntities();
      if (options.decisionId && entities.length === 0) throw AttestError.notFound('Decision', options.decisionId);
      const owners = new Map(raw.map((r: Record<string, unknown>) => [r.d_id as string, r.owner_id as string | null]));
      const records = await this.assemble(m, actor, entities.slice(0, SUBJECT_RECORDS_LIMIT), owners);
      await recordSubjectLookup(m, actor, 'subject.explained', subjectHash, { decisionIds: records.map((r) => r.id), ...options.audit });
      return { records, truncated: entities.length > SUBJECT_RECORDS_LIMIT };
    });
  }

  private async assemble(
    m: EntityManager,
    actor: AuthenticatedPrincipal,
    decisions: DecisionEntity[],
    owners: Map<string, string | null>,
  ): Promise<SubjectRecord[]> {
    const ids = decisions.map((d) => d.id);
    if (ids.length === 0) return [];
    const [steps, reviews, contests, items] = await Promise.all([
      m.find(ExplanationStepEntity, { where: { decisionId: In(ids) }, order: { position: 'ASC' } }),
      m.find(DecisionReviewEntity, { where: { decisionId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      contestsOf(m, ids),
      reviewItemsOf(m, ids),
    ]);
    const access = new DecisionFieldAccess(actor.ability, async (automationId) => {
      for (const d of decisions) if (d.automationId === automationId) return owners.get(d.id) ?? null;
      return null;
    });
    const records: SubjectRecord[] = [];
    for (const d of decisions) {
      const own = reviews.filter((r) => r.decisionId === d.id);
      const latest = own.at(-1) ?? null;
      const [mayInput, mayOutput] = [await access.may(d, 'input'), await access.may(d, 'output')];
      const trace = steps.filter((s) => s.decisionId === d.id).map((s) => ({ ...s.detail, position: s.position, kind: s.kind }));
      const item = items.get(d.id);
      records.push({
        id: d.id,
        automationId: d.automationId,
        automationVersionId: d.automationVersionId,
        modelVersionId: d.modelVersionId,
        occurredAt: d.occurredAt,
        recordedAt: d.recordedAt,
        status: d.status,
        outcome: outcomeOf(d, latest),
        confidence: d.confidence,
        policy:
          d.policyPackDigest && d.policyEffect
            ? { packDigest: d.policyPackDigest, effect: d.policyEffect, matched: d.policyResults }
            : null,
        effectiveOutput: mayOutput ? effectiveOutputOf(d, latest) : null,
        steps: await access.explanation(d, trace),
        reviews: own.map((r) => ({
          id: r.id,
          verdict: r.verdict,
          rationale: r.rationale,
          at: r.createdAt,
          contestId: r.contestId,
          correctedOutput: mayOutput ? r.correctedOutput : null,
        })),
        contests: contests.filter((c) => c.decisionId === d.id).map((c) => contestModelOf(c, mayInput)),
        awaitingReview: item ? { dueAt: item.dueAt, priority: item.contestId !== null } : null,
        withheld: await access.withheld(d),
      });
    }
    return records;
  }
}
