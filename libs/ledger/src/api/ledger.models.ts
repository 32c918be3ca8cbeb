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
});
