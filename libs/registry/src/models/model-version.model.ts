import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { LifecycleStatus, RiskTier } from '../registry.enums';

@ObjectType('EvaluationMetric', { description: 'One evaluation result of a model version' })
export class EvaluationMetricModel {
  @Field({ description: 'The metric, e.g. auc, f1' }) name: string;
  @Field(() => Float, { description: 'Its value' }) value: number;
  @Field(() => ID, { nullable: true, description: 'The dataset version it was measured on' }) datasetVersionId?: string | null;
}

@ObjectType('ModelVersion', { description: 'One trained artifact of a model, with its model-card facts and lifecycle' })
export class ModelVersionModel {
  @Field(() => ID, { description: "The version's id (UUID)" }) id: string;
  @Field(() => ID, { description: 'The model it is a version of' }) modelId: string;
  @Field({ description: 'Semantic version or integer, unique per model (e.g. 1.4.0)' }) version: string;
  @Field({ description: 'Where the artifact lives, e.g. s3://models/triage/1.4.0/model.onnx' }) artifactUri: string;
  @Field({ description: 'Content digest of the artifact, e.g. sha256:<64 hex>' }) artifactDigest: string;
  @Field({ description: 'e.g. pytorch, xgboost, sklearn, onnx, openai' }) framework: string;
  @Field(() => String, { nullable: true, description: 'What it is meant for and by whom; null when not given' }) intendedUse: string | null;
  @Field(() => String, { nullable: true, description: 'Known limitations and cases it must not be used for; null when not given' })
  limitations: string | null;
  @Field(() => [EvaluationMetricModel], { description: 'Evaluation results, as registered' }) metrics: EvaluationMetricModel[];
  @Field(() => RiskTier, { description: "The model's risk tier, as its owner assessed it" }) riskTier: RiskTier;
  @Field(() => LifecycleStatus, { description: 'Where this model version is in its lifecycle; transitions has how it got there' })
  status: LifecycleStatus;
  @Field(() => ID, { nullable: true, description: 'The principal that submitted this model version for review; null until then' })
  submittedBy: string | null;
  @Field(() => ID, { nullable: true, description: 'The compliance officer or admin that approved this model version; null until approved' })
  approvedBy: string | null;
  @Field(() => ID, { description: 'The principal that registered this model version' }) createdBy: string;
  @Field({ description: 'When this model version was registered, ISO 8601 (UTC)' }) createdAt: Date;
  @Field({ description: 'When the status of this model version last changed, ISO 8601 (UTC)' }) updatedAt: Date;
}
