import { registerEnumType } from '@nestjs/graphql';

// The decisions vocabulary, defined once: the values are what the database, webhooks, ledger facts
// and policy facts hold (lower case); GraphQL exposes the keys (SCREAMING_SNAKE_CASE).

export enum DecisionStatus {
  RECORDED = 'recorded',
  PENDING_REVIEW = 'pending_review',
  BLOCKED = 'blocked',
}
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'What the policies concluded when it was recorded: allowed, sent to human review, or denied (still stored)',
  valuesMap: {
    RECORDED: { description: 'Allowed: no policy asked for review or denied it' },
    PENDING_REVIEW: { description: 'A policy required human review; the output stands only once approved' },
    BLOCKED: { description: 'A policy denied it; recorded for the audit trail, its output never stands' },
  },
});
/** A status as stored. */
export type DecisionStatusValue = `${DecisionStatus}`;

export enum DecisionOutcome {
  RECORDED = 'recorded',
  PENDING_REVIEW = 'pending_review',
  APPROVED = 'approved',
  OVERRIDDEN = 'overridden',
  REJECTED = 'rejected',
  BLOCKED = 'blocked',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: 'The final outcome: the status, as settled by a human review',
  valuesMap: {
    RECORDED: { description: 'Allowed when recorded; no review was needed' },
    PENDING_REVIEW: { description: 'Awaiting human review' },
    APPROVED: { description: 'Reviewed: the output stands' },
    OVERRIDDEN: { description: "Reviewed: the reviewer's corrected output replaces it" },
    REJECTED: { description: 'Reviewed: the outcome is void' },
    BLOCKED: { description: 'Denied by a policy when recorded' },
  },
});

export enum ReviewVerdict {
  APPROVE = 'approve',
  OVERRIDE = 'override',
  REJECT = 'reject',
}
registerEnumType(ReviewVerdict, {
  name: 'ReviewVerdict',
  description: "A reviewer's judgement of a decision sent to review",
  valuesMap: {
    APPROVE: { description: 'The output stands' },
    OVERRIDE: { description: 'The corrected output replaces it' },
    REJECT: { description: 'The outcome is void' },
  },
});
/** A verdict as stored. */
export type ReviewVerdictValue = `${ReviewVerdict}`;

/** The parts of a decision that field-level access rules may withhold from a role (returned as null). */
export enum WithheldDecisionField {
  INPUT = 'input',
  OUTPUT = 'output',
  CONTEXT = 'context',
}
registerEnumType(WithheldDecisionField, {
  name: 'WithheldDecisionField',
  description: "A part of a decision the caller's role may not read: the API returns it as null",
  valuesMap: {
    INPUT: { description: 'input, and the values, prompts and completions the explanation trace quotes' },
    OUTPUT: { description: "output, effectiveOutput, a review's corrected output, and decision.output in policyFacts" },
    CONTEXT: { description: 'context, and the context facts in policyFacts' },
  },
});
