/** Test helpers of the policy context, for specs and benches only: `@attest/policy/testing` (never built into dist). */
export { Random } from './random';
