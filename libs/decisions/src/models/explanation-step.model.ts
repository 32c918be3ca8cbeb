import { createUnionType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';
import type { StepKind } from '../recording/explanation-steps';

@ObjectType('FeatureAttributionStep')
export class FeatureAttributionStep {
  @Field(() => Int) position: number;
  @Field() feature: string;
  @Field(() => GraphQLJSON, { nullable: true }) value?: unknown;
  @Field(() => Float) weight: number;
}

@ObjectType('RuleFiredStep')
export class RuleFiredStep {
  @Field(() => Int) position: number;
  @Field() ruleId: string;
  @Field() outcome: string;
}

@ObjectType('RetrievalStep')
export class RetrievalStep {
  @Field(() => Int) position: number;
  @Field() sourceUri: string;
  @Field(() => String, { nullable: true }) digest?: string;
  @Field(() => Float, { nullable: true }) score?: number;
}

@ObjectType('LlmCallStep')
export class LlmCallStep {
  @Field(() => Int) position: number;
  @Field() model: string;
  @Field() promptDigest: string;
  @Field(() => String, { nullable: true, description: 'Redacted' }) prompt?: string;
  @Field(() => String, { nullable: true, description: 'Redacted' }) completion?: string;
  @Field(() => Int, { nullable: true }) promptTokens?: number;
  @Field(() => Int, { nullable: true }) completionTokens?: number;
}

@ObjectType('ToolCallStep')
export class ToolCallStep {
  @Field(() => Int) position: number;
  @Field() name: string;
  @Field() argsDigest: string;
  @Field(() => String, { nullable: true }) resultDigest?: string;
}

@ObjectType('NoteStep')
export class NoteStep {
  @Field(() => Int) position: number;
  @Field({ description: 'Redacted' }) text: string;
}

const TYPE_OF_KIND = {
  feature_attribution: FeatureAttributionStep,
  rule_fired: RuleFiredStep,
  retrieval: RetrievalStep,
  llm_call: LlmCallStep,
  tool_call: ToolCallStep,
  note: NoteStep,
} satisfies Record<StepKind, unknown>;

/** A step as resolvers hand it out: its stored fields, its position and its kind (which picks the GraphQL type). */
export type ExplanationStepView = Record<string, unknown> & { position: number; kind: StepKind };

export const ExplanationStepUnion = createUnionType({
  name: 'ExplanationStep',
  description: 'One step of the explanation trace, by kind',
  types: () => Object.values(TYPE_OF_KIND),
  resolveType: (step: ExplanationStepView) => TYPE_OF_KIND[step.kind],
});
