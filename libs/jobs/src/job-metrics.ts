import { Injectable } from '@nestjs/common';
import type { ObservableResult } from '@opentelemetry/api';
import { attestMeter, SECONDS_BUCKETS } from '@attest/observability';
import type { AttemptOutcome } from './run-attempt';

/** Jobs waiting or running in one queue, as the runner of this process sees them. */
export type QueueDepthReader = () => Promise<Map<string, number>>;

/**
 * Job metrics, the same in both modes (docs/monitoring.md "Metrics"): attempts by queue and outcome
 * where they run, and the depth of each queue as the runner reports it. The only label is the
 * queue name (a fixed set, one per job kind).
 */
@Injectable()
export class JobMetrics {
  private readonly meter = attestMeter('jobs');
  private readonly attempts = this.meter.createCounter('attest.jobs.attempts', {
    description:
      'Job attempts finished, by queue and outcome: completed; retry (failed, will run again); dead_letter (failed its last attempt, given up)',
  });
  private readonly duration = this.meter.createHistogram('attest.jobs.duration', {
    unit: 's',
    description: 'Time one job attempt ran, by queue',
    advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
  });
  private readonly depth = this.meter.createObservableGauge('attest.jobs.queue_depth', {
    description: 'Jobs waiting (including delayed and retries waiting out their backoff) or running, by queue',
  });

  /** The runner says how to read its queues' depth (in-process: its own state; Redis: BullMQ's counts). */
  observeDepth(read: QueueDepthReader): void {
    this.depth.addCallback(async (result: ObservableResult) => {
      const depths = await read().catch(() => new Map<string, number>());
      for (const [queue, jobs] of depths) result.observe(jobs, { queue });
    });
  }

  attempted(queue: string, outcome: AttemptOutcome, seconds: number): void {
    const kind = outcome.ok ? 'completed' : outcome.willRetry ? 'retry' : 'dead_letter';
    this.attempts.add(1, { queue, outcome: kind });
    this.duration.record(seconds, { queue });
  }
}
