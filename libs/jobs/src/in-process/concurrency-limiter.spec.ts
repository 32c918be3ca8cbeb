import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyLimiter } from './concurrency-limiter';

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at a time, in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    for (let i = 0; i < 6; i++) {
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await sleep(5);
        running--;
      });
    }
    await limiter.idle();
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('drops the tasks not started and waits only for the running ones', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const done: string[] = [];
    limiter.run(async () => {
      await sleep(10);
      done.push('first');
    });
    limiter.run(async () => void done.push('second'));
    expect(limiter.dropWaiting()).toBe(1);
    await limiter.idle();
    expect(done).toEqual(['first']);
  });
});
