import { AttestError } from '@attest/core';
import { assertPeriod, MAX_PERIOD_DAYS } from './period-limits';

const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(ms);

describe('an audit period', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');

  it('accepts a range of up to 366 days', () => {
    expect(() => assertPeriod(at(start), at(start + 1))).not.toThrow();
    expect(() => assertPeriod(at(start), at(start + MAX_PERIOD_DAYS * DAY_MS))).not.toThrow();
  });

  it.each([
    ['empty', start, start],
    ['reversed', start, start - DAY_MS],
    ['longer than 366 days', start, start + MAX_PERIOD_DAYS * DAY_MS + 1],
    ['not a time', Number.NaN, start],
  ])('refuses a range that is %s with VALIDATION_FAILED', (_, from, to) => {
    let error: unknown;
    try {
      assertPeriod(at(from), at(to));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttestError);
    expect((error as AttestError).code).toBe('VALIDATION_FAILED');
  });
});
