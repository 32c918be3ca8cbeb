import { formatDuration } from '../../components/duration';

/** An item's SLA state in words and colour: "overdue by 2 h 5 min" (red), "due in 40 min" (yellow under an hour), "due in 3 h". */
export function slaState(dueAt: string, overdue: boolean, now: number): { label: string; color: string } {
  const seconds = Math.round((Date.parse(dueAt) - now) / 1000);
  // The API's `overdue` decides (its clock); the words only say by how much.
  if (overdue || seconds <= 0) return { label: `overdue by ${formatDuration(Math.max(0, -seconds))}`, color: 'red' };
  return { label: `due in ${formatDuration(seconds)}`, color: seconds < 3600 ? 'yellow' : 'teal' };
}

/** How often to renew a claim: a third of what is left of it (so two renewals may fail before it lapses), at least every second. */
export function renewalDelayMs(expiresAt: string, now: number): number {
  return Math.max(1000, Math.floor((Date.parse(expiresAt) - now) / 3));
}
