export type { JobContext, JobHandler } from './job-handler';
export { JobQueue, type EnqueueOptions } from './job-queue';
export { defineJob, type JobToken } from './job-token';
export { JobHandlerRegistry } from './job-handler.registry';
export { JobsModule } from './jobs.module';
export type { JobsModuleOptions } from './jobs.options';
export { JobOptionsError } from './jobs.errors';
export { retryDelayMs } from './retry-delay';
export { every } from './periodic';
