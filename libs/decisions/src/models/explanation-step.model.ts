import { createUnionType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';
import type { StepKind } from '../recording/explanation-steps';

@ObjectType('FeatureAttributionStep', { description: 'How much one input feature pushed the outcome' })
export class FeatureAttributionStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
  @Field({ description: "The feature's name" }) feature: string;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The value the model saw, redacted like the input; null when not given or withheld from the caller's role",
  })
  value?: unknown;
  @Field(() => Float, { description: 'Signed contribution to the outcome (e.g. a SHAP value)' }) weight: number;
}

@ObjectType('RuleFiredStep', { description: 'A business rule that fired' })
export class RuleFiredStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
  @Field({ description: "The rule's id in the caller's rule set" }) ruleId: string;
  @Field({ description: 'What the rule concluded, e.g. matched, escalate' }) outcome: string;
}

@ObjectType('RetrievalStep', { description: 'A document or record retrieved to make the decision' })
export class RetrievalStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
  @Field({ description: 'Where it was retrieved from' }) sourceUri: string;
  @Field(() => String, { nullable: true, description: 'Digest of the retrieved content, e.g. sha256:<64 hex>; null when not given' })
  digest?: string;
  @Field(() => Float, { nullable: true, description: "The retriever's relevance score, in its own scale; null when not given" })
  score?: number;
}

@ObjectType('LlmCallStep', { description: 'A call to a language model' })
export class LlmCallStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
  @Field({ description: 'The model called' }) model: string;
  @Field({ description: 'Digest of the full prompt as sent, e.g. sha256:<64 hex>' }) promptDigest: string;
  @Field(() => String, { nullable: true, description: 'Redacted' }) prompt?: string;
  @Field(() => String, { nullable: true, description: 'Redacted' }) completion?: string;
  @Field(() => Int, { nullable: true, description: 'Tokens in the prompt; null when not given' }) promptTokens?: number;
  @Field(() => Int, { nullable: true, description: 'Tokens in the completion; null when not given' }) completionTokens?: number;
}

@ObjectType('ToolCallStep', { description: 'A call to a tool or service, by digest of its arguments and result' })
export class ToolCallStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
  @Field({ description: "The tool's name" }) name: string;
  @Field({ description: 'Digest of the arguments, e.g. sha256:<64 hex>' }) argsDigest: string;
  @Field(() => String, { nullable: true, description: 'Digest of the result; null when the call gave none' }) resultDigest?: string;
}

@ObjectType('NoteStep', { description: 'A free-text note in the trace' })
export class NoteStep {
  @Field(() => Int, { description: 'Order in the trace, from 0' }) position: number;
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
