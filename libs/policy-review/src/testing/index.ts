/** Test helpers of the policy-review context, for specs and benches only: `@attest/policy-review/testing` (never built into dist). */
export * from './decision-records';
