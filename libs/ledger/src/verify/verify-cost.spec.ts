import { MAX_VERIFY_RANGE } from '../api/dto/verify-ledger.args';
import { verifyLedgerCost } from './verify-cost';

describe('verifyLedgerCost', () => {
  const cost = (args: Record<string, unknown>) => verifyLedgerCost({ args });

  it('grows with the range asked for', () => {
    expect(cost({ fromIndex: 0, toIndex: 0 })).toBe(2);
    expect(cost({ fromIndex: 0, toIndex: 99 })).toBe(5);
    expect(cost({ fromIndex: 1000, toIndex: 10_999 })).toBe(401);
  });

  it('charges the cap for an open range, and never more', () => {
    expect(cost({})).toBe(2001);
    expect(cost({ fromIndex: 5 })).toBe(2001);
    expect(cost({ fromIndex: 0, toIndex: 10 * MAX_VERIFY_RANGE })).toBe(2001);
  });

  it('charges one leaf for a range verifyLedger will refuse as inverted', () => {
    expect(cost({ fromIndex: 10, toIndex: 3 })).toBe(2);
  });
});
