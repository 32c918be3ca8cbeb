/** Test helpers of the lineage context, for specs and benches only: `@attest/lineage/testing` (never built into dist). */
export * from './openlineage-fixtures';
