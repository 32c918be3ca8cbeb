import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON } from '@attest/core';

@ObjectType('AuditEvent', { description: 'One state change: who did what to which subject, with the before/after diff' })
export class AuditEventModel {
  @Field(() => ID, { description: "The event's id (UUID); also the factId of its ledger leaf" }) id: string;
  @Field(() => ID, { nullable: true, description: 'The principal that caused it; null for the system (jobs, boot, migrations)' }) actorId:
    string | null;
  @Field({ description: 'e.g. model.registered, model_version.transitioned' }) action: string;
  @Field({ description: 'What kind of thing changed, e.g. Model, ModelVersion, Decision, ApiKey' }) subjectType: string;
  @Field({ description: 'The id of what changed' }) subjectId: string;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The subject before the change, redacted (secrets and personal data never appear); null for a creation',
  })
  before: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The subject after the change, redacted (secrets and personal data never appear); null for a deletion',
  })
  after: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { description: 'Changed fields: { field: { from, to } }' }) changes: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'The request or batch it belongs to: the same value on every event of one call' })
  correlationId: string | null;
  @Field({ description: 'When it happened, ISO 8601 with time zone (UTC)' }) occurredAt: Date;
}

@ObjectType('AuditEventConnection', { description: 'A page of audit events, newest first' })
export class AuditEventConnection extends ConnectionType(AuditEventModel) {}
