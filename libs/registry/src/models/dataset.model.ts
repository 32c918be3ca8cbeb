import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON } from '@attest/core';
import { PII_CLASSES_DESCRIPTION } from '../registry.enums';

@ObjectType('Dataset')
export class DatasetModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => ID) ownerId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('DatasetConnection')
export class DatasetConnection extends ConnectionType(DatasetModel) {}

@ObjectType('DatasetVersion', { description: 'An immutable snapshot of a dataset: where it came from, what it holds' })
export class DatasetVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) datasetId: string;
  @Field() version: string;
  @Field() sourceUri: string;
  @Field() digest: string;
  @Field(() => GraphQLJSON, { nullable: true }) schema: Record<string, unknown> | null;
  @Field(() => [String], { description: PII_CLASSES_DESCRIPTION })
  piiClasses: string[];
  @Field(() => String, { nullable: true }) provenance: string | null;
  @Field(() => String, { nullable: true }) licence: string | null;
  @Field(() => ID) createdBy: string;
  @Field() createdAt: Date;
}
