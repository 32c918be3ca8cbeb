import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';

@ObjectType('Model', { description: 'A machine-learning model; its versions carry the artifacts' })
export class ModelModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => ID) ownerId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ModelConnection')
export class ModelConnection extends ConnectionType(ModelModel) {}
