import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import { REVIEW_OVERDUE_JOB, type ReviewOverdueJob } from './review-overdue.job';
import { ReviewOverdueService } from './review-overdue.service';

/** Announces a tenant's overdue review items. Idempotent: an announced item is never announced again. */
@Injectable()
export class ReviewOverdueHandler implements JobHandler<ReviewOverdueJob>, OnModuleInit {
  readonly queue = REVIEW_OVERDUE_JOB.queue;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly overdue: ReviewOverdueService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<ReviewOverdueJob>): Promise<void> {
    await this.overdue.announce(job.data.tenantId, `reviews-overdue-${job.id}`);
  }
}
