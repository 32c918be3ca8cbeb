import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { startTracing } from '@attest/observability';
import { InProcessJobQueue } from './in-process/in-process-job-queue';
import type { JobContext, JobHandler } from './job-handler';
import { JobHandlerRegistry } from './job-handler.registry';
import { defineJob } from './job-token';
import { resolveJobsOptions } from './jobs.options';

const TRACED = defineJob<{ tenantId: string; n: number }>('spec.traced');
const PRODUCER = 3;
const CONSUMER = 4;

/**
 * The in-process half of trace propagation (the Redis half: test/tracing.e2e-spec.ts): tracing
 * started through libs/observability's test hook with an in-memory exporter, a job enqueued inside
 * a span runs in a span of the same trace, and the handler sees the payload it was given.
 */
describe('a job continues the trace that enqueued it', () => {
  let sdk: NodeSDK;
  let exporter: InMemorySpanExporter;
  let queue: InProcessJobQueue;
  const seen: JobContext<unknown>[] = [];

  beforeAll(() => {
    exporter = new InMemorySpanExporter();
    sdk = startTracing({}, 'attest-spec', { exporter })!;
  });
  afterAll(() => sdk.shutdown());
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    exporter.reset();
    seen.length = 0;
    const registry = new JobHandlerRegistry();
    const handler: JobHandler = { queue: TRACED.queue, handle: async (job) => void seen.push(job) };
    registry.register(handler);
    queue = new InProcessJobQueue(registry, resolveJobsOptions({ runWorkers: true, concurrency: 2 }));
  });
  afterEach(async () => {
    await queue.beforeApplicationShutdown();
    jest.restoreAllMocks();
  });

  /** Until `n` jobs ran and `spans` spans were exported (export waits for the resource's detection: later on a cold start). */
  const waitFor = async (n: number, spans: number) => {
    for (let i = 0; seen.length < n || exporter.getFinishedSpans().length < spans; i++) {
      if (i > 15_000) throw new Error('the jobs did not run, or their spans were not exported');
      await sleep(2);
    }
  };

  it('send under the request span, process under send, one trace id; the payload without its carrier', async () => {
    const tracer = trace.getTracer('spec');
    const requestSpan = await tracer.startActiveSpan('request', async (span) => {
      await queue.enqueueMany(TRACED, [{ data: { tenantId: 't-1', n: 1 } }, { data: { tenantId: 't-1', n: 2 } }]);
      span.end();
      return span.spanContext();
    });
    await waitFor(2, 4); // request, send, two runs
    const spans = exporter.getFinishedSpans();
    const send = spans.find((s) => s.kind === PRODUCER)!;
    const processed = spans.filter((s) => s.kind === CONSUMER);
    expect(send.name).toBe('send spec.traced');
    expect(send.parentSpanContext?.spanId).toBe(requestSpan.spanId);
    expect(send.attributes).toMatchObject({ 'messaging.batch.message_count': 2, 'attest.tenant_id': 't-1' });
    expect(processed).toHaveLength(2);
    for (const span of processed) {
      expect(span.spanContext().traceId).toBe(requestSpan.traceId);
      expect(span.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
      expect(span.attributes).toMatchObject({ 'messaging.system': 'attest.in-process', 'attest.job.attempt': 1 });
    }
    expect(seen.map((job) => job.data)).toEqual([
      { tenantId: 't-1', n: 1 },
      { tenantId: 't-1', n: 2 },
    ]);
  });

  it('outside any trace, a job starts its own and no carrier is stored', async () => {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    expect(carrier).toEqual({});
    await queue.enqueue(TRACED, { tenantId: 't-2', n: 3 });
    await waitFor(1, 2);
    expect(seen[0].data).toEqual({ tenantId: 't-2', n: 3 });
    const processed = exporter.getFinishedSpans().find((s) => s.kind === CONSUMER)!;
    const send = exporter.getFinishedSpans().find((s) => s.kind === PRODUCER)!;
    // The send span is the root; the run continues it.
    expect(send.parentSpanContext).toBeUndefined();
    expect(processed.spanContext().traceId).toBe(send.spanContext().traceId);
  });
});
