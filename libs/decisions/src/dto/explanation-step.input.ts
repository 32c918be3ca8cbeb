import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { JsonField } from '@attest/core';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';

const DIGEST_LENGTH: [number, number] = [8, 200];

@InputType({ description: 'How much one input feature pushed the outcome' })
export class FeatureAttributionInput {
  @Field({ description: "The feature's name, 1 to 200 characters" }) @Length(1, 200) feature: string;
  @JsonField({ nullable: true, description: 'The feature value the model saw (redacted like the input)' })
  @IsOptional()
  value?: unknown;
  @Field(() => Float, { description: 'Signed contribution to the outcome (e.g. a SHAP value)' }) @IsNumber() weight: number;
}

@InputType({ description: 'A business rule that fired' })
export class RuleFiredInput {
  @Field({ description: "The rule's id in the caller's rule set, 1 to 200 characters" }) @Length(1, 200) ruleId: string;
  @Field({ description: 'What the rule concluded, e.g. matched, escalate' }) @Length(1, 500) outcome: string;
}

@InputType({ description: 'A document or record retrieved to make the decision (e.g. for a RAG prompt)' })
export class RetrievalInput {
  @Field({ description: 'Where it was retrieved from, 1 to 2000 characters' }) @Length(1, 2000) sourceUri: string;
  @Field({ nullable: true, description: 'Digest of the retrieved content' }) @IsOptional() @Length(...DIGEST_LENGTH) digest?: string;
  @Field(() => Float, { nullable: true, description: "The retriever's relevance score, in its own scale" })
  @IsOptional()
  @IsNumber()
  score?: number;
}

@InputType({ description: 'A call to a language model' })
export class LlmCallInput {
  @Field({ description: 'The model called, e.g. gpt-4o-2024-08-06' }) @Length(1, 200) model: string;
  @Field({ description: 'Digest of the full prompt as sent, e.g. sha256:<64 hex> (8 to 200 characters)' })
  @Length(...DIGEST_LENGTH)
  promptDigest: string;
  @Field({ nullable: true, description: 'Stored redacted' }) @IsOptional() @IsString() @Length(0, 100_000) prompt?: string;
  @Field({ nullable: true, description: 'Stored redacted' }) @IsOptional() @IsString() @Length(0, 100_000) completion?: string;
  @Field(() => Int, { nullable: true, description: 'Tokens in the prompt, as the provider counted them' })
  @IsOptional()
  @IsInt()
  @Min(0)
  promptTokens?: number;
  @Field(() => Int, { nullable: true, description: 'Tokens in the completion, as the provider counted them' })
  @IsOptional()
  @IsInt()
  @Min(0)
  completionTokens?: number;
}

@InputType({ description: 'A call to a tool or service, by digest of its arguments and result' })
export class ToolCallInput {
  @Field({ description: "The tool's name, 1 to 200 characters" }) @Length(1, 200) name: string;
  @Field({ description: 'Digest of the arguments, e.g. sha256:<64 hex> (8 to 200 characters)' })
  @Length(...DIGEST_LENGTH)
  argsDigest: string;
  @Field({ nullable: true, description: 'Digest of the result, e.g. sha256:<64 hex>; omit when the call gave none' })
  @IsOptional()
  @Length(...DIGEST_LENGTH)
  resultDigest?: string;
}

@InputType({ description: 'A free-text note in the trace' })
export class NoteInput {
  @Field({ description: 'Stored redacted' }) @Length(1, 10_000) text: string;
}

/** One step of an explanation trace: set exactly one of the fields (its kind). */
@InputType({ description: 'One step of the explanation trace; set exactly one field' })
export class ExplanationStepInput {
  @Field(() => FeatureAttributionInput, { nullable: true, description: 'A feature attribution step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeatureAttributionInput)
  featureAttribution?: FeatureAttributionInput;

  @Field(() => RuleFiredInput, { nullable: true, description: 'A rule-fired step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleFiredInput)
  ruleFired?: RuleFiredInput;

  @Field(() => RetrievalInput, { nullable: true, description: 'A retrieval step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetrievalInput)
  retrieval?: RetrievalInput;

  @Field(() => LlmCallInput, { nullable: true, description: 'A language-model call step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LlmCallInput)
  llmCall?: LlmCallInput;

  @Field(() => ToolCallInput, { nullable: true, description: 'A tool call step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ToolCallInput)
  toolCall?: ToolCallInput;

  @Field(() => NoteInput, { nullable: true, description: 'A note step' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NoteInput)
  note?: NoteInput;
}
