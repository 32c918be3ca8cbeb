import { DecisionReviewEntity } from './decision-review.entity';
import { DecisionEntity } from './decision.entity';
import { ExplanationStepEntity } from './explanation-step.entity';
import { RedactionRulesEntity } from './redaction-rules.entity';
import { INGEST_ENTITIES } from '../bulk/entities';
import { WEBHOOK_ENTITIES } from '../webhooks/entities';

export { DecisionEntity, DecisionReviewEntity, ExplanationStepEntity, RedactionRulesEntity };
export const DECISION_ENTITIES = [
  DecisionEntity,
  ExplanationStepEntity,
  DecisionReviewEntity,
  RedactionRulesEntity,
  ...WEBHOOK_ENTITIES,
  ...INGEST_ENTITIES,
];
