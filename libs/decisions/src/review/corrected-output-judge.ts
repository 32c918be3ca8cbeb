import { Inject, Injectable, Optional } from '@nestjs/common';
import { POLICY_CHECK, type PolicyCheck, type PolicyVerdict } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { DecisionTargetsService } from '@attest/registry';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from '../entities/decision.entity';
import { decisionFacts, storedDecisionFacts } from '../recording/decision-facts';
import type { RedactedDecision } from '../recording/redact-decision';

/**
 * An override's corrected output goes through what the decision's output went through: redacted by
 * the automation's rules (the caller), then judged by the tenant's active pack as a `decision`, with
 * the facts the decision was judged on (or, when no pack judged it, its registry entries as they are
 * now) and the reviewer as the principal. A denial is POLICY_DENIED, thrown in the review's
 * transaction, so nothing of the review is written.
 */
@Injectable()
export class CorrectedOutputJudge {
  constructor(
    private readonly targets: DecisionTargetsService,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
  ) {}

  async judge(
    m: EntityManager,
    reviewer: AuthenticatedPrincipal,
    decision: DecisionEntity,
    corrected: RedactedDecision,
  ): Promise<PolicyVerdict | undefined> {
    if (!this.policy) return undefined;
    const stored = decision.policyFacts ?? (await this.currentFacts(m, reviewer, decision));
    const facts = decisionFacts(
      {
        ...stored,
        decision: { ...(stored.decision as object), outputPiiFindings: corrected.outputPiiFindings },
        principal: { id: reviewer.principalId, roles: reviewer.roles },
      },
      corrected.document.output,
      decision.context,
    );
    return this.policy.check(m, reviewer, 'decision', facts);
  }

  private async currentFacts(m: EntityManager, reviewer: AuthenticatedPrincipal, d: DecisionEntity): Promise<Record<string, unknown>> {
    const target = await this.targets.resolve(m, { automationId: d.automationId, modelVersionId: d.modelVersionId });
    return storedDecisionFacts(target, reviewer, { id: d.id, confidence: d.confidence, outputPiiFindings: 0 }, {});
  }
}
