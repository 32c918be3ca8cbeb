import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsNumber, IsOptional, IsUrl, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { RiskTier } from '../registry.enums';

/** `sha256:<64 hex>` or another `<algorithm>:<hex>` content digest. */
export const DIGEST_PATTERN = /^[a-z0-9]+:[a-f0-9]{32,128}$/;
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

@InputType({ description: 'One evaluation result of the model version' })
export class EvaluationMetricInput {
  @Field({ description: 'The metric, e.g. auc, f1, demographic_parity_difference (1 to 100 characters)' })
  @Length(1, 100)
  name: string;

  @Field(() => Float, { description: 'Its value, a finite number' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field(() => ID, { nullable: true, description: 'The dataset version it was measured on, when registered' })
  @IsOptional()
  @IsUUID()
  datasetVersionId?: string;
}

@InputType({ description: 'A new version of a model, registered in draft' })
export class RegisterModelVersionInput {
  @Field(() => ID, { description: 'The model it is a version of (one the caller owns, or any for admins)' })
  @IsUUID()
  modelId: string;

  @Field({ description: 'Semantic version or integer, unique per model (e.g. 1.4.0)' })
  @Matches(VERSION_PATTERN, { message: 'version must be 1-64 letters, digits, . _ + -' })
  version: string;

  @Field({ description: 'Where the artifact lives, e.g. s3://models/triage/1.4.0/model.onnx' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['s3', 'gs', 'https', 'http', 'file', 'hf', 'azureml', 'mlflow', 'oci'] })
  artifactUri: string;

  @Field({ description: 'Content digest of the artifact, e.g. sha256:<64 hex>' })
  @Matches(DIGEST_PATTERN, { message: 'artifactDigest must look like sha256:<hex>' })
  artifactDigest: string;

  @Field({ description: 'e.g. pytorch, xgboost, sklearn, onnx, openai' })
  @Length(1, 100)
  framework: string;

  @Field({ nullable: true, description: 'What it is meant for and by whom, 1 to 5000 characters (model card; EU AI Act Annex IV)' })
  @IsOptional()
  @Length(1, 5000)
  intendedUse?: string;

  @Field({ nullable: true, description: 'Known limitations and cases it must not be used for, 1 to 5000 characters' })
  @IsOptional()
  @Length(1, 5000)
  limitations?: string;

  @Field(() => [EvaluationMetricInput], { nullable: true, description: 'Evaluation results, at most 100' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvaluationMetricInput)
  metrics?: EvaluationMetricInput[];

  @Field(() => RiskTier, { description: "The model's risk tier, as its owner assesses it" })
  @IsEnum(RiskTier)
  riskTier: RiskTier;

  @Field(() => [ID], { nullable: true, description: 'Dataset versions it was trained on: lineage edges to them are recorded' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  trainingDatasetVersionIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Dataset versions it was evaluated on: lineage edges to them are recorded' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evaluationDatasetVersionIds?: string[];
}
