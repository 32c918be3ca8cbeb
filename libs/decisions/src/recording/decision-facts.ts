import type { DecisionTarget } from '@attest/registry';
import type { AuthenticatedPrincipal } from '@attest/identity';

/**
 * The facts a `decision` policy sees (docs/policies.md, fact catalogue), less the output and the
 * context: those are stored beside them (redacted), so that `stored` plus those two rebuild
 * exactly what the policies judged when a decision is replayed against another pack.
 */
export function storedDecisionFacts(
  target: DecisionTarget,
  actor: AuthenticatedPrincipal,
  decision: { id: string; confidence: number | null; outputPiiFindings: number },
  monitors: Record<string, unknown>,
): Record<string, unknown> {
  const { automationVersion: av, modelVersion: mv } = target;
  return {
    decision,
    automation: {
      riskClass: av.riskClass,
      oversightMode: av.oversightMode,
      environment: av.environment,
      purpose: av.purpose,
      domain: av.domain,
    },
    modelVersion: {
      status: mv.status,
      riskTier: mv.riskTier,
      intendedUse: mv.intendedUse,
      limitations: mv.limitations,
      metrics: mv.metrics,
    },
    datasetVersions: target.datasetVersions,
    upstream: { datasetVersions: target.datasetVersions },
    principal: { id: actor.principalId, roles: actor.roles },
    // As the last evaluation left them when the decision was judged: a replay sees the same.
    monitor: monitors,
  };
}

/** The full facts: stored facts with the (redacted) output and context put back. */
export function decisionFacts(stored: Record<string, unknown>, output: unknown, context: Record<string, unknown>): Record<string, unknown> {
  return { ...stored, decision: { ...(stored.decision as object), output }, context };
}
