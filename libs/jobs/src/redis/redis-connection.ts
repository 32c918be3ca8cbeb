import { Redis } from 'ioredis';

/**
 * Workers hold blocking commands and must wait out a Redis restart, so BullMQ requires
 * `maxRetriesPerRequest: null` for them; a producer gives up after a few retries instead, so that an
 * enqueue fails (and its caller can report it) rather than hang while Redis is down.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    connectionName: `attest-jobs-${role}`,
  });
}
