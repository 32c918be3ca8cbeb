import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { JobContext, JobHandler } from '../job-handler';
import { JobHandlerRegistry } from '../job-handler.registry';
import { defineJob } from '../job-token';
import { resolveJobsOptions } from '../jobs.options';
import { InProcessJobQueue } from './in-process-job-queue';

/** The queues these tests use, each defined once as a feature module defines its job. */
const JOBS = Object.fromEntries(
  ['mail', 'json', 'flaky', 'doomed', 'dedupe', 'bulk', 'nobody', 'ok', 'slow', 'later'].map((queue) => [queue, defineJob<unknown>(queue)]),
);

/** A handler that records every attempt and behaves as `behave` says. */
function recordingHandler(queue: string, behave: (job: JobContext<unknown>) => Promise<void> = async () => undefined) {
  const calls: { job: JobContext<unknown>; at: number }[] = [];
  const handler: JobHandler = {
    queue,
    async handle(job) {
      calls.push({ job, at: performance.now() });
      await behave(job);
    },
  };
  return { handler, calls };
}

function queueWith(handlers: JobHandler[], concurrency = 8) {
  const registry = new JobHandlerRegistry();
  handlers.forEach((h) => registry.register(h));
  return new InProcessJobQueue(registry, resolveJobsOptions({ runWorkers: true, concurrency }));
}

async function waitFor(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(2);
  }
}

describe('InProcessJobQueue', () => {
  let logged: { warn: jest.SpyInstance; error: jest.SpyInstance };
  let queue: InProcessJobQueue | undefined;

  beforeEach(() => {
    logged = {
      warn: jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined),
      error: jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined),
    };
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await queue?.beforeApplicationShutdown();
    queue = undefined;
    jest.restoreAllMocks();
  });

  it('runs the job after enqueue returns, never inside the caller', async () => {
    const { handler, calls } = recordingHandler('mail');
    queue = queueWith([handler]);
    const id = await queue.enqueue(JOBS.mail, { to: 'a' });
    expect(calls).toHaveLength(0);
    await waitFor(() => calls.length === 1);
    expect(calls[0].job).toEqual({ id, queue: 'mail', data: { to: 'a' }, attempt: 1, maxAttempts: 1 });
  });

  it('hands the handler the payload as Redis would store it: plain JSON, copied at enqueue', async () => {
    const { handler, calls } = recordingHandler('json');
    queue = queueWith([handler]);
    const payload = { at: new Date('2024-01-31T00:00:00Z'), skip: undefined, n: 1 };
    await queue.enqueue(JOBS.json, payload);
    payload.n = 2;
    await queue.enqueue(JOBS.json, undefined);
    await waitFor(() => calls.length === 2);
    expect(calls.map((c) => c.job.data)).toEqual([{ at: '2024-01-31T00:00:00.000Z', n: 1 }, {}]);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const { handler, calls } = recordingHandler('flaky', async (job) => {
      if (job.attempt < 3) throw new Error(`boom ${job.attempt}`);
    });
    queue = queueWith([handler]);
    await queue.enqueue(JOBS.flaky, {}, { attempts: 5, backoffMs: 20 });
    await waitFor(() => calls.length === 3);
    await sleep(100); // longer than the next backoff (80 ms): a succeeded job is not run again
    expect(calls.map((c) => c.job.attempt)).toEqual([1, 2, 3]);
    expect(calls.every((c) => c.job.maxAttempts === 5)).toBe(true);
    // Timers may fire a millisecond early by performance.now(): allow for it.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(19);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(39);
    expect(logged.warn).toHaveBeenCalledTimes(2);
    expect(logged.error).not.toHaveBeenCalled();
  });

  it('logs a job that fails its last attempt, without rethrowing', async () => {
    const { handler, calls } = recordingHandler('doomed', async () => {
      throw new Error('receiver is down');
    });
    queue = queueWith([handler]);
    await queue.enqueue(JOBS.doomed, {}, { attempts: 2, backoffMs: 1 });
    await waitFor(() => logged.error.mock.calls.length === 1);
    expect(calls).toHaveLength(2);
    expect(logged.error.mock.calls[0][0]).toMatch(/^Job doomed\/.+ attempt 2 of 2 failed, giving up: receiver is down$/);
  });

  it('ignores an enqueue with the id of a job still pending or retrying, and accepts it once that job is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { handler, calls } = recordingHandler('dedupe', async (job) => {
      if (job.attempt === 1) throw new Error('first attempt fails');
      await gate;
    });
    queue = queueWith([handler]);
    expect(await queue.enqueue(JOBS.dedupe, { n: 1 }, { jobId: 'job-a', attempts: 2, backoffMs: 10 })).toBe('job-a');
    expect(await queue.enqueue(JOBS.dedupe, { n: 2 }, { jobId: 'job-a' })).toBe('job-a'); // pending
    await waitFor(() => calls.length === 1);
    expect(await queue.enqueue(JOBS.dedupe, { n: 3 }, { jobId: 'job-a' })).toBe('job-a'); // waiting out its backoff
    await waitFor(() => calls.length === 2);
    expect(await queue.enqueue(JOBS.dedupe, { n: 4 }, { jobId: 'job-a' })).toBe('job-a'); // running
    release();
    await sleep(5);
    expect(calls.map((c) => c.job.data)).toEqual([{ n: 1 }, { n: 1 }]);
    await queue.enqueue(JOBS.dedupe, { n: 5 }, { jobId: 'job-a' });
    await waitFor(() => calls.length === 3);
    expect(calls[2].job.data).toEqual({ n: 5 });
  });

  it('runs at most `concurrency` jobs of one queue at a time', async () => {
    let running = 0;
    let peak = 0;
    const { handler, calls } = recordingHandler('bulk', async () => {
      peak = Math.max(peak, ++running);
      await sleep(5);
      running--;
    });
    queue = queueWith([handler], 3);
    const ids = await queue.enqueueMany(
      JOBS.bulk,
      Array.from({ length: 10 }, (_, n) => ({ data: { n } })),
    );
    expect(new Set(ids).size).toBe(10);
    await waitFor(() => calls.length === 10 && running === 0);
    expect(peak).toBe(3);
  });

  it('refuses, at enqueue, a queue that no handler serves (a programming error)', async () => {
    queue = queueWith([]);
    await expect(queue.enqueue(JOBS.nobody, {})).rejects.toThrow('No job handler is registered for queue "nobody"');
    await expect(queue.enqueue(JOBS.ok, {}, { attempts: 0 })).rejects.toThrow(/attempts must be/);
  });

  it('on shutdown waits for running jobs and drops the ones not started', async () => {
    let finished = false;
    const slow = recordingHandler('slow', async () => {
      await sleep(30);
      finished = true;
    });
    const later = recordingHandler('later');
    queue = queueWith([slow.handler, later.handler]);
    await queue.enqueue(JOBS.slow, {});
    await queue.enqueue(JOBS.later, {}, { delayMs: 20 });
    await waitFor(() => slow.calls.length === 1);
    await queue.beforeApplicationShutdown();
    expect(finished).toBe(true);
    await queue.enqueue(JOBS.later, {});
    await sleep(40);
    expect(later.calls).toHaveLength(0);
  });
});
