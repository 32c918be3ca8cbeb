import { Field, ID, InputType } from '@nestjs/graphql';
import { JsonField } from '@attest/core';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsObject, IsOptional, IsUrl, IsUUID, Length, Matches } from 'class-validator';
import { PII_CLASSES, PII_CLASSES_DESCRIPTION } from '../registry.enums';
import { DIGEST_PATTERN, VERSION_PATTERN } from './register-model-version.input';

const SOURCE_PROTOCOLS = ['s3', 'gs', 'https', 'http', 'file', 'hf', 'abfs', 'abfss', 'azureml', 'dbfs'];

@InputType({ description: 'An immutable snapshot of a dataset: where it is, its digest and the personal data it holds' })
export class RegisterDatasetVersionInput {
  @Field(() => ID, { description: 'The dataset it is a version of (one the caller owns, or any for admins)' })
  @IsUUID()
  datasetId: string;

  @Field({ description: 'Unique per dataset, e.g. 2025-06 or 3' })
  @Matches(VERSION_PATTERN, { message: 'version must be 1-64 letters, digits, . _ + -' })
  version: string;

  @Field({ description: 'Where the snapshot lives, e.g. s3://lake/claims/2025-06/' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: SOURCE_PROTOCOLS })
  sourceUri: string;

  @Field({ description: 'Content digest of the snapshot, e.g. sha256:<64 hex>' })
  @Matches(DIGEST_PATTERN, { message: 'digest must look like sha256:<hex>' })
  digest: string;

  @JsonField({ nullable: true, description: 'Its schema, e.g. a JSON Schema or a column list' })
  @IsOptional()
  @IsObject()
  schema?: Record<string, unknown>;

  @Field(() => [String], { description: PII_CLASSES_DESCRIPTION })
  @ArrayMinSize(1, { message: 'piiClasses must name at least one class (use "none" for no personal data)' })
  @ArrayMaxSize(PII_CLASSES.length)
  @ArrayUnique()
  @IsIn(PII_CLASSES, { each: true, message: `piiClasses must each be one of: ${PII_CLASSES.join(', ')}` })
  piiClasses: string[];

  @Field({ nullable: true, description: 'How it was collected and processed' })
  @IsOptional()
  @Length(1, 5000)
  provenance?: string;

  @Field({ nullable: true, description: 'e.g. CC-BY-4.0, proprietary' })
  @IsOptional()
  @Length(1, 200)
  licence?: string;
}
