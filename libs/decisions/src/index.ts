export { DETECTOR_NAMES, type DetectorName } from './redaction/detectors';
export {
  compileRedactionRules,
  CompiledRedactionRules,
  redact,
  type CustomPattern,
  type PathRule,
  type RedactionFinding,
  type RedactionResult,
  type RedactionRules,
} from './redaction/redact';
export { RedactionRulesError } from './redaction/redaction.errors';
export { keyedHash } from './redaction/keyed-hash';
export { DecisionsModule, DECISION_RESOLVERS } from './decisions.module';
export { DECISION_ENTITIES } from './entities';
export { HashKeys } from './recording/hash-keys';
export { DecisionModel } from './models/decision.model';
export { DecisionOutcome, DecisionStatus, ReviewVerdict, type DecisionStatusValue, type ReviewVerdictValue } from './models/decision.enums';
export { decisionFacts } from './recording/decision-facts';
export { ReviewBacklogMetrics } from './metrics/review-backlog-metrics';
export { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';
export { SubjectRecordsService, SUBJECT_RECORDS_LIMIT, type SubjectRecord } from './queries/subject-records.service';
export { ContestStatus, DecisionContestModel } from './contest/decision-contest.model';
export { ReviewOverdueSweeper } from './review/overdue/review-overdue.sweeper';
export { readActivityWatermark, type ActivityWatermark } from './live/activity-watermark';
export { DecisionsService } from './queries/decisions.service';
export { DecisionPeriodStats, type DecisionPeriodFigures, type DecisionScope } from './overview/decision-period-stats.service';
export { DecisionFieldAccess } from './access/decision-field-access';
export { WithheldDecisionField } from './models/decision.enums';
export type { DecisionEntity } from './entities/decision.entity';
export type { DecisionReviewEntity } from './entities/decision-review.entity';
export type { ExplanationStepEntity } from './entities/explanation-step.entity';
export { ReviewWorkflowService, DEFAULT_SLA_MINUTES } from './review/review-workflow.service';
