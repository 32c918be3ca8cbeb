import { AttestError } from '@attest/core';

/** The longest period a pack covers, and the most audit events it proves (each with its leaf and audit path). */
export const MAX_PERIOD_DAYS = 366;
export const MAX_PERIOD_EVENTS = 10_000;
const DAY_MS = 86_400_000;

/** [from, to) must be a real range of at most MAX_PERIOD_DAYS days. */
export function assertPeriod(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw AttestError.validation('from and to must be ISO 8601 instants', { field: 'from' });
  if (from.getTime() >= to.getTime()) throw AttestError.validation('from must be before to', { field: 'from' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw AttestError.validation(`A period spans at most ${MAX_PERIOD_DAYS} days`, { field: 'to', maxDays: MAX_PERIOD_DAYS });
}
