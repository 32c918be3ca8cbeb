import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { defineJob, type JobContext, type JobHandler, JobHandlerRegistry, JobQueue, JobsModule } from '@attest/jobs';

/** The queues these tests use, each defined once as a feature module defines its job. */
const JOBS = Object.fromEntries(
  ['flaky', 'doomed', 'dedupe', 'json', 'bulk', 'handoff', 'slow', 'handled-elsewhere'].map((queue) => [queue, defineJob<unknown>(queue)]),
);

/**
 * One behaviour table, run against both ways of running jobs: BullMQ on a real Redis, and in-process.
 * Where the modes differ by design (which process runs a job, an unknown queue), the table says so.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Mode {
  name: string;
  redisUrl?: string;
  /** Redis: jobs run where runWorkers is set. In-process: where they were enqueued, the only place they can. */
  runsJobsOf: 'the worker' | 'the enqueuer';
}

const MODES: Mode[] = [
  { name: 'in-process', runsJobsOf: 'the enqueuer' },
  { name: 'Redis', redisUrl: REDIS_URL, runsJobsOf: 'the worker' },
];

const HANDLERS = Symbol('TEST_HANDLERS');

/** Registers handlers the way a feature module does: an injectable provider, in onModuleInit. */
@Injectable()
class RegistersHandlers implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(HANDLERS) private readonly handlers: JobHandler[],
  ) {}

  onModuleInit(): void {
    for (const handler of this.handlers) this.registry.register(handler);
  }
}

@Module({})
class TestFeatureModule {
  static with(handlers: JobHandler[]): DynamicModule {
    return { module: TestFeatureModule, providers: [RegistersHandlers, { provide: HANDLERS, useValue: handlers }] };
  }
}

