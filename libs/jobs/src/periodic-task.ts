import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobQueue } from './job-queue';
import { every } from './periodic';

export interface PeriodicTaskOptions {
  /** Milliseconds between runs. */
  everyMs: number;
  logger: Logger;
  /** What a failed run is called in its warning, e.g. "Outbox sweep". */
  name: string;
}

/**
 * A task a process runs periodically where job handlers run (the sweeps that re-enqueue what a
 * crash lost, the ledger's sequencer): started at bootstrap, never overlapping itself (`every`),
 * stopped at shutdown. A failed run is a warning; the next one tries again.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;
  protected readonly logger: Logger;

  protected constructor(
    protected readonly jobs: JobQueue,
    private readonly options: PeriodicTaskOptions,
  ) {
    this.logger = options.logger;
  }

  protected abstract runOnce(): Promise<unknown>;

  /** Whether it runs in this process: where job handlers run, unless a task narrows it. */
  protected runsHere(): boolean {
    return this.jobs.runsHandlersHere;
  }

  /** What a task does once at bootstrap before its first period (nothing, unless it says). */
  protected async beforeFirstRun(): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsHere()) return;
    await this.beforeFirstRun();
    const { everyMs, name } = this.options;
    this.stop = every(
      everyMs,
      () => this.runOnce(),
      (e) => this.logger.warn(`${name} failed: ${e.message}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
