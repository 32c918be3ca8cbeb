import { registerEnumType } from '@nestjs/graphql';

export enum LedgerDivergenceKind {
  LEAF_MISSING = 'LEAF_MISSING',
  LEAF_CHANGED = 'LEAF_CHANGED',
  FACT_CHANGED = 'FACT_CHANGED',
  FACT_MISSING = 'FACT_MISSING',
  LEAF_NOT_IN_CHECKPOINT = 'LEAF_NOT_IN_CHECKPOINT',
  NODE_CHANGED = 'NODE_CHANGED',
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  CHECKPOINT_SIGNATURE = 'CHECKPOINT_SIGNATURE',
}
registerEnumType(LedgerDivergenceKind, {
  name: 'LedgerDivergenceKind',
  description: 'What verifyLedger found at the first bad index (docs/ledger.md, "Verifying")',
  valuesMap: {
    LEAF_MISSING: { description: 'A leaf the signed history includes is gone' },
    LEAF_CHANGED: { description: 'A stored leaf no longer hashes to what the tree holds' },
    FACT_CHANGED: { description: 'The row behind a leaf was edited: its fact recomputed differs from the leaf' },
    FACT_MISSING: { description: 'The row behind a leaf is gone' },
    LEAF_NOT_IN_CHECKPOINT: { description: 'A leaf is not covered by the checkpoint that claims it' },
    NODE_CHANGED: { description: 'A stored subtree head differs from the one recomputed from its leaves' },
    CHECKPOINT_MISMATCH: { description: 'A signed checkpoint names a root the leaves do not give' },
    CHECKPOINT_SIGNATURE: { description: 'A checkpoint signature does not verify with the ledger key' },
  },
});
