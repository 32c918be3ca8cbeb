import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON } from '@attest/core';
import { PII_CLASSES_DESCRIPTION } from '../registry.enums';

@ObjectType('Dataset', { description: 'A dataset the tenant trains or evaluates models on; its snapshots are versions' })
export class DatasetModel {
  @Field(() => ID, { description: "The dataset's id (UUID)" }) id: string;
  @Field({ description: 'Display name, unique in the tenant' }) name: string;
  @Field(() => String, { nullable: true, description: 'What it holds, in words; null when not given' }) description: string | null;
  @Field(() => ID, { description: 'The principal accountable for it' }) ownerId: string;
  @Field({ description: 'When it was registered, ISO 8601 (UTC)' }) createdAt: Date;
  @Field({ description: 'When it last changed, ISO 8601 (UTC)' }) updatedAt: Date;
}

@ObjectType('DatasetConnection', { description: 'A page of datasets, newest first' })
export class DatasetConnection extends ConnectionType(DatasetModel) {}

@ObjectType('DatasetVersion', { description: 'An immutable snapshot of a dataset: where it came from, what it holds' })
export class DatasetVersionModel {
  @Field(() => ID, { description: "The version's id (UUID)" }) id: string;
  @Field(() => ID, { description: 'The dataset it is a version of' }) datasetId: string;
  @Field({ description: 'Semantic version or integer, unique per dataset' }) version: string;
  @Field({ description: 'Where the snapshot lives, e.g. s3://data/claims/2025-06/' }) sourceUri: string;
  @Field({ description: 'Content digest of the snapshot, e.g. sha256:<64 hex>' }) digest: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its schema as the registrant gave it (JSON); null when not given' })
  schema: Record<string, unknown> | null;
  @Field(() => [String], { description: PII_CLASSES_DESCRIPTION })
  piiClasses: string[];
  @Field(() => String, { nullable: true, description: 'Where the data came from and how it was collected; null when not given' })
  provenance: string | null;
  @Field(() => String, { nullable: true, description: 'The licence it is used under, e.g. CC-BY-4.0 or proprietary; null when not given' })
  licence: string | null;
  @Field(() => ID, { description: 'Who registered it' }) createdBy: string;
  @Field({ description: 'When it was registered, ISO 8601 (UTC)' }) createdAt: Date;
}
