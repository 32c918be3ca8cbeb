import { MAX_VERIFY_RANGE } from '../api/dto/verify-ledger.args';

/** Leaves verifyLedger recomputes per unit of query cost: a call over its whole cap costs 2,001. */
export const LEAVES_PER_COST_UNIT = 25;

/**
 * The query cost of a verifyLedger call, from the range it asks for: its work grows with the
 * leaves it recomputes, so it spends the principal's cost budget in proportion. Without a
 * toIndex the range runs to the last sealed leaf, which the estimator cannot know: the cap is
 * charged (give toIndex to pay for less).
 */
export function verifyLedgerCost({ args }: { args: Record<string, unknown> }): number {
  const from = typeof args.fromIndex === 'number' ? args.fromIndex : 0;
  const to = typeof args.toIndex === 'number' ? args.toIndex : from + MAX_VERIFY_RANGE - 1;
  const leaves = Math.min(MAX_VERIFY_RANGE, Math.max(1, to - from + 1));
  return 1 + Math.ceil(leaves / LEAVES_PER_COST_UNIT);
}
