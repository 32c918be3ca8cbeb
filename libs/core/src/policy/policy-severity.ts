import { registerEnumType } from '@nestjs/graphql';

/**
 * How serious a matched policy is: the one definition, beside PolicyEffect in core's policy seam for
 * the same reason (policy declares it, decisions and the registry show it). Least serious first;
 * values are what packs, stored policy results and ledger facts hold; GraphQL shows the keys.
 */
export enum PolicySeverity {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  CRITICAL = 'critical',
}
registerEnumType(PolicySeverity, {
  name: 'PolicySeverity',
  description: 'How serious a matched policy is, as its pack declares it',
  valuesMap: {
    LOW: { description: 'The least serious level' },
    MEDIUM: { description: 'More serious than low' },
    HIGH: { description: 'More serious than medium' },
    CRITICAL: { description: 'The most serious level' },
  },
});

/** Least serious first, as stored (lower case). */
export const POLICY_SEVERITIES = Object.values(PolicySeverity);
/** A stored severity: the lower-case value packs declare. */
export type PolicySeverityValue = `${PolicySeverity}`;