/** Records each attempt; `behave` decides whether it fails. */
function recorder(queue: string, behave: (job: JobContext<unknown>) => Promise<void> = async () => undefined) {
  const calls: JobContext<unknown>[] = [];
  const handler: JobHandler = {
    queue,
    async handle(job) {
      calls.push(job);
      await behave(job);
    },
  };
  return { handler, calls };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe.each(MODES)('jobs ($name)', ({ redisUrl, runsJobsOf }) => {
  const prefix = `attest-test-${randomBytes(6).toString('hex')}`;
  const open: TestingModule[] = [];
  let loggedErrors: jest.SpyInstance;

  /** One process's JobsModule: `runWorkers` says whether it consumes Redis queues (the worker app). */
  async function startProcess(runWorkers: boolean, handlers: JobHandler[]): Promise<JobQueue> {
    const moduleRef = await Test.createTestingModule({
      imports: [JobsModule.forRoot({ redisUrl, prefix, runWorkers, concurrency: 4 }), TestFeatureModule.with(handlers)],
    }).compile();
    await moduleRef.init();
    open.push(moduleRef);
    return moduleRef.get(JobQueue);
  }

  /** Where the handler runs: one process in-process, an API-like process plus a worker with Redis. */
  async function startJobs(handler: JobHandler): Promise<JobQueue> {
    if (!redisUrl) return startProcess(true, [handler]);
    await startProcess(true, [handler]);
    return startProcess(false, []);
  }

  async function bullState(queue: string, id: string): Promise<string | undefined> {
    if (!redisUrl) return undefined;
    const inspector = new Queue(queue, { connection: { url: redisUrl }, prefix });
    try {
      return await inspector.getJobState(id);
    } finally {
      await inspector.close();
    }
  }

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    loggedErrors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((moduleRef) => moduleRef.close()));
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    if (!redisUrl) return;
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  it('calls a handler that fails its first two attempts three times, and the job ends succeeded', async () => {
    const { handler, calls } = recorder('flaky', async (job) => {
      if (job.attempt < 3) throw new Error(`attempt ${job.attempt} fails`);
    });
    const jobs = await startJobs(handler);
    const id = await jobs.enqueue(JOBS.flaky, { n: 1 }, { attempts: 5, backoffMs: 20 });
    await waitFor(() => calls.length === 3);
    await sleep(200); // past the next backoff (80 ms): a succeeded job does not run again
    expect(calls.map(({ id: callId, attempt, maxAttempts, data }) => ({ callId, attempt, maxAttempts, data }))).toEqual(
      [1, 2, 3].map((attempt) => ({ callId: id, attempt, maxAttempts: 5, data: { n: 1 } })),
    );
    expect(loggedErrors).not.toHaveBeenCalled();
    if (redisUrl) expect(await bullState('flaky', id)).toBe('completed');
  });

  it('gives up after the last attempt and logs it', async () => {
    const { handler, calls } = recorder('doomed', async () => {
      throw new Error('receiver is down');
    });
    const jobs = await startJobs(handler);
    const id = await jobs.enqueue(JOBS.doomed, {}, { attempts: 2, backoffMs: 10 });
    await waitFor(() => loggedErrors.mock.calls.length === 1);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2]);
    expect(loggedErrors.mock.calls[0][0]).toBe(`Job doomed/${id} attempt 2 of 2 failed, giving up: receiver is down`);
    if (redisUrl) expect(await bullState('doomed', id)).toBe('failed');
  });

  it('treats a second enqueue with the same jobId as a no-op while the first is pending', async () => {
    const { handler, calls } = recorder('dedupe');
    const jobs = await startJobs(handler);
    const first = await jobs.enqueue(JOBS.dedupe, { n: 1 }, { jobId: 'delivery-7', delayMs: 400 });
    const second = await jobs.enqueue(JOBS.dedupe, { n: 2 }, { jobId: 'delivery-7' });
    expect([first, second]).toEqual(['delivery-7', 'delivery-7']);
    await waitFor(() => calls.length === 1);
    await sleep(200);
    expect(calls.map((c) => c.data)).toEqual([{ n: 1 }]);
  });

  it('hands the handler the payload as plain JSON', async () => {
    const { handler, calls } = recorder('json');
    const jobs = await startJobs(handler);
    await jobs.enqueue(JOBS.json, { at: new Date('2024-01-31T00:00:00Z'), skip: undefined, list: [1, 'two'] });
    await waitFor(() => calls.length === 1);
    expect(calls[0].data).toEqual({ at: '2024-01-31T00:00:00.000Z', list: [1, 'two'] });
  });

  it('enqueues many jobs at once and returns their ids in order', async () => {
    const { handler, calls } = recorder('bulk');
    const jobs = await startJobs(handler);
    const ids = await jobs.enqueueMany(
      JOBS.bulk,
      [1, 2, 3, 4, 5].map((n) => ({ data: { n }, options: n === 5 ? { jobId: 'bulk-five' } : undefined })),
    );
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids[4]).toBe('bulk-five');
    await waitFor(() => calls.length === 5);
    const dataById = new Map(calls.map((c) => [c.id, c.data]));
    expect(ids.map((id) => dataById.get(id))).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
  });

  it(`runs a job in ${runsJobsOf}`, async () => {
    const atWorker = recorder('handoff');
    const atEnqueuer = recorder('handoff');
    await startProcess(true, [atWorker.handler]); // the worker app
    const api = await startProcess(false, [atEnqueuer.handler]); // the API: same feature modules, no workers
    const id = await api.enqueue(JOBS.handoff, { decisionId: 'd-1' });
    const expected = runsJobsOf === 'the worker' ? atWorker : atEnqueuer;
    const other = expected === atWorker ? atEnqueuer : atWorker;
    await waitFor(() => expected.calls.length === 1);
    await sleep(100);
    expect(expected.calls).toEqual([{ id, queue: 'handoff', data: { decisionId: 'd-1' }, attempt: 1, maxAttempts: 1 }]);
    expect(other.calls).toEqual([]);
  });

  it('on shutdown lets a running job finish', async () => {
    let finished = false;
    const { handler, calls } = recorder('slow', async () => {
      await sleep(300);
      finished = true;
    });
    const jobs = await startJobs(handler);
    await jobs.enqueue(JOBS.slow, {});
    await waitFor(() => calls.length === 1);
    await Promise.all(open.splice(0).map((moduleRef) => moduleRef.close()));
    expect(finished).toBe(true);
  });

  if (redisUrl) {
    it('leaves a job of a queue no process here handles in Redis, for a process that has the handler', async () => {
      const api = await startProcess(false, []);
      const id = await api.enqueue(JOBS['handled-elsewhere'], { n: 1 });
      expect(await bullState('handled-elsewhere', id)).toBe('waiting');
    });
  } else {
    it('refuses at enqueue a queue that no handler serves, since nothing else could run it', async () => {
      const jobs = await startProcess(true, []);
      await expect(jobs.enqueue(JOBS['handled-elsewhere'], {})).rejects.toThrow(
        'No job handler is registered for queue "handled-elsewhere"',
      );
    });
  }
});
