import { createHash } from 'node:crypto';
import { fromGraphqlEnum } from '@attest/core';
import type { DecisionStatusValue } from '@attest/decisions';
import type { GraphQLCall } from './demo-seed';

/** As stored and printed (the demo's output stays in lower case). */
export type DemoDecisionStatus = DecisionStatusValue;

/** What the demo expects of each claim (sampled oversight may still send a "recorded" one to review: see below). */
export interface DemoDecision {
  claimId: string;
  id: string;
  status: DemoDecisionStatus;
  /** The compliance officer's verdict, for the one the demo reviews. */
  reviewed?: 'override';
}

interface Claim {
  claimId: string;
  /** `current`: the deployed severity model; `candidate`: the approved fraud model, not deployed yet. */
  model: 'current' | 'candidate';
  confidence: number;
  route: 'fast_track' | 'standard' | 'investigation';
  input: Record<string, unknown>;
  review?: { route: string; rationale: string };
}

/**
 * A morning of claims triage, judged by the default pack: confident routes are recorded; a
 * high-risk decision below 0.7 confidence goes to a human (one stays in the queue, one is
 * overridden by the compliance officer); a decision from a model version that is approved but not
 * deployed is blocked in production. The automation samples 5% of decisions for review (by the
 * decision's id), so now and then a confident one waits for review too: that is the policy at work.
 */
const CLAIMS: Claim[] = [
  {
    claimId: 'CLM-1001',
    model: 'current',
    confidence: 0.93,
    route: 'fast_track',
    input: { claimId: 'CLM-1001', line: 'motor', amount: 1850, documents: 4 },
  },
  {
    claimId: 'CLM-1002',
    model: 'current',
    confidence: 0.86,
    route: 'standard',
    // The e-mail address is redacted before anything is stored.
    input: { claimId: 'CLM-1002', line: 'motor', amount: 7400, documents: 6, claimant: { email: 'jane.doe@example.com' } },
  },
  {
    claimId: 'CLM-1003',
    model: 'current',
    confidence: 0.81,
    route: 'standard',
    input: { claimId: 'CLM-1003', line: 'property', amount: 12900, documents: 9 },
  },
  {
    claimId: 'CLM-1004',
    model: 'current',
    confidence: 0.58,
    route: 'investigation',
    input: { claimId: 'CLM-1004', line: 'motor', amount: 23400, documents: 2 },
  },
  {
    claimId: 'CLM-1005',
    model: 'current',
    confidence: 0.64,
    route: 'fast_track',
    input: { claimId: 'CLM-1005', line: 'motor', amount: 5200, documents: 3 },
    review: { route: 'standard', rationale: 'Third-party injury mentioned in the notes: not a fast-track claim' },
  },
  {
    claimId: 'CLM-1006',
    model: 'candidate',
    confidence: 0.91,
    route: 'investigation',
    input: { claimId: 'CLM-1006', line: 'motor', amount: 3100, documents: 5 },
  },
];

const sha256Of = (seed: string) => `sha256:${createHash('sha256').update(seed).digest('hex')}`;

/**
 * Why the model routed the claim, as the automation reports it: what pushed the severity score
 * (signed attributions), the routing rule that fired, the manual it consulted, and for claims sent
 * to investigation the language model's summary for the investigator and the policy lookup.
 * Nothing personal in it: the policies and the redaction see the trace like the input.
 */
function traceOf(claim: Claim): Record<string, unknown>[] {
  const amount = Number(claim.input.amount);
  const documents = Number(claim.input.documents);
  const steps: Record<string, unknown>[] = [
    { featureAttribution: { feature: 'claim_amount', value: amount, weight: amount > 10000 ? 0.34 : -0.21 } },
    { featureAttribution: { feature: 'documents_supplied', value: documents, weight: documents < 4 ? 0.27 : -0.15 } },
    {
      featureAttribution: { feature: 'line_of_business', value: claim.input.line, weight: claim.input.line === 'property' ? 0.09 : -0.04 },
    },
    { ruleFired: { ruleId: `route-${claim.route.replace('_', '-')}`, outcome: 'matched' } },
    {
      retrieval: {
        sourceUri: 's3://northwind-kb/claims-handling-manual/v4.md',
        digest: sha256Of('claims-handling-manual v4'),
        score: 0.78,
      },
    },
  ];
  if (claim.route === 'investigation') {
    steps.push(
      {
        llmCall: {
          model: 'gpt-4o-2024-08-06',
          promptDigest: sha256Of(`investigation summary ${claim.claimId}`),
          prompt: 'Summarise for the investigator why this claim was flagged, from the scores and the documents list.',
          completion: 'High amount for the line of business with few supporting documents; request the repair estimate.',
          promptTokens: 286,
          completionTokens: 31,
        },
      },
      { toolCall: { name: 'policy-lookup', argsDigest: sha256Of(`policy ${claim.claimId}`), resultDigest: sha256Of('policy active') } },
    );
  }
  return steps;
}

const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id status } } }`;
const REVIEW = `mutation($id: ID!, $o: JSON, $r: String!) { reviewDecision(id: $id, verdict: OVERRIDE, rationale: $r, correctedOutput: $o) { outcome } }`;

/** Records the claims as the automation's service principal would (recordDecision), and reviews one as a compliance officer. */
export async function recordDemoDecisions(
  gql: GraphQLCall,
  keys: { service: string; complianceOfficer: string },
  models: { current: string; candidate: string },
): Promise<DemoDecision[]> {
  const decisions: DemoDecision[] = [];
  for (const claim of CLAIMS) {
    const { recordDecision } = await gql(keys.service, RECORD, {
      i: {
        automationKey: 'claims-triage',
        modelVersionId: models[claim.model],
        idempotencyKey: `demo-${claim.claimId}`,
        correlationId: claim.claimId,
        input: claim.input,
        output: { route: claim.route },
        confidence: claim.confidence,
        subjectRef: `policyholder-${claim.claimId}`,
        explanation: traceOf(claim),
      },
    });
    const decision: DemoDecision = {
      claimId: claim.claimId,
      id: recordDecision.decision.id,
      status: fromGraphqlEnum<DemoDecisionStatus>(recordDecision.decision.status),
    };
    if (claim.review && decision.status === 'pending_review') {
      await gql(keys.complianceOfficer, REVIEW, { id: decision.id, o: { route: claim.review.route }, r: claim.review.rationale });
      decision.reviewed = 'override';
    }
    decisions.push(decision);
  }
  return decisions;
}

/** "3 recorded, 2 pending review (1 reviewed), 1 blocked by policy" */
export function decisionSummary(decisions: readonly DemoDecision[]): string {
  const count = (status: DemoDecisionStatus) => decisions.filter((d) => d.status === status).length;
  const reviewed = decisions.filter((d) => d.reviewed).length;
  return `${count('recorded')} recorded, ${count('pending_review')} sent to review (${reviewed} reviewed), ${count('blocked')} blocked by policy`;
}
