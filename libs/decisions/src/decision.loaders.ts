import { byKeys, defineLoader, groupByKeys } from '@attest/core';
import type { AuditEventModel, AuditService } from '@attest/audit';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { FactSeal, LedgerSeals } from '@attest/ledger';
import type { ContestRow } from './contest/contests';
import type { DecisionReviewEntity } from './entities/decision-review.entity';
import type { ExplanationStepView } from './models/explanation-step.model';
import type { DecisionsService } from './queries/decisions.service';

// The decisions context's DataLoaders, defined once here; automations, versions and model versions come from @attest/registry.

export const reviewOfDecisionLoader = defineLoader({
  name: 'decision.review',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    decisions: DecisionsService,
  ): Promise<(DecisionReviewEntity | null)[]> => byKeys(ids, await decisions.reviewsOf(actor, ids), (r) => r.decisionId),
});

export const contestsOfDecisionLoader = defineLoader({
  name: 'decision.contests',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, decisions: DecisionsService): Promise<ContestRow[][]> =>
    groupByKeys(ids, await decisions.contestsOf(actor, ids), (c) => c.decisionId),
});

export const explanationOfDecisionLoader = defineLoader({
  name: 'decision.explanation',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, decisions: DecisionsService): Promise<ExplanationStepView[][]> =>
    groupByKeys(ids, await decisions.stepsOf(actor, ids), (s) => s.decisionId).map((list) =>
      list.map((s) => ({ ...s.detail, position: s.position, kind: s.kind })),
    ),
});

export const auditEventsOfDecisionLoader = defineLoader({
  name: 'decision.auditEvents',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, audit: AuditService): Promise<AuditEventModel[][]> =>
    groupByKeys(ids, await audit.eventsForSubjects(actor, ids), (e) => e.subjectId),
});

export const sealOfDecisionLoader = defineLoader({
  name: 'decision.seal',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, seals: LedgerSeals): Promise<(FactSeal | null)[]> =>
    byKeys(ids, await seals.sealsOf(actor.tenantId, 'decision', ids), (s) => s.factId),
});
