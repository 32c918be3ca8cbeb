import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import { MONITOR_EVALUATION_JOB, type MonitorEvaluationJob } from './monitor-evaluation.job';
import { MonitorsService } from './monitors.service';

/** Evaluates a tenant's monitors for today (UTC). Idempotent: a second run finds no state to change. */
@Injectable()
export class MonitorEvaluationHandler implements JobHandler<MonitorEvaluationJob>, OnModuleInit {
  readonly queue = MONITOR_EVALUATION_JOB.queue;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly monitors: MonitorsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<MonitorEvaluationJob>): Promise<void> {
    const { tenantId } = job.data;
    await this.monitors.evaluateTenant(tenantId, new Date().toISOString().slice(0, 10), `monitors-${job.id}`);
  }
}
