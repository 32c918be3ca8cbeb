import { loadConfig } from '../config/attest-config';
import { ErrorCode } from '../errors/error-code';
import { RateLimitedError } from './rate-limited.error';
import { RateLimits } from './rate-limits.service';

const refusalOf = (work: Promise<void>) =>
  work.then(
    () => undefined,
    (error: unknown) => error as RateLimitedError,
  );

describe('RateLimits', () => {
  it('refuses once a key has spent its budget, with the seconds to wait; other keys keep theirs', async () => {
    const limits = new RateLimits(loadConfig({ ATTEST_RATE_LIMIT_REQUESTS: '2', ATTEST_RATE_LIMIT_REQUESTS_WINDOW_SECONDS: '60' }));
    await limits.consume('requests', 'a');
    await limits.consume('requests', 'a');
    const refusal = await refusalOf(limits.consume('requests', 'a'));
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({ code: ErrorCode.RATE_LIMITED, httpStatus: 429, budget: 'requests', details: { budget: 'requests' } });
    expect(refusal!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal!.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(limits.consume('requests', 'b')).resolves.toBeUndefined();
  });

  it('counts the cost budget in points: one query may spend it all', async () => {
    const limits = new RateLimits(loadConfig({ ATTEST_RATE_LIMIT_COST_PER_MINUTE: '5000' }));
    await limits.consume('cost', 'a', 5000);
    expect(await refusalOf(limits.consume('cost', 'a', 1))).toMatchObject({ budget: 'cost', httpStatus: 429 });
  });

  it('fails closed: a budget that cannot be checked (no connection to Redis) refuses with 503, not a pass', async () => {
    const limits = new RateLimits(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }));
    // The connection is gone for good, as when Redis is down: every command fails at once.
    await limits.onApplicationShutdown();
    const refusal = await refusalOf(limits.consume('requests', 'a'));
    expect(refusal).toMatchObject({ code: ErrorCode.RATE_LIMITED, httpStatus: 503, retryAfterSeconds: 1 });
    expect(refusal!.message).toMatch(/cannot be checked.*refused/);
    // /health is counted in memory, so that a probe can still report Redis down.
    await expect(limits.consume('health', '127.0.0.1')).resolves.toBeUndefined();
  });
});
