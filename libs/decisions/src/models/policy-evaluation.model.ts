import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PolicyEffect, PolicySeverity } from '@attest/core';

@ObjectType('PolicyResult', { description: 'One policy that matched' })
export class PolicyResultModel {
  @Field({ description: "The policy's id in its pack" }) id: string;
  @Field(() => Int, { description: "The policy's version number" }) version: number;
  @Field(() => PolicyEffect, { description: 'What this policy asked for' }) effect: PolicyEffect;
  @Field(() => PolicySeverity, { description: "The policy's severity as its pack declares it" }) severity: PolicySeverity;
  @Field({ description: "The policy's message, to show to people" }) message: string;
  @Field(() => [String], { description: 'e.g. EU-AI-Act:Art.14, NIST-AI-RMF:MANAGE-2.3' }) frameworks: string[];
}

@ObjectType('PolicyEvaluation', { description: 'The verdict of the active pack, by its digest (re-evaluable against the exact policies)' })
export class PolicyEvaluationModel {
  @Field({ description: 'Digest of the pack that judged it, sha256:<64 hex>: the exact policies can be found and re-run' })
  packDigest: string;
  @Field(() => PolicyEffect, { description: 'Combined: DENY > REQUIRE_REVIEW > ANNOTATE > ALLOW' }) effect: PolicyEffect;
  @Field(() => [PolicyResultModel], { description: 'The policies whose conditions held, in pack order' }) matched: PolicyResultModel[];
}

@ObjectType('RedactionFinding', { description: 'Where something was redacted and by which detector; never the value' })
export class RedactionFindingModel {
  @Field({ description: 'JSON path in the decision document, e.g. $.input.applicant.email' }) path: string;
  @Field({ description: 'email, phone, payment_card, iban, path, or a custom pattern name' }) detector: string;
  @Field(() => Int, { description: 'How many values were redacted at that path by that detector' }) count: number;
}
