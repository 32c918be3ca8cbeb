import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { DecisionStatus } from './decision.enums';
import { PolicyEvaluationModel, RedactionFindingModel } from './policy-evaluation.model';

@ObjectType('Decision', {
  description: 'One automated outcome: what was decided on (redacted), by which model and automation version, judged by which policies',
})
export class DecisionModel {
  @Field(() => ID, { description: "The decision's id (UUID); also the factId of its ledger leaf" }) id: string;
  @Field(() => ID, { description: 'The automation that made it' }) automationId: string;
  @Field(() => ID, { description: 'The automation version that made it' }) automationVersionId: string;
  @Field(() => ID, { description: 'The model version that made it' }) modelVersionId: string;
  @Field({
    description:
      "The caller's key, unique per tenant: recording it again with the same payload replays, with another payload is a CONFLICT",
  })
  idempotencyKey: string;
  @Field(() => String, { nullable: true, description: "The caller's correlation id (e.g. its request or case id), when given" })
  correlationId: string | null;
  @Field(() => String, { nullable: true, description: 'The W3C trace id of the call that recorded it, to find it in the traces' }) traceId:
    string | null;
  @Field({ description: 'Keyed hash (HMAC-SHA256) of the original input: the input itself is never stored' }) inputHash: string;
  @Field(() => Float, { nullable: true, description: "The model's confidence, 0 to 1; null when it gave none" }) confidence: number | null;
  @Field(() => DecisionStatus, { description: 'Where the decision stands: as the policies judged it, then as a review left it' })
  status: DecisionStatus;
  @Field(() => PolicyEvaluationModel, { nullable: true, description: 'Null when the tenant had no active pack' })
  policyEvaluation: PolicyEvaluationModel | null;
  @Field(() => [RedactionFindingModel], {
    description: 'What was redacted from the stored input, output and trace, by path and detector (never the values)',
  })
  redactions: RedactionFindingModel[];
  @Field({ description: 'Whether a subject reference was given (it is stored only as a keyed hash)' }) hasSubject: boolean;
  @Field({ description: 'When the automation decided, as the caller said, ISO 8601 (UTC)' }) occurredAt: Date;
  @Field({ description: 'When Attest recorded it, ISO 8601 (UTC)' }) recordedAt: Date;
  @Field(() => ID, { description: "The principal that recorded it (usually the automation's service principal)" }) recordedBy: string;
}

@ObjectType('DecisionConnection', { description: 'A page of decisions, newest first' })
export class DecisionConnection extends ConnectionType(DecisionModel) {}

@ObjectType('RecordDecisionPayload', { description: 'What recordDecision stored, or replayed' })
export class RecordDecisionPayload {
  @Field(() => DecisionModel, { description: 'The decision as stored (the original one on a replay)' }) decision: DecisionModel;
  @Field({ description: 'True when this idempotency key was already recorded with the same payload: nothing new was written' })
  replayed: boolean;
}
