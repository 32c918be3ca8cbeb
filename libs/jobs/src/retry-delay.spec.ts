import { Backoffs } from 'bullmq';
import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles from backoffMs after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(500, attempt))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(0, 5)).toBe(0);
  });

  it("waits exactly what BullMQ's built-in exponential backoff waits, so both modes agree", () => {
    for (const delay of [0, 7, 1000, 30_000]) {
      for (let attemptsMade = 1; attemptsMade <= 8; attemptsMade++) {
        const bull = Backoffs.calculate({ type: 'exponential', delay }, attemptsMade, new Error('x'), {} as never);
        expect(retryDelayMs(delay, attemptsMade)).toBe(bull);
      }
    }
  });
});
