import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@attest/core';
import { LifecycleStatus, RiskTier } from '../registry.enums';

@ObjectType('EvaluationMetric')
export class EvaluationMetricModel {
  @Field() name: string;
  @Field(() => Float) value: number;
  @Field(() => ID, { nullable: true, description: 'The dataset version it was measured on' }) datasetVersionId?: string | null;
}

@ObjectType('ModelVersion', { description: 'One trained artifact of a model, with its model-card facts and lifecycle' })
export class ModelVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) modelId: string;
  @Field() version: string;
  @Field() artifactUri: string;
  @Field() artifactDigest: string;
  @Field() framework: string;
  @Field(() => String, { nullable: true }) intendedUse: string | null;
  @Field(() => String, { nullable: true }) limitations: string | null;
  @Field(() => [EvaluationMetricModel]) metrics: EvaluationMetricModel[];
  @Field(() => RiskTier) riskTier: RiskTier;
  @Field(() => LifecycleStatus) status: LifecycleStatus;
  @Field(() => ID, { nullable: true }) submittedBy: string | null;
  @Field(() => ID, { nullable: true }) approvedBy: string | null;
  @Field(() => ID) createdBy: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
