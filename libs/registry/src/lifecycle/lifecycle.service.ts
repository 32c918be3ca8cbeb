import { Inject, Injectable, Optional } from '@nestjs/common';
import { AttestError, POLICY_CHECK, recordAudit, TenantDb, type PolicyCheck } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { TransitionArgs } from '../dto/transition.args';
import { LifecycleTransitionEntity } from '../entities/lifecycle-transition.entity';
import { LifecycleStatus } from '../registry.enums';
import { recordApproval } from './approvals';
import { abilityForTransition, assertTransitionAllowed } from './lifecycle-rules';
import type { VersionApproval } from '../models/lifecycle-approval.model';

/** What the owning service knows about a version: its parent's owner and the policy facts. */
export interface VersionDescription {
  ownerId: string;
  /** Facts of the fact catalogue (modelVersion.*, automation.*, upstream.datasetVersions, …). */
  facts: Record<string, unknown>;
}

interface Versioned {
  id: string;
  status: LifecycleStatus;
  submittedBy: string | null;
  approvedBy: string | null;
}

/**
 * Moves model and automation versions through their lifecycle: legal moves only, separation of
 * duties on approval, gates, history and audit — all in one transaction with the status change.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly db: TenantDb,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
  ) {}

  /** Batch load for DataLoaders: the lifecycle history of versions the caller has already read, oldest first. */
  history(actor: AuthenticatedPrincipal, subjectIds: readonly string[]): Promise<LifecycleTransitionEntity[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.find(LifecycleTransitionEntity, { where: { subjectId: In([...subjectIds]) }, order: { at: 'ASC', id: 'ASC' } }),
    );
  }

  /** Batch load for DataLoaders: the approvals of versions the caller has already read, oldest first. */
  approvals(actor: AuthenticatedPrincipal, subjectIds: readonly string[]): Promise<VersionApproval[]> {
    return this.db.transaction(actor.tenantId, (m) =>
      m.query(
        `SELECT id, subject_id AS "subjectId", approver_id AS "approverId", rationale, created_at AS at, review_round AS "reviewRound"
           FROM lifecycle_approvals WHERE subject_id = ANY ($1::uuid[]) ORDER BY created_at, id`,
        [[...subjectIds]],
      ),
    );
  }

  /**
   * `transitionModelVersion` and `transitionAutomationVersion`: locks the version, finds the owner
   * of its model or automation and moves it, in one transaction. A version the caller may not
   * read (another automation's, for a service principal) is NOT_FOUND rather than FORBIDDEN.
   */
  transitionById<V extends Versioned>(
    actor: AuthenticatedPrincipal,
    subjectType: 'ModelVersion' | 'AutomationVersion',
    entity: new () => V,
    args: TransitionArgs,
    describe: (m: EntityManager, version: V) => Promise<VersionDescription>,
  ): Promise<V> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const version = await m.findOne(entity, { where: { id: args.id } as FindOptionsWhere<V>, lock: { mode: 'pessimistic_write' } });
      if (!version || !actor.ability.can('read', subjectOf(subjectType, version))) throw AttestError.notFound(subjectType, args.id);
      return this.transition(m, actor, subjectType, entity, version, await describe(m, version), args.to, args.rationale);
    });
  }

  async transition<V extends Versioned>(
    m: EntityManager,
    actor: AuthenticatedPrincipal,
    subjectType: 'ModelVersion' | 'AutomationVersion',
    entity: new () => V,
    version: V,
    { ownerId, facts }: VersionDescription,
    to: LifecycleStatus,
    rationale: string,
  ): Promise<V> {
    const from = version.status;
    const noun = subjectType === 'ModelVersion' ? 'model_version' : 'automation_version';
    const view = { ...version, ownerId } as unknown as Record<string, unknown> & V;
    if (!actor.ability.can(abilityForTransition(to), subjectOf(subjectType, view))) {
      throw AttestError.forbidden(`You may not move this ${subjectType} to ${to}`);
    }
    assertTransitionAllowed(from, to);
    if (to === LifecycleStatus.APPROVED && version.submittedBy === actor.principalId) {
      throw AttestError.forbidden('Separation of duties: the principal who submitted a version for review cannot approve it');
    }
    const approverCount =
      to === LifecycleStatus.APPROVED
        ? await recordApproval(m, {
            tenantId: actor.tenantId,
            subjectType,
            subjectId: version.id,
            approverId: actor.principalId,
            rationale,
          })
        : undefined;
    // The gate: the tenant's active policy pack judges the move (a deny throws POLICY_DENIED here).
    const appliesTo = subjectType === 'ModelVersion' ? 'model.transition' : 'automation.transition';
    const gateFacts = {
      ...facts,
      ...(subjectType === 'ModelVersion'
        ? { modelVersion: { ...(facts.modelVersion as object), approverCount: approverCount ?? null } }
        : {}),
      transition: { from, to, actorId: actor.principalId },
      principal: { id: actor.principalId, roles: actor.roles },
    };
    const judged = await this.policy?.check(m, actor, appliesTo, gateFacts);
    // Recorded with the facts it judged, so that an evidence pack's verifier can replay the gate offline.
    const verdict = judged && { ...judged, appliesTo, facts: gateFacts };
    if (verdict?.effect === 'require_review' && to === LifecycleStatus.APPROVED) {
      // More approvals needed: this one is kept; the version stays in review.
      await recordAudit(m, actor, {
        action: `${noun}.approval_recorded`,
        subjectType,
        subjectId: version.id,
        after: { status: from, approverCount, rationale, policy: verdict },
      });
      return version;
    }

    const before = { status: from, submittedBy: version.submittedBy, approvedBy: version.approvedBy };
    const changes: Partial<Versioned> = { status: to };
    if (to === LifecycleStatus.IN_REVIEW) Object.assign(changes, { submittedBy: actor.principalId, approvedBy: null });
    if (to === LifecycleStatus.APPROVED) changes.approvedBy = actor.principalId;
    if (to === LifecycleStatus.DRAFT) Object.assign(changes, { submittedBy: null, approvedBy: null });

    const updated = await m
      .createQueryBuilder()
      .update(entity)
      .set({ ...changes, updatedAt: () => 'now()' } as never)
      .where('id = :id AND status = :from', { id: version.id, from })
      .returning('updated_at')
      .execute();
    if (updated.affected !== 1) throw AttestError.conflict('The version changed meanwhile; reload and try again');

    Object.assign(version, changes, { updatedAt: (updated.raw as { updated_at: Date }[])[0].updated_at });
    await m.save(
      m.create(LifecycleTransitionEntity, {
        tenantId: actor.tenantId,
        subjectType,
        subjectId: version.id,
        fromStatus: from,
        toStatus: to,
        actorId: actor.principalId,
        rationale,
      }),
    );
    await recordAudit(m, actor, {
      action: `${noun}.transitioned`,
      subjectType,
      subjectId: version.id,
      before,
      after: {
        status: version.status,
        submittedBy: version.submittedBy,
        approvedBy: version.approvedBy,
        rationale,
        ...(approverCount ? { approverCount } : {}),
        ...(verdict ? { policy: verdict } : {}),
      },
    });
    return version;
  }
}
