import { DEFAULT_BACKOFF_MS, resolveEnqueueOptions } from './enqueue-options';
import { JobOptionsError } from './jobs.errors';

describe('resolveEnqueueOptions', () => {
  it('defaults to one attempt, the default backoff and no delay', () => {
    expect(resolveEnqueueOptions('webhooks.deliver')).toEqual({ jobId: undefined, attempts: 1, backoffMs: DEFAULT_BACKOFF_MS, delayMs: 0 });
    expect(resolveEnqueueOptions('q', { jobId: 'delivery-1', attempts: 5, backoffMs: 0, delayMs: 10 })).toEqual({
      jobId: 'delivery-1',
      attempts: 5,
      backoffMs: 0,
      delayMs: 10,
    });
  });

  it('lists every problem of one call in one error', () => {
    const attempt = () => resolveEnqueueOptions('bad:queue', { jobId: '42', attempts: 0, delayMs: -1 });
    expect(attempt).toThrow(JobOptionsError);
    try {
      attempt();
    } catch (error) {
      expect((error as JobOptionsError).problems).toEqual([
        `queue name "bad:queue" must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit`,
        'jobId "42" must not be an integer',
        'attempts must be an integer from 1 to 100, got 0',
        'delayMs must be an integer from 0 to 2147483647, got -1',
      ]);
    }
  });

  it('refuses in every mode the job ids BullMQ would refuse on Redis', () => {
    expect(() => resolveEnqueueOptions('q', { jobId: 'decision:1' })).toThrow(/must not contain ':'/);
    expect(() => resolveEnqueueOptions('q', { jobId: '-7' })).toThrow(/must not be an integer/);
    expect(() => resolveEnqueueOptions('q', { jobId: '' })).toThrow(/1-200 characters/);
    expect(resolveEnqueueOptions('q', { jobId: '7b' }).jobId).toBe('7b');
  });

  it('refuses a backoff whose last retry would wait longer than a timer can', () => {
    expect(() => resolveEnqueueOptions('q', { attempts: 40, backoffMs: 1000 })).toThrow(/the last retry would wait/);
    expect(() => resolveEnqueueOptions('q', { attempts: 10, backoffMs: 1.5 })).toThrow(/backoffMs must be a non-negative integer/);
    expect(resolveEnqueueOptions('q', { attempts: 10, backoffMs: 60_000 }).attempts).toBe(10);
  });
});
