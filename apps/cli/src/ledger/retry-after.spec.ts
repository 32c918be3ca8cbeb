import { RateLimitPatience, retryAfterSeconds } from './retry-after';

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');

  it('reads delay-seconds and HTTP-dates, a past date as no wait', () => {
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Mon, 07 Dec 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Mon, 07 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('takes anything else for no header at all', () => {
    for (const header of [null, '', '-1', '1.5', 'soon', '12abc', '2026-12-07']) expect(retryAfterSeconds(header, now)).toBeNull();
  });
});

describe('RateLimitPatience', () => {
  it('waits as long as asked, within its budget, then gives up', () => {
    const patience = new RateLimitPatience(10);
    expect(patience.nextWait(4)).toBe(4);
    expect(patience.nextWait(6)).toBe(6);
    expect(patience.nextWait(1)).toBeNull();
    expect(patience.totalWaitedSeconds).toBe(10);
  });

  it('backs off 1, 2, 4 s without a Retry-After, afresh after an answer got through', () => {
    const patience = new RateLimitPatience(100);
    expect([patience.nextWait(null), patience.nextWait(null), patience.nextWait(null)]).toEqual([1, 2, 4]);
    patience.answered();
    expect(patience.nextWait(null)).toBe(1);
  });

  it('gives up at once when a single wait asked for is beyond the budget', () => {
    expect(new RateLimitPatience(60).nextWait(3600)).toBeNull();
  });
});
