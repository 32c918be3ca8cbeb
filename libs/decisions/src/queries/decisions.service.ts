import { Injectable } from '@nestjs/common';
import { AttestError, paginate, TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { In } from 'typeorm';
import type { DecisionsArgs, DecisionsForSubjectArgs } from '../dto/decisions.args';
import { contestsOf, type ContestRow } from '../contest/contests';
import { DecisionReviewEntity } from '../entities/decision-review.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import { ExplanationStepEntity } from '../entities/explanation-step.entity';
import { HashKeys } from '../recording/hash-keys';
import { readableDecisions } from './decision-access';
import { recordSubjectLookup } from './subject-lookup-audit';
import { whereDecisionMatches } from './decision-filter';

const BY_RECORDED_AT = { column: 'recorded_at', of: (d: DecisionEntity) => d.recordedAt };

/** Reads of recorded decisions, filtered in SQL by what the actor may read. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly hashKeys: HashKeys,
  ) {}

  async get(actor: AuthenticatedPrincipal, id: string): Promise<DecisionEntity> {
    const decision = await this.db.transaction(actor.tenantId, (m) => readableDecisions(m, actor).andWhere('d.id = :id', { id }).getOne());
    if (!decision) throw AttestError.notFound('Decision', id);
    return decision;
  }

  list(actor: AuthenticatedPrincipal, args: DecisionsArgs): Promise<Connection<DecisionEntity>> {
    return this.db.transaction(actor.tenantId, (m) =>
      paginate(whereDecisionMatches(readableDecisions(m, actor), args.filter), args, (d) => d, BY_RECORDED_AT),
    );
  }

  /**
   * Every decision about one person (GDPR Art. 22, AI Act Art. 86): found by the keyed hash of their
   * reference. Each lookup is audited (`subject.looked_up`, the subject by its keyed hash, never the reference).
   */
  forSubject(actor: AuthenticatedPrincipal, args: DecisionsForSubjectArgs): Promise<Connection<DecisionEntity>> {
    const subjectHash = this.hashKeys.hash(actor.tenantId, 'subject', args.subjectRef);
    return this.db.transaction(actor.tenantId, async (m) => {
      const page = await paginate(
        readableDecisions(m, actor).andWhere('d.subject_hash = :subjectHash', { subjectHash }),
        args,
        (d) => d,
        BY_RECORDED_AT,
      );
      await recordSubjectLookup(m, actor, 'subject.looked_up', subjectHash, {
        decisionIds: page.edges.map((e) => e.node.id),
      });
      return page;
    });
  }

  /** Batch loads for DataLoaders; the parents were read through `readableDecisions`. */
  stepsOf(actor: AuthenticatedPrincipal, decisionIds: readonly string[]): Promise<ExplanationStepEntity[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(ExplanationStepEntity, { where: { decisionId: In([...decisionIds]) }, order: { position: 'ASC' } }),
    );
  }

  /** The contests of these decisions, oldest first (their parents were read through `readableDecisions`). */
  contestsOf(actor: AuthenticatedPrincipal, decisionIds: readonly string[]): Promise<ContestRow[]> {
    return this.db.transaction(actor.tenantId, (m) => contestsOf(m, decisionIds));
  }

  /** Oldest first: keyed by decision (byKeys), the latest review of each stands, as after a contest's. */
  reviewsOf(actor: AuthenticatedPrincipal, decisionIds: readonly string[]): Promise<DecisionReviewEntity[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(DecisionReviewEntity, { where: { decisionId: In([...decisionIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }
}
