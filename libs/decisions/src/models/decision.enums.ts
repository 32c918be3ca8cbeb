import { registerEnumType } from '@nestjs/graphql';

export enum DecisionStatus {
  recorded = 'recorded',
  pending_review = 'pending_review',
  blocked = 'blocked',
}
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'What the policies concluded when it was recorded: allowed, sent to human review, or denied (still stored)',
});

export enum DecisionOutcome {
  recorded = 'recorded',
  pending_review = 'pending_review',
  approved = 'approved',
  overridden = 'overridden',
  rejected = 'rejected',
  blocked = 'blocked',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome', description: 'The final outcome: the status, as settled by a human review' });

export enum ReviewVerdict {
  approve = 'approve',
  override = 'override',
  reject = 'reject',
}
registerEnumType(ReviewVerdict, {
  name: 'ReviewVerdict',
  description: 'approve: the output stands; override: the corrected output replaces it; reject: the outcome is void',
});

export enum PolicyEffect {
  allow = 'allow',
  deny = 'deny',
  require_review = 'require_review',
  annotate = 'annotate',
}
registerEnumType(PolicyEffect, { name: 'PolicyEffect' });
