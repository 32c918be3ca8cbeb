import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PolicyEffect } from '@attest/core';

@ObjectType('PolicyResult', { description: 'One policy that matched' })
export class PolicyResultModel {
  @Field() id: string;
  @Field(() => Int) version: number;
  @Field(() => PolicyEffect) effect: PolicyEffect;
  @Field() severity: string;
  @Field() message: string;
  @Field(() => [String], { description: 'e.g. EU-AI-Act:Art.14, NIST-AI-RMF:MANAGE-2.3' }) frameworks: string[];
}

@ObjectType('PolicyEvaluation', { description: 'The verdict of the active pack, by its digest (re-evaluable against the exact policies)' })
export class PolicyEvaluationModel {
  @Field() packDigest: string;
  @Field(() => PolicyEffect, { description: 'Combined: deny > require_review > annotate > allow' }) effect: PolicyEffect;
  @Field(() => [PolicyResultModel]) matched: PolicyResultModel[];
}

@ObjectType('RedactionFinding', { description: 'Where something was redacted and by which detector; never the value' })
export class RedactionFindingModel {
  @Field({ description: 'JSON path in the decision document, e.g. $.input.applicant.email' }) path: string;
  @Field({ description: 'email, phone, payment_card, iban, path, or a custom pattern name' }) detector: string;
  @Field(() => Int) count: number;
}
