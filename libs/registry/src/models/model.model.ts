import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';

@ObjectType('Model', { description: 'A machine-learning model; its versions carry the artifacts' })
export class ModelModel {
  @Field(() => ID, { description: "The model's id (UUID)" }) id: string;
  @Field({ description: 'Display name, unique in the tenant' }) name: string;
  @Field(() => String, { nullable: true, description: 'What it does, in words; null when not given' }) description: string | null;
  @Field(() => ID, { description: 'The principal accountable for it' }) ownerId: string;
  @Field({ description: 'When it was registered, ISO 8601 (UTC)' }) createdAt: Date;
  @Field({ description: 'When it last changed, ISO 8601 (UTC)' }) updatedAt: Date;
}

@ObjectType('ModelConnection', { description: 'A page of models, newest first' })
export class ModelConnection extends ConnectionType(ModelModel) {}
