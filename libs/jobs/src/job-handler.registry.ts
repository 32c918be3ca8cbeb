import { Injectable } from '@nestjs/common';
import { assertQueueName } from './enqueue-options';
import type { JobHandler } from './job-handler';

/**
 * The handlers this process can run, one per queue. A feature module's handler registers itself,
 * as an injectable provider, in `onModuleInit`:
 *
 *   // webhook-delivery.job.ts: the token, imported by the enqueuer and the handler
 *   export const WEBHOOK_DELIVERY_JOB = defineJob<WebhookJob>('webhooks');
 *
 *   // webhook-delivery.handler.ts
 *   @Injectable()
 *   export class WebhookDeliveryHandler implements JobHandler<WebhookJob>, OnModuleInit {
 *     readonly queue = WEBHOOK_DELIVERY_JOB.queue;
 *     constructor(private readonly registry: JobHandlerRegistry, …) {}
 *     onModuleInit(): void { this.registry.register(this); }
 *     async handle(job: JobContext<WebhookJob>): Promise<void> { … }
 *   }
 *
 * A second handler for the same queue throws at startup.
 *
 * Whether it runs here is JobsModule's choice: always in-process, and with Redis only where
 * `runWorkers` is set (the worker app). Workers start at application bootstrap, after every onModuleInit.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly listeners: ((handler: JobHandler) => void)[] = [];

  register(handler: JobHandler): void {
    assertQueueName(handler.queue);
    if (this.handlers.has(handler.queue)) throw new Error(`A job handler for queue "${handler.queue}" is already registered`);
    this.handlers.set(handler.queue, handler);
    for (const listener of this.listeners) listener(handler);
  }

  handlerFor(queue: string): JobHandler | undefined {
    return this.handlers.get(queue);
  }

  /** The queues with a handler registered now. */
  queues(): string[] {
    return [...this.handlers.keys()];
  }

  /** Calls `listener` with every handler registered so far, then with each one registered later. */
  forEachHandler(listener: (handler: JobHandler) => void): void {
    for (const handler of this.handlers.values()) listener(handler);
    this.listeners.push(listener);
  }
}
