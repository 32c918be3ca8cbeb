import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { JsonField } from '@attest/core';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';

const DIGEST_LENGTH: [number, number] = [8, 200];

@InputType()
export class FeatureAttributionInput {
  @Field() @Length(1, 200) feature: string;
  @JsonField({ nullable: true, description: 'The feature value the model saw (redacted like the input)' })
  @IsOptional()
  value?: unknown;
  @Field(() => Float, { description: 'Signed contribution to the outcome (e.g. a SHAP value)' }) @IsNumber() weight: number;
}

@InputType()
export class RuleFiredInput {
  @Field() @Length(1, 200) ruleId: string;
  @Field({ description: 'What the rule concluded, e.g. matched, escalate' }) @Length(1, 500) outcome: string;
}

@InputType()
export class RetrievalInput {
  @Field() @Length(1, 2000) sourceUri: string;
  @Field({ nullable: true, description: 'Digest of the retrieved content' }) @IsOptional() @Length(...DIGEST_LENGTH) digest?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() score?: number;
}

@InputType()
export class LlmCallInput {
  @Field() @Length(1, 200) model: string;
  @Field() @Length(...DIGEST_LENGTH) promptDigest: string;
  @Field({ nullable: true, description: 'Stored redacted' }) @IsOptional() @IsString() @Length(0, 100_000) prompt?: string;
  @Field({ nullable: true, description: 'Stored redacted' }) @IsOptional() @IsString() @Length(0, 100_000) completion?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) promptTokens?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) completionTokens?: number;
}

@InputType()
export class ToolCallInput {
  @Field() @Length(1, 200) name: string;
  @Field() @Length(...DIGEST_LENGTH) argsDigest: string;
  @Field({ nullable: true }) @IsOptional() @Length(...DIGEST_LENGTH) resultDigest?: string;
}

@InputType()
export class NoteInput {
  @Field({ description: 'Stored redacted' }) @Length(1, 10_000) text: string;
}

/** One step of an explanation trace: set exactly one of the fields (its kind). */
@InputType({ description: 'One step of the explanation trace; set exactly one field' })
export class ExplanationStepInput {
  @Field(() => FeatureAttributionInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => FeatureAttributionInput)
  featureAttribution?: FeatureAttributionInput;

  @Field(() => RuleFiredInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => RuleFiredInput)
  ruleFired?: RuleFiredInput;

  @Field(() => RetrievalInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => RetrievalInput)
  retrieval?: RetrievalInput;

  @Field(() => LlmCallInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => LlmCallInput)
  llmCall?: LlmCallInput;

  @Field(() => ToolCallInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => ToolCallInput)
  toolCall?: ToolCallInput;

  @Field(() => NoteInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => NoteInput)
  note?: NoteInput;
}
