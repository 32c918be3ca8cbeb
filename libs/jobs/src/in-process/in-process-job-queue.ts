import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { resolveEnqueueOptions, type ResolvedEnqueueOptions } from '../enqueue-options';
import type { JobContext, JobHandler } from '../job-handler';
import { JobHandlerRegistry } from '../job-handler.registry';
import { tracedEnqueue } from '../job-trace';
import { JobMetrics } from '../job-metrics';
import { type EnqueueOptions, JobQueue } from '../job-queue';
import type { JobToken } from '../job-token';
import { JOBS_OPTIONS, type ResolvedJobsOptions } from '../jobs.options';
import { retryDelayMs } from '../retry-delay';
import { runAttempt } from '../run-attempt';
import { ConcurrencyLimiter } from './concurrency-limiter';

interface PendingJob {
  handler: JobHandler;
  context: JobContext<unknown>;
  backoffMs: number;
}

/**
 * The embedded default: jobs run in this process with the attempts, backoff and dedupe they would
 * have on Redis. Nothing is persisted. On shutdown, running jobs finish and jobs not started yet
 * (delayed first runs, retries waiting out their backoff) are dropped: the domain keeps its durable
 * state in PostgreSQL and re-enqueues unfinished work on boot, so a lost job is only a late one.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  /** Every job pending or running, for dedupe. */
  private readonly known = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly lanes = new Map<string, ConcurrencyLimiter>();
  private closing = false;

  readonly runsHandlersHere = true;
  readonly durable = false;

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(JOBS_OPTIONS) private readonly options: ResolvedJobsOptions,
    @Optional() private readonly metrics?: JobMetrics,
  ) {
    super();
    metrics?.observeDepth(async () => this.depths());
  }

  async enqueue<T>(job: JobToken<T>, data: T, options?: EnqueueOptions): Promise<string> {
    const [id] = await this.enqueueMany(job, [{ data, options }]);
    return id;
  }

  async enqueueMany<T>({ queue }: JobToken<T>, jobs: { data: T; options?: EnqueueOptions }[]): Promise<string[]> {
    const resolved = jobs.map((job) => ({ data: job.data, options: resolveEnqueueOptions(queue, job.options) }));
    const handler = this.registry.handlerFor(queue);
    // On Redis the job would wait for a process that has the handler; here none ever will.
    if (!handler) throw new Error(`No job handler is registered for queue "${queue}"`);
    return tracedEnqueue(
      'attest.in-process',
      queue,
      jobs.map((job) => job.data),
      async (stamp) => resolved.map(({ data, options }) => this.accept(handler, asStored(stamp(data)), options)),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    let dropped = this.timers.size;
    this.timers.clear();
    for (const lane of this.lanes.values()) dropped += lane.dropWaiting();
    await Promise.all([...this.lanes.values()].map((lane) => lane.idle()));
    this.known.clear();
    if (dropped > 0)
      this.logger.log(`Dropped ${dropped} job(s) not started yet; their work is re-enqueued from PostgreSQL on the next start`);
  }

  private accept(handler: JobHandler, data: unknown, options: ResolvedEnqueueOptions): string {
    const id = options.jobId ?? randomUUID();
    const key = dedupeKey(handler.queue, id);
    if (this.known.has(key)) return id;
    if (this.closing) {
      this.logger.warn(`Job ${key} enqueued during shutdown was dropped`);
      return id;
    }
    this.known.add(key);
    const context = { id, queue: handler.queue, data, attempt: 1, maxAttempts: options.attempts };
    this.schedule({ handler, context, backoffMs: options.backoffMs }, options.delayMs);
    return id;
  }

  /** Always through a timer, even for 0 ms: a handler never runs inside its caller's stack or transaction. */
  private schedule(job: PendingJob, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.laneFor(job.context.queue).run(() => this.attempt(job));
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(job: PendingJob): Promise<void> {
    const outcome = await runAttempt(job.handler, job.context, this.logger, 'attest.in-process', this.metrics);
    const { context } = job;
    if (!outcome.ok && outcome.willRetry && !this.closing) {
      this.schedule({ ...job, context: { ...context, attempt: context.attempt + 1 } }, retryDelayMs(job.backoffMs, context.attempt));
    } else {
      this.known.delete(dedupeKey(context.queue, context.id));
    }
  }

  /** Every queue with a handler here, with its jobs pending or running (0 when idle, so that the series exists from start). */
  private depths(): Map<string, number> {
    const depths = new Map<string, number>(this.registry.queues().map((queue) => [queue, 0]));
    for (const key of this.known) {
      const queue = key.slice(0, key.indexOf(':'));
      depths.set(queue, (depths.get(queue) ?? 0) + 1);
    }
    return depths;
  }

  private laneFor(queue: string): ConcurrencyLimiter {
    let lane = this.lanes.get(queue);
    if (!lane) {
      lane = new ConcurrencyLimiter(this.options.concurrency);
      this.lanes.set(queue, lane);
    }
    return lane;
  }
}

/**
 * The payload as Redis would store it (BullMQ keeps JSON, and undefined as {}), so handlers see the
 * same plain data in both modes, and a caller changing its object after enqueue changes nothing.
 */
function asStored(data: unknown): unknown {
  return data === undefined ? {} : JSON.parse(JSON.stringify(data));
}

/** Queue names cannot hold ':', so the key is unambiguous. */
function dedupeKey(queue: string, id: string): string {
  return `${queue}:${id}`;
}
