import { Module } from '@nestjs/common';
import { DecisionMetrics } from './metrics/decision-metrics';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { AuditModule } from '@attest/audit';
import { IdentityModule } from '@attest/identity';
import { LedgerModule } from '@attest/ledger';
import { RegistryModule } from '@attest/registry';
import { DecisionFieldsResolver } from './decision-fields.resolver';
import { DecisionsResolver } from './decisions.resolver';
import { DecisionSealResolver } from './ledger-seal/decision-seal.resolver';
import { DecisionsService } from './queries/decisions.service';
import { DecisionRecorder } from './recording/decision-recorder.service';
import { HashKeys } from './recording/hash-keys';
import { RedactionRulesResolver } from './redaction-rules/redaction-rules.resolver';
import { RedactionRulesService } from './redaction-rules/redaction-rules.service';
import { ReviewsResolver } from './review/reviews.resolver';
import { ReviewsService } from './review/reviews.service';
import { ActivityResolver } from './live/activity.resolver';
import { ActivityWatch } from './live/activity-watch.service';
import { CorrectedOutputJudge } from './review/corrected-output-judge';
import { ReviewOverdueHandler } from './review/overdue/review-overdue.handler';
import { ReviewOverdueService } from './review/overdue/review-overdue.service';
import { ReviewOverdueSweeper } from './review/overdue/review-overdue.sweeper';
import { ReviewWorkflowResolver } from './review/review-workflow.resolver';
import { ReviewWorkflowService } from './review/review-workflow.service';
import { BulkDecisionsResolver } from './bulk/bulk.resolver';
import { BulkDecisionsService } from './bulk/bulk-decisions.service';
import { IngestChunkHandler } from './bulk/ingest-chunk.handler';
import { IngestRecoverySweeper } from './bulk/ingest-recovery.sweeper';
import { IngestService } from './bulk/ingest.service';
import { WebhookDns } from './webhooks/target/webhook-dns';
import { WebhookTargetPolicy } from './webhooks/target/webhook-target-policy';
import { WebhookTargetResolver } from './webhooks/target/webhook-target-resolver';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';
import { WebhookOutboxSweeper } from './webhooks/webhook-outbox.sweeper';
import { WebhookSubscriptionsResolver } from './webhooks/webhook-subscriptions.resolver';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { DecisionsExportController } from './export/decisions-export.controller';
import { DecisionsExport } from './export/decisions-export.service';
import { DecisionStats } from './overview/decision-stats.service';
import { ContestsResolver } from './contest/contests.resolver';
import { ContestsService } from './contest/contests.service';
import { SubjectRecordsService } from './queries/subject-records.service';
import { DecisionPeriodStats } from './overview/decision-period-stats.service';
import { DecisionsOverviewResolver } from './overview/decisions-overview.resolver';

/** Every resolver of the decisions context, also for building the schema without a server. */
export const DECISION_RESOLVERS = [
  DecisionsResolver,
  DecisionsOverviewResolver,
  DecisionFieldsResolver,
  RedactionRulesResolver,
  ReviewsResolver,
  ReviewWorkflowResolver,
  ActivityResolver,
  WebhookSubscriptionsResolver,
  BulkDecisionsResolver,
  DecisionSealResolver,
  ContestsResolver,
];

/**
 * Decisions (one, a batch, or an asynchronous ingest), their review, and the webhooks that announce them. Needs JobsModule (global) in the
 * composition root: the API enqueues deliveries, and whichever process runs handlers delivers them.
 */
@Module({
  imports: [IdentityModule, RegistryModule, AuditModule, LedgerModule],
  providers: [
    HashKeys,
    RedactionRulesService,
    DecisionRecorder,
    DecisionsService,
    ReviewsService,
    ReviewWorkflowService,
    ContestsService,
    SubjectRecordsService,
    ActivityWatch,
    CorrectedOutputJudge,
    ReviewOverdueService,
    ReviewOverdueHandler,
    ReviewOverdueSweeper,
    WebhookDispatcher,
    WebhookDeliveryHandler,
    WebhookOutboxSweeper,
    WebhookSubscriptionsService,
    WebhookDns,
    WebhookTargetResolver,
    {
      provide: WebhookTargetPolicy,
      useFactory: (config: AttestConfig) => new WebhookTargetPolicy(config.webhooks.allowPrivate),
      inject: [ATTEST_CONFIG],
    },
    BulkDecisionsService,
    IngestService,
    IngestChunkHandler,
    IngestRecoverySweeper,
    DecisionsExport,
    DecisionStats,
    DecisionPeriodStats,
    DecisionMetrics,
    ...DECISION_RESOLVERS,
  ],
  controllers: [DecisionsExportController],
  exports: [DecisionRecorder, DecisionsService, DecisionPeriodStats, WebhookDispatcher, ReviewWorkflowService, SubjectRecordsService],
})
export class DecisionsModule {}
