import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '@attest/core';
import { ContestStatus, DecisionOutcome, ReviewVerdict, type ReviewVerdictValue } from '@attest/decisions';

export enum FactorDirection {
  FOR = 'for',
  AGAINST = 'against',
}
registerEnumType(FactorDirection, {
  name: 'FactorDirection',
  description: 'Which way a factor pushed an automated result',
  valuesMap: {
    FOR: { description: 'In favour of the result (a positive attribution)' },
    AGAINST: { description: 'Against the result (a negative attribution)' },
  },
});

@ObjectType('ExplainedFactor', { description: 'One of the main factors of a decision, from its feature attributions' })
export class ExplainedFactorModel {
  @Field({ description: "The feature's name" }) feature: string;
  @Field(() => Float, { description: 'Its signed contribution (e.g. a SHAP value)' }) weight: number;
  @Field(() => FactorDirection, { description: 'Which way it pushed the result' }) direction: FactorDirection;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value used (redacted); null when not given or withheld from your role' })
  value: unknown;
  @Field({ description: 'The factor in plain language' }) text: string;
}

@ObjectType('ExplainedPolicy', { description: "One of the organisation's rules (a policy) that matched the decision" })
export class ExplainedPolicyModel {
  @Field({ description: "The policy's id" }) id: string;
  @Field({ description: "The policy's version" }) version: number;
  @Field({ description: 'What it asked for: allow, deny, require_review or annotate' }) effect: string;
  @Field({ description: 'The policy in plain language' }) text: string;
}

@ObjectType('ExplainedPolicyVersion', { description: 'The policy pack that judged the decision' })
export class ExplainedPolicyVersionModel {
  @Field(() => String, { nullable: true, description: "The pack's name; null when its activation is not found" }) name: string | null;
  @Field({ description: "The pack's digest: SHA-256 of its canonical content, lowercase hex" }) digest: string;
  @Field(() => Date, { nullable: true, description: 'When the activation in force at the decision was made; null when not found' })
  activatedAt: Date | null;
  @Field({ description: 'In plain language' }) text: string;
}

@ObjectType('ExplainedReview', { description: 'A human review of the decision' })
export class ExplainedReviewModel {
  @Field(() => ReviewVerdict, { description: 'The verdict' }) verdict: ReviewVerdictValue;
  @Field(() => Date, { description: 'When it was given' }) at: Date;
  @Field({ description: "The reviewer's reason (redacted)" }) rationale: string;
  @Field({ description: 'Whether it answered a contest' }) answersContest: boolean;
  @Field({ description: 'In plain language' }) text: string;
}

@ObjectType('ExplainedContest', { description: "The person's contest of the decision and its outcome" })
export class ExplainedContestModel {
  @Field(() => ContestStatus, { description: 'OPEN until a review answers it' }) status: ContestStatus;
  @Field(() => Date, { description: 'When it was made' }) contestedAt: Date;
  @Field(() => Date, { description: 'When its review is due' }) dueAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a review answered it; null while open' }) resolvedAt: Date | null;
  @Field(() => ReviewVerdict, { nullable: true, description: 'The verdict that answered it; null while open' })
  result: ReviewVerdictValue | null;
  @Field({ description: 'In plain language' }) text: string;
}

@ObjectType('ExplanationSection', { description: 'A section of an explanation as the documents show it' })
export class ExplanationSectionModel {
  @Field({ description: 'Its heading' }) heading: string;
  @Field(() => [String], { description: 'Its sentences, in order' }) paragraphs: string[];
}

@ObjectType('SubjectDecisionExplanation', { description: 'One automated decision about the person, explained in plain language' })
export class SubjectDecisionExplanationModel {
  @Field(() => ID, { description: 'The decision (the reference the person quotes to contest it)' }) decisionId: string;
  @Field(() => String, { nullable: true, description: "The automation's name; null when your role may not read it" })
  automation: string | null;
  @Field(() => Date, { description: 'When it was made (occurredAt)' }) madeAt: Date;
  @Field(() => DecisionOutcome, { description: 'The outcome, as settled by the latest human review' }) outcome: DecisionOutcome;
  @Field({ description: 'What the outcome means, in plain language' }) summary: string;
  @Field(() => [ExplainedFactorModel], { description: 'The main factors, the strongest first (at most five)' })
  factors: ExplainedFactorModel[];
  @Field(() => [String], { description: 'The other steps of its trace (rules, look-ups, models, tools, notes), in order' })
  reasoning: string[];
  @Field(() => [ExplainedPolicyModel], { description: "The organisation's rules that matched it" }) policies: ExplainedPolicyModel[];
  @Field(() => ExplainedPolicyVersionModel, { nullable: true, description: 'The policy pack that judged it; null when none was active' })
  policyVersion: ExplainedPolicyVersionModel | null;
  @Field(() => [ExplainedReviewModel], { description: 'Human reviews, oldest first; the latest stands' }) reviews: ExplainedReviewModel[];
  @Field({ description: 'Whether and how a person reviewed it, in plain language' }) reviewSummary: string;
  @Field(() => [ExplainedContestModel], { description: "The person's contests and their outcomes, oldest first" })
  contests: ExplainedContestModel[];
  @Field({ description: 'How the person can contest it' }) howToContest: string;
  @Field({ description: 'Whether parts of it are withheld from your role (they are left out, never guessed)' }) partlyWithheld: boolean;
  @Field(() => [ExplanationSectionModel], { description: 'The same, as the HTML and PDF documents lay it out' })
  sections: ExplanationSectionModel[];
}

@ObjectType('SubjectExplanation', {
  description: 'Every automated decision about one person, explained in plain language (GDPR Art. 15 and 22, AI Act Art. 86)',
})
export class SubjectExplanationModel {
  @Field({ description: 'The language it is written in' }) locale: string;
  @Field(() => Date, { description: 'When it was generated' }) generatedAt: Date;
  @Field({ description: 'Its title' }) title: string;
  @Field({ description: 'Its opening paragraph' }) intro: string;
  @Field(() => [SubjectDecisionExplanationModel], {
    description: 'The decisions, newest first (at most 100; ask for an older one by decisionId)',
  })
  decisions: SubjectDecisionExplanationModel[];
  @Field({ description: 'Whether more decisions exist than the 100 explained' }) truncated: boolean;
}
