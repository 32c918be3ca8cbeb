import { UniqueNames } from '@attest/core';
import { assertQueueName } from './enqueue-options';

declare const payloadType: unique symbol;

/**
 * A queue and the payload its jobs carry, defined once by the context that owns the job and
 * imported by both the enqueuer (`jobs.enqueue(X, payload)`, typed) and the handler
 * (`readonly queue = X.queue`). Enqueue takes only tokens, so a queue nobody defined does not compile.
 */
export interface JobToken<T> {
  readonly queue: string;
  /** Never set: carries T for the compiler. */
  readonly [payloadType]?: T;
}

const queueNames = new UniqueNames('Job queue');

/** Defines a job; an invalid queue name, or one already defined, throws at startup. */
export function defineJob<T>(queue: string): JobToken<T> {
  assertQueueName(queue);
  queueNames.claim(queue);
  return Object.freeze({ queue });
}
