import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import { OpenLineageExporter } from './openlineage-exporter.service';
import { OPENLINEAGE_EXPORT_JOB, type OpenLineageExportJob } from './openlineage-export.job';
import { OpenLineageExportSweeper } from './openlineage-export.sweeper';

/**
 * One export batch per job. A refusal throws, so the queue retries the job with its backoff
 * (BullMQ with Redis, the in-process runner without); on the last attempt the exporter pauses
 * the tenant instead, and the sweeper starts a new job when the pause is over. A full batch
 * enqueues the next one at once. Idempotent: the batch starts at the cursor, whatever the job says.
 */
@Injectable()
export class OpenLineageExportHandler implements JobHandler<OpenLineageExportJob>, OnModuleInit {
  readonly queue = OPENLINEAGE_EXPORT_JOB.queue;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly exporter: OpenLineageExporter,
    private readonly sweeper: OpenLineageExportSweeper,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<OpenLineageExportJob>): Promise<void> {
    const { tenantId } = job.data;
    const batch = await this.exporter.exportBatch(tenantId, job.attempt >= job.maxAttempts);
    if (batch.error && job.attempt < job.maxAttempts)
      throw new Error(`OpenLineage endpoint refused an event of tenant ${tenantId}: ${batch.error}`);
    if (!batch.error && !batch.busy && batch.more) await this.sweeper.enqueue(tenantId, batch.generation);
  }
}
