import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AttestConfig } from '../config/attest-config';
import { ATTEST_CONFIG } from '../config/config.tokens';
import { RateLimitedError, type RateBudget } from './rate-limited.error';

const WHAT: Record<RateBudget, string> = {
  requests: 'requests',
  cost: 'query cost',
  openLineage: 'OpenLineage events',
  exports: 'CSV exports',
  health: 'health checks',
  signIn: 'sign-in attempts',
};

/**
 * The per-principal (and, for /health, per-IP) budgets. With Redis they are shared by every API
 * replica; on the embedded default they live in this process. Fails closed: a budget that cannot
 * be checked refuses the request (decisions/0010-rate-limits.md).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimits.name);
  private readonly limiters: Record<RateBudget, RateLimiterAbstract>;
  private readonly redis?: Redis;

  constructor(@Inject(ATTEST_CONFIG) config: AttestConfig) {
    const { rateLimits: r, redisUrl, queuePrefix } = config;
    if (redisUrl) {
      // Few retries: while Redis is down a request is refused at once rather than left waiting.
      this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectionName: 'attest-rate-limits' });
      this.redis.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
    }
    const limiter = (budget: RateBudget, points: number, duration: number, shared = true): RateLimiterAbstract => {
      const keyPrefix = `${queuePrefix}:rate-limits:${budget}`;
      return shared && this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, keyPrefix, points, duration })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    };
    this.limiters = {
      requests: limiter('requests', r.requests, r.requestsWindowSeconds),
      cost: limiter('cost', r.costPerMinute, 60),
      openLineage: limiter('openLineage', r.openLineagePerMinute, 60),
      exports: limiter('exports', r.exportsPerMinute, 60),
      // A probe checks one replica, and must be answered (Redis: down) while Redis is down.
      health: limiter('health', r.healthPerMinute, 60, false),
      // Per client address and per process, like health: a browser's sign-in is not shared state worth a Redis round trip.
      signIn: limiter('signIn', r.signInPerMinute, 60, false),
    };
  }

  /** Takes `points` from `key`'s budget, or throws RateLimitedError. */
  async consume(budget: RateBudget, key: string, points = 1): Promise<void> {
    try {
      await this.limiters[budget].consume(key, points);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        throw new RateLimitedError(
          `Too many ${WHAT[budget]}: the ${budget} budget is spent; retry after ${retryAfterSeconds} s`,
          budget,
          retryAfterSeconds,
        );
      }
      this.logger.error(`Rate limits cannot be checked: ${(outcome as Error)?.message ?? String(outcome)}`);
      throw new RateLimitedError(
        'Rate limits cannot be checked right now (their store is unavailable), so the request is refused; retry shortly',
        budget,
        1,
        503,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    // QUIT would wait for a connection that may never come back.
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}
