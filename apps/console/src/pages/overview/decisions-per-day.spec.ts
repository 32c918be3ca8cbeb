import { countPerDay } from './decisions-per-day';

describe('decisions per day (the overview chart)', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('lists every day of the range, oldest first, zeros included', () => {
    const days = countPerDay(3, [], now);
    expect(days.map((d) => d.day)).toEqual(['2026-12-05', '2026-12-06', '2026-12-07']);
    expect(days.every((d) => d.recorded + d.pendingReview + d.blocked === 0)).toBe(true);
  });

  it('counts each decision on its UTC day, by status, and leaves out days outside the range', () => {
    const days = countPerDay(
      2,
      [
        { occurredAt: '2026-12-06T23:59:59.999Z', status: 'RECORDED' },
        { occurredAt: '2026-12-07T00:00:00.000Z', status: 'PENDING_REVIEW' },
        { occurredAt: '2026-12-07T09:00:00.000Z', status: 'BLOCKED' },
        { occurredAt: '2026-12-07T09:30:00.000Z', status: 'RECORDED' },
        { occurredAt: '2026-12-01T09:30:00.000Z', status: 'RECORDED' },
      ],
      now,
    );
    expect(days).toEqual([
      { day: '2026-12-06', recorded: 1, pendingReview: 0, blocked: 0 },
      { day: '2026-12-07', recorded: 1, pendingReview: 1, blocked: 1 },
    ]);
  });
});
