import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON } from '@attest/core';

@ObjectType('AuditEvent', { description: 'One state change: who did what to which subject, with the before/after diff' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field({ description: 'e.g. model.registered, model_version.transitioned' }) action: string;
  @Field() subjectType: string;
  @Field() subjectId: string;
  @Field(() => GraphQLJSON, { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { nullable: true }) after: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { description: 'Changed fields: { field: { from, to } }' }) changes: Record<string, unknown>;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field() occurredAt: Date;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection extends ConnectionType(AuditEventModel) {}
