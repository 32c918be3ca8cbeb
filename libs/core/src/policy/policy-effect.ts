import { registerEnumType } from '@nestjs/graphql';

/**
 * What a matched policy asks for: the one definition. It lives in core's policy seam because both
 * the policy context (which evaluates) and the contexts it judges (decisions, registry) depend on
 * core and not on each other. Listed strongest first: the combined effect is the first one any
 * matched policy has. Values are what packs, stored rows and ledger facts hold; GraphQL shows the keys.
 */
export enum PolicyEffect {
  DENY = 'deny',
  REQUIRE_REVIEW = 'require_review',
  ANNOTATE = 'annotate',
  ALLOW = 'allow',
}
registerEnumType(PolicyEffect, {
  name: 'PolicyEffect',
  description: 'What a matched policy asks for; a decision takes the strongest effect of the policies that matched',
  valuesMap: {
    DENY: { description: 'Refuse the change; a decision is still recorded, as blocked' },
    REQUIRE_REVIEW: { description: 'Send the decision to human review before its output stands' },
    ANNOTATE: { description: 'Record the policy message with the outcome and change nothing else' },
    ALLOW: { description: 'Let it through' },
  },
});

/** Strongest first, as stored (lower case). */
export const POLICY_EFFECTS = Object.values(PolicyEffect);
/** A stored effect: the lower-case value, which policy YAML and string literals can be checked against. */
export type PolicyEffectValue = `${PolicyEffect}`;
