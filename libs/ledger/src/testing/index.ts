/** Test helpers of the ledger context, for specs and benches only: `@attest/ledger/testing` (never built into dist). */
export * from './bundle-fixture';
