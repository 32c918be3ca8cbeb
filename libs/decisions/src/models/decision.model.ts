import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { DecisionStatus } from './decision.enums';
import { PolicyEvaluationModel, RedactionFindingModel } from './policy-evaluation.model';

@ObjectType('Decision', {
  description: 'One automated outcome: what was decided on (redacted), by which model and automation version, judged by which policies',
})
export class DecisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) automationId: string;
  @Field(() => ID) automationVersionId: string;
  @Field(() => ID) modelVersionId: string;
  @Field() idempotencyKey: string;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field(() => String, { nullable: true }) traceId: string | null;
  @Field({ description: 'Keyed hash (HMAC-SHA256) of the original input: the input itself is never stored' }) inputHash: string;
  @Field(() => Float, { nullable: true }) confidence: number | null;
  @Field(() => DecisionStatus) status: DecisionStatus;
  @Field(() => PolicyEvaluationModel, { nullable: true, description: 'Null when the tenant had no active pack' })
  policyEvaluation: PolicyEvaluationModel | null;
  @Field(() => [RedactionFindingModel]) redactions: RedactionFindingModel[];
  @Field({ description: 'Whether a subject reference was given (it is stored only as a keyed hash)' }) hasSubject: boolean;
  @Field() occurredAt: Date;
  @Field() recordedAt: Date;
  @Field(() => ID) recordedBy: string;
}

@ObjectType('DecisionConnection')
export class DecisionConnection extends ConnectionType(DecisionModel) {}

@ObjectType('RecordDecisionPayload')
export class RecordDecisionPayload {
  @Field(() => DecisionModel) decision: DecisionModel;
  @Field({ description: 'True when this idempotency key was already recorded with the same payload: nothing new was written' })
  replayed: boolean;
}
