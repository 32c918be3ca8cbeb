/**
 * The wait before the retry that follows failed attempt `failedAttempt` (1-based): backoffMs × 2^(N−1).
 * It is BullMQ's built-in 'exponential' strategy, so both ways of running jobs wait alike.
 */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return Math.round(backoffMs * 2 ** (failedAttempt - 1));
}
