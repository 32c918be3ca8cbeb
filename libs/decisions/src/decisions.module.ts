import { Module } from '@nestjs/common';
import { AuditModule } from '@attest/audit';
import { IdentityModule } from '@attest/identity';
import { RegistryModule } from '@attest/registry';
import { DecisionFieldsResolver } from './decision-fields.resolver';
import { DecisionsResolver } from './decisions.resolver';
import { DecisionsService } from './queries/decisions.service';
import { DecisionRecorder } from './recording/decision-recorder.service';
import { HashKeys } from './recording/hash-keys';
import { RedactionRulesResolver } from './redaction-rules/redaction-rules.resolver';
import { RedactionRulesService } from './redaction-rules/redaction-rules.service';
import { ReviewsResolver } from './review/reviews.resolver';
import { ReviewsService } from './review/reviews.service';

/** Every resolver of the decisions context, also for building the schema without a server. */
export const DECISION_RESOLVERS = [DecisionsResolver, DecisionFieldsResolver, RedactionRulesResolver, ReviewsResolver];

@Module({
  imports: [IdentityModule, RegistryModule, AuditModule],
  providers: [HashKeys, RedactionRulesService, DecisionRecorder, DecisionsService, ReviewsService, ...DECISION_RESOLVERS],
  exports: [DecisionRecorder, DecisionsService],
})
export class DecisionsModule {}
