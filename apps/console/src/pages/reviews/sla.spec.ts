import { renewalDelayMs, slaState } from './sla';

describe('review SLA wording', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');

  it('says how long until an item is due, yellow in its last hour', () => {
    expect(slaState('2026-12-01T13:30:00Z', false, now)).toEqual({ label: 'due in 3 h 30 min', color: 'teal' });
    expect(slaState('2026-12-01T10:40:00Z', false, now)).toEqual({ label: 'due in 40 min', color: 'yellow' });
  });

  it('says by how much an item is overdue, and trusts the API when the clocks disagree', () => {
    expect(slaState('2026-12-01T07:55:00Z', true, now)).toEqual({ label: 'overdue by 2 h 5 min', color: 'red' });
    expect(slaState('2026-12-01T10:00:30Z', true, now)).toEqual({ label: 'overdue by 0 s', color: 'red' });
  });

  it('renews a claim at a third of what is left of it, never more often than every second', () => {
    expect(renewalDelayMs('2026-12-01T10:30:00Z', now)).toBe(600_000);
    expect(renewalDelayMs('2026-12-01T10:00:02Z', now)).toBe(1000);
    expect(renewalDelayMs('2026-12-01T09:59:00Z', now)).toBe(1000);
  });
});
